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
    static func collapseWhitespace(_ text: Substring) -> String {
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
