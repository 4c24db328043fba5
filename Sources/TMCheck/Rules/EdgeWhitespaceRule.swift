import TMCore

/// `edge-whitespace`: the target starts or ends with different whitespace than the source (a lost trailing
/// newline, an added leading space).
struct EdgeWhitespaceRule: UnitRule {
    let id = "edge-whitespace"
    let defaultSeverity = Severity.warning

    func check(_ unit: UnitAnalysis, context: CheckContext, into findings: inout [Finding]) {
        guard let sb = unit.source.trimmedBounds, let tb = unit.target.trimmedBounds else { return }
        let s = unit.source.scalars
        let t = unit.target.scalars
        var problems: [String] = []
        var spans: [Span] = []
        if !s[..<sb.lowerBound].elementsEqual(t[..<tb.lowerBound]) {
            problems.append("leading whitespace " + Self.describe(s[..<sb.lowerBound]) + " → "
                + Self.describe(t[..<tb.lowerBound]))
            spans.append(tb.lowerBound > 0
                ? Span(side: .target, range: 0..<tb.lowerBound) : Span(side: .source, range: 0..<sb.lowerBound))
        }
        if !s[sb.upperBound...].elementsEqual(t[tb.upperBound...]) {
            problems.append("trailing whitespace " + Self.describe(s[sb.upperBound...]) + " → "
                + Self.describe(t[tb.upperBound...]))
            spans.append(tb.upperBound < t.count
                ? Span(side: .target, range: tb.upperBound..<t.count) : Span(side: .source, range: sb.upperBound..<s.count))
        }
        guard !problems.isEmpty else { return }
        findings.append(finding(unit, problems.joined(separator: "; "), spans: spans))
    }

    /// `none`, `“ ”`, `“\n”`.
    static func describe(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        if scalars.isEmpty { return "none" }
        var out = ""
        for c in scalars {
            switch c {
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case " ": out += "␠"
            default: out += "U+" + String(c.value, radix: 16, uppercase: true)
            }
        }
        return quoted(out)
    }
}
