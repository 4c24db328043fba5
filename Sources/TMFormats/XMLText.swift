/// Text clean-up applied before anything is written into an XML file.
public enum XMLText {
    /// Removes characters XML 1.0 cannot carry or that are invisible control codes: C0 controls other than tab,
    /// line feed and carriage return, DEL, C1 controls, and the non-characters U+FFFE and U+FFFF.
    public static func removingControlCharacters(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isRemovable) else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.lazy.filter { !isRemovable($0) })
        return String(scalars)
    }

    /// Collapses every run of spaces, tabs and line breaks into one space and trims both ends. No-break spaces and
    /// other Unicode spaces are kept: they are deliberate (French punctuation, numbers).
    public static func normalizingWhitespace(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case " ", "\t", "\n", "\r":
                pendingSpace = !out.isEmpty
            default:
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// What a TMX `<seg>` receives: no control characters, whitespace normalised.
    public static func segmentText(_ text: String) -> String {
        normalizingWhitespace(removingControlCharacters(text))
    }

    /// Escapes text for element content: `&`, `<`, `>`.
    public static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    static func isRemovable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0x7F...0x9F, 0xFFFE, 0xFFFF: true
        default: false
        }
    }
}
