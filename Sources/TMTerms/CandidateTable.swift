/// The term candidates of one language side: single words and multi-word terms of up to five words, bounded
/// by stop words and punctuation, counted per sentence.
///
/// A candidate belongs to a concept; an acronym and its long form share one (union–find over candidate ids).
struct CandidateTable {
    static let maxWords = 5

    /// One occurrence in a sentence, in eight bytes (a corpus holds tens of millions).
    struct Occurrence {
        var candidate: Int32
        private var start: UInt16
        private var length: UInt16

        init(candidate: Int32, range: Range<Int>) {
            self.candidate = candidate
            start = UInt16(clamping: range.lowerBound)
            length = UInt16(clamping: range.count)
        }

        /// Token range in the sentence.
        var range: Range<Int> { Int(start)..<(Int(start) + Int(length)) }
    }

    private(set) var keys: [String] = []
    private var ids: [String: Int32] = [:]
    /// Sentences in which the candidate occurs.
    private(set) var frequency: [Int32] = []
    /// Occurrences whose words are all capitalised (or acronyms, numbers) and not only sentence-initial.
    private(set) var nameCount: [Int32] = []
    private(set) var wordCount: [UInt8] = []
    private(set) var isAcronym: [Bool] = []
    /// Every word is a general-language word or a stop word.
    private(set) var isGeneral: [Bool] = []
    /// A multi-word candidate whose last word is a general word or a verb form (`failed to open`).
    private(set) var endsGeneral: [Bool] = []
    /// A multi-word candidate that opens with a verb and is not written in Title Case (`adjust alpha`, `Use
    /// YUVA`, but not the menu label `Change Permissions`), or ends with an inflected verb (`extension requires`).
    private(set) var isVerbPhrase: [Bool] = []
    /// A multi-word candidate that opens or closes with an evaluative, deictic or quantifying modifier
    /// (`particular value`, `following message`, `dos elementos`): a free phrase more often than a term.
    private(set) var isFreePhrase: [Bool] = []
    /// A multi-word candidate that mixes names and lower-case words (`Putin bazar ertəsi`, `Kazakh officials`).
    private(set) var isMixedCase: [Bool] = []
    /// A multi-word candidate with a number in it: more often an instance (`Zoom 1`, `15 degrees`) than a term.
    private(set) var hasNumber: [Bool] = []
    /// A candidate that never occurs outside one longer candidate (`bazar` in `bazar ertəsi`).
    private(set) var isSubsumed: [Bool] = []
    /// Sentences in which the candidate stands alone: it holds every word of a message or of one of its lines
    /// (a label, a menu item, a column of a table), as a term does and a free phrase (`unknown reason`) rarely.
    private(set) var standaloneCount: [Int32] = []
    /// Sentences in which a single capitalised word is written next to another capitalised word, inside a longer
    /// capitalised sequence (`Hudson Bay`, `Charles Darwin`, `A Coruña`): a piece of a name or a Title Case label.
    private(set) var insideNameCount: [Int32] = []
    /// Sentences in which a single word stands where the language puts a modifier, right beside a content word
    /// (English `main window`, Spanish `ventana principal`): an adjective rather than a noun.
    private(set) var attributiveCount: [Int32] = []
    /// Whether the side's language puts modifiers before the noun (nil: unknown; nothing is counted).
    var modifiersBefore: Bool?
    /// The word after the candidate's first occurrence (-1: none, a line end or punctuation), and in how many
    /// of its sentences that same word follows it: a phrase always followed by one word (`International
    /// System` of, GNU `General Public` License) is a fragment of a longer expression.
    private var rightNeighbor: [Int32] = []
    private(set) var sameRight: [Int32] = []
    /// Displayed forms and their counts, and other surface forms (variants).
    /// Most candidates of a corpus are seen once: their one form is a plain string, and a table of forms with
    /// counts exists only for candidates seen again (a dictionary per candidate would dominate the memory).
    private var firstDisplay: [String] = []
    private var moreDisplays: [Int32: [String: Int32]] = [:]
    private var surfaces: [Int32: Set<String>] = [:]
    private var parent: [Int32] = []
    /// Candidates that were ever joined with another (acronyms and long forms).
    private var joined: [Int32] = []

    var count: Int { keys.count }

    func lookup(_ key: String) -> Int32? { ids[key] }

