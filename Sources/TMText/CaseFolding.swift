import Foundation
import TMCore

/// Language-aware case mapping and case-insensitive comparison.
///
/// Unicode's default case mapping pairs `I` with `i`. Turkish and Azerbaijani (and the Latin alphabets of
/// Crimean Tatar, Gagauz and Tatar, which follow Turkish spelling) have two letters instead: dotted `İ i` and
/// dotless `I ı`, so there `I` lowers to `ı` and `i` uppers to `İ` (Unicode SpecialCasing.txt, conditions `tr`
/// and `az`). Kazakh in Cyrillic has no such pair (its `І і` is a separate Cyrillic letter), so `kk` uses the
/// default mapping, as does `kk-Latn` until its alphabet settles.
///
///     CaseFolding.lowercased("ISTANBUL", language: tr)   // "ıstanbul"
///     CaseFolding.lowercased("İstanbul", language: tr)   // "istanbul"
///     CaseFolding.uppercased("iş", language: az)         // "İŞ"
///     CaseFolding.folded("Straße", language: de)         // "strasse"
///     CaseFolding.equalIgnoringCase("DİYARBAKIR", "diyarbakır", language: tr)  // true
public enum CaseFolding {
    /// Whether the language writes dotted and dotless i as two letters.
    public static func hasTurkicDottedI(_ language: LanguageTag) -> Bool {
        switch language.language {
        case "tr", "az", "crh", "gag": return true
        case "tt": return language.description.contains("-Latn")
        default: return false
        }
    }

    /// Lower case as a reader of `language` expects it. Outside the Turkic languages, `İ` lowers to a plain `i`
    /// rather than to `i` with a combining dot.
    public static func lowercased(_ text: String, language: LanguageTag) -> String {
        if hasTurkicDottedI(language) {
            return text.replacingOccurrences(of: "I\u{307}", with: "i")
                .replacingOccurrences(of: "İ", with: "i")
                .replacingOccurrences(of: "I", with: "ı")
                .lowercased()
        }
        return text.replacingOccurrences(of: "İ", with: "i").lowercased()
    }

    /// Upper case as a reader of `language` expects it (`i` → `İ` in the Turkic languages).
    public static func uppercased(_ text: String, language: LanguageTag) -> String {
        if hasTurkicDottedI(language) {
            return text.replacingOccurrences(of: "i", with: "İ").uppercased()
        }
        return text.uppercased()
    }

    /// A key for case-insensitive comparison: NFC, lower case for `language`, and the remaining full case
    /// foldings that lower-casing leaves (`ß` → `ss`, final `ς` → `σ`).
    public static func folded(_ text: String, language: LanguageTag) -> String {
        lowercased(text.precomposedStringWithCanonicalMapping, language: language)
            .replacingOccurrences(of: "ß", with: "ss")
            .replacingOccurrences(of: "ς", with: "σ")
            .precomposedStringWithCanonicalMapping
    }

    /// Whether two texts are equal when case is ignored the way `language` ignores it.
    public static func equalIgnoringCase(_ lhs: String, _ rhs: String, language: LanguageTag) -> Bool {
        folded(lhs, language: language) == folded(rhs, language: language)
    }
}
