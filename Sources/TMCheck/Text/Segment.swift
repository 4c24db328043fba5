import TMCore

/// One side of a unit, scanned once and shared by every rule: scalars, inline codes, words, numbers.
///
/// A class with lazy members, so a rule that is switched off costs nothing; each instance stays on the
/// thread that checks its unit.
final class Segment {
    let text: String
    let scalars: [Unicode.Scalar]
    /// The primary language subtag (`az`, `en`).
    let language: String

    /// Which trigger characters occur (`Trigger` bits), found while the scalars are copied: rules whose
    /// triggers are absent skip their scan.
    let triggers: UInt32

    enum Trigger {
        /// `%`, `{`, `$`, `<`, `@`, `://` or `www.`: inline codes, URLs and e-mail addresses are possible.
        static let code: UInt32 = 1 << 0
        /// `( ) [ ] { } " « »`
        static let bracket: UInt32 = 1 << 1
        /// U+00A0, U+202F, U+2007
        static let noBreakSpace: UInt32 = 1 << 2
        /// two spaces in a row
        static let doubleSpace: UInt32 = 1 << 3
        static let digit: UInt32 = 1 << 4
    }

    init(_ text: String, language: String) {
        self.text = text
        var triggers: UInt32 = 0
        var text = text
        let scalars = text.withUTF8 { utf8 in
            [Unicode.Scalar](unsafeUninitializedCapacity: utf8.count) { out, count in
                var k = 0
                var previous: UInt32 = 0
                var i = 0
                let n = utf8.count
                while i < n {
                    let b = utf8[i]
                    let value: UInt32
                    // Decode UTF-8 (valid: it comes from a String).
                    if b < 0x80 {
                        value = UInt32(b)
                        i += 1
                        switch b {
                        case 0x25, 0x24, 0x3C, 0x40: triggers |= Trigger.code  // % $ < @
                        case 0x7B, 0x7D: triggers |= Trigger.code | Trigger.bracket  // { }
                        case 0x28, 0x29, 0x5B, 0x5D, 0x22: triggers |= Trigger.bracket  // ( ) [ ] "
                        case 0x30...0x39: triggers |= Trigger.digit
                        case 0x20: if previous == 0x20 { triggers |= Trigger.doubleSpace }
                        case 0x2F:  // `://`
                            if previous == 0x2F, k >= 2, out[k - 2] == ":" { triggers |= Trigger.code }
                        case 0x2E:  // `www.`
                            if k >= 3, out[k - 1].value | 0x20 == 0x77, out[k - 2].value | 0x20 == 0x77,
                               out[k - 3].value | 0x20 == 0x77
                            { triggers |= Trigger.code }
                        default: break
                        }
                    } else {
                        if b < 0xE0 {
                            value = (UInt32(b & 0x1F) << 6) | UInt32(utf8[i + 1] & 0x3F)
                            i += 2
                        } else if b < 0xF0 {
                            value = (UInt32(b & 0x0F) << 12) | (UInt32(utf8[i + 1] & 0x3F) << 6)
                                | UInt32(utf8[i + 2] & 0x3F)
                            i += 3
                        } else {
                            value = (UInt32(b & 0x07) << 18) | (UInt32(utf8[i + 1] & 0x3F) << 12)
                                | (UInt32(utf8[i + 2] & 0x3F) << 6) | UInt32(utf8[i + 3] & 0x3F)
                            i += 4
                        }
                        switch value {
                        case 0xAB, 0xBB: triggers |= Trigger.bracket
                        case 0xA0, 0x202F, 0x2007: triggers |= Trigger.noBreakSpace
                        default: break
                        }
                    }
                    out[k] = Unicode.Scalar(value) ?? "\u{FFFD}"  // a trivial type: assigning initialises
                    k += 1
                    previous = value
                }
                count = k
            }
        }
        self.scalars = scalars
        self.triggers = triggers
        self.language = language
    }

    @inline(__always)
    func has(_ trigger: UInt32) -> Bool { triggers & trigger != 0 }

    lazy var codes: [InlineCode] = has(Trigger.code)
        ? InlineCodeScanner.scan(scalars, qtPlaceholders: !CaseFolding.isTurkic(language)) : []

    lazy var words: [Range<Int>] = WordScanner.scan(scalars, skipping: codes)

    /// The words, case-folded for the language.
    lazy var foldedWords: [[Unicode.Scalar]] = {
        let turkic = CaseFolding.isTurkic(language)
        return words.map { CaseFolding.foldedScalars(scalars[$0], turkic: turkic) }
    }()

    func string(_ range: Range<Int>) -> String {
        ScalarTraits.string(scalars[range])
    }

    /// Offsets of the first and last scalars that are not whitespace, or nil for a blank segment.
    lazy var trimmedBounds: Range<Int>? = {
        var start = 0
        while start < scalars.count, ScalarTraits.isWhitespace(scalars[start]) { start += 1 }
        guard start < scalars.count else { return nil }
        var end = scalars.count
        while end > start, ScalarTraits.isWhitespace(scalars[end - 1]) { end -= 1 }
        return start..<end
    }()

    var isBlank: Bool { trimmedBounds == nil }

    /// The length in scalars without edge whitespace, or nil for a blank segment.
    var trimmedLength: Int? { trimmedBounds?.count }
}

/// A unit with both sides scanned, handed to each rule in turn.
final class UnitAnalysis {
    let unit: TranslationUnit
    let source: Segment
    let target: Segment

    init(_ unit: TranslationUnit) {
        self.unit = unit
        self.source = Segment(unit.source, language: unit.sourceLanguage.language)
        self.target = Segment(unit.target, language: unit.targetLanguage.language)
    }

    /// Numbers read with the source language's conventions.
    lazy var sourceNumbers: [NumberToken] = NumberScanner.scan(
        source.scalars, skipping: source.codes, conventions: [NumberConventions.forLanguage(source.language)])

    /// Numbers read with the target language's conventions, and the source language's too: a translation that
    /// keeps the source's format has changed no value.
    lazy var targetNumbers: [NumberToken] = NumberScanner.scan(
        target.scalars, skipping: target.codes,
        conventions: [NumberConventions.forLanguage(target.language), NumberConventions.forLanguage(source.language)])
}
