import Foundation

/// The linguistic data of one language for the term learner, read from `Resources/` once per language.
///
/// Every kind of knowledge is a data file (`stopwords-LANG.txt`, `general-LANG.txt`, `suffixes-LANG.txt`,
/// `translit-LANG.txt`); a language without files still works, with no stop words and no suffix folding.
struct LanguageResources: Sendable {
    let language: String
    let stopWords: Set<String>
    /// Stop words that may stand inside a multi-word term (`of`, `de`).
    let linkWords: Set<String>
    let generalWords: Set<String>
    /// Endings of verb forms and adverbs: a lower-case word with one of them counts as a general word.
    let verbEndings: [String]
    /// Endings of adjectives (`-ive`, `-li`): a modifier with one of them makes a free phrase more often than a term.
    let adjectiveEndings: [String]
    /// Verbs (lemmas and common inflected forms) that open a verb phrase (`adjust alpha`, `copy files`), endings
    /// of infinitives (`-ar`: `ajustar alfa`), and words with those endings that are no verbs (`lugar`).
    let phraseVerbs: Set<String>
    let phraseVerbEndings: [String]
    let phraseVerbExceptions: Set<String>
    /// Evaluative, deictic and quantifying modifiers (`particular`, `following`, `two`): a multi-word candidate
    /// that opens or closes with one is a free phrase, not a term.
    let freeModifiers: Set<String>
    /// Lower-case phrases of licence boilerplate: a sentence pair with one on either side is not learned from.
    let boilerplate: [String]
    private let boilerplateBytes: [[UInt8]]
    /// Whether modifiers stand before the noun (`true`), after it (`false`), or unknown (nil).
    let modifiersBefore: Bool?
    let suffixRules: SuffixRules
    /// Rewrites into the common Latin key, longest first: the language's own table, then Cyrillic.
    let transliteration: [(from: [Character], to: String)]
    let transliterationIndex: TransliterationTable
    /// Whether case folding follows Turkic rules (I → ı, İ → i).
    var isTurkic: Bool { language == "az" || language == "tr" || language == "kk" || language == "tt" }

    /// Whether a folded lower-case word looks like a verb form or an adverb.
    func looksLikeVerb(_ folded: String) -> Bool {
        folded.count >= 5 && verbEndings.contains { folded.hasSuffix($0) }
    }

    /// Whether a folded word (or its lemma key) is a verb that opens a verb phrase.
    func isPhraseVerb(_ folded: String, key: String) -> Bool {
        if phraseVerbs.contains(folded) || phraseVerbs.contains(key) { return true }
        if phraseVerbExceptions.contains(folded) { return false }
        return folded.count >= 5 && phraseVerbEndings.contains { folded.hasSuffix($0) }
    }

    /// Whether a sentence contains licence boilerplate, ignoring the case of ASCII letters (a byte search: this
    /// runs on every sentence of a corpus, and lower-casing whole strings cost more than the search).
    func isBoilerplate(_ sentence: String) -> Bool {
        guard !boilerplateBytes.isEmpty, sentence.utf8.count >= 12 else { return false }
        let bytes = sentence.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        return boilerplateBytes.contains { marker in
            guard let first = marker.first, bytes.count >= marker.count else { return false }
            var start = 0
            while start <= bytes.count - marker.count {
                if bytes[start] == first {
                    var offset = 1
                    while offset < marker.count, bytes[start + offset] == marker[offset] { offset += 1 }
                    if offset == marker.count { return true }
                }
                start += 1
            }
            return false
        }
    }

    /// Whether a folded lower-case word looks like an adjective.
    func looksLikeAdjective(_ folded: String) -> Bool {
        folded.count >= 5 && adjectiveEndings.contains { folded.hasSuffix($0) }
    }

    private static let cache = ResourceCache()

    /// The resources of `language` (primary subtag such as `az`), loaded once and cached.
    static func forLanguage(_ language: String) -> LanguageResources {
        cache.get(language) { LanguageResources(loading: language) }
    }

    private init(loading language: String) {
        self.language = language
        var stops = Set<String>()
        var links = Set<String>()
        for fields in Self.lines("stopwords-\(language)") {
            let word = fields[0].lowercased()
            stops.insert(word)
            if fields.count > 1, fields[1] == "link" { links.insert(word) }
        }
        stopWords = stops
        linkWords = links
        generalWords = Set(Self.lines("general-\(language)").map { $0[0].lowercased() })
        verbEndings = Self.lines("verb-endings-\(language)").map { $0[0] }
        adjectiveEndings = Self.lines("adjective-endings-\(language)").map { $0[0] }
        var verbs = Set<String>(), verbEndings = [String](), verbExceptions = Set<String>()
        for fields in Self.lines("phrase-verbs-\(language)") {
            // Lemma keys of some languages drop accents (`añade` → `anade`): keep both spellings.
            let entry = fields[0].lowercased()
            let forms = [entry, entry.folding(options: .diacriticInsensitive, locale: nil)]
            if entry.hasPrefix("-") { verbEndings.append(String(entry.dropFirst())) }
            else if entry.hasPrefix("!") { verbExceptions.formUnion(forms.map { String($0.dropFirst()) }) }
            else { verbs.formUnion(forms) }
        }
        phraseVerbs = verbs
        freeModifiers = Set(Self.lines("free-modifiers-\(language)").flatMap { fields -> [String] in
            let word = fields[0].lowercased()
            return [word, word.folding(options: .diacriticInsensitive, locale: nil)]
        })
        boilerplate = Self.lines("boilerplate-\(language)").map { $0[0].lowercased() }
        // Non-ASCII letters are compared as written: each phrase also in capitals (`GARANTÍA`).
        boilerplateBytes = Array(Set(boilerplate.flatMap { phrase in
            [Array(phrase.utf8), phrase.uppercased().utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }]
        })).sorted { $0.lexicographicallyPrecedes($1) }
        phraseVerbEndings = verbEndings
        phraseVerbExceptions = verbExceptions
        modifiersBefore = Self.lines("modifier-order").first { $0[0] == language && $0.count > 1 }
            .map { $0[1] == "before" }
        suffixRules = SuffixRules(lines: Self.lines("suffixes-\(language)", keepDirectives: true))
        var table: [(from: [Character], to: String)] = []
        for name in ["translit-\(language)", "translit-cyrillic"] {
            for fields in Self.lines(name) {
                table.append((Array(fields[0]), fields.count > 1 ? fields[1] : ""))
            }
        }
        transliteration = table.sorted { $0.from.count > $1.from.count }
        transliterationIndex = TransliterationTable(transliteration)
    }

    /// The non-comment lines of a resource file split at tabs; empty when the file does not exist.
    private static func lines(_ name: String, keepDirectives: Bool = false) -> [[String]] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Resources"),
              let text = try? String(contentsOf: url, encoding: .utf8)
        else { return [] }
        var result: [[String]] = []
        for line in text.split(whereSeparator: \.isNewline) {
            if line.hasPrefix("#") || line.allSatisfy(\.isWhitespace) { continue }
            if line.hasPrefix("@"), !keepDirectives { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            result.append(fields)
        }
        return result
    }
}

/// A lock-protected cache of loaded resources, shared by all learners in the process.
private final class ResourceCache: @unchecked Sendable {
    private let lock = NSLock()
    private var loaded: [String: LanguageResources] = [:]

    func get(_ key: String, load: () -> LanguageResources) -> LanguageResources {
        lock.lock()
        defer { lock.unlock() }
        if let hit = loaded[key] { return hit }
        let value = load()
        loaded[key] = value
        return value
    }
}
