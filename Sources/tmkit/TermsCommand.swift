import ArgumentParser
import Foundation
import TMCore
import TMKit

struct TermsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terms",
        abstract: "Learn a bilingual glossary (term pairs) from aligned sentence pairs or bilingual documents.",
        discussion: """
            INPUT: a .tmx file; a file of aligned pairs, source<TAB>target a line; or a bilingual document \
            (a source block followed by its translation), which is split, segmented and aligned first. \
            '-' reads standard input. Languages come from --source-lang/--target-lang, else from the TMX header, \
            else they are detected. A seed glossary (--seed, .tbx, .csv with a language header, or \
            source<TAB>target) is always kept in the output.
            """)

    @Argument(help: "TMX files, files of aligned pairs (source<TAB>target) or bilingual documents.")
    var inputs: [String]

    @Option(name: .customLong("source-lang"), help: "Source language (BCP 47); detected when not given.")
    var sourceLanguage: String?

    @Option(name: .customLong("target-lang"), help: "Target language (BCP 47); detected when not given.")
    var targetLanguage: String?

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
        var options = TermsOptions(inputs: inputs)
        for (flag, value) in [("--source-lang", sourceLanguage), ("--target-lang", targetLanguage)] {
            if let value, LanguageTag(value) == nil {
                throw ValidationError("\(flag): not a language tag: \(value)")
            }
        }
        options.sourceLanguage = sourceLanguage.flatMap(LanguageTag.init)
        options.targetLanguage = targetLanguage.flatMap(LanguageTag.init)
        guard let format = TermsOptions.Format(format) else {
            throw ValidationError("--format must be tbx, tbx3, tsv, csv or json")
        }
        options.format = format
        options.output = output
        options.limit = limit
        options.minCount = minCount
        options.seed = seed
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
