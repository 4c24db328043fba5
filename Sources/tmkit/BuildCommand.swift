import ArgumentParser
import Foundation
import TMCore
import TMFormats
import TMKit

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Align a bilingual document and write its translation memory (TMX) and glossary.",
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

            Set SOURCE_DATE_EPOCH for reproducible output (the same bytes for the same input).
            Errors go to stderr as FILE:LINE:COLUMN: message, with exit status 2; no output file is left behind.
            """
    )

    @Argument(help: "The bilingual text file, or the source file when --target is given ('-' for stdin).")
    var input: String

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

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    func run() throws {
        var options = BuildOptions(input: input)
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
        let quiet = quiet
        let report = try Console.exitOnError {
            try BuildPipeline.run(options) { message in
                if !quiet { Console.progress(message) }
            }
        }
        if !quiet { print(BuildSummary.text(for: report)) }
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
