import TMCore

/// `repeated-word`: the same word twice in a row in the target (`de de`), unless the source repeats it too.
///
/// Only words separated by one space count (column layouts in help texts repeat words across wide gaps), the
/// two must be spelt alike (German `Sie sie` is grammatical) unless the first starts the sentence (`The the`),
/// and repetitions a language's grammar makes (German `die die`, French `nous nous`) are allowed.
struct RepeatedWordRule: UnitRule {
    let id = "repeated-word"
    let defaultSeverity = Severity.warning

    func check(_ unit: UnitAnalysis, context: CheckContext, into findings: inout [Finding]) {
        let target = Self.repeats(unit.target)
        guard !target.isEmpty else { return }
        // A source that repeats a word (`bye bye`) may be translated with a repetition of another word.
        let sourceRepeats = Self.repeats(unit.source)
        guard target.count > sourceRepeats.count else { return }
        let source = Set(sourceRepeats.map { $0.word })
        let fresh = target.filter { !source.contains($0.word) }
        let allowed = Self.grammatical[unit.target.language] ?? []
        let reported = fresh.filter { !allowed.contains(ScalarTraits.string($0.word)) }
        guard !reported.isEmpty else { return }
        findings.append(finding(
            unit, "repeated word: " + reported.map { quoted(unit.target.string($0.range)) }.joined(separator: ", "),
            spans: reported.map { Span(side: .target, range: $0.range) }))
    }

    /// Each repetition: the folded word and the range covering both occurrences.
    static func repeats(_ segment: Segment) -> [(word: [Unicode.Scalar], range: Range<Int>)] {
        let words = segment.words
        guard words.count > 1 else { return [] }
        let s = segment.scalars
        var result: [(word: [Unicode.Scalar], range: Range<Int>)] = []
        // French, Italian, Catalan elision: `d'authenticité authenticité` repeats `authenticité`.
        let elides = segment.language == "fr" || segment.language == "it" || segment.language == "ca"
        let turkic = CaseFolding.isTurkic(segment.language)
        for k in 1..<words.count {
            let a = words[k - 1]
            let b = words[k]
            // Cheap tests first; fold only the neighbours that may repeat.
            guard b.lowerBound == a.upperBound + 1, elides || a.count == b.count else { continue }
            // Parts of compound tokens (`cat-file file`, `a/b b`) are not repetitions.
            if a.lowerBound > 0, "-_/.".unicodeScalars.contains(s[a.lowerBound - 1]) { continue }
            if b.upperBound < s.count, "-_/".unicodeScalars.contains(s[b.upperBound]) { continue }
            let foldedA = CaseFolding.foldedScalars(s[a], turkic: turkic)
            let foldedB = CaseFolding.foldedScalars(s[b], turkic: turkic)
            let wordA = elides ? Self.withoutElision(foldedA) : foldedA
            guard wordA == foldedB,
                  s[a.upperBound] == " " || ScalarTraits.isNoBreakSpace(s[a.upperBound]),
                  s[b].contains(where: ScalarTraits.isLetter)
            else { continue }
            let first = elides ? Self.withoutElision(Array(s[a])) : Array(s[a])
            if first != Array(s[b]) {
                // `The the` at a sentence start, not `Sie sie`.
                var p = a.lowerBound
                while p > 0, ScalarTraits.isWhitespace(s[p - 1]) || "\"'“„«(".unicodeScalars.contains(s[p - 1]) {
                    p -= 1
                }
                let sentenceStart = p == 0 || ".!?:".unicodeScalars.contains(s[p - 1])
                guard sentenceStart, ScalarTraits.isUppercase(s[a.lowerBound]), ScalarTraits.isLowercase(s[b.lowerBound])
                else { continue }
            }
            result.append((foldedB, a.lowerBound..<b.upperBound))
        }
        return result
    }

    /// `authenticité` for `d'authenticité`: the word after an elided article or preposition of 1–2 letters.
    static func withoutElision(_ word: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard let k = word.firstIndex(where: { $0 == "'" || $0 == "’" }), (1...2).contains(k) else { return word }
        return Array(word[(k + 1)...])
    }

    /// Repetitions that grammar produces, per language (folded forms).
    static let grammatical: [String: Set<String>] = [
        "de": ["die", "der", "das", "dem", "den", "des", "sie"],
        "fr": ["nous", "vous"],
        "en": ["that", "had", "is"],
        "nl": ["die", "dat"],
    ]
}
