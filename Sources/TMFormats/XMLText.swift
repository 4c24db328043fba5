/// Text clean-up applied before anything is written into an XML file.
public enum XMLText {
    /// Removes characters XML 1.0 cannot carry or that are invisible control codes: C0 controls other than tab,
    /// line feed and carriage return, DEL, C1 controls, and the non-characters U+FFFE and U+FFFF.
    public static func removingControlCharacters(_ text: String) -> String {
        guard mayHoldRemovable(text) else { return text }
        guard text.unicodeScalars.contains(where: isRemovable) else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.lazy.filter { !isRemovable($0) })
        return String(scalars)
    }

    /// Collapses every run of spaces, tabs and line breaks into one space and trims both ends. No-break spaces and
    /// other Unicode spaces are kept: they are deliberate (French punctuation, numbers).
    public static func normalizingWhitespace(_ text: String) -> String {
        // The white space in question is ASCII, so the work is done on UTF-8 bytes; most text needs none.
        var text = text
        return text.withUTF8 { bytes -> String? in
            var clean = true
            var previous: UInt8 = 0x20
            for byte in bytes {
                switch byte {
                case 0x09, 0x0A, 0x0D: clean = false
                case 0x20: if previous == 0x20 { clean = false }
                default: break
                }
                if !clean { break }
                previous = byte
            }
            if clean, previous != 0x20 { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pendingSpace = false
            for byte in bytes {
                switch byte {
                case 0x20, 0x09, 0x0A, 0x0D:
                    pendingSpace = !out.isEmpty
                default:
                    if pendingSpace { out.append(0x20) }
                    pendingSpace = false
                    out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    /// What a TMX `<seg>` receives: no control characters, whitespace normalised.
    public static func segmentText(_ text: String) -> String {
        normalizingWhitespace(removingControlCharacters(text))
    }

    /// Escapes text for element content: `&`, `<`, `>`.
    public static func escaped(_ text: String) -> String {
        guard containsByte(text, where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case 0x26: out += Array("&amp;".utf8)
            case 0x3C: out += Array("&lt;".utf8)
            case 0x3E: out += Array("&gt;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// False when the UTF-8 bytes cannot encode a removable character (C0 other than tab/LF/CR, DEL, C1 as
    /// `C2 80`–`C2 9F`, U+FFFE/U+FFFF as `EF BF BE`/`EF BF BF`); true means "look closer".
    static func mayHoldRemovable(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for byte in bytes where byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == 0xEF {
                if byte != 0x09, byte != 0x0A, byte != 0x0D { return true }
            }
            return false
        }
    }

    /// Whether a UTF-8 byte of `text` satisfies `predicate`, scanning the string's contiguous storage.
    @inline(__always)
    static func containsByte(_ text: String, where predicate: (UInt8) -> Bool) -> Bool {
        if let found = text.utf8.withContiguousStorageIfAvailable({ $0.contains(where: predicate) }) {
            return found
        }
        return text.utf8.contains(where: predicate)
    }

    static func isRemovable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0x7F...0x9F, 0xFFFE, 0xFFFF: true
        default: false
        }
    }
}
