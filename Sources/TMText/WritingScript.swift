/// The writing system of a letter, as far as language identification needs it (ISO 15924 codes).
///
/// Only the letters decide a text's script: digits, punctuation and combining marks belong to none.
/// Japanese kana are reported as `Jpan` and ideographs as `Hani`, so that kana tell Japanese from Chinese.
///
///     WritingScript(of: "ə")  // .latin
///     WritingScript(of: "қ")  // .cyrillic
public enum WritingScript: String, Hashable, Sendable, CaseIterable {
    case latin = "Latn", greek = "Grek", cyrillic = "Cyrl", armenian = "Armn", hebrew = "Hebr", arabic = "Arab"
    case syriac = "Syrc", thaana = "Thaa", devanagari = "Deva", bengali = "Beng", gurmukhi = "Guru"
    case gujarati = "Gujr", oriya = "Orya", tamil = "Taml", telugu = "Telu", kannada = "Knda", malayalam = "Mlym"
    case sinhala = "Sinh", thai = "Thai", lao = "Laoo", tibetan = "Tibt", myanmar = "Mymr", georgian = "Geor"
    case hangul = "Hang", ethiopic = "Ethi", cherokee = "Cher", khmer = "Khmr", mongolian = "Mong"
    case japaneseKana = "Jpan", han = "Hani"

    /// The script of a letter; nil for anything that is not a letter or is in a script not listed here.
    public init?(of scalar: Unicode.Scalar) {
        guard Self.isLetter(scalar) else { return nil }
        let value = scalar.value
        // Ranges sorted by start; a binary search would buy nothing at this size.
        for (range, script) in Self.blocks where range.contains(value) {
            self = script
            return
        }
        return nil
    }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    private static let blocks: [(ClosedRange<UInt32>, WritingScript)] = [
        (0x0041...0x024F, .latin), (0x0250...0x02AF, .latin), (0x0370...0x03FF, .greek),
        (0x0400...0x052F, .cyrillic), (0x0530...0x058F, .armenian), (0x0590...0x05FF, .hebrew),
        (0x0600...0x06FF, .arabic), (0x0700...0x074F, .syriac), (0x0750...0x077F, .arabic),
        (0x0780...0x07BF, .thaana), (0x08A0...0x08FF, .arabic), (0x0900...0x097F, .devanagari),
        (0x0980...0x09FF, .bengali), (0x0A00...0x0A7F, .gurmukhi), (0x0A80...0x0AFF, .gujarati),
        (0x0B00...0x0B7F, .oriya), (0x0B80...0x0BFF, .tamil), (0x0C00...0x0C7F, .telugu),
        (0x0C80...0x0CFF, .kannada), (0x0D00...0x0D7F, .malayalam), (0x0D80...0x0DFF, .sinhala),
        (0x0E00...0x0E7F, .thai), (0x0E80...0x0EFF, .lao), (0x0F00...0x0FFF, .tibetan),
        (0x1000...0x109F, .myanmar), (0x10A0...0x10FF, .georgian), (0x1100...0x11FF, .hangul),
        (0x1200...0x139F, .ethiopic), (0x13A0...0x13FF, .cherokee), (0x1780...0x17FF, .khmer),
        (0x1800...0x18AF, .mongolian), (0x1C80...0x1C8F, .cyrillic), (0x1C90...0x1CBF, .georgian),
        (0x1E00...0x1EFF, .latin), (0x1F00...0x1FFF, .greek), (0x2C60...0x2C7F, .latin),
        (0x2D00...0x2D2F, .georgian), (0x2D80...0x2DDF, .ethiopic), (0x2DE0...0x2DFF, .cyrillic),
        (0x3005...0x3007, .han), (0x3040...0x30FF, .japaneseKana), (0x3130...0x318F, .hangul),
        (0x31F0...0x31FF, .japaneseKana), (0x3400...0x4DBF, .han), (0x4E00...0x9FFF, .han),
        (0xA640...0xA69F, .cyrillic), (0xA720...0xA7FF, .latin), (0xA8E0...0xA8FF, .devanagari),
        (0xAA60...0xAA7F, .myanmar), (0xAB00...0xAB2F, .ethiopic), (0xAC00...0xD7AF, .hangul),
        (0xF900...0xFAFF, .han), (0xFB00...0xFB06, .latin), (0xFB13...0xFB17, .armenian),
        (0xFB1D...0xFB4F, .hebrew), (0xFB50...0xFDFF, .arabic), (0xFE70...0xFEFF, .arabic),
        (0xFF21...0xFF5A, .latin), (0xFF66...0xFF9F, .japaneseKana), (0x20000...0x2FFFF, .han),
    ]
}
