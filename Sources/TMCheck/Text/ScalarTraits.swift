/// Fast classification of Unicode scalars for the QA scanners, with an ASCII fast path.
///
/// The scanners run on every unit of large TMs, so they avoid `Character` (grapheme breaking) and Swift `Regex`
/// and look at scalars directly.
enum ScalarTraits {
    @inline(__always)
    static func isDigit(_ s: Unicode.Scalar) -> Bool {
        s.value >= 0x30 && s.value <= 0x39
    }

    @inline(__always)
    static func isASCIILetter(_ s: Unicode.Scalar) -> Bool {
        let v = s.value | 0x20
        return v >= 0x61 && v <= 0x7A
    }

    /// A letter or a combining mark (so `ə`, `ı` and decomposed accents stay inside words).
    @inline(__always)
    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return isASCIILetter(s) }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }

    @inline(__always)
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        isDigit(s) || isLetter(s) || s == "_"
    }

    /// Space, tab, line breaks and the Unicode space separators (no-break spaces included).
    @inline(__always)
    static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D: return true
        case 0..<0x80: return false
        default: return s.properties.isWhitespace
        }
    }

    /// The no-break spaces: U+00A0, U+202F (narrow), U+2007 (figure).
    @inline(__always)
    static func isNoBreakSpace(_ s: Unicode.Scalar) -> Bool {
        s.value == 0xA0 || s.value == 0x202F || s.value == 0x2007
    }

    @inline(__always)
    static func isUppercase(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s.value >= 0x41 && s.value <= 0x5A }
        return s.properties.isUppercase
    }

    @inline(__always)
    static func isLowercase(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s.value >= 0x61 && s.value <= 0x7A }
        return s.properties.isLowercase
    }

    /// Punctuation and symbols that the consistency key drops.
    @inline(__always)
    static func isPunctuation(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 {
            return !(isASCIILetter(s) || isDigit(s) || isWhitespace(s) || s.value < 0x20)
        }
        switch s.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    /// The text of some scalars, encoded straight into a new string (`String(String.UnicodeScalarView(…))` goes
    /// through a scalar-by-scalar append that is several times slower).
    static func string<C: Collection>(_ scalars: C) -> String where C.Element == Unicode.Scalar {
        var count = 0
        for c in scalars { count += UTF8.width(c) }
        if count == 0 { return "" }
        return String(unsafeUninitializedCapacity: count) { buffer in
            var k = 0
            for c in scalars {
                UTF8.encode(c) { byte in
                    buffer[k] = byte
                    k += 1
                }
            }
            return k
        }
    }
}
