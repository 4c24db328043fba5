/// What `tmkit terms merge` is asked to do: learn one glossary from the statistics files of all shards.
public struct TermsMergeOptions: Sendable {
    /// The files written by `tmkit terms --shard I/N --stats-out FILE`, one per shard, in any order.
    public var statistics: [String]
    public var format: TermsOptions.Format = .json
    /// `-` for standard output.
    public var output: String = "-"
    public var limit: Int?
    public var minCount: Int = 1
    /// A glossary (TBX, CSV, TSV) whose entries are always kept.
    public var seed: String?

    public init(statistics: [String]) {
        self.statistics = statistics
    }
}
