import TMAlign
import TMCore

/// Turns aligned sentence pairs into translation units with their provenance.
public enum UnitBuilder {
    /// Property names written into TMX `<prop type="…">`.
    public enum PropertyName {
        public static let document = "x-document"
        public static let sourceParagraphs = "x-source-paragraphs"
        public static let targetParagraphs = "x-target-paragraphs"
    }

    /// One unit per pair, numbered from 1 in document order; paragraph numbers in properties are 1-based.
    /// `idPrefix` goes before the number (a corpus uses `NAME:`, so that tuids stay unique across its documents and
    /// across shards).
    public static func units(
        for document: BilingualDocument, pairs: [AlignedSentencePair], idPrefix: String = ""
    ) -> [TranslationUnit] {
        pairs.enumerated().map { index, pair in
            TranslationUnit(
                id: idPrefix + String(index + 1),
                source: pair.source,
                target: pair.target,
                sourceLanguage: document.sourceLanguage,
                targetLanguage: document.targetLanguage,
                confidence: pair.confidence,
                properties: [
                    .init(PropertyName.document, document.name),
                    .init(PropertyName.sourceParagraphs, numbers(pair.sourceParagraphs)),
                    .init(PropertyName.targetParagraphs, numbers(pair.targetParagraphs)),
                ])
        }
    }

    private static func numbers(_ indices: [Int]) -> String {
        indices.map { String($0 + 1) }.joined(separator: ",")
    }
}
