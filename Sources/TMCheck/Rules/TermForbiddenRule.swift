import TMCore

/// `term-forbidden`: the target uses a term the glossary marks deprecated (TBX `administrativeStatus`
/// `deprecatedTerm-admn-sts`), in any inflected form.
struct TermForbiddenRule: UnitRule {
    let id = "term-forbidden"
    let defaultSeverity = Severity.error

    func check(_ unit: UnitAnalysis, context: CheckContext, into findings: inout [Finding]) {
        guard let glossary = context.glossary, !unit.target.isBlank else { return }
        for k in glossary.candidates(in: unit.target, source: false) {
            let entry = glossary.entries[k]
            for term in entry.target where term.deprecated {
                guard let range = glossary.find(term, in: unit.target, matcher: glossary.targetMatcher) else {
                    continue
                }
                let preferred = entry.target.filter { !$0.deprecated }.map(\.text)
                var message = "forbidden term \(quoted(term.text)) in the target"
                if let first = preferred.first { message += "; use \(quoted(first))" }
                findings.append(finding(unit, message, spans: [Span(side: .target, range: range)]))
                break
            }
        }
    }
}
