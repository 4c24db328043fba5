/// Character classes the scanner asks about, with ASCII fast paths.
enum ScalarClass {
    @inline(__always)
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        // Unicode's White_Space property outside ASCII (a fixed list; the property look-up is slow), plus the
        // zero-width space and the byte-order mark.
        switch v {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF: return true
        default: return false
        }
    }

    @inline(__always)
    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }
        if v >= 0xC0 && v <= 0x2AF { return v != 0xD7 && v != 0xF7 }  // Latin-1 letters, Latin Extended, IPA (ə)
        if v >= 0x400 && v <= 0x45F { return true }        // basic Cyrillic
        return s.properties.isAlphabetic
    }

    @inline(__always)
    static func isUpper(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v >= 0x41 && v <= 0x5A }
        if v >= 0x400 && v <= 0x45F { return v < 0x430 }   // basic Cyrillic: Ѐ–Я upper, а–џ lower
        return s.properties.isUppercase || s.properties.generalCategory == .titlecaseLetter
    }

    @inline(__always)
    static func isLower(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v >= 0x61 && v <= 0x7A }
        if v >= 0x400 && v <= 0x45F { return v >= 0x430 }
        return s.properties.isLowercase
    }

    @inline(__always)
    static func isDigit(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v >= 0x30 && v <= 0x39 }
        if v < 0x660 { return false }                       // no decimal digits before the Arabic-Indic ones
        return s.properties.numericType == .decimal
    }

    /// A letter of a script without case (Han, Arabic, Devanagari, …): it can begin a sentence.
    @inline(__always)
    static func isUncasedLetter(_ s: Unicode.Scalar) -> Bool {
        s.value >= 0x80 && s.properties.isAlphabetic && !s.properties.isUppercase && !s.properties.isLowercase
            && s.properties.generalCategory != .titlecaseLetter
    }

    /// `.` `!` `?` and their kin: they end a sentence only when what follows agrees.
    @inline(__always)
    static func isWeakTerminator(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x2E, 0x21, 0x3F: return true                  // . ! ?
        case 0x2026, 0x203C, 0x2047, 0x2048, 0x2049, 0x203D: return true  // … ‼ ⁇ ⁈ ⁉ ‽
        default: return false
        }
    }

    /// Terminators of scripts where they always end a sentence (no abbreviations use them).
    @inline(__always)
    static func isStrongTerminator(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3002, 0xFF01, 0xFF1F, 0xFF0E, 0xFF61, 0xFE12, 0xFE52, 0xFE56, 0xFE57: return true  // 。！？．｡
        case 0x0964, 0x0965: return true    // । ॥ (Devanagari danda)
        case 0x06D4, 0x061F, 0x061E: return true  // ۔ ؟ ؞ (Urdu full stop, Arabic question mark)
        case 0x1362, 0x1367, 0x1368: return true  // ። ፧ ፨ (Ethiopic)
        case 0x104B: return true            // ။ (Myanmar)
        case 0x0589: return true            // ։ (Armenian full stop)
        case 0x0F0D, 0x0F0E: return true    // ། ༎ (Tibetan)
        case 0x17D4, 0x17D5: return true    // ។ ៕ (Khmer)
        default: return false
        }
    }

    /// Closing quotes and brackets that stay with the sentence they follow.
    @inline(__always)
    static func isCloser(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x22, 0x27, 0x29, 0x5D, 0x7D: return true      // " ' ) ] }
        case 0x201D, 0x2019, 0x201C, 0x00BB, 0x203A: return true  // ” ’ “ » ›
        case 0x300D, 0x300F, 0x3009, 0x300B, 0x3011, 0x3015, 0x3017, 0x3019, 0x301B: return true
        case 0xFF63, 0xFF09, 0xFF3D, 0xFF5D, 0x301E, 0x301F, 0xFF02: return true
        default: return false
        }
    }

    /// Opening quotes, brackets and Spanish inverted marks that may begin a sentence.
    @inline(__always)
    static func isOpener(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x22, 0x27, 0x28, 0x5B, 0x7B, 0x60: return true      // " ' ( [ { `
        case 0x201C, 0x2018, 0x201E, 0x201A, 0x00AB, 0x2039, 0x201D, 0x00BB, 0x2019: return true
        case 0x00BF, 0x00A1: return true                    // ¿ ¡
        case 0x300C, 0x300E, 0x3008, 0x300A, 0x3010, 0x3014, 0x3016, 0x3018, 0x301A: return true
        case 0xFF62, 0xFF08, 0xFF3B, 0xFF5B, 0x301D, 0xFF02: return true
        default: return false
        }
    }

    /// Dashes that may introduce a sentence of dialogue or a list item.
    @inline(__always)
    static func isDash(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x2D, 0x2013, 0x2014, 0x2012, 0x2015, 0x2212: return true
        default: return false
        }
    }

    /// Bullets that always begin a list item.
    @inline(__always)
    static func isBullet(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x2022, 0x25E6, 0x25AA, 0x2023, 0x2043, 0x25CF, 0x25CB, 0x25A0, 0x25A1, 0x2219, 0x25B8, 0x25BA, 0x27A2,
             0x2713, 0x2714, 0x2756, 0x25C6, 0x25C7, 0xF0B7:
            return true
        default: return false
        }
    }
}
