import TMCore

/// One of N parts of a corpus (`tmkit build --shard I/N`), so that N machines or jobs can each build a part.
///
/// A document belongs to shard `1 + fnv1a64(name) % N`, where `name` is the document's name in the corpus (its path
/// below the input folder, without the language part and extension). The assignment depends only on that name, not
/// on the other files or on the order they are listed in, so every job computes the same split on its own, and a
/// document added later does not move the others.
///
///     let shard = try CorpusShard(parsing: "2/4")   // the second of four parts
///     shard.contains(documentNamed: "reports/2024/q1")
public struct CorpusShard: Hashable, Sendable, CustomStringConvertible {
    /// 1-based: the first shard is `1/N`, as Slurm array indices `1-N` and GNU parallel's `{#}` count.
    public var index: Int
    public var count: Int

    public init?(index: Int, count: Int) {
        guard count >= 1, (1...count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    /// Parses `I/N` with `1 ≤ I ≤ N`.
    public init(parsing text: String) throws(CorpusShardError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw CorpusShardError(text: text, reason: "expected I/N, for example 1/4")
        }
        guard let shard = CorpusShard(index: index, count: count) else {
            throw CorpusShardError(
                text: text, reason: "the shard number must be between 1 and the number of shards (\(max(count, 1)))")
        }
        self = shard
    }

    /// Whether the document called `name` is built by this shard.
    public func contains(documentNamed name: String) -> Bool {
        Int(Self.fnv1a64(name) % UInt64(count)) == index - 1
    }

    /// `2/4`.
    public var description: String { "\(index)/\(count)" }

    /// The 64-bit FNV-1a hash of the UTF-8 bytes: stable across runs, machines and Swift versions (unlike `Hasher`).
    static func fnv1a64(_ text: String) -> UInt64 {
        FNV1a.hash(text)
    }
}

/// `--shard` was not of the form `I/N`.
public struct CorpusShardError: Error, Equatable, CustomStringConvertible {
    public var text: String
    public var reason: String

    public var description: String { "--shard '\(text)': \(reason)" }
}
