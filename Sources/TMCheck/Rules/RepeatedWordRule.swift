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
        guard Self.mayRepeat(unit.target) else { return }
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

    /// A quick test with no false negatives: is there a space or no-break space with, before it, a word that
    /// ends with the word after it (equal, or elided `d'mot mot`), ASCII letters compared without case? Words
    /// with apostrophes or non-ASCII letters next to such a space go to the full scan. (Inline codes never start
    /// inside a word, so they can only make the scanner's words shorter or absent, never create a repeat this
    /// test misses.)
    static func mayRepeat(_ segment: Segment) -> Bool {
        let s = segment.scalars
        let n = s.count
        @inline(__always) func isWordPart(_ c: Unicode.Scalar) -> Bool { ScalarTraits.isLetter(c) || ScalarTraits.isDigit(c) }
        var p = 1
        while p + 1 < n {
            let sep = s[p]
            guard sep == " " || ScalarTraits.isNoBreakSpace(sep), isWordPart(s[p - 1]), isWordPart(s[p + 1]) else {
                p += 1
                continue
            }
            // The word after: letters and digits, an apostrophe only before a letter (as `WordScanner`).
            var q = p + 1
            var ascii = true
            while q < n {
                let c = s[q]
                if isWordPart(c) {
                    if c.value >= 0x80 { ascii = false }
                    q += 1
                } else if (c == "'" || c == "’"), q + 1 < n, ScalarTraits.isLetter(s[q + 1]) {
                    ascii = false  // apostrophes: leave to the full scan
                    q += 1
                } else {
                    break
                }
            }
            let length = q - (p + 1)
            // The word before must be at least as long and end with the same scalars.
            var matches = true
            var k = 0
            while k < length {
                guard p - 1 - k >= 0 else { matches = false; break }
                let a = s[p - 1 - k]
                let b = s[p + length - k]
                if !(isWordPart(a) || a == "'" || a == "’") { matches = false; break }
                if a.value >= 0x80 || b.value >= 0x80 { ascii = false }
                if a != b, a.value < 0x80, b.value < 0x80, a.value | 0x20 != b.value | 0x20 || !ScalarTraits.isASCIILetter(a) {
                    matches = false
                    break
                }
                k += 1
            }
            if matches || !ascii { return true }
            p = q
        }
        return false
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