    /// The candidate occurrences of one analysed sentence (not yet counted).
    func spans(in tokens: [AnalysedToken]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for start in tokens.indices {
            let first = tokens[start]
            guard first.kind == .word || first.kind == .number, !first.isStop,
                  start == 0 || (tokens[start - 1].kind != .joiner && !tokens[start - 1].isGlue)
            else { continue }
            // A phrase right after a number belongs to the measurement or name it ends (`700 MB CD`, `16 Bit
            // PCM`): only single words start there.
            let afterNumber = start > 0 && tokens[start - 1].kind == .number
            var words = 0
            var end = start
            while end < tokens.count {
                let token = tokens[end]
                if token.kind == .boundary { break }
                if token.kind == .joiner {
                    end += 1
                    continue
                }
                if token.isStop && !token.isLink { break }
                words += 1
                if words > Self.maxWords { break }
                if afterNumber && words > 1 { break }
                if !token.isStop, end + 1 >= tokens.count || (tokens[end + 1].kind != .joiner && !tokens[end + 1].isGlue) {
                    result.append(start..<(end + 1))
                }
                end += 1
            }
        }
        return result
    }

    /// The key of a span: lemma keys joined by spaces (joiners kept as `-`).
    static func key(of range: Range<Int>, in tokens: [AnalysedToken], vocabulary: Vocabulary) -> String {
        var key = ""
        for index in range {
            let token = tokens[index]
            switch token.kind {
            case .joiner: key += "-"
            case .boundary: break
            case .word, .number:
                if !key.isEmpty, tokens[index - 1].kind != .joiner { key += " " }
                key += vocabulary.keys[Int(token.id)]
            }
        }
        return key
    }

