import TMCore
import TMFormats

/// What `tmkit build` is asked to do.
public struct BuildOptions: Sendable {
    /// A bilingual file (source block, then target block), or the source file when `target` is given.
    public var input: String
    /// The translation, as a second file.
    public var target: String?
    public var sourceLanguage: LanguageTag?
    public var targetLanguage: LanguageTag?
    /// The base name of the output files; defaults to the input's file name without extension.
    public var name: String?
    public var tmxDirectory: String = "Exports"
    public var glossaryDirectory: String = "Glossaries"
    /// Glossary formats to write; the first is the main one. Empty: no glossary.
    public var glossaryFormats: [GlossaryFormat] = [.tbx, .tsv]
    /// Pairs below this confidence are counted as low-confidence in the summary.
    public var lowConfidenceThreshold: Double = 0.5

    public init(input: String) {
        self.input = input
    }
}
