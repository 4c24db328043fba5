/// How a language writes numbers: which characters separate thousands and which one marks decimals.
///
/// `5800` is `5,800` in English, `5.800` in German, Spanish, Turkish and Azerbaijani, `5 800` (with a no-break
/// space) in French and Russian; `5.8` is `5,8` in all of those but English.
struct NumberConventions: Sendable {
    var decimal: [Unicode.Scalar]
    var grouping: [Unicode.Scalar]

    /// No-break, narrow no-break, thin and figure spaces group digits in every language.
    static let spaceGroups: [Unicode.Scalar] = ["\u{A0}", "\u{202F}", "\u{2009}", "\u{2007}"]

    private static let pointDecimal: Set<String> = [
        "en", "zh", "ja", "ko", "he", "th", "ms", "fil", "ga", "hi", "bn", "ta", "te", "ur", "sw", "mt", "cy",
    ]
    /// Comma decimal, point grouping.
    private static let commaDecimalPointGroup: Set<String> = [
        "de", "es", "it", "pt", "nl", "da", "tr", "az", "id", "ro", "el", "hr", "sl", "sr", "ca", "gl", "eu",
        "is", "vi", "bs", "mk",
    ]

    static let english = NumberConventions(decimal: ["."], grouping: spaceGroups + [",", "'"])
    static let continental = NumberConventions(decimal: [","], grouping: spaceGroups + [".", " ", "'"])
    static let swiss = NumberConventions(decimal: ["."], grouping: spaceGroups + ["'", "’"])
    static let undetermined = NumberConventions(decimal: [".", ","], grouping: spaceGroups + [",", ".", " ", "'"])
    /// fr, ru, uk, pl, cs, sk, sv, fi, nb, nn, et, lv, lt, hu, bg, kk, ka, hy and most others.
    static let spaceGrouping = NumberConventions(decimal: [","], grouping: spaceGroups + [" ", "."])

    /// The conventions of a primary language subtag (`de`, `en`).
    static func forLanguage(_ language: String) -> NumberConventions {
        if pointDecimal.contains(language) { return english }
        if commaDecimalPointGroup.contains(language) { return continental }
        if language == "rm" { return swiss }
        if language.isEmpty || language == "und" { return undetermined }
        return spaceGrouping
    }

    static func isSpaceGroup(_ c: Unicode.Scalar) -> Bool {
        c.value == 0xA0 || c.value == 0x202F || c.value == 0x2009 || c.value == 0x2007
    }
}
