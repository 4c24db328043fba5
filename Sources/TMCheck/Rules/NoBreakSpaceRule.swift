import TMCore

/// `nbsp-mismatch`: the target has a different number of no-break spaces than the source.
///
/// No-break spaces that a language's typography asks for are not counted: next to digits (`5 800`, `10 Mo`), and in
/// French before `: ; ! ? » %` and after `«`.
struct NoBreakSpaceRule: UnitRule {
    let id = "nbsp-mismatch"
    let defaultSeverity = Severity.info

    func check(_ unit: UnitAnalysis, context: CheckContext, into findings: inout [Finding]) {
        guard !unit.target.isBlank,
              unit.source.has(Segment.Trigger.noBreakSpace) || unit.target.has(Segment.Trigger.noBreakSpace)
        else { return }
        let source = Self.positions(unit.source)
        let target = Self.positions(unit.target)
        guard source.count != target.count else { return }
        let message = target.count > source.count
            ? "no-break space in the target where the source has none"
            : "the source's no-break space is an ordinary space in the target"
        let spans = target.count > source.count
            ? target.map { Span(side: .target, range: $0..<($0 + 1)) }
            : source.map { Span(side: .source, range: $0..<($0 + 1)) }
        findings.append(finding(unit, message, spans: spans))
    }

    static func positions(_ segment: Segment) -> [Int] {
        let s = segment.scalars
        let french = segment.language == "fr"
        var result: [Int] = []
        for i in s.indices where ScalarTraits.isNoBreakSpace(s[i]) {
            let before = i > 0 ? s[i - 1] : " "
            let after = i + 1 < s.count ? s[i + 1] : " "
            // Next to a digit: a thousands separator (`5 800`) or a number and its unit (`10 Mo`, `colonne 1`).
            if ScalarTraits.isDigit(before) || ScalarTraits.isDigit(after) { continue }
            if french && (":;!?»%".unicodeScalars.contains(after) || before == "«") { continue }
            result.append(i)
        }
        return result
    }
}
