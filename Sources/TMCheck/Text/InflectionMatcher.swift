import Foundation
/// Decides whether a word in a text is an inflected form of a glossary word, by language.
///
/// - English: plural and verb endings (`revolution` → `revolutions`, `policy` → `policies`, `process` →
///   `processes`, `'s`).
/// - Azerbaijani and Turkish: any chain of the case, plural, possessive and copula suffixes after the stem,
///   with buffer consonants and an optional apostrophe (`Qazaxıstan` → `Qazaxıstanda`, `Qazaxıstanın`;
///   `İstanbul'da`), and final-consonant softening (`kitab`/`kitap` → `kitabı`, `ayak` → `ayağı`).
/// - German, Dutch, the Scandinavian languages, Finnish, Estonian: also the first or last part of a compound
///   (`Datei` in `Dateinamen`, `Spezialdateien`).
/// - Other languages: up to three extra letters (`Datei` → `Dateien`), with the stem's accents ignored
///   (`revolución` → `revoluciones`).
///
/// Both words must already be case-folded with `CaseFolding`.
struct InflectionMatcher: Sendable {
    let language: String
    private let suffixes: [[Unicode.Scalar]]

    init(language: String) {
        self.language = language
        switch language {
        case "az": suffixes = Self.azerbaijaniSuffixes.map { Array($0.unicodeScalars) }
        case "tr": suffixes = Self.turkishSuffixes.map { Array($0.unicodeScalars) }
        default: suffixes = []
        }
    }

    /// Whether `word` is `lemma` or an inflected form of it.
    func matches(word: [Unicode.Scalar], lemma: [Unicode.Scalar]) -> Bool {
        if word == lemma { return true }
        guard word.count > lemma.count || language == "tr" || language == "az" else {
            return false
        }
        switch language {
        case "en": return englishMatch(word, lemma)
        case "az", "tr": return turkicMatch(word, lemma)
        default: return genericMatch(word, lemma)
        }
    }

    private func hasPrefix(_ word: [Unicode.Scalar], _ prefix: ArraySlice<Unicode.Scalar>) -> Bool {
        guard word.count >= prefix.count else { return false }
        var k = 0
        for p in prefix {
            if word[k] != p { return false }
            k += 1
        }
        return true
    }

    private static let englishEndings: [String] = ["s", "es", "'s", "’s", "s'", "s’", "ed", "d", "ing", "er", "ers"]

    private func englishMatch(_ word: [Unicode.Scalar], _ lemma: [Unicode.Scalar]) -> Bool {
        let rest: ArraySlice<Unicode.Scalar>
        if hasPrefix(word, lemma[...]) {
            rest = word[lemma.count...]
            let r = ScalarTraits.string(rest)
            if Self.englishEndings.contains(r) { return true }
            return false
        }
        // policy → policies / policied; make → making
        if let last = lemma.last {
            let stem = lemma.dropLast()
            if hasPrefix(word, stem) {
                let r = ScalarTraits.string(word[stem.count...])
                if last == "y" { return r == "ies" || r == "ied" }
                if last == "e" { return r == "ing" || r == "es" || r == "ed" }
                if last == "f" { return r == "ves" }
            }
        }
        return false
    }

    private func turkicMatch(_ word: [Unicode.Scalar], _ lemma: [Unicode.Scalar]) -> Bool {
        var candidates: [ArraySlice<Unicode.Scalar>] = []
        if hasPrefix(word, lemma[...]) { candidates.append(word[lemma.count...]) }
        // Final-consonant softening before a vowel: k→ğ/y, p→b, ç→c, t→d, q→ğ.
        if let last = lemma.last, word.count >= lemma.count {
            let soft: [Unicode.Scalar]
            switch last {
            case "k": soft = ["ğ", "y"]
            case "q": soft = ["ğ"]
            case "p": soft = ["b"]
            case "ç": soft = ["c"]
            case "t": soft = ["d"]
            default: soft = []
            }
            let stem = lemma.dropLast()
            if !soft.isEmpty, hasPrefix(word, stem), word.count > stem.count, soft.contains(word[stem.count]) {
                candidates.append(word[(stem.count + 1)...])
            }
        }
        for rest in candidates where rest.isEmpty || suffixChain(rest) { return true }
        return false
    }

