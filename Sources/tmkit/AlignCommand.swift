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
        abstract: "Align a document with its translation, paragraph by paragraph and sentence by sentence.",
        discussion: """
            Two files: one document and its translation. Two folders: every file below SOURCE aligned with the \
            file at the same path below TARGET (or with the language tag in its name swapped: news/a.de.txt with \
            news/a.fr.txt), in parallel (--jobs), into one output in path order; TSV gets the document as a \
            fourth column, JSONL a "document" field, beads a "# DOCUMENT" line before each document, TMX an \
            x-document prop. The two folders may be one (a.de.txt beside a.fr.txt). The first documents teach \
            one alignment lexicon that aligns the others in one pass. Files without a partner or that cannot be \
            aligned are reported and skipped.

            --shard I/N (folders only) aligns only the documents of part I of N, the part a document's name \
            falls in by a stable hash (as tmkit build --shard), so N jobs or machines can share a corpus:
              tmkit align de/ fr/ --source-lang de --target-lang fr --shard 3/8 --format jsonl --output part3.jsonl
            Concatenate the TSV/JSONL parts, or merge TMX parts with tmkit convert A.tmx B.tmx --to tmx.
            """)

    @Argument(help: "The source-language file (plain text, UTF-8; blank lines separate paragraphs), or a folder.")
    var source: String

    @Argument(help: "The target-language file, or a folder with the translations at the same paths.")
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

    @Option(name: .shortAndLong, help: "Folders: documents aligned at the same time (default: the number of cores).")
    var jobs: Int?

    @Option(help: ArgumentHelp(
        "Folders: align only part I of N of the documents (1 ≤ I ≤ N), to spread them over jobs or machines.",
        valueName: "I/N"))
    var shard: String?

    @Flag(name: .shortAndLong, help: "Folders: no progress on stderr (warnings are still shown).")
    var quiet = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let shard {
            do { _ = try CorpusShard(parsing: shard) } catch { throw ValidationError(error.description) }
        }
    }

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
        // Every property is given a value: ArgumentParser's wrappers trap when an unparsed one is read.
        command.jobs = nil
        command.shard = nil
        command.quiet = false
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
        if isFolder(source) || isFolder(target) {
            try await runFolders(sourceTag, targetTag, outputFormat)
            return
        }
        if shard != nil { throw fail("--shard splits the documents of two folders; give folders, not files") }
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

    private func isFolder(_ path: String) -> Bool {
        var folder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &folder) && folder.boolValue
    }

    private func runFolders(_ sourceTag: LanguageTag, _ targetTag: LanguageTag, _ format: AlignOutputFormat) async throws {
        guard isFolder(source), isFolder(target) else {
            throw fail("\(isFolder(source) ? target : source): give two files or two folders")
        }
        var corpus = AlignCorpusPipeline(
            sourceFolder: source, targetFolder: target, sourceLanguage: sourceTag, targetLanguage: targetTag)
        corpus.presegmented = presegmented
        corpus.dictionaryPath = dictionary
        if let jobs { corpus.jobs = jobs }
        corpus.shard = try shard.map { try CorpusShard(parsing: $0) }
        let display = ProgressDisplay.automatic(quiet: quiet)
        let report: AlignCorpusPipeline.Report
        do {
            report = try await corpus.run(format: format, output: output) { display.handle($0) }
        } catch {
            throw fail(String(describing: error))
        }
        if !quiet {
            var line = "aligned \(report.documents) documents, \(report.pairs) pairs"
            if report.lowConfidencePairs > 0 { line += " (\(report.lowConfidencePairs) low-confidence)" }
            if report.skipped > 0 { line += "; \(report.skipped) skipped" }
            if let shard = corpus.shard { line += "; shard \(shard), \(report.otherShards) in other shards" }
            Console.progress(line)
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
