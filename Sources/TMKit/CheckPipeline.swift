import Foundation
import TMCheck
import TMCore
import TMFormats

/// What `tmkit check` does, as functions the command and the tests call: load the inputs (one function that
/// dispatches on the file extension), load the glossary, run the checker, drop ignored findings, build the
/// report.
public enum CheckPipeline {
    /// File extensions read as units, and how.
    public static let unitExtensions = ["tsv", "tab", "txt", "csv", "tmx", "xlf", "xliff", "po", "pot"]
    public static let glossaryExtensions = ["tsv", "tab", "txt", "utf8", "csv", "tbx"]

    /// Reads the translation units of one input file, choosing the reader by extension.
    ///
    /// - Parameters:
    ///   - path: the file, or `-` for standard input (read as TSV).
    ///   - sourceLanguage, targetLanguage: used when the file does not name its languages.
    public static func loadUnits(path: String, sourceLanguage: LanguageTag? = nil,
                                 targetLanguage: LanguageTag? = nil) throws -> [TranslationUnit]
    {
        let ext = path == "-" ? "tsv" : (path as NSString).pathExtension.lowercased()
        switch ext {
        case "tsv", "tab", "txt":
            let text = try readText(path)
            return try DelimitedTextUnitReader(delimiter: "\t", sourceLanguage: sourceLanguage,
                                               targetLanguage: targetLanguage).read(text, file: path)
        case "csv":
            let text = try readText(path)
            return try DelimitedTextUnitReader(delimiter: csvDelimiter(text), sourceLanguage: sourceLanguage,
                                               targetLanguage: targetLanguage).read(text, file: path)
        case "tmx":
            return try TMXReader.translationUnits(path: path, sourceLanguage: sourceLanguage,
                                                  targetLanguage: targetLanguage)
        case "xlf", "xliff":
            return try XLIFFReader.translationUnits(path: path, sourceLanguage: sourceLanguage,
                                                    targetLanguage: targetLanguage)
        case "po", "pot":
            return try POReader.translationUnits(text: try readText(path), path: path,
                                                 sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
        default:
            throw CheckInputError("cannot read ‘.\(ext)’ files; use TSV or CSV (" +
                unitExtensions.map { "." + $0 }.joined(separator: ", ") + ")", file: path)
        }
    }

    /// Reads a glossary, choosing the reader by extension (TBX joins here when its reader lands).
    public static func loadGlossary(path: String, sourceLanguage: LanguageTag? = nil,
                                    targetLanguage: LanguageTag? = nil) throws -> Glossary
    {
        let ext = (path as NSString).pathExtension.lowercased()
        switch ext {
        case "tsv", "tab", "txt", "utf8":
            return try DelimitedTextGlossaryReader(delimiter: "\t", sourceLanguage: sourceLanguage,
                                                   targetLanguage: targetLanguage).read(try readText(path), file: path)
        case "csv":
            let text = try readText(path)
            return try DelimitedTextGlossaryReader(delimiter: csvDelimiter(text), sourceLanguage: sourceLanguage,
                                                   targetLanguage: targetLanguage).read(text, file: path)
        case "tbx":
            return try TBXReader.read(path: path, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
        default:
            throw CheckInputError("cannot read ‘.\(ext)’ glossaries; use TSV, CSV or TBX", file: path)
        }
    }

    /// Loads every input and gives each unit an id unique across inputs: with several inputs, ids are prefixed
    /// with the file name (`a.tsv:12`).
    public static func loadAll(_ paths: [String], sourceLanguage: LanguageTag? = nil,
                               targetLanguage: LanguageTag? = nil) throws -> [TranslationUnit]
    {
        var all: [TranslationUnit] = []
        for path in paths {
            var units = try loadUnits(path: path, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
            if paths.count > 1 {
                let name = path == "-" ? "stdin" : (path as NSString).lastPathComponent
                for k in units.indices { units[k].id = name + ":" + units[k].id }
            }
            all += units
        }
        return all
    }

    /// Runs a whole check: load, check, drop ignored findings.
    public static func run(
        inputs: [String], glossaryPath: String? = nil, configuration: CheckConfiguration = CheckConfiguration(),
        ignore: IgnoreList = IgnoreList(), failOn: Severity? = .error, sourceLanguage: LanguageTag? = nil,
        targetLanguage: LanguageTag? = nil
    ) throws -> CheckReport {
        let units = try loadAll(inputs, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
        var glossary: Glossary? = nil
        if let glossaryPath {
            var g = try loadGlossary(path: glossaryPath, sourceLanguage: units.first?.sourceLanguage,
                                     targetLanguage: units.first?.targetLanguage)
            // A glossary without language names takes the units' languages.
            if g.sourceLanguage.description == "und", let first = units.first {
                g.sourceLanguage = first.sourceLanguage
                g.targetLanguage = first.targetLanguage
            }
            glossary = g
        }
        let findings = Checker(configuration: configuration).check(units, glossary: glossary)
        let (kept, ignored) = ignore.filter(findings)
        return CheckReport(findings: kept, unitCount: units.count, ignoredCount: ignored, inputs: inputs,
                           failOn: failOn)
    }

    /// `;` when the header line has semicolons and no commas (spreadsheets in comma-decimal locales).
    static func csvDelimiter(_ text: String) -> Unicode.Scalar {
        let firstLine = text.prefix { $0 != "\n" }
        return !firstLine.contains(",") && firstLine.contains(";") ? ";" : ","
    }

    /// A file's text as UTF-8 (`-` is standard input).
    public static func readText(_ path: String) throws -> String {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard FileManager.default.fileExists(atPath: path) else {
                throw CheckInputError("no such file", file: path)
            }
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw CheckInputError("cannot read the file", file: path)
            }
            data = contents
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CheckInputError("the file is not UTF-8 text", file: path)
        }
        return text
    }
}
