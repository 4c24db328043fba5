import TMCore

/// `empty-target`: a source with text whose target is empty or blank.
struct EmptyTargetRule: UnitRule {
    let id = "empty-target"
    let defaultSeverity = Severity.error

    func check(_ unit: UnitAnalysis, context: CheckContext, into findings: inout [Finding]) {
        guard unit.target.isBlank, !unit.source.isBlank else { return }
        findings.append(finding(unit, "the target is empty"))
    }
}
