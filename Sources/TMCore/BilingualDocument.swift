/// A source-language text and its translation, each as a list of paragraphs, not yet aligned.
public struct BilingualDocument: Hashable, Sendable {
    /// A short name for the document, used for output file names and the TMX `<prop type="x-document">`.
    public var name: String
    public var sourceLanguage: LanguageTag
    public var targetLanguage: LanguageTag
    public var sourceParagraphs: [Paragraph]
    public var targetParagraphs: [Paragraph]
    /// The file the source side came from (also the target's, for single-file bilingual input).
    public var sourcePath: String
    public var targetPath: String

    public init(
        name: String, sourceLanguage: LanguageTag, targetLanguage: LanguageTag,
        sourceParagraphs: [Paragraph], targetParagraphs: [Paragraph],
        sourcePath: String, targetPath: String
    ) {
        self.name = name
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.sourceParagraphs = sourceParagraphs
        self.targetParagraphs = targetParagraphs
        self.sourcePath = sourcePath
        self.targetPath = targetPath
    }
}
