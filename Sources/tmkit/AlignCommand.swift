import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import TMCore
import TMKit

struct AlignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "align",
        abstract: "Align a document with its translation, paragraph by paragraph and sentence by sentence.")

    @Argument(help: "The source-language file (plain text, UTF-8; blank lines separate paragraphs).")
    var source: String

    @Argument(help: "The target-language file.")
    var target: String

    @Option(name: .customLong("source-lang"), help: "Source language (BCP 47), e.g. de.")
    var sourceLanguage: String

    @Option(name: .customLong("target-lang"), help: "Target language (BCP 47), e.g. fr.")
    var targetLanguage: String

    @Flag(help: "Each input line is one sentence, kept as given.")
    var presegmented = false

    @Option(help: "Output format: tmx, tsv, jsonl or beads.")
    var format: String = "tsv"

    @Option(help: "Write the output here instead of standard output.")
    var output: String?

    @Option(help: "A TSV file of 'source<TAB>target' word pairs that seeds the learned lexicon.")
    var dictionary: String?

    /// The command for `align SOURCE TARGET` followed by options each given once as `--name value` (and
    /// `--presegmented`), without ArgumentParser; nil for anything else (help, errors, `--name=value`, `--`,
    /// values that start with `-`), which then takes the ordinary path so that its messages stay the same.
    static func plainInvocation(_ arguments: [String]) -> AlignCommand? {
        guard arguments.first == "align" else { return nil }
        var positionals: [String] = []
        var values: [String: String] = [:]
        var presegmented = false
        var k = 1
        while k < arguments.count {
            let argument = arguments[k]
            k += 1
            guard argument.hasPrefix("-") else {
                guard argument != "help" else { return nil }
                positionals.append(argument)
                continue
            }
            switch argument {
            case "--presegmented":
                guard !presegmented else { return nil }
                presegmented = true
            case "--source-lang", "--target-lang", "--format", "--output", "--dictionary":
                guard k < arguments.count, !arguments[k].hasPrefix("-"), values[argument] == nil else { return nil }
                values[argument] = arguments[k]
                k += 1
            default:
                return nil
            }
        }
        guard positionals.count == 2, let sourceLanguage = values["--source-lang"],
              let targetLanguage = values["--target-lang"] else { return nil }
        var command = AlignCommand()
        command.source = positionals[0]
        command.target = positionals[1]
        command.sourceLanguage = sourceLanguage
        command.targetLanguage = targetLanguage
        command.presegmented = presegmented
        command.format = values["--format"] ?? "tsv"
        command.output = values["--output"]
        command.dictionary = values["--dictionary"]
        return command
    }

    func run() async throws {
        keepFreedMemory()
        guard let sourceTag = LanguageTag(sourceLanguage) else {
            throw fail("--source-lang: '\(sourceLanguage)' is not a language tag")
        }
        guard let targetTag = LanguageTag(targetLanguage) else {
            throw fail("--target-lang: '\(targetLanguage)' is not a language tag")
        }
        guard let outputFormat = AlignOutputFormat(rawValue: format) else {
            throw fail("--format: '\(format)' is not one of tmx, tsv, jsonl, beads")
        }
        let pipeline = AlignPipeline(
            sourcePath: source, targetPath: target, sourceLanguage: sourceTag, targetLanguage: targetTag,
            presegmented: presegmented, dictionaryPath: dictionary)
        do {
            let result = try pipeline.run()
            for warning in result.warnings { printError(warning) }
            try pipeline.write(result, format: outputFormat, to: output)
        } catch {
            throw fail(error.description)
        }
    }

    /// The aligner allocates and frees large arrays pass after pass; by default glibc hands them back to the
    /// system and the next pass page-faults them in again (a sixth of the run on short documents). This asks
    /// glibc (`mallopt`, looked up at run time: `malloc.h` is not in the Glibc module) to keep freed memory.
    private func keepFreedMemory() {
        #if canImport(Glibc)
        typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(nil, "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: MallOpt.self)
        let trimThreshold: Int32 = -1  // M_TRIM_THRESHOLD
        let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD
        _ = mallopt(mmapThreshold, 4 << 20)
        _ = mallopt(trimThreshold, 64 << 20)
        #endif
    }

    private func fail(_ message: String) -> ExitCode {
        printError(message)
        return ExitCode(2)
    }

    private func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
