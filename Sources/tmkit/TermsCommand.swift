import ArgumentParser
import Foundation
import TMCore
import TMKit
import TMTerms

struct TermsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terms",
        abstract: "Learn a bilingual glossary (term pairs) from aligned sentence pairs.",
        discussion: "INPUT: tab-separated pairs, source<TAB>target, one pair a line ('-' reads stdin).")

    @Argument(help: "Files of aligned pairs (source<TAB>target).")
    var inputs: [String]

    @Option(name: .customLong("source-lang"), help: "Source language (BCP 47).")
    var sourceLanguage: String = "en"

    @Option(name: .customLong("target-lang"), help: "Target language (BCP 47).")
    var targetLanguage: String = "es"

    @Option(help: "Output format: json or tsv.")
    var format: String = "json"

    @Option(help: "Output file ('-' for stdout).")
    var output: String = "-"

    @Option(help: "At most this many entries.")
    var limit: Int?

    @Option(name: .customLong("min-count"), help: "Drop pairs seen in fewer sentence pairs.")
    var minCount: Int = 1

    func run() async throws {
        guard let source = LanguageTag(sourceLanguage), let target = LanguageTag(targetLanguage) else {
            throw ValidationError("not a language tag: \(sourceLanguage) or \(targetLanguage)")
        }
        guard format == "json" || format == "tsv" else {
            throw ValidationError("--format must be json or tsv for now (tbx and csv come with TMFormats)")
        }
        var units: [TranslationUnit] = []
        for input in inputs {
            let data: Data
            if input == "-" {
                data = FileHandle.standardInput.readDataToEndOfFile()
            } else {
                do { data = try Data(contentsOf: URL(fileURLWithPath: input)) } catch {
                    throw ValidationError("\(input): cannot read the file")
                }
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw ValidationError("\(input): not UTF-8 text")
            }
            do {
                units += try TermsPipeline.readPairs(text, file: input, sourceLanguage: source, targetLanguage: target)
            } catch {
                // FILE:LINE: message on stderr, exit status 2 (unusable input), as every tmkit command.
                FileHandle.standardError.write(Data((error.description + "\n").utf8))
                throw ExitCode(2)
            }
        }
        let learner = TermLearner(
            sourceLanguage: source, targetLanguage: target,
            options: TermLearnerOptions(minCount: minCount, limit: limit))
        let glossary = learner.learn(from: units)
        let text = format == "tsv" ? TermsPipeline.tsv(glossary) : TermsPipeline.json(glossary)
        if output == "-" {
            FileHandle.standardOutput.write(Data(text.utf8))
        } else {
            let url = URL(fileURLWithPath: output)
            let temporary = url.deletingLastPathComponent()
                .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
            do {
                try Data(text.utf8).write(to: temporary)
                guard rename(temporary.path, url.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
            } catch {
                try? FileManager.default.removeItem(at: temporary)
                throw ValidationError("\(output): cannot write the file")
            }
        }
    }
}