    /// Adds the candidates of a sentence and returns their occurrences; a candidate counts once per sentence.
    mutating func add(_ tokens: [AnalysedToken], vocabulary: Vocabulary) -> [Occurrence] {
        var occurrences: [Occurrence] = []
        var seen = Set<Int32>()
        // The words of each line (between line breaks): first and last word position of the line of a token.
        var lineFirstWord = [Int](repeating: -1, count: tokens.count)
        var lineLastWord = [Int](repeating: -1, count: tokens.count)
        var lineStart = 0
        for index in 0...tokens.count where index == tokens.count || (tokens[index].kind == .boundary && tokens[index].surface == "\n") {
            let words = (lineStart..<index).filter { tokens[$0].kind == .word || tokens[$0].kind == .number }
            if let first = words.first, let last = words.last {
                for position in lineStart..<index {
                    lineFirstWord[position] = first
                    lineLastWord[position] = last
                }
            }
            lineStart = index + 1
        }
        for range in spans(in: tokens) where range.upperBound <= Int(UInt16.max) {
            let words = range.filter { tokens[$0].kind == .word || tokens[$0].kind == .number }
            // A single number is no term (but 4-cü maddə / Article 4 are).
            if words.allSatisfy({ tokens[$0].kind == .number }) { continue }
            let key = Self.key(of: range, in: tokens, vocabulary: vocabulary)
            let id = intern(key, words: words.count)
            if words.count == 1, tokens[words[0]].isAcronym { isAcronym[Int(id)] = true }
            if !words.allSatisfy({ tokens[$0].isGeneral || tokens[$0].isStop }) { isGeneral[Int(id)] = false }
            if let last = words.last, tokens[last].isGeneral, words.count > 1 { endsGeneral[Int(id)] = true }
            if words.count > 1, let first = words.first, let last = words.last {
                // A menu label capitalises its words (`Change Permissions`); `Use YUVA` capitalises only the first.
                let titleCase = words.allSatisfy {
                    tokens[$0].isStop || tokens[$0].isCapitalised || tokens[$0].isAcronym || tokens[$0].kind == .number
                } && words.dropFirst().contains { tokens[$0].isCapitalised && !tokens[$0].isAcronym }
                let inflectedVerbAtEnd = tokens[last].isPhraseVerb && !tokens[last].isCapitalised
                    && tokens[last].isInflected
                if (tokens[first].isPhraseVerb && !titleCase) || inflectedVerbAtEnd { isVerbPhrase[Int(id)] = true }
                if (tokens[first].isFreeModifier || tokens[last].isFreeModifier) && !titleCase {
                    isFreePhrase[Int(id)] = true
                }
                // Ordinary words in capitals side by side are metavariables of a usage line or a heading
                // (`PARTITION COMMANDS`, `PITCH1 DURATION1`), not one term.
                // So are identifiers in capitals side by side (`SUBCOMMAND REPOS_PATH`).
                if words.allSatisfy({
                    tokens[$0].isAcronym || tokens[$0].kind == .number || tokens[$0].isStop
                        || Self.isCapitalIdentifier(tokens[$0].surface)
                }), words.contains(where: { tokens[$0].isShouted || Self.isCapitalIdentifier(tokens[$0].surface) }) {
                    isFreePhrase[Int(id)] = true
                }
            }
            let letters = words.filter { tokens[$0].kind == .word && !tokens[$0].isStop }
            let capitals = letters.filter { tokens[$0].isCapitalised && !tokens[$0].isSentenceInitial }.count
            let lowers = letters.filter { !tokens[$0].isCapitalised }.count
            if capitals > 0 && lowers > 0 { isMixedCase[Int(id)] = true }
            if words.count > 1, words.contains(where: { tokens[$0].kind == .number }) { hasNumber[Int(id)] = true }
            occurrences.append(Occurrence(candidate: id, range: range))
            guard seen.insert(id).inserted else { continue }
            frequency[Int(id)] += 1
            if let first = words.first, let last = words.last, lineFirstWord[first] == first,
               lineLastWord[last] == last {
                standaloneCount[Int(id)] += 1
            }
            if words.count == 1, tokens[words[0]].kind == .word, Self.isNameWord(tokens[words[0]].surface),
               Self.capitalisedNeighbour(of: words[0]..<(words[0] + 1), in: tokens) {
                insideNameCount[Int(id)] += 1
            }
            if words.count == 1, let before = modifiersBefore {
                let neighbour = before ? words[0] + 1 : words[0] - 1
                if tokens.indices.contains(neighbour), tokens[neighbour].kind == .word, !tokens[neighbour].isStop {
                    attributiveCount[Int(id)] += 1
                }
            }
            let after = range.upperBound < tokens.count && tokens[range.upperBound].kind == .word
                ? tokens[range.upperBound].id : -1
            if frequency[Int(id)] == 1 { rightNeighbor[Int(id)] = after }
            if after >= 0, after == rightNeighbor[Int(id)] { sameRight[Int(id)] += 1 }
            let content = words.filter { !tokens[$0].isStop }
            let allCapitalised = content.allSatisfy {
                tokens[$0].isCapitalised || tokens[$0].isAcronym || tokens[$0].kind == .number
            }
            let initialOnly = content.count == 1 && tokens[content[0]].isSentenceInitial && !tokens[content[0]].isAcronym
            if allCapitalised && !initialOnly { nameCount[Int(id)] += 1 }
            var display = ""
            var surface = ""
            for index in range {
                let token = tokens[index]
                let separator = index > range.lowerBound && token.kind != .joiner
                    && tokens[index - 1].kind != .joiner ? " " : ""
                // Inflection sits on the last word of a phrase; inner words keep their letters.
                let isLast = index == range.upperBound - 1
                display += separator + (isLast ? (range.count > 1 ? token.headDisplay : token.display)
                    : Substring(token.surface))
                surface += separator + token.surface
            }
            if frequency[Int(id)] == 1 {
                firstDisplay[Int(id)] = display
            } else {
                var table = moreDisplays.removeValue(forKey: id) ?? [firstDisplay[Int(id)]: 1]
                if table.count < 16 || table[display] != nil { table[display, default: 0] += 1 }
                moreDisplays[id] = table
            }
            if surface != display {
                var forms = surfaces.removeValue(forKey: id) ?? []
                if forms.count < 8 { forms.insert(surface) }
                surfaces[id] = forms
            }
        }
        return occurrences
    }

    private mutating func intern(_ key: String, words: Int) -> Int32 {
        if let id = ids[key] { return id }
        let id = Int32(keys.count)
        keys.append(key)
        ids[key] = id
        frequency.append(0)
        nameCount.append(0)
        wordCount.append(UInt8(min(words, 255)))
        isAcronym.append(false)
        isGeneral.append(true)
        endsGeneral.append(false)
        isVerbPhrase.append(false)
        isFreePhrase.append(false)
        isSubsumed.append(false)
        standaloneCount.append(0)
        insideNameCount.append(0)
        attributiveCount.append(0)
        rightNeighbor.append(-1)
        sameRight.append(0)
        isMixedCase.append(false)
        hasNumber.append(false)
        firstDisplay.append("")
        parent.append(id)
        return id
    }

    /// Frees the displayed forms of a candidate that will never be shown (pruned on large inputs).
    mutating func forgetForms(_ id: Int32) {
        firstDisplay[Int(id)] = ""
        moreDisplays[id] = nil
        surfaces[id] = nil
    }

    /// Registers a candidate for a span even if the span is not a regular candidate (long forms).
    mutating func register(_ range: Range<Int>, in tokens: [AnalysedToken], vocabulary: Vocabulary) -> Int32 {
        let words = range.filter { tokens[$0].kind == .word || tokens[$0].kind == .number }
        return intern(Self.key(of: range, in: tokens, vocabulary: vocabulary), words: words.count)
    }

