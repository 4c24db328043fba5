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

    init(_ text: String, language: String) {
        self.text = text
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.utf8.count)
        for s in text.unicodeScalars { scalars.append(s) }
        self.scalars = scalars
        self.language = language
    }

    lazy var codes: [InlineCode] = InlineCodeScanner.scan(scalars, qtPlaceholders: !CaseFolding.isTurkic(language))

    lazy var words: [Range<Int>] = WordScanner.scan(scalars, skipping: codes)

    /// The words, case-folded for the language.
    lazy var foldedWords: [[Unicode.Scalar]] = {
        let turkic = CaseFolding.isTurkic(language)
        return words.map { CaseFolding.foldedScalars(scalars[$0], turkic: turkic) }
    }()

    func string(_ range: Range<Int>) -> String {
        String(String.UnicodeScalarView(scalars[range]))
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