    /// Whether `rest` (after an optional apostrophe) is a concatenation of known suffixes.
    private func suffixChain(_ rest: ArraySlice<Unicode.Scalar>) -> Bool {
        var r = rest
        if let first = r.first, first == "'" || first == "’" { r = r.dropFirst() }
        if r.isEmpty { return true }
        if r.count > 14 { return false }
        // Dynamic programming over positions: reachable[i] = the first i scalars split into suffixes.
        var reachable = [Bool](repeating: false, count: r.count + 1)
        reachable[0] = true
        let base = r.startIndex
        for i in 0..<r.count where reachable[i] {
            for suffix in suffixes where i + suffix.count <= r.count && !reachable[i + suffix.count] {
                var ok = true
                for (k, c) in suffix.enumerated() where r[base + i + k] != c {
                    ok = false
                    break
                }
                if ok { reachable[i + suffix.count] = true }
            }
            if reachable[r.count] { return true }
        }
        return reachable[r.count]
    }

    /// Languages that write compounds as one word: a term is found as the first or last part of a compound
    /// (`Datei` in `Dateinamen` and `Spezialdateien`, `Verzeichnis` in `Arbeitsverzeichnis`).
    static let compounding: Set<String> = ["de", "nl", "sv", "da", "nb", "nn", "no", "is", "fi", "et", "lb", "af"]

    private func compoundMatch(_ word: [Unicode.Scalar], _ lemma: [Unicode.Scalar]) -> Bool {
        guard lemma.count >= 3, word.count > lemma.count else { return false }
        let last = word.count - lemma.count
        for p in 0...last where p == 0 || (p >= 3 && last - p <= 3) {
            var ok = true
            for k in 0..<lemma.count where Self.base(word[p + k]) != Self.base(lemma[k]) {
                ok = false
                break
            }
            if ok { return true }
        }
        return false
    }

    private func genericMatch(_ word: [Unicode.Scalar], _ lemma: [Unicode.Scalar]) -> Bool {
        if Self.compounding.contains(language), compoundMatch(word, lemma) { return true }
        guard word.count >= lemma.count, word.count - lemma.count <= 3 else { return false }
        // Allow the stem to differ in accents only (revolución / revoluciones): compare base letters.
        for k in 0..<max(0, lemma.count - 1) where Self.base(word[k]) != Self.base(lemma[k]) { return false }
        // The lemma's last letter may change (a → e in German Umlaut-free plurals is rare; keep a vowel swap).
        if let last = lemma.last {
            let w = word[lemma.count - 1]
            if Self.base(w) != Self.base(last) {
                let vowels: Set<Unicode.Scalar> = ["a", "e", "i", "o", "u"]
                guard vowels.contains(Self.base(w)), vowels.contains(Self.base(last)) else { return false }
            }
        }
        return true
    }

    /// The letter without its accent, for Latin letters (é → e, ö → o).
    static func base(_ c: Unicode.Scalar) -> Unicode.Scalar {
        if c.value < 0x80 { return c }
        return latinBase[c] ?? c
    }

    static let azerbaijaniSuffixes: [String] = loadSuffixes("az")

    static let turkishSuffixes: [String] = loadSuffixes("tr")
}

/// Base letters of the accented Latin letters used by European languages.
private let latinBase: [Unicode.Scalar: Unicode.Scalar] = {
    var table: [Unicode.Scalar: Unicode.Scalar] = [:]
    let groups: [(Unicode.Scalar, String)] = [
        ("a", "àáâãäåāăąǎ"), ("c", "çćĉċč"), ("d", "ďđ"), ("e", "èéêëēĕėęěə"), ("g", "ĝğġģ"), ("h", "ĥħ"),
        ("i", "ìíîïĩīĭįı"), ("j", "ĵ"), ("k", "ķ"), ("l", "ĺļľŀł"), ("n", "ñńņňŉ"), ("o", "òóôõöøōŏőǒ"),
        ("r", "ŕŗř"), ("s", "śŝşšș"), ("t", "ţťŧț"), ("u", "ùúûüũūŭůűųǔ"), ("w", "ŵ"), ("y", "ýÿŷ"),
        ("z", "źżž"),
    ]
    for (base, letters) in groups {
        for l in letters.unicodeScalars { table[l] = base }
    }
    return table
}()

/// Reads `Resources/suffixes-LANG.txt` (one suffix a line, `#` comments); empty when the file is missing.
private func loadSuffixes(_ language: String) -> [String] {
    guard let url = Bundle.module.url(forResource: "suffixes-\(language)", withExtension: "txt",
                                      subdirectory: "Resources"),
          let text = try? String(contentsOf: url, encoding: .utf8)
    else { return [] }
    return text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        .filter { !$0.isEmpty && !$0.hasPrefix("#") }
}
