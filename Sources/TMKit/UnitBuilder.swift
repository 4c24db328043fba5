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
        units(documentName: document.name, sourceLanguage: document.sourceLanguage,
              targetLanguage: document.targetLanguage, pairs: pairs, idPrefix: idPrefix)
    }

    /// The same, for a document known by its name and languages.
    public static func units(
        documentName: String, sourceLanguage: LanguageTag, targetLanguage: LanguageTag, pairs: [AlignedSentencePair],
        idPrefix: String = ""
    ) -> [TranslationUnit] {
        pairs.enumerated().map { index, pair in
            TranslationUnit(
                id: idPrefix + String(index + 1),
                source: pair.source,
                target: pair.target,
                sourceLanguage: sourceLanguage,
                targetLanguage: targetLanguage,
                confidence: pair.confidence,
                properties: [
                    .init(PropertyName.document, documentName),
                    .init(PropertyName.sourceParagraphs, numbers(pair.sourceParagraphs)),
                    .init(PropertyName.targetParagraphs, numbers(pair.targetParagraphs)),
                ])
        }
    }

    private static func numbers(_ indices: [Int]) -> String {
        indices.map { String($0 + 1) }.joined(separator: ",")
    }
}
