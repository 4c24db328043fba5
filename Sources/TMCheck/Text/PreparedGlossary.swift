import TMCore

/// A glossary made ready for fast, inflection-aware look-ups in segments.
///
/// Each term is split into case-folded words; a term is found where consecutive words of the segment match
/// its words, each possibly inflected (`InflectionMatcher`). Terms are indexed by the first letters of their
/// first word so a segment word consults only the few terms that could start there.
struct PreparedGlossary: Sendable {
    struct PreparedTerm: Sendable {
        var text: String
        var words: [[Unicode.Scalar]]
        var deprecated: Bool
    }

    struct Entry: Sendable {
        var id: String
        var source: [PreparedTerm]
        var target: [PreparedTerm]
    }

    var entries: [Entry]
    private var sourceIndex: [String: [Int]] = [:]
    private var targetIndex: [String: [Int]] = [:]
    let sourceMatcher: InflectionMatcher
    let targetMatcher: InflectionMatcher

    init(_ glossary: Glossary) {
        let sl = glossary.sourceLanguage.language
        let tl = glossary.targetLanguage.language
        sourceMatcher = InflectionMatcher(language: sl)
        targetMatcher = InflectionMatcher(language: tl)
        entries = glossary.entries.map { entry in
            Entry(id: entry.id,
                  source: entry.sourceTerms.flatMap { Self.prepare($0, language: sl) },
                  target: entry.targetTerms.flatMap { Self.prepare($0, language: tl) })
        }
        for (k, entry) in entries.enumerated() {
            for term in entry.source { sourceIndex[Self.key(term.words[0]), default: []].append(k) }
            for term in entry.target { targetIndex[Self.key(term.words[0]), default: []].append(k) }
        }
        for (key, list) in sourceIndex { sourceIndex[key] = Array(Set(list)).sorted() }
        for (key, list) in targetIndex { targetIndex[key] = Array(Set(list)).sorted() }
    }

    private static func prepare(_ term: Term, language: String) -> [PreparedTerm] {
        let deprecated = term.administrativeStatus.map { $0.lowercased().hasPrefix("deprecated") } ?? false
        return ([term.text] + term.variants).compactMap { text in
            let segment = Segment(text, language: language)
            let words = segment.foldedWords
            guard !words.isEmpty else { return nil }
            return PreparedTerm(text: text, words: words, deprecated: deprecated)
        }
    }

    /// Up to the first three letters, accents removed: terms and inflected words share it.
    static func key(_ word: [Unicode.Scalar]) -> String {
        var out = String.UnicodeScalarView()
        for c in word.prefix(3) { out.append(InflectionMatcher.base(c)) }
        return String(out)
    }

    /// Entries that may have a term starting at some word of the segment, by side.
    func candidates(in segment: Segment, source: Bool) -> [Int] {
        let index = source ? sourceIndex : targetIndex
        var found = Set<Int>()
        for word in segment.foldedWords {
            for length in 1...min(3, max(1, word.count)) {
                if let list = index[Self.key(Array(word.prefix(length)))] { found.formUnion(list) }
            }
        }
        return found.sorted()
    }

    /// Where `term` occurs in `segment`, as a scalar range, or nil.
    func find(_ term: PreparedTerm, in segment: Segment, matcher: InflectionMatcher) -> Range<Int>? {
        let words = segment.foldedWords
        let n = term.words.count
        guard words.count >= n else { return nil }
        for start in 0...(words.count - n) {
            var ok = true
            for k in 0..<n where !matcher.matches(word: words[start + k], lemma: term.words[k]) {
                ok = false
                break
            }
            if ok { return segment.words[start].lowerBound..<segment.words[start + n - 1].upperBound }
        }
        return nil
    }
}
