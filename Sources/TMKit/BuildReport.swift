import TMCore

/// What `tmkit build` did, for the summary it prints.
public struct BuildReport: Sendable {
    public var document: String
    public var sourceLanguage: LanguageTag
    public var targetLanguage: LanguageTag
    /// How the languages were decided: detected (with confidence) or given on the command line.
    public var languageNote: String
    public var sourceParagraphs: Int
    public var targetParagraphs: Int
    public var sourceSentences: Int
    public var targetSentences: Int
    public var sentencePairs: Int
    public var lowConfidencePairs: Int
    /// Sentences left without a counterpart (1-0 and 0-1 beads).
    public var unmatchedSentences: Int
    public var glossaryEntries: Int
    public var outputs: [String]
}
