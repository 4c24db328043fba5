import TMCore

/// `unbalanced-brackets`: the target's brackets or quotes pair up differently from the source's.
///
/// Compares, per kind, how many openers are left unclosed (or closers unopened) on each side, so a list item
/// `a)` in both is fine while a lost `)` is not. Straight double quotes are compared by parity; `« »` and
/// `“ ”`/`„ “` by count difference. Brackets inside placeholders and tags are ignored.
struct UnbalancedBracketsRule: UnitRule {
    let id = "unbalanced-brackets"
    let defaultSeverity = Severity.warning

    func check(_ unit: UnitAnalysis, context: CheckContext, into findings: inout [Finding]) {
        guard !unit.target.isBlank else { return }
        // Fast path: no bracket or quote on either side.
        guard unit.source.has(Segment.Trigger.bracket) || unit.target.has(Segment.Trigger.bracket) else { return }
        let source = Self.balance(unit.source)
        let target = Self.balance(unit.target)
        var problems: [String] = []
        var spans: [Span] = []
        for (k, name) in Self.pairNames.enumerated() where source.counts[k] != target.counts[k] {
            problems.append(name)
            if let p = target.firstProblem[k] { spans.append(Span(side: .target, range: p..<(p + 1))) }
        }
        guard !problems.isEmpty else { return }
        findings.append(finding(unit, "unbalanced " + problems.joined(separator: ", ") + " in the target",
                                spans: spans))
    }

    static let pairNames = ["( )", "[ ]", "{ }", "quotes \" \"", "« »"]

    struct Balance {
        /// Per pair: net opens (positive) or closes (negative); for straight quotes, the parity.
        var counts = [0, 0, 0, 0, 0]
        var firstProblem: [Int?] = [nil, nil, nil, nil, nil]
    }

    static func balance(_ segment: Segment) -> Balance {
        var b = Balance()
        let s = segment.scalars
        var codeIndex = 0
        let codes = segment.codes
        var lastQuote: Int? = nil
        var opens: [[Int]] = [[], [], [], [], []]
        for i in s.indices {
            while codeIndex < codes.count, codes[codeIndex].range.upperBound <= i { codeIndex += 1 }
            if codeIndex < codes.count, codes[codeIndex].range.contains(i) { continue }
            let k: Int
            let open: Bool
            switch s[i] {
            case "(": (k, open) = (0, true)
            case ")": (k, open) = (0, false)
            case "[": (k, open) = (1, true)
            case "]": (k, open) = (1, false)
            case "{": (k, open) = (2, true)
            case "}": (k, open) = (2, false)
            case "\"":
                b.counts[3] ^= 1
                lastQuote = b.counts[3] == 1 ? i : nil
                continue
            case "«": (k, open) = (4, true)
            case "»": (k, open) = (4, false)
            default: continue
            }
            if open {
                b.counts[k] += 1
                opens[k].append(i)
            } else {
                b.counts[k] -= 1
                if opens[k].isEmpty {
                    if b.firstProblem[k] == nil { b.firstProblem[k] = i }
                } else {
                    opens[k].removeLast()
                }
            }
        }
        for k in 0..<5 where b.firstProblem[k] == nil { b.firstProblem[k] = opens[k].first }
        if let lastQuote { b.firstProblem[3] = lastQuote }
        return b
    }
}
