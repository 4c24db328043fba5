import TMCore

/// `placeholder-mismatch`: a printf, brace or `${}` placeholder missing, extra or changed in the target.
///
/// Reordering is allowed: `%s … %d` may become `%2$d … %1$s`, so positional printf placeholders are compared
/// by their conversion once the exact texts disagree.
struct PlaceholderMismatchRule: UnitRule {
    let id = "placeholder-mismatch"
    let defaultSeverity = Severity.error

    func check(_ unit: UnitAnalysis, context: CheckContext, into findings: inout [Finding]) {
        if unit.target.isBlank { return }
        let source = unit.source.codes.filter { $0.kind == .placeholder }
        let target = unit.target.codes.filter { $0.kind == .placeholder }
        if source.isEmpty && target.isEmpty { return }
        var comparison = CodeComparison(source: source, target: target) { $0.text }
        if comparison.isEmpty { return }
        comparison = CodeComparison(source: source, target: target, key: Self.positionFree)
        if comparison.isEmpty { return }
        let (message, spans) = comparison.describe("placeholder")
        findings.append(finding(unit, message, spans: spans))
    }

    /// `%2$s` → `%s`; other placeholders unchanged.
    static func positionFree(_ code: InlineCode) -> String {
        let s = Array(code.text.unicodeScalars)
        guard s.first == "%", s.count > 2 else { return code.text }
        var i = 1
        while i < s.count, ScalarTraits.isDigit(s[i]) { i += 1 }
        guard i > 1, i < s.count, s[i] == "$" else { return code.text }
        return "%" + ScalarTraits.string(s[(i + 1)...])
    }
}
