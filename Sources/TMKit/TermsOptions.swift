import TMCore
import TMFormats

/// What `tmkit terms` is asked to do.
public struct TermsOptions: Sendable {
    /// The output format: a glossary format of `TMFormats`, or JSON.
    public enum Format: Sendable, Equatable {
        case json
        case glossary(GlossaryFormat)

        /// `json`, `tbx`, `tbx3`, `tsv`, `csv`.
        public init?(_ name: String) {
            if name == "json" { self = .json } else if let format = GlossaryFormat(rawValue: name) {
                self = .glossary(format)
            } else { return nil }
        }
    }

    /// TMX files, pair files (`source<TAB>target`) or bilingual documents; `-` is standard input.
    public var inputs: [String]
    public var sourceLanguage: LanguageTag?
    public var targetLanguage: LanguageTag?
    public var format: Format = .json
    /// `-` for standard output.
    public var output: String = "-"
    public var limit: Int?
    public var minCount: Int = 1
    /// A glossary (TBX, CSV, TSV) whose entries are always kept.
    public var seed: String?
    /// Read and keep only this part of the inputs (`--shard I/N`); needs `statisticsOutput`.
    public var shard: CorpusShard?
    /// Write the mergeable statistics of the inputs (or of the shard) here instead of learning a glossary
    /// (`--stats-out`); `tmkit terms merge` learns the glossary from the files of all shards.
    public var statisticsOutput: String?
    /// Documents of a corpus read at once.
    public var jobs: Int = 1

    public init(inputs: [String]) {
        self.inputs = inputs
    }
}