    /// Marks candidates that occur only inside a longer candidate with the same frequency (C-value's nested
    /// terms): the longer one is the unit. Called once all sentences are added.
    mutating func markSubsumed() {
        for (index, key) in keys.enumerated()
        where wordCount[index] >= 2 && frequency[index] >= 2 && !isMixedCase[index] && !endsGeneral[index] {
            let words = key.split(separator: " ")
            guard words.count >= 2 else { continue }
            for sub in [words.dropFirst(), words.dropLast()] {
                if let id = ids[sub.joined(separator: " ")], frequency[Int(id)] == frequency[index] {
                    isSubsumed[Int(id)] = true
                }
            }
        }
    }

    /// Whether at least half of the candidate's sentences write all its words with capitals (a name, a Title
    /// Case label).
    func isWrittenAsName(_ id: Int32) -> Bool { nameCount[Int(id)] * 2 >= frequency[Int(id)] }

    /// Whether a word written like a name stands directly before or after `index`: next to it, across a link
    /// word (`Santiago de Compostela`, `Gaël de Chalendar`), or across the full stop of an initial or a short
    /// abbreviation (`Johannes E. Schindelin`, `Dr. Geo`).
    private static func capitalisedNeighbour(of range: Range<Int>, in tokens: [AnalysedToken]) -> Bool {
        let first = range.lowerBound, last = range.upperBound - 1
        func isName(_ position: Int) -> Bool {
            tokens.indices.contains(position) && tokens[position].kind == .word && isNameWord(tokens[position].surface)
        }
        func bridges(_ position: Int, towards far: Int) -> Bool {
            guard tokens.indices.contains(position), isName(far) else { return false }
            let token = tokens[position]
            if token.kind == .word, token.isLink, !token.isCapitalised { return true }
            // `E.` / `Dr.`: the full stop of a short capitalised word, on the side of that word.
            guard token.kind == .boundary, token.surface == "." else { return false }
            let abbreviation = far < first ? far : last
            return tokens[abbreviation].surface.count <= 2 && isName(abbreviation)
        }
        return isName(first - 1) || isName(last + 1)
            || bridges(first - 1, towards: first - 2) || bridges(last + 1, towards: last + 2)
    }

    /// An identifier in capitals with an underscore (`REPOS_PATH`, `DATA_SOURCE_ID`): a metavariable.
    private static func isCapitalIdentifier(_ text: String) -> Bool {
        text.utf8.contains(UInt8(ascii: "_")) && text.contains(where: \.isLetter) && !text.contains(where: \.isLowercase)
    }

    /// A word written as a name: one capital, then lower-case letters only (`Bay`, `Coruña`, `A`). Not an
    /// acronym, a model code or an identifier (`EOS`, `DC240`, `PowerShot`, `GtkPageSetup`): a brand before
    /// a model code (`Canon EOS`) is a name of its own, and an identifier is one by its inner capitals.
    private static func isNameWord(_ text: some StringProtocol) -> Bool {
        guard let first = text.first, first.isUppercase else { return false }
        return text.dropFirst().allSatisfy { !$0.isUppercase && !$0.isNumber }
    }

    /// Whether a single word is a piece of longer names rather than a term of its own: at least
    /// `insideShare` of its sentences write it inside a longer capitalised sequence (`Bay` of `Hudson Bay`,
    /// `Charles` of `Charles Darwin`), and it rarely stands alone as a whole message or line. A name used
    /// alone (`Kazakhstan`), a word also written in lower case (`File`) or a label standing alone (`Open`)
    /// is not one.
    func isNameFragment(_ id: Int32) -> Bool {
        let index = Int(id)
        guard wordCount[index] == 1, !isAcronym[index] else { return false }
        let frequency = Int(frequency[index])
        return frequency > 0 && Int(insideNameCount[index]) * 10 >= frequency * Self.insideShareTenths
            && Int(standaloneCount[index]) * 10 < frequency
    }

    static let insideShareTenths = 7

    /// Whether a single word is mostly written as a modifier of the next (or, by the language, the previous)
    /// content word: in at least 60% of at least five sentences (`main`, `principal`, `internal`, `unknown`).
    func isAttributive(_ id: Int32) -> Bool {
        let index = Int(id)
        guard wordCount[index] == 1, !isMixedCase[index], frequency[index] >= 5, !isWrittenAsName(id),
              !CaseFolding.isAcronym(preferredDisplay(id)) else { return false }
        return Int(attributiveCount[index]) * 10 >= Int(frequency[index]) * 6
    }

