import ArgumentParser
import Foundation
import TMCore
import TMKit

struct TermsMergeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Learn one glossary from the statistics files of all shards (tmkit terms --shard I/N --stats-out).",
        discussion: """
            The files of all N shards of one run are needed, in any order; files of another corpus, another \\
            language pair or another number of shards are refused. The glossary is the one `tmkit terms` learns \\
            from the same inputs without shards.
            """)

    @Argument(help: "The statistics files of all shards.")
    var statistics: [String]

    @Option(help: "Output format: tbx, tbx3, tsv, csv or json.")
    var format: String = "json"

    @Option(help: "Output file ('-' for standard output). Written atomically.")
    var output: String = "-"

    @Option(help: "At most this many learned entries (seed entries come on top).")
    var limit: Int?

    @Option(name: .customLong("min-count"), help: "Drop pairs seen in fewer sentence pairs.")
    var minCount: Int = 1

    @Option(help: "A glossary whose entries are always kept (.tbx, .csv, or source<TAB>target).")
    var seed: String?

    @Flag(name: .shortAndLong, help: "Say what was read and learned on standard error.")
    var verbose = false

    func run() async throws {
        guard let format = TermsOptions.Format(format) else {
            throw ValidationError("--format must be tbx, tbx3, tsv, csv or json")
        }
        var options = TermsMergeOptions(statistics: statistics)
        options.format = format
        options.output = output
        options.limit = limit
        options.minCount = minCount
        options.seed = seed
        let verbose = self.verbose
        do {
            _ = try TermsPipeline.merge(options) { line in
                if verbose { FileHandle.standardError.write(Data((line + "\n").utf8)) }
            }
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(2)
        }
    }
}
