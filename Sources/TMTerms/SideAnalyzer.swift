/// One analysed token: its original text, the id of its folded lemma, and what the learner needs to know.
struct AnalysedToken: Sendable {
    enum Kind: UInt8, Sendable { case word, number, joiner, boundary }

    var surface: String
    /// Id of the folded lemma in the side's `Vocabulary` (joiners and boundaries: -1).
    var id: Int32
    /// Characters of `surface` kept in the displayed term.
    var displayLength: Int
    /// Characters kept when the token ends a phrase (a possessive stays: `bazar ertəsi`).
    var headLength: Int
    var kind: Kind
    /// A boundary glued between two words (`B/W`): see `TermToken.isGlue`.
    var isGlue = false
    var isCapitalised = false
    var isSentenceInitial = false
    var isAcronym = false
    var isStop = false
    var isLink = false
    var isGeneral = false
    /// A verb that opens a verb phrase (`adjust`, `copiar`), by the language's list and infinitive endings.
    var isPhraseVerb = false
    /// An evaluative, deictic or quantifying modifier (`particular`, `siguiente`, `two`): free-modifiers-LANG.txt.
    var isFreeModifier = false
    /// An ordinary word written in capitals (`PARTITION`, `OPTIONS`: the side also writes it in lower case).
    var isShouted = false
    /// Its lemma key differs from the folded word (`requires` → `require`).
    var isInflected = false

    var display: Substring { surface.prefix(displayLength) }
    var headDisplay: Substring { surface.prefix(headLength) }
    var isContent: Bool { (kind == .word || kind == .number) && !isStop }
    var isAlignable: Bool { kind == .word || kind == .number }
}

/// Interned lemma keys of one language side.
struct Vocabulary {
    private(set) var keys: [String] = []
    private var ids: [String: Int32] = [:]

    mutating func id(_ key: String) -> Int32 {
        if let id = ids[key] { return id }
        let id = Int32(keys.count)
        keys.append(key)
        ids[key] = id
        return id
    }

    func lookup(_ key: String) -> Int32? { ids[key] }
}

/// Turns the sentences of one language into analysed tokens: tokenizing, folding inflections (with the forms
/// attested in the whole side), attaching suffixes written after a hyphen or a closing quote (`KTMT-nin`,
/// `“inqilablar”la`), and marking stop words, general words, capitals and acronyms.
struct SideAnalyzer {
    let resources: LanguageResources
    private(set) var vocabulary = Vocabulary()
    private var analyzer: WordAnalyzer
    /// Folded words that the input also writes in lower case: their capital at a sentence start is only
    /// sentence case (`Interpret …`), not a name.
    private let writtenInLowerCase: Set<String>
    /// Folded words of the whole side: a word with an underscore inside (`Mi_nimum`, `Sho_w`) is a keyboard
    /// accelerator, not an identifier (`file_name`), when the side also writes it without the underscore.
    private let attested: Set<String>
    /// The sentences given at creation; each is tokenized again when analysed, so that the tokens of a whole
    /// corpus (a String per token) never live at once.
    private var sentences: [String]

    init(language: String, sentences: [String]) {
        let resources = LanguageResources.forLanguage(language)
        self.resources = resources
        var attested = Set<String>()
        var lowerCase = Set<String>()
        let probe = WordAnalyzer(resources: resources, attested: [])
        for sentence in sentences {
            let tokens = TermTokenizer.tokenize(sentence)
            for token in tokens where token.kind == .word {
                let folded = probe.fold(token.text)
                attested.insert(folded)
                if token.text.first?.isLowercase == true { lowerCase.insert(folded) }
            }
        }
        analyzer = WordAnalyzer(resources: resources, attested: attested)
        writtenInLowerCase = lowerCase
        self.attested = attested
        self.sentences = sentences
    }

    /// Analyses the sentence at `index` of those given at creation.
    mutating func analyse(sentenceAt index: Int) -> [AnalysedToken] {
        let raw = TermTokenizer.tokenize(sentences[index])
        sentences[index] = ""
        return analyse(tokens: raw)
    }

    /// Whether the head word of a displayed term is plural (`controls`, `archivos`): the last word before any
    /// stop word where modifiers come first (`list of possibilities` → `list`), else the first word; nil when
    /// the language's modifier order or plural suffixes are unknown, or the head is an acronym.
    mutating func headIsPlural(_ display: String) -> Bool? {
        guard let before = resources.modifiersBefore,
              resources.suffixRules.rules.contains(where: { $0.suffixClass == .plural })
        else { return nil }
        let words = display.split(separator: " ")
        var head = words.first
        if before {
            for word in words {
                if resources.stopWords.contains(analyzer.fold(word)) { break }
                head = word
            }
        }
        guard let head, !CaseFolding.isAcronym(String(head)) else { return nil }
        return analyzer.analyse(String(head)).isPlural
    }

    mutating func analyse(_ sentence: String) -> [AnalysedToken] {
        analyse(tokens: TermTokenizer.tokenize(sentence))
    }

