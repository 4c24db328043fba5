import ArgumentParser
import Foundation
import TMKit

struct ConvertCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert TMX, XLIFF, PO, TBX, tab-separated and CSV files; merge TMX files without duplicates.",
        discussion: "Inputs are told apart by their extension: .tmx, .xlf/.xliff and .po (read only), .tbx, .csv (a language-code header row) and "
            + ".txt/.tsv/.tab (source<TAB>target<TAB>comment; give --source-lang and --target-lang). Several TMX "
            + "(XLIFF, PO) files converted --to tmx, xliff or xliff2 are merged into one, duplicate units removed, inline codes "
            + "kept (in XLIFF 1.2 as bpt/ept/ph/it, in XLIFF 2.0 as sc/ec/ph with the native codes in originalData)."
    )

    @Argument(help: "Input files (- for standard input).")
    var inputs: [String]

    @Option(name: .customLong("to"), help: "Output format: tmx, xliff (XLIFF 1.2), xliff2 (XLIFF 2.0), tsv, csv, tbx or tbx3.")
    var format: ConvertPipeline.Format

    @Option(help: "Output file (- for standard output). Written atomically.")
    var output: String = "-"

    @Option(name: .customLong("source-lang"), help: "Source language (BCP 47), when the input does not say.")
    var sourceLanguage: String?

    @Option(name: .customLong("target-lang"), help: "Target language (BCP 47), when the input does not say.")
    var targetLanguage: String?

    func run() async throws {
        let summary: ConvertPipeline.Summary
        do {
            summary = try ConvertPipeline.run(
                inputs: inputs, to: format, output: output, sourceLanguage: sourceLanguage,
                targetLanguage: targetLanguage)
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(2)
        }
        for warning in summary.warnings {
            FileHandle.standardError.write(Data("\(warning)\n".utf8))
        }
        var line = "tmkit convert: \(summary.itemsRead) read from \(summary.inputs) file(s), "
            + "\(summary.itemsWritten) written to \(output == "-" ? "standard output" : output)"
        if summary.duplicatesRemoved > 0 { line += ", \(summary.duplicatesRemoved) duplicates removed" }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

extension ConvertPipeline.Format: ExpressibleByArgument {}
