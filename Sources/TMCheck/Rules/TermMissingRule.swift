import TMCore

/// `term-missing`: a glossary term is in the source but none of its target-language equivalents is in the
/// target. Inflection-aware on both sides: `Qazaxıstanda` satisfies `Qazaxıstan`, `revolutions` satisfies
/// `revolution`.
struct TermMissingRule: UnitRule {
    let id = "term-missing"
    let defaultSeverity = Severity.warning

    func check(_ unit: UnitAnalysis, context: CheckContext, into findings: inout [Finding]) {
        guard let glossary = context.glossary, !unit.target.isBlank else { return }
        for k in glossary.candidates(in: unit.source, source: true) {
            let entry = glossary.entries[k]
            let allowed = entry.target.filter { !$0.deprecated }
            guard !allowed.isEmpty else { continue }
            var sourceHit: (PreparedGlossary.PreparedTerm, Range<Int>)? = nil
            for term in entry.source {
                if let r = glossary.find(term, in: unit.source, matcher: glossary.sourceMatcher) {
                    sourceHit = (term, r)
                    break
                }
            }
            guard let (term, range) = sourceHit else { continue }
            if allowed.contains(where: { glossary.find($0, in: unit.target, matcher: glossary.targetMatcher) != nil }) {
                continue
            }
            let wanted = Array(Set(allowed.map(\.text))).sorted { $0.precedesInScalarOrder($1) }
                .map(quoted).joined(separator: " or ")
            findings.append(finding(unit, "glossary term \(quoted(term.text)) is not translated as \(wanted)",
                                    spans: [Span(side: .source, range: range)]))
        }
    }
}
