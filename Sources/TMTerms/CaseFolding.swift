import Foundation

/// Lower-casing that follows the language: Turkic languages map `I` to `ı` and `İ` to `i`.
enum CaseFolding {
    static func fold(_ text: some StringProtocol, turkic: Bool) -> String {
        guard turkic else { return text.lowercased() }
        if text.utf8.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "I") }) { return text.lowercased() }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "I": out.append("ı")
            case "İ": out.append("i")
            default: out.append(contentsOf: String(scalar).lowercased())
            }
        }
        // "i̇" (i + combining dot above) left over from decomposed İ: drop the dot.
        guard out.unicodeScalars.contains("\u{307}") else { return out }
        return out.replacingOccurrences(of: "i\u{307}", with: "i")
    }

    /// Whether a word starts with an upper-case letter.
    static func isCapitalised(_ text: some StringProtocol) -> Bool {
        guard let first = text.first else { return false }
        return first.isUppercase
    }

    /// Whether a word is an acronym: at least two letters, all upper case (digits allowed: `G7`, `COVID-19`).
    static func isAcronym(_ text: some StringProtocol) -> Bool {
        var letters = 0
        for character in text {
            if character.isLetter {
                guard character.isUppercase else { return false }
                letters += 1
            } else if !character.isNumber {
                return false
            }
        }
        return letters >= 2
    }
}
