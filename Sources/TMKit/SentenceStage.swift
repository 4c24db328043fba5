import TMAlign
import TMCore
import TMSegment

/// Splits both sides of a document into sentences and aligns them.
public enum SentenceStage {
    /// Sentences per paragraph, for each side.
    public static func segment(_ paragraphs: [Paragraph], language: LanguageTag) -> [[String]] {
        let segmenter = SentenceSegmenter(language: language)
        return paragraphs.map { paragraph in
            segmenter.sentences(in: paragraph.text).map { collapseWhitespace($0) }
        }
    }

    /// Segments and aligns `document`.
    public static func align(_ document: BilingualDocument) -> (source: [[String]], target: [[String]], alignment: DocumentAlignment) {
        let source = segment(document.sourceParagraphs, language: document.sourceLanguage)
        let target = segment(document.targetParagraphs, language: document.targetLanguage)
        return (source, target, align(document, source: source, target: target))
    }

    /// Aligns the sentences of `document`, already segmented (`source` and `target`: sentences per paragraph);
    /// with a corpus's `lexicon`, in one pass (see `DocumentAligner.lexicon`).
    public static func align(
        _ document: BilingualDocument, source: [[String]], target: [[String]], lexicon: AlignmentLexicon? = nil
    ) -> DocumentAlignment {
        let aligner = DocumentAligner(
            sourceLanguage: document.sourceLanguage, targetLanguage: document.targetLanguage, lexicon: lexicon)
        return aligner.align(source: source, target: target)
    }

    /// A soft line break inside a sentence becomes a space; runs of white space become one space.
    ///
    /// Works on Unicode scalars (Character's `isWhitespace` is several times slower), with the same result as
    /// `collapseWhitespaceByCharacter`: a character is white space when its first scalar is, which differs from
    /// the scalars' own only where a white-space scalar and a scalar of U+0300 or above (combining marks, joiners,
    /// prepended signs) make one character; such rare text takes the character path.
    static func collapseWhitespace(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        var previousIsWhite = false
        var previousIsHigh = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let isWhite = value < 0x80 ? value == 0x20 || (value >= 0x09 && value <= 0x0D)
                : value >= 0x85 && scalar.properties.isWhitespace
            let isHigh = value >= 0x300
            if (isWhite && previousIsHigh) || (isHigh && previousIsWhite) {
                return collapseWhitespaceByCharacter(text)
            }
            previousIsWhite = isWhite
            previousIsHigh = isHigh
            if isWhite && value != 0xA0 && value != 0x202F {
                pendingSpace = true
            } else {
                if pendingSpace && !bytes.isEmpty { bytes.append(0x20) }
                pendingSpace = false
                if value < 0x80 {
                    bytes.append(UInt8(value))
                } else {
                    UTF8.encode(scalar) { bytes.append($0) }
                }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `collapseWhitespace`, character by character.
    static func collapseWhitespaceByCharacter(_ text: Substring) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for character in text {
            if character.isWhitespace && character != "\u{00A0}" && character != "\u{202F}" {
                pendingSpace = true
            } else {
                if pendingSpace && !result.isEmpty { result.append(" ") }
                pendingSpace = false
                result.append(character)
            }
        }
        return result
    }
}
