import TMCore

/// `low-confidence`: a unit that tmkit aligned with a confidence below `minimumConfidence`.
struct LowConfidenceRule: UnitRule {
    let id = "low-confidence"
    let defaultSeverity = Severity.warning

    func check(_ unit: UnitAnalysis, context: CheckContext, into findings: inout [Finding]) {
        guard let confidence = unit.unit.confidence, confidence < context.options.minimumConfidence else { return }
        let shown = (confidence * 100).rounded() / 100
        findings.append(finding(unit, "alignment confidence \(shown) is below \(context.options.minimumConfidence)"))
    }
}
