/// How a language writes numbers: which characters separate thousands and which one marks decimals.
///
/// `5800` is `5,800` in English, `5.800` in German, Spanish, Turkish and Azerbaijani, `5 800` (with a no-break
/// space) in French and Russian; `5.8` is `5,8` in all of those but English.
struct NumberConventions: Sendable {
    var decimal: Set<Unicode.Scalar>
    var grouping: Set<Unicode.Scalar>

    /// No-break, narrow no-break, thin and figure spaces group digits in every language.
    static let spaceGroups: Set<Unicode.Scalar> = ["\u{A0}", "\u{202F}", "\u{2009}", "\u{2007}"]

    private static let pointDecimal: Set<String> = [
        "en", "zh", "ja", "ko", "he", "th", "ms", "fil", "ga", "hi", "bn", "ta", "te", "ur", "sw", "mt", "cy",
    ]
    /// Comma decimal, point grouping.
    private static let commaDecimalPointGroup: Set<String> = [
        "de", "es", "it", "pt", "nl", "da", "tr", "az", "id", "ro", "el", "hr", "sl", "sr", "ca", "gl", "eu",
        "is", "vi", "bs", "mk",
    ]

    static func forLanguage(_ language: String) -> NumberConventions {
        if pointDecimal.contains(language) {
            return NumberConventions(decimal: ["."], grouping: spaceGroups.union([",", "'"]))
        }
        if commaDecimalPointGroup.contains(language) {
            return NumberConventions(decimal: [","], grouping: spaceGroups.union([".", " ", "'"]))
        }
        if language == "de-CH" || language == "rm" {
            return NumberConventions(decimal: ["."], grouping: spaceGroups.union(["'", "’"]))
        }
        if language.isEmpty || language == "und" {
            return NumberConventions(decimal: [".", ","], grouping: spaceGroups.union([",", ".", " ", "'"]))
        }
        // fr, ru, uk, pl, cs, sk, sv, fi, nb, nn, et, lv, lt, hu, bg, kk, ka, hy and most others:
        // comma decimal, space grouping.
        return NumberConventions(decimal: [","], grouping: spaceGroups.union([" ", "."]))
    }

    func union(_ other: NumberConventions) -> NumberConventions {
        NumberConventions(decimal: decimal.union(other.decimal), grouping: grouping.union(other.grouping))
    }
}
