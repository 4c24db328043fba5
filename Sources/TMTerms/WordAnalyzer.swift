import Foundation

/// Folds the inflected forms of a word into one key, keeping a displayable form that never changes the
/// letters of the word: `Qazaxıstandakı` → key `qazaxıstan`, shown as `Qazaxıstan`; `inqilablar` → key
/// `inqilab`, shown as `inqilablar` (plural kept); `Ukraine’s` → `Ukraine`.
///
/// Among the possible parses, a parse whose displayed form occurs on its own in the corpus wins (most
/// stripping first); otherwise the parse that strips most without rules marked "attested".
struct WordAnalyzer {
    struct Analysis: Sendable {
        /// The folded lemma used to count and align.
        var key: String
        /// How many characters of the original word the displayed form keeps.
        var displayLength: Int
        /// The same at the end of a phrase, where a possessive stays (`bazar ertəsi`, `… Alyansı`).
        var headLength: Int
        /// A plural suffix was folded (`revolutions`, `archivos`, `inqilablar`).
        var isPlural = false
    }

    let resources: LanguageResources
    /// Folded word forms that occur in the corpus on their own.
    let attested: Set<String>
    private var cache: [String: Analysis] = [:]

    init(resources: LanguageResources, attested: Set<String>) {
        self.resources = resources
        self.attested = attested
    }

    func fold(_ text: some StringProtocol) -> String {
        var folded = CaseFolding.fold(text, turkic: resources.isTurkic)
        if folded.unicodeScalars.contains("’") { folded = folded.replacingOccurrences(of: "’", with: "'") }
        if resources.suffixRules.foldsAccents, !folded.utf8.allSatisfy({ $0 < 0x80 }) {
            folded = folded.folding(options: .diacriticInsensitive, locale: nil)
        }
        return folded
    }

    /// The analysis of a word given in its original spelling.
    mutating func analyse(_ word: String) -> Analysis {
        if let hit = cache[word] { return hit }
        let folded = fold(word)
        let result = analyseFolded(folded, capitalised: CaseFolding.isCapitalised(word),
                                   acronym: CaseFolding.isAcronym(word))
        cache[word] = result
        return result
    }

    private struct Parse {
        var stem: [Character]
        var displayLength: Int
        var headLength: Int
        var usedAttestedRule: Bool
        var plural = false
    }

    private func analyseFolded(_ folded: String, capitalised: Bool, acronym: Bool, depth: Int = 0) -> Analysis {
        let rules = resources.suffixRules
        let characters = Array(folded)
        guard !rules.isEmpty, characters.count >= 4 else {
            return Analysis(key: folded, displayLength: characters.count, headLength: characters.count)
        }
        // An apostrophe before a suffix chain (Türkiye'nin, Ukraine's): the name is what precedes it.
        if let apostrophe = characters.lastIndex(of: "'"), apostrophe > 0 {
            let tail = Array(characters[(apostrophe + 1)...])
            if tail.isEmpty || tail == ["s"] || rules.isSuffixChain(tail) {
                return Analysis(key: String(characters[..<apostrophe]), displayLength: apostrophe, headLength: apostrophe)
            }
        }
        if acronym { return Analysis(key: folded, displayLength: characters.count, headLength: characters.count) }
        if rules.keepEndings.contains(where: { folded.hasSuffix($0) }) {
            return Analysis(key: folded, displayLength: characters.count, headLength: characters.count)
        }
        var parses: [Parse] = []
        collect(characters[...], displayLength: characters.count, headLength: characters.count, keptStarted: false,
                headFrozen: false, maxSlot: 10,
                usedAttested: false, depth: 0, capitalised: capitalised, into: &parses)
        let whole = folded
        var best: Parse?
        for parse in parses where parse.stem.count < characters.count {
            let display = String(characters[..<parse.displayLength])
            let displayAttested = display != whole && attested.contains(display)
            let stemAttested = attested.contains(String(parse.stem))
            guard displayAttested || stemAttested || !parse.usedAttestedRule else { continue }
            let score = (displayAttested || stemAttested ? 1000 : 0) + (characters.count - parse.stem.count)
            if let current = best {
                let currentDisplay = String(characters[..<current.displayLength])
                let currentScore = (currentDisplay != whole && attested.contains(currentDisplay)
                    || attested.contains(String(current.stem)) ? 1000 : 0) + (characters.count - current.stem.count)
                if score > currentScore { best = parse }
            } else {
                best = parse
            }
        }
        guard let chosen = best else { return Analysis(key: folded, displayLength: characters.count, headLength: characters.count) }
        var key = String(chosen.stem)
        // The stem is a word of the corpus that folds further (`xaricdəki` → attested `xaricdə` → `xaric`): one
        // key for all of them, or the two forms would count as two words.
        if depth < 3, key != folded, attested.contains(key) {
            let further = analyseFolded(key, capitalised: capitalised, acronym: false, depth: depth + 1).key
            if further.count < key.count { key = further }
        }
        return Analysis(key: key, displayLength: chosen.displayLength, headLength: chosen.headLength,
                        isPlural: chosen.plural)
    }

    private func collect(
        _ word: ArraySlice<Character>, displayLength: Int, headLength: Int, keptStarted: Bool, headFrozen: Bool,
        maxSlot: Int, usedAttested: Bool, plural: Bool = false,
        depth: Int, capitalised: Bool, into parses: inout [Parse]
    ) {
        parses.append(Parse(stem: Array(word), displayLength: displayLength, headLength: headLength,
                            usedAttestedRule: usedAttested, plural: plural))
        guard depth < 4 else { return }
        let rules = resources.suffixRules
        for rule in rules.rules where !rule.onlyAfterHyphen
            && (rule.suffixClass.rawValue < maxSlot || (rule.suffixClass == .ordinal && maxSlot > 0)) {
            let length = rule.template.count
            guard word.count - length >= 3 else { continue }
            let stem = word.dropLast(length)
            guard stem.contains(where: rules.isVowel) else { continue }
            guard rules.matches(rule, stem: stem, suffix: word.suffix(length)) else { continue }
            if !rule.replacement.isEmpty, capitalised { continue }  // never change the letters of a name
            let newStem = Array(stem) + rule.replacement
            let kept = keptStarted || rule.suffixClass.isKeptInDisplay
            let newDisplay = kept ? displayLength : stem.count
            let caseLike = rule.suffixClass == .caseEnding || rule.suffixClass == .relative
            let frozen = headFrozen || !caseLike
            collect(newStem[...], displayLength: rule.replacement.isEmpty ? newDisplay : displayLength,
                    headLength: frozen ? headLength : stem.count, keptStarted: kept, headFrozen: frozen, maxSlot: rule.suffixClass.rawValue,
                    usedAttested: usedAttested || rule.onlyWhenAttested,
                    plural: plural || rule.suffixClass == .plural, depth: depth + 1,
                    capitalised: capitalised, into: &parses)
        }
    }
}
