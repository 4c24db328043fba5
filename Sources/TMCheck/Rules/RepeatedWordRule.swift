import TMCore

/// `repeated-word`: the same word twice in a row in the target (`de de`), unless the source repeats it too.
struct RepeatedWordRule: UnitRule {
    let id = "repeated-word"
    let defaultSeverity = Severity.warning

    func check(_ unit: UnitAnalysis, context: CheckContext, into findings: inout [Finding]) {
        let target = Self.repeats(unit.target)
        guard !target.isEmpty else { return }
        let source = Set(Self.repeats(unit.source).map { $0.word })
        let fresh = target.filter { !source.contains($0.word) }
        guard !fresh.isEmpty else { return }
        findings.append(finding(
            unit, "repeated word: " + fresh.map { quoted(unit.target.string($0.range)) }.joined(separator: ", "),
            spans: fresh.map { Span(side: .target, range: $0.range) }))
    }

    /// Each repetition: the folded word and the range covering both occurrences.
    static func repeats(_ segment: Segment) -> [(word: [Unicode.Scalar], range: Range<Int>)] {
        let words = segment.words
        guard words.count > 1 else { return [] }
        let s = segment.scalars
        var result: [(word: [Unicode.Scalar], range: Range<Int>)] = []
        let folded = segment.foldedWords
        for k in 1..<words.count {
            let a = words[k - 1]
            let b = words[k]
            guard folded[k] == folded[k - 1], b.lowerBound > a.upperBound,
                  s[a.upperBound..<b.lowerBound].allSatisfy({ $0 == " " || ScalarTraits.isNoBreakSpace($0) }),
                  s[b].contains(where: ScalarTraits.isLetter)
            else { continue }
            result.append((folded[k], a.lowerBound..<b.upperBound))
        }
        return result
    }
}