    /// Whether the candidate is followed by the same word in every one of its sentences (at least three: in two,
    /// the same next word is often chance).
    func isFragment(_ id: Int32) -> Bool {
        frequency[Int(id)] >= 3 && sameRight[Int(id)] >= frequency[Int(id)]
    }

    /// Whether phrases of this side stand alone often enough for the absence of a standalone occurrence to mean
    /// something: in software messages and lists of labels a good share of the repeated multi-word candidates
    /// stand alone somewhere; in running prose (an article) none does, and then absence tells nothing.
    func phrasesStandAlone() -> Bool {
        var repeated = 0, alone = 0
        for index in keys.indices where wordCount[index] >= 2 && frequency[index] >= 2 {
            repeated += 1
            if standaloneCount[index] > 0 { alone += 1 }
        }
        return repeated > 0 && alone * 20 >= repeated
    }

    /// All candidates inside `id` (by words).
    func nestedAll(_ id: Int32) -> [Int32] {
        let words = keys[Int(id)].split(separator: " ")
        guard words.count >= 2 else { return [] }
        var result: [Int32] = []
        for length in 1..<words.count {
            for start in 0...(words.count - length) {
                if let sub = ids[words[start..<(start + length)].joined(separator: " ")] { result.append(sub) }
            }
        }
        return result
    }

    /// Candidates inside `id` (by words) that never occur outside it.
    func nestedSameFrequency(_ id: Int32) -> [Int32] {
        let words = keys[Int(id)].split(separator: " ")
        guard words.count >= 2 else { return [] }
        var result: [Int32] = []
        for length in 1..<words.count {
            for start in 0...(words.count - length) {
                if let sub = ids[words[start..<(start + length)].joined(separator: " ")],
                   frequency[Int(sub)] == frequency[Int(id)] {
                    result.append(sub)
                }
            }
        }
        return result
    }

    // MARK: Concepts

    func concept(_ id: Int32) -> Int32 {
        var current = id
        while parent[Int(current)] != current { current = parent[Int(current)] }
        return current
    }

    mutating func join(_ a: Int32, _ b: Int32) {
        let ra = concept(a), rb = concept(b)
        guard ra != rb else { return }
        joined.append(contentsOf: [a, b])
        // The acronym (smaller word count) stays the representative; ties by id, for determinism.
        if (wordCount[Int(ra)], ra) <= (wordCount[Int(rb)], rb) { parent[Int(rb)] = ra } else { parent[Int(ra)] = rb }
    }

    func members(of concept: Int32) -> [Int32] {
        [concept] + joined.filter { $0 != concept && self.concept($0) == concept }
    }

    /// The displayed forms of a candidate with their counts (sentences).
    private func displays(_ id: Int32) -> [String: Int32] {
        if let table = moreDisplays[id] { return table }
        return firstDisplay[Int(id)].isEmpty ? [:] : [firstDisplay[Int(id)]: 1]
    }

    /// Whether displayed form `a` is preferred to `b`: the more frequent (ties: the shorter, then by Unicode
    /// scalars: String's `<` is no strict order between decomposed and precomposed spellings).
    private static func isPreferred(_ a: (key: String, value: Int32), to b: (key: String, value: Int32)) -> Bool {
        if a.value != b.value { return a.value > b.value }
        if a.key.count != b.key.count { return a.key.count < b.key.count }
        return a.key.precedesInScalarOrder(b.key)
    }

    /// The most frequent displayed form (ties: the shortest, then alphabetical).
    func preferredDisplay(_ id: Int32) -> String {
        displays(id).max { a, b in Self.isPreferred(b, to: a) }?.key ?? keys[Int(id)]
    }

    /// The displayed forms with their counts, preferred first (the first is `preferredDisplay`).
    func rankedDisplays(_ id: Int32) -> [(text: String, count: Int32)] {
        let table = displays(id)
        return table.isEmpty ? [(keys[Int(id)], Int32(1))] : table.sorted(by: Self.isPreferred).map { ($0.key, $0.value) }
    }

    /// The other forms of the candidate than `main` (by default the preferred one).
    func variants(_ id: Int32, main: String? = nil) -> [String] {
        let main = main ?? preferredDisplay(id)
        let others = Set(displays(id).keys).union(surfaces[id] ?? []).subtracting([main])
        // In scalar order, not by `<`: otherwise `Mo\u{301}dulo` and `M\u{F3}dulos` came out in the order of the
        // set's iteration, which changes from run to run.
        return others.sorted { $0.precedesInScalarOrder($1) }
    }
}
