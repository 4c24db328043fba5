/// The inflection suffixes of one language, read from `suffixes-LANG.txt`, with vowel harmony.
///
/// Templates use archiphonemes: `A` (two-way vowel), `I` (four-way vowel), `D` and `C` (voiced or voiceless
/// after the stem's last letter). Matching works on case-folded text.
struct SuffixRules: Sendable {
    enum SuffixClass: Int, Sendable {
        case plural = 1, ordinal = 0, possessive = 2, caseEnding = 3, relative = 4
        /// Plural and ordinal suffixes stay in the displayed term (`rəngli inqilablar`, `4-cü maddə`).
        var isKeptInDisplay: Bool { self == .plural || self == .ordinal }
    }

    struct Rule: Sendable {
        var template: [Character]
        var replacement: [Character]
        var suffixClass: SuffixClass
        /// nil: any stem; "V"/"C": the stem ends in a vowel/consonant; otherwise a list of endings.
        var after: [String]?
        var onlyWhenAttested: Bool
        var onlyAfterHyphen: Bool
    }

    private(set) var rules: [Rule] = []
    private var back: Set<Character> = []
    private var front: Set<Character> = []
    private var rounded: Set<Character> = []
    private var twoWay: [Character] = []
    private var fourWay: [Character] = []
    private var dPair: [Character] = ["d", "t"]
    private var cPair: [Character] = ["c", "ç"]
    private var voiceless: Set<Character> = []
    private(set) var keepEndings: [String] = []
    private(set) var suffixMayFollowHyphen = false
    private(set) var foldsAccents = false

    var isEmpty: Bool { rules.isEmpty }

    init(lines: [[String]]) {
        for fields in lines {
            let head = fields[0]
            switch head {
            case "@vowels":
                if fields.count >= 4 {
                    back = Set(fields[1])
                    front = Set(fields[2])
                    rounded = Set(fields[3])
                }
            case "@A": twoWay = fields.dropFirst().compactMap(\.first)
            case "@I": fourWay = fields.dropFirst().compactMap(\.first)
            case "@D": dPair = fields.dropFirst().compactMap(\.first)
            case "@C": cPair = fields.dropFirst().compactMap(\.first)
            case "@voiceless": voiceless = Set(fields.count > 1 ? fields[1] : "")
            case "@keep-endings": keepEndings = Array(fields.dropFirst())
            case "@hyphen-suffixes": suffixMayFollowHyphen = true
            case "@fold-accents": foldsAccents = true
            default:
                guard fields.count >= 3, !head.hasPrefix("@") else { continue }
                let parts = head.split(separator: ">", omittingEmptySubsequences: false)
                let suffixClass: SuffixClass
                switch fields[1] {
                case "plural": suffixClass = .plural
                case "ordinal": suffixClass = .ordinal
                case "poss": suffixClass = .possessive
                case "rel": suffixClass = .relative
                default: suffixClass = .caseEnding
                }
                let flags = fields.count > 3 ? Set(fields[3].split(separator: ",").map(String.init)) : []
                rules.append(Rule(
                    template: Array(parts[0]), replacement: parts.count > 1 ? Array(parts[1]) : [],
                    suffixClass: suffixClass,
                    after: fields[2] == "*" ? nil : fields[2].split(separator: ",").map(String.init),
                    onlyWhenAttested: flags.contains("attested"), onlyAfterHyphen: flags.contains("hyphen")))
            }
        }
        // Longest suffixes first, so that the first parse found strips the most.
        rules.sort { $0.template.count > $1.template.count }
    }

    func isVowel(_ character: Character) -> Bool {
        if !back.isEmpty { return back.contains(character) || front.contains(character) }
        switch character {
        case "a", "e", "i", "o", "u", "á", "é", "í", "ó", "ú", "ü": return true
        default: return false
        }
    }

    /// Whether `suffix` (folded) is the instance of `rule` after `stem`; with no vowel in the stem (acronyms,
    /// numbers) any harmony is accepted.
    func matches(_ rule: Rule, stem: ArraySlice<Character>, suffix: ArraySlice<Character>) -> Bool {
        guard suffix.count == rule.template.count else { return false }
        if let after = rule.after, let last = stem.last {
            if after == ["V"] {
                if !isVowel(last) { return false }
            } else if after == ["C"] {
                if isVowel(last) { return false }
            } else if !after.contains(where: { stem.reversed().starts(with: $0.reversed()) }) {
                return false
            }
        }
        var lastVowel = stem.last(where: isVowel)
        var previous = stem.last
        for (templateCharacter, actual) in zip(rule.template, suffix) {
            switch templateCharacter {
            case "A" where !twoWay.isEmpty:
                guard twoWay.contains(actual) else { return false }
                if let vowel = lastVowel, twoWay.count == 2 {
                    let expected = back.contains(vowel) ? twoWay[0] : twoWay[1]
                    if actual != expected { return false }
                }
                lastVowel = actual
            case "I" where !fourWay.isEmpty:
                guard fourWay.contains(actual) else { return false }
                if let vowel = lastVowel, fourWay.count == 4 {
                    let isBack = back.contains(vowel)
                    let isRounded = rounded.contains(vowel)
                    let expected = fourWay[(isRounded ? 2 : 0) + (isBack ? 0 : 1)]
                    if actual != expected { return false }
                }
                lastVowel = actual
            case "D", "C":
                let pair = templateCharacter == "D" ? dPair : cPair
                guard pair.contains(actual) else { return false }
                if let previous, pair.count == 2, pair[0] != pair[1] {
                    let expected = voiceless.contains(previous) ? pair[1] : pair[0]
                    if actual != expected { return false }
                }
            default:
                if templateCharacter != actual { return false }
                if isVowel(actual) { lastVowel = actual }
            }
            previous = actual
        }
        return true
    }

    /// Whether the whole of `text` is a chain of suffixes (`nin` in `KTMT-nin`, `la` in `“inqilablar”la`).
    func isSuffixChain(_ text: [Character]) -> Bool {
        guard suffixMayFollowHyphen, !text.isEmpty else { return false }
        return chain(text[...], maxSlot: 10, depth: 0)
    }

    private func chain(_ text: ArraySlice<Character>, maxSlot: Int, depth: Int) -> Bool {
        if text.isEmpty { return true }
        if depth >= 4 { return false }
        for rule in rules where rule.suffixClass.rawValue < maxSlot || rule.suffixClass == .ordinal {
            let length = rule.template.count
            guard length <= text.count else { continue }
            let suffix = text.suffix(length)
            var loose = rule
            loose.after = nil
            if matches(loose, stem: [][...], suffix: suffix),
               chain(text.dropLast(length), maxSlot: rule.suffixClass.rawValue, depth: depth + 1) {
                return true
            }
        }
        return false
    }
}