    private mutating func analyse(tokens raw: [TermToken]) -> [AnalysedToken] {
        let rules = resources.suffixRules
        var merged: [TermToken] = []
        var keepWhole: [Bool] = []  // ordinal suffix after a hyphen: shown with the word (4-cü)
        var index = 0
        while index < raw.count {
            var token = raw[index]
            if token.kind == .word, token.text.contains("_") {
                let plain = token.text.filter { $0 != "_" }
                if token.text.count - plain.count == 1, attested.contains(analyzer.fold(plain)) { token.text = plain }
            }
            // KTMT-nin, 4-cü: a suffix chain after a hyphen belongs to the word before it.
            if token.kind == .joiner, let last = merged.last, last.kind != .boundary, index + 1 < raw.count,
               raw[index + 1].kind == .word, rules.suffixMayFollowHyphen {
                let suffix = Array(analyzer.fold(raw[index + 1].text))
                if rules.isSuffixChain(suffix) {
                    let ordinal = rules.rules.contains {
                        $0.suffixClass == .ordinal && rules.matches($0, stem: [][...], suffix: suffix[...])
                    }
                    merged[merged.count - 1].text += "-" + raw[index + 1].text
                    keepWhole[keepWhole.count - 1] = ordinal
                    merged[merged.count - 1].kind = last.kind
                    index += 2
                    continue
                }
            }
            // “inqilablar”la: a suffix chain glued after a closing quote is dropped (the word keeps its lemma).
            if token.kind == .word, !token.spaceBefore, rules.suffixMayFollowHyphen, merged.count >= 2,
               let quote = merged.last, quote.kind == .boundary, !quote.spaceBefore,
               merged[merged.count - 2].kind == .word,
               rules.isSuffixChain(Array(analyzer.fold(token.text))) {
                index += 1
                continue
            }
            merged.append(token)
            keepWhole.append(false)
            index += 1
        }
        var result: [AnalysedToken] = []
        result.reserveCapacity(merged.count)
        var seenWord = false
        // Capitals inside a sentence with lower-case words are emphasis (`This does NOT affect …`): a stop word
        // so written stays a stop word, not an acronym.
        let hasLowerCase = merged.contains { $0.kind == .word && $0.text.first?.isLowercase == true }
        for (position, token) in merged.enumerated() {
            switch token.kind {
            case .boundary:
                if token.text == "\n" { seenWord = false }  // a new line starts like a sentence
                var boundary = AnalysedToken(surface: token.text, id: -1, displayLength: token.text.count,
                                             headLength: token.text.count, kind: .boundary)
                boundary.isGlue = token.isGlue
                result.append(boundary)
            case .joiner:
                result.append(AnalysedToken(surface: token.text, id: -1, displayLength: 1, headLength: 1, kind: .joiner))
            case .number:
                let digits = String(token.text.prefix { $0 != "-" }.filter { $0.isNumber })
                let displayLength = keepWhole[position] ? token.text.count : token.text.prefix { $0 != "-" }.count
                result.append(AnalysedToken(surface: token.text, id: vocabulary.id(digits),
                                            displayLength: displayLength, headLength: displayLength, kind: .number))
                seenWord = true
            case .word:
                let base = keepWhole[position] ? token.text : String(token.text.prefix { $0 != "-" })
                var analysis = analyzer.analyse(base)
                if keepWhole[position] {
                    analysis.displayLength = token.text.count
                    analysis.headLength = token.text.count
                }
                var word = AnalysedToken(surface: token.text, id: vocabulary.id(analysis.key),
                                         displayLength: analysis.displayLength, headLength: analysis.headLength,
                                         kind: .word)
                word.isCapitalised = CaseFolding.isCapitalised(token.text)
                let romanNumeral = Self.isRomanNumeral(base)  // a number (`Quake III`, `Settlers II`)
                word.isAcronym = CaseFolding.isAcronym(base) && !romanNumeral
                word.isSentenceInitial = !seenWord
                let folded = analyzer.fold(base)
                if word.isSentenceInitial, word.isCapitalised, !word.isAcronym,
                   writtenInLowerCase.contains(analyzer.fold(token.text)) {
                    word.isCapitalised = false
                }
                if word.isAcronym, hasLowerCase, resources.stopWords.contains(folded) { word.isAcronym = false }
                word.isStop = resources.stopWords.contains(folded) && !word.isAcronym
                word.isShouted = word.isAcronym && (writtenInLowerCase.contains(folded)
                    || writtenInLowerCase.contains(folded.filter { !$0.isNumber }))
                word.isLink = resources.linkWords.contains(folded)
                word.isPhraseVerb = resources.isPhraseVerb(folded, key: analysis.key)
                word.isInflected = analysis.key != folded
                word.isFreeModifier = resources.freeModifiers.contains(folded)
                    || resources.freeModifiers.contains(analysis.key)
                word.isGeneral = resources.generalWords.contains(folded)
                    || resources.generalWords.contains(analysis.key)
                    || (base.count == 1 && !word.isAcronym)  // a single letter (`x`, `M`) is no term
                    || romanNumeral
                    || ((!word.isCapitalised || (word.isSentenceInitial && !word.isAcronym))
                        && resources.looksLikeVerb(folded))  // `Habilitando`: a capital of sentence case only
                result.append(word)
                seenWord = true
            }
        }
        return result
    }

    /// A Roman numeral of two or more letters written with I, V and X (`II`, `IV`, `XIII`): a number, no term.
    static func isRomanNumeral(_ word: String) -> Bool {
        // Checked on the bytes first: this runs on nearly every word of a corpus.
        let utf8 = word.utf8
        guard utf8.count >= 2, utf8.count <= 6, utf8.allSatisfy({ $0 == 0x49 || $0 == 0x56 || $0 == 0x58 })
        else { return false }
        var value = 0, previous = 0
        for letter in utf8.reversed() {
            let digit = letter == 0x49 ? 1 : letter == 0x56 ? 5 : 10
            value += digit < previous ? -digit : digit
            previous = max(previous, digit)
        }
        // Written the canonical way (`IV`, not `IIII` or `VX`): the same value writes back to the same letters.
        return Self.roman(value) == word
    }

    private static func roman(_ value: Int) -> String {
        var rest = value, text = ""
        for (digit, letters) in [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")] {
            while rest >= digit { text += letters; rest -= digit }
        }
        return text
    }
}
