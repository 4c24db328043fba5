/// Per-language transliteration into a rough English-like Latin spelling, used to build cognate keys
/// (`Qazaxıstan` → `qazakhistan`, which shares its consonant skeleton with `Kazakhstan`).
///
/// This is linguistic data kept in code only because the `TMAlign` target has no `Resources` folder yet;
/// it belongs in `Sources/TMAlign/Resources/transliteration-<lang>.tsv`, one file per language, once that
/// folder is declared. Letters not listed here are folded by removing diacritics.
enum TransliterationTable {
    /// Lower-case letter → replacement, per primary language subtag.
    static func table(for language: String) -> [Character: String] {
        switch language {
        case "az":
            // Azerbaijani Latin: c = /dʒ/, ç = /tʃ/, x = /x/, q = /g~k/, ş = /ʃ/, ə = /æ/, ı = /ɯ/, ğ = /ɣ/.
            return ["c": "j", "ç": "ch", "x": "kh", "q": "k", "ş": "sh", "ə": "a", "ı": "i", "ğ": "g", "j": "zh"]
        case "tr":
            return ["c": "j", "ç": "ch", "ş": "sh", "ı": "i", "ğ": "g", "j": "zh"]
        case "de":
            return ["ä": "a", "ö": "o", "ü": "u", "ß": "ss"]
        case "fr":
            return ["œ": "oe", "æ": "ae"]
        case "ru", "uk", "be", "kk", "ky", "bg", "sr", "mk":
            return cyrillic
        default:
            return [:]
        }
    }

    private static let cyrillic: [Character: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
        "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
        "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y",
        "ь": "", "э": "e", "ю": "iu", "я": "ia", "і": "i", "ї": "i", "є": "e", "ґ": "g", "ә": "a", "ғ": "g",
        "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "ј": "j", "љ": "lj", "њ": "nj", "ћ": "c",
        "ђ": "dj", "џ": "dz",
    ]
}
