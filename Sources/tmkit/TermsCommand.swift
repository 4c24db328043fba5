import ArgumentParser
import Foundation
import TMCore
import TMKit

/// `tmkit terms`: learning a glossary (the default) and merging the statistics of shards (`tmkit terms merge`).
struct TermsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terms",
        abstract: "Learn a bilingual glossary (term pairs) from aligned sentence pairs or bilingual documents.",
        discussion: """
            `tmkit terms INPUT…` learns a glossary (the `learn` subcommand, see `tmkit terms learn --help`); \
            `tmkit terms merge FILE…` learns it from the statistics files of shards.
            """,
        subcommands: [Learn.self, TermsMergeCommand.self],
        defaultSubcommand: Learn.self)
}

extension TermsCommand {
    struct Learn: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "learn",
            abstract: "Learn a bilingual glossary (term pairs) from aligned sentence pairs or bilingual documents.",
            discussion: """
                INPUT: a .tmx file; a file of aligned pairs, source<TAB>target a line; or a bilingual document \
                (a source block followed by its translation), which is split, segmented and aligned first. \
                '-' reads standard input. Languages come from --source-lang/--target-lang, else from the TMX header, \
                else they are detected. A seed glossary (--seed, .tbx, .csv with a language header, or \
                source<TAB>target) is always kept in the output.

                A corpus: give several files, or folders whose .txt documents are paired by name (report.az.txt + \
                report.en.txt, az/x.txt + en/x.txt) or are bilingual files; one glossary is learned from all of them. \
                Documents that cannot be used are reported and skipped.

                Sharding over many machines or jobs: each job reads its part and writes its statistics, and \
                `tmkit terms merge` learns the one glossary, the same as without shards:
                  tmkit terms corpus/ --shard 1/2 --stats-out part1.tmstats
                  tmkit terms corpus/ --shard 2/2 --stats-out part2.tmstats
                  tmkit terms merge part1.tmstats part2.tmstats --format tbx --output corpus.tbx
                Give every shard the same inputs in the same order. A pair file or TMX file is cut into N blocks of \
                lines; a document goes whole to one shard (by its name, as `tmkit build --shard`).
                """)

        @Argument(help: "TMX files, files of aligned pairs (source<TAB>target), bilingual documents or folders.")
        var inputs: [String]

        @Option(name: .customLong("source-lang"), help: "Source language (BCP 47); detected when not given.")
        var sourceLanguage: String?

        @Option(name: .customLong("target-lang"), help: "Target language (BCP 47); detected when not given.")
        var targetLanguage: String?

        @OptionGroup var glossary: TermsGlossaryOptions

        @Option(help: "Read only part I of N of the inputs (1-based) and write its statistics (needs --stats-out).")
        var shard: String?

        @Option(name: .customLong("stats-out"),
                help: "Write the mergeable statistics here instead of a glossary (for `tmkit terms merge`).")
        var statsOut: String?

        @Option(name: .shortAndLong, help: "Documents read and aligned at once (default: the number of cores).")
        var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

        @Flag(name: .shortAndLong, help: "Say what was read and learned on standard error.")
        var verbose = false

        func validate() throws {
            if let shard {
                do { _ = try CorpusShard(parsing: shard) } catch { throw ValidationError(error.description) }
                if statsOut == nil {
                    throw ValidationError("--shard writes the statistics of a part: give --stats-out FILE, then "
                        + "`tmkit terms merge` the files of all shards")
                }
            }
            if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        }

        func run() async throws {
            var options = TermsOptions(inputs: inputs)
            for (flag, value) in [("--source-lang", sourceLanguage), ("--target-lang", targetLanguage)] {
                if let value, LanguageTag(value) == nil {
                    throw ValidationError("\(flag): not a language tag: \(value)")
                }
            }
            options.sourceLanguage = sourceLanguage.flatMap(LanguageTag.init)
            options.targetLanguage = targetLanguage.flatMap(LanguageTag.init)
            options.format = try glossary.checkedFormat()
            options.output = glossary.output
            options.limit = glossary.limit
            options.minCount = glossary.minCount
            options.seed = glossary.seed
            options.shard = try shard.map { try CorpusShard(parsing: $0) }
            options.statisticsOutput = statsOut
            options.jobs = jobs
            let verbose = self.verbose
            do {
                _ = try TermsPipeline.run(options) { line in
                    if verbose { FileHandle.standardError.write(Data((line + "\n").utf8)) }
                }
            } catch {
                // FILE:LINE: message on stderr, exit status 2 (unusable input), as every tmkit command.
                FileHandle.standardError.write(Data("\(error)\n".utf8))
                throw ExitCode(2)
            }
        }
    }
}
