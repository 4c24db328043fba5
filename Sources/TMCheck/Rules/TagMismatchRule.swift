import TMCore

/// `tag-mismatch`: an HTML/XML tag or inline code (`<b>`, `</a>`, `<br/>`, `<ph x="1"/>`) missing, extra or
/// changed in the target. Tags compare by their whole text, so a changed attribute (`href`) is reported too.
struct TagMismatchRule: UnitRule {
    let id = "tag-mismatch"
    let defaultSeverity = Severity.error

    func check(_ unit: UnitAnalysis, context: CheckContext, into findings: inout [Finding]) {
        if unit.target.isBlank { return }
        let source = unit.source.codes.filter { $0.kind == .tag }
        let target = unit.target.codes.filter { $0.kind == .tag }
        if source.isEmpty && target.isEmpty { return }
        let comparison = CodeComparison(source: source, target: target) { Self.normalised($0.text) }
        if comparison.isEmpty { return }
        let (message, spans) = comparison.describe("tag")
        findings.append(finding(unit, message, spans: spans))
    }

    /// Whitespace inside a tag is not significant: `<br />` = `<br/>`.
    static func normalised(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var lastSpace = false
        for c in text.unicodeScalars {
            if ScalarTraits.isWhitespace(c) {
                lastSpace = true
                continue
            }
            if lastSpace, c != "/", c != ">", out.last != "=" , c != "=" { out.append(" ") }
            lastSpace = false
            out.append(c)
        }
        return String(out)
    }
}
