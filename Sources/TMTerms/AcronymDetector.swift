/// Finds acronym definitions in a sentence, `long form (ACRONYM)` and `ACRONYM (long form)`, after Schwartz and
/// Hearst (2003): the acronym's letters must be found in order in the long form, its first letter at the
/// start of a word.
///
/// When that strict test fails, a relaxed one accepts a run of capitalised words right before the parenthesis
/// whose first word starts with the acronym's first letter and whose initials cover half of the acronym in
/// order: acronyms of another wording (`Kollektiv Thlükəsizlik Alyansının (KTMT)`, where KTMT abbreviates
/// a longer official name) still join their long form in one concept.
enum AcronymDetector {
    struct Definition: Equatable {
        var acronym: Int
        /// Token range of the long form.
        var longForm: Range<Int>
    }

    static func definitions(in tokens: [AnalysedToken], fold: (String) -> String) -> [Definition] {
        var found: [Definition] = []
        for index in tokens.indices where tokens[index].surface == "(" {
            // long form (ACRONYM)
            if index + 2 < tokens.count, tokens[index + 1].isAcronym, tokens[index + 2].surface == ")" {
                let acronym = Array(fold(String(tokens[index + 1].display)).filter(\.isLetter))
                var start = index
                var words = 0
                let limit = min(acronym.count + 5, acronym.count * 2)
                while start > 0, tokens[start - 1].kind != .boundary, words < limit {
                    start -= 1
                    if tokens[start].kind == .word { words += 1 }
                }
                if let range = longForm(for: acronym, in: tokens, candidates: start..<index, fold: fold) {
                    found.append(Definition(acronym: index + 1, longForm: range))
                }
            }
            // ACRONYM (long form)
            if index > 0, tokens[index - 1].isAcronym,
               let close = tokens[(index + 1)...].firstIndex(where: { $0.kind == .boundary }),
               tokens[close].surface == ")", close > index + 2 {
                let acronym = Array(fold(String(tokens[index - 1].display)).filter(\.isLetter))
                let inner = (index + 1)..<close
                if strictMatch(acronym, tokens: tokens, range: inner, fold: fold) {
                    found.append(Definition(acronym: index - 1, longForm: inner))
                }
            }
        }
        return found
    }

    /// The shortest range ending at `candidates.upperBound` that matches the acronym, strictly or relaxed.
    private static func longForm(
        for acronym: [Character], in tokens: [AnalysedToken], candidates: Range<Int>, fold: (String) -> String
    ) -> Range<Int>? {
        guard !acronym.isEmpty, !candidates.isEmpty else { return nil }
        for start in stride(from: candidates.upperBound - 1, through: candidates.lowerBound, by: -1)
            where tokens[start].kind == .word && !tokens[start].isStop {
            let range = start..<candidates.upperBound
            if strictMatch(acronym, tokens: tokens, range: range, fold: fold) { return range }
        }
        // Relaxed: capitalised run before the parenthesis.
        var start = candidates.upperBound
        while start > candidates.lowerBound, tokens[start - 1].kind == .word, tokens[start - 1].isCapitalised,
              candidates.upperBound - start < acronym.count + 1 {
            start -= 1
        }
        while start < candidates.upperBound, tokens[start].isSentenceInitial || tokens[start].isStop,
              candidates.upperBound - start > 2 {
            start += 1
        }
        let run = start..<candidates.upperBound
        guard run.count >= 2 else { return nil }
        let initials = run.compactMap { fold(tokens[$0].surface).first }
        guard initials.first == acronym.first else { return nil }
        var matched = 0
        var cursor = initials.startIndex
        for letter in acronym {
            if let hit = initials[cursor...].firstIndex(of: letter) {
                matched += 1
                cursor = hit + 1
                if cursor >= initials.endIndex { break }
            }
        }
        return matched * 2 >= acronym.count ? run : nil
    }

    /// Schwartz–Hearst: acronym letters found right to left in the long form, the first at a word start.
    private static func strictMatch(
        _ acronym: [Character], tokens: [AnalysedToken], range: Range<Int>, fold: (String) -> String
    ) -> Bool {
        let text = Array(range.map { fold(String(tokens[$0].surface)) }.joined(separator: " "))
        guard let firstWordStart = text.first, firstWordStart == acronym.first else { return false }
        var textIndex = text.count - 1
        var acronymIndex = acronym.count - 1
        while acronymIndex >= 0 {
            let letter = acronym[acronymIndex]
            while textIndex >= 0 {
                let matchesLetter = text[textIndex] == letter
                let atWordStart = textIndex == 0 || !text[textIndex - 1].isLetter
                if matchesLetter && (acronymIndex > 0 || atWordStart) { break }
                textIndex -= 1
            }
            if textIndex < 0 { return false }
            textIndex -= 1
            acronymIndex -= 1
        }
        return true
    }
}
