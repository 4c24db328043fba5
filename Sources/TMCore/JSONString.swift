/// JSON string literals for every JSON tmkit writes (check reports, `align --format jsonl`, `terms --format json`,
/// term statistics files).
public enum JSONString {
    /// `text` as a JSON string literal: quotes, backslashes, control characters and U+2028/U+2029 (which
    /// JavaScript does not allow in string literals) escaped, everything else as UTF-8.
    public static func quoted(_ text: String) -> String {
        // Most segments need no escaping: copy them whole.
        var plain = true
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x22 || byte == 0x5C
                || (beforePrevious == 0xE2 && previous == 0x80 && (byte == 0xA8 || byte == 0xA9))
            {
                plain = false
                break
            }
            beforePrevious = previous
            previous = byte
        }
        if plain {
            var out = "\""
            out.reserveCapacity(text.utf8.count + 2)
            out += text
            out += "\""
            return out
        }
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for c in text.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if c.value < 0x20 {
                    let hex = String(c.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        out += "\""
        return out
    }
}
