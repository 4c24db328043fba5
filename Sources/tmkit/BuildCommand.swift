import ArgumentParser
import Foundation
import TMCore
import TMFormats
import TMKit

struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Align a bilingual document, or a whole corpus, and write its translation memory (TMX) and glossary.",
        discussion: """
            INPUT is one text file holding the source-language text followed by its translation (paragraphs \
            separated by blank lines), as in Examples/kazakhstan-az-en.txt: the split point and both languages are \
            detected. With --target, INPUT is the source text and --target the translation.

            tmkit aligns paragraphs (1-1, 1-2, 2-1, 1-0, 0-1), splits them into sentences, aligns the sentences, \
            and writes:
              <tmx-dir>/NAME.tmx          TMX 1.4b, one <tu> per sentence pair, with its alignment score
              <glossary-dir>/NAME.tbx     the learned glossary (TBX v2, TBX-Basic), plus NAME.txt (OmegaT)

            Examples:
              tmkit build Examples/kazakhstan-az-en.txt
              tmkit build report.az.txt --target report.en.txt --source-lang az --target-lang en
              tmkit build article.txt --name article --glossary-format tbx --glossary-format csv

            Corpus: several inputs, or a folder, make one corpus with one TMX and one glossary (NAME: --name, or the \
            folder's name). Files are paired by name (report.az.txt + report.en.txt) or by folder (az/x.txt + \
            en/x.txt); any other .txt file is a bilingual document. Each unit keeps its document in \
            <prop type="x-document"> and its tuid is DOCUMENT:N. Unpaired or unreadable files are reported on \
            stderr and skipped (exit status 0 when at least one document is built, 2 when none can be). Documents are \
            aligned --jobs at a time; the output does not depend on --jobs. The glossary is learned from at most \
            --term-sample pairs (default 20000; a reproducible sample of a bigger corpus). \
            --shard I/N builds the I-th of N parts (by a stable hash of the document name), written as \
            NAME-shard-I-of-N; merge the parts with `tmkit convert A.tmx B.tmx … --to tmx --output ALL.tmx`.
              tmkit build corpus/ --source-lang de --target-lang fr --jobs 2
              tmkit build corpus/ --shard 3/8
              tmkit build corpus/ --timings      # CPU seconds per stage on stderr
            See Docs/scale.md for sharding with GNU parallel, Slurm and Kubernetes.

            Set SOURCE_DATE_EPOCH for reproducible output (the same bytes for the same input).
            Errors go to stderr as FILE:LINE:COLUMN: message, with exit status 2; no output file is left behind.
            """
    )

    @Argument(help: ArgumentHelp(
        "The bilingual text file, or the source file when --target is given ('-' for stdin); several files or "
            + "folders make a corpus.", valueName: "input"))
    var inputs: [String]

    @Option(help: "The translation, as a second file.")
    var target: String?

    @Option(help: "Source language as a BCP 47 tag (az, en-US); detected when omitted.")
    var sourceLang: String?

    @Option(help: "Target language as a BCP 47 tag; detected when omitted.")
    var targetLang: String?

    @Option(help: "Base name of the output files (default: the input file name without extension).")
    var name: String?

    @Option(help: "Folder for the TMX file.")
    var tmxDir = "Exports"

    @Option(help: "Folder for the glossary files.")
    var glossaryDir = "Glossaries"

    @Option(
        name: .customLong("glossary-format"),
        help: "Glossary format(s) to write: tbx, tbx3, tsv (OmegaT .txt), csv. Repeatable; default: tbx and tsv.")
    var glossaryFormats: [String] = []

    @Option(name: .shortAndLong, help: "Documents of a corpus aligned at the same time (default: the number of cores).")
    var jobs: Int?

    @Option(help: ArgumentHelp(
        "Build only part I of N of a corpus (1 ≤ I ≤ N), to spread it over jobs or machines.", valueName: "I/N"))
    var shard: String?

    @Option(help: ArgumentHelp(
        "Learn a corpus's glossary from at most this many sentence pairs (a reproducible sample beyond; "
            + "default 20000).", valueName: "pairs"))
    var termSample: Int?

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    @Flag(help: "After a corpus build, print on stderr where the time went, stage by stage (CPU seconds).")
    var timings = false

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("give a bilingual file, or files and folders of a corpus") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let termSample, termSample < 0 { throw ValidationError("--term-sample must not be negative") }
        if let shard {
            do { _ = try CorpusShard(parsing: shard) } catch { throw ValidationError(error.description) }
        }
    }

    func run() async throws {
        var options = BuildOptions(inputs: inputs)
        options.target = target
        options.sourceLanguage = try languageTag(sourceLang, option: "--source-lang")
        options.targetLanguage = try languageTag(targetLang, option: "--target-lang")
        options.name = name
        options.tmxDirectory = tmxDir
        options.glossaryDirectory = glossaryDir
        if !glossaryFormats.isEmpty {
            options.glossaryFormats = try glossaryFormats.map { text in
                guard let format = GlossaryFormat(rawValue: text.lowercased()) else {
                    throw ValidationError("unknown glossary format '\(text)': use tbx, tbx3, tsv or csv")
                }
                return format
            }
        }
        if options.isCorpus {
            try await runCorpus(options)
            return
        }
        if shard != nil { throw ValidationError("--shard splits a corpus: give several files or a folder") }
        let quiet = quiet
        let report = try Console.exitOnError {
            try BuildPipeline.run(options) { message in
                if !quiet { Console.progress(message) }
            }
        }
        if !quiet { print(BuildSummary.text(for: report)) }
    }

    private func runCorpus(_ options: BuildOptions) async throws {
        var options = options
        if target != nil {
            throw ValidationError("--target pairs two files of one document; in a corpus, name the files "
                + "report.az.txt and report.en.txt (or put them in az/ and en/ folders)")
        }
        if let jobs { options.jobs = jobs }
        if let termSample { options.termSampleSize = termSample }
        options.shard = try shard.map { try CorpusShard(parsing: $0) }
        let display = ProgressDisplay.automatic(quiet: quiet)
        let report: CorpusReport
        do {
            report = try await CorpusPipeline.run(options) { display.handle($0) }
        } catch {
            Console.error(String(describing: error))
            throw ExitCode(2)
        }
        if !quiet { print(BuildSummary.text(for: report)) }
        if timings { Console.progress(BuildSummary.timings(for: report)) }
    }
}

/// Parses a `--…-lang` option, failing with a usage error when it is not a language tag.
func languageTag(_ text: String?, option: String) throws -> LanguageTag? {
    guard let text else { return nil }
    guard let tag = LanguageTag(text) else {
        throw ValidationError("\(option) '\(text)' is not a language tag such as en, az or pt-BR")
    }
    return tag
}
