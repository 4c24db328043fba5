import TMCore

/// `untranslated`: the target repeats the source, and the source has words that needed translating.
///
/// Numbers, inline codes, words with digits or underscores, words in capitals (`GNU`, `OK`) and capitalised
/// words inside the sentence (names) need no translation; a one-word segment is often a cognate (`Error`),
/// so at least `untranslatedMinimumWords` translatable words are required.
struct UntranslatedRule: UnitRule {
    let id = "untranslated"
    let defaultSeverity = Severity.warning

    func check(_ unit: UnitAnalysis, context: CheckContext, into findings: inout [Finding]) {
        guard let sb = unit.source.trimmedBounds, let tb = unit.target.trimmedBounds,
              unit.source.scalars[sb].elementsEqual(unit.target.scalars[tb])
        else { return }
        var translatable = 0
        let s = unit.source.scalars
        for (index, word) in unit.source.words.enumerated() {
            guard word.count >= 2 else { continue }
            var letters = 0
            var upper = 0
            var other = false
            for c in s[word] {
                if ScalarTraits.isLetter(c) {
                    letters += 1
                    if ScalarTraits.isUppercase(c) { upper += 1 }
                } else if c != "'" && c != "’" {
                    other = true
                }
            }
            if other || letters < 2 || upper == letters { continue }
            if index > 0, ScalarTraits.isUppercase(s[word.lowerBound]) { continue }  // a name
            translatable += 1
        }
        guard translatable >= context.options.untranslatedMinimumWords else { return }
        findings.append(finding(unit, "the target is the untranslated source",
                                spans: [Span(side: .target, range: tb)]))
    }
}
