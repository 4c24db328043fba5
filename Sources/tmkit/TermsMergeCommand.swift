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

    @OptionGroup var glossary: TermsGlossaryOptions

    @Flag(name: .shortAndLong, help: "Say what was read and learned on standard error.")
    var verbose = false

    func run() async throws {
        var options = TermsMergeOptions(statistics: statistics)
        options.format = try glossary.checkedFormat()
        options.output = glossary.output
        options.limit = glossary.limit
        options.minCount = glossary.minCount
        options.seed = glossary.seed
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
