import TMCore

/// `double-space`: two or more spaces in a row inside the target of a source that has none (a source with
/// runs of spaces is laid out in columns, and its translation may lay them out differently).
struct DoubleSpaceRule: UnitRule {
    let id = "double-space"
    let defaultSeverity = Severity.warning

    func check(_ unit: UnitAnalysis, context: CheckContext, into findings: inout [Finding]) {
        guard unit.target.has(Segment.Trigger.doubleSpace), let tb = unit.target.trimmedBounds else { return }
        let targetRuns = Self.runs(unit.target.scalars, within: tb)
        guard !targetRuns.isEmpty else { return }
        let sourceRuns = unit.source.trimmedBounds.map { Self.runs(unit.source.scalars, within: $0) } ?? []
        guard sourceRuns.isEmpty else { return }
        findings.append(finding(unit, "double space in the target",
                                spans: targetRuns.map { Span(side: .target, range: $0) }))
    }

    static func runs(_ s: [Unicode.Scalar], within bounds: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var i = bounds.lowerBound
        while i < bounds.upperBound {
            if s[i] == " ", i + 1 < bounds.upperBound, s[i + 1] == " " {
                var j = i + 1
                while j < bounds.upperBound, s[j] == " " { j += 1 }
                result.append(i..<j)
                i = j
            } else {
                i += 1
            }
        }
        return result
    }
}
