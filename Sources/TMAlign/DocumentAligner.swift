import TMCore
import TMText

/// A source sentence group and the target sentence group it translates.
public struct AlignedSentencePair: Hashable, Sendable {
    public var source: String
    public var target: String
    /// 0-based indices of the sentences in the whole document (counted across paragraphs).
    public var sourceSentences: [Int]
    public var targetSentences: [Int]
    /// 0-based paragraph indices.
    public var sourceParagraphs: [Int]
    public var targetParagraphs: [Int]
    public var confidence: Double

    public init(
        source: String, target: String, sourceSentences: [Int], targetSentences: [Int],
        sourceParagraphs: [Int], targetParagraphs: [Int], confidence: Double
    ) {
        self.source = source
        self.target = target
        self.sourceSentences = sourceSentences
        self.targetSentences = targetSentences
        self.sourceParagraphs = sourceParagraphs
        self.targetParagraphs = targetParagraphs
        self.confidence = confidence
    }
}

/// The result of aligning a document: paragraph beads and sentence beads.
public struct DocumentAlignment: Hashable, Sendable {
    public var paragraphBeads: [AlignmentBead]
    /// Sentence beads over the document's sentences (indices across paragraphs), including 1-0 and 0-1 beads.
    public var sentenceBeads: [AlignmentBead]
    /// The sentence beads that have both a source and a target, with their text.
    public var pairs: [AlignedSentencePair]

    public init(paragraphBeads: [AlignmentBead], sentenceBeads: [AlignmentBead], pairs: [AlignedSentencePair]) {
        self.paragraphBeads = paragraphBeads
        self.sentenceBeads = sentenceBeads
        self.pairs = pairs
    }
}

/// Aligns a document's paragraphs, then the sentences inside each aligned paragraph group.
/// (Skeleton: replaced by the real aligner.)
public struct DocumentAligner: Sendable {
    public var sourceLanguage: LanguageTag
    public var targetLanguage: LanguageTag

    public init(sourceLanguage: LanguageTag, targetLanguage: LanguageTag) {
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
    }

    /// Aligns sentences given paragraph by paragraph: `source[p]` holds the sentences of source paragraph `p`.
    public func align(source: [[String]], target: [[String]]) -> DocumentAlignment {
        DocumentAlignment(paragraphBeads: [], sentenceBeads: [], pairs: [])
    }
}
