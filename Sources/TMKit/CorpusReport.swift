import TMCore

/// What a corpus build did, for the summary `tmkit build` prints.
public struct CorpusReport: Sendable {
    public var name: String
    public var sourceLanguage: LanguageTag
    public var targetLanguage: LanguageTag
    /// How the language pair was decided: given, from file names, or detected in the first document.
    public var languageNote: String
    /// Documents aligned and written.
    public var documents: Int
    /// Files and documents left out, by reason.
    public var skipped: [CorpusIssue.Kind: Int]
    /// The shard built, and how many documents of the corpus other shards build.
    public var shard: CorpusShard?
    public var otherShards: Int
    public var sourceParagraphs: Int
    public var targetParagraphs: Int
    public var sourceSentences: Int
    public var targetSentences: Int
    public var sentencePairs: Int
    public var lowConfidencePairs: Int
    /// Sentences left without a counterpart (1-0 and 0-1 beads).
    public var unmatchedSentences: Int
    public var glossaryEntries: Int
    /// The sentence pairs the glossary was learned from (all of them, or a sample).
    public var glossarySamplePairs: Int
    public var outputs: [String]
    /// The corpus's alignment lexicon: word pairs (0 when the corpus was too small for one), and the first
    /// documents and confident pairs it was learned from (see `CorpusLexicon`).
    public var lexiconEntries = 0
    public var lexiconDocuments = 0
    public var lexiconPairs = 0
    /// Where the time went (`--timings`).
    public var timings = CorpusTimings()

    public var skippedTotal: Int { skipped.values.reduce(0, +) }
}
