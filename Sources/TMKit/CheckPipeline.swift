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

    /// Runs a whole check: load, check, drop ignored findings. The report holds every finding (unit rules'
    /// findings in input order, then the corpus rules'); for large inputs use `stream`.
    public static func run(
        inputs: [String], glossaryPath: String? = nil, configuration: CheckConfiguration = CheckConfiguration(),
        ignore: IgnoreList = IgnoreList(), failOn: Severity? = .error, sourceLanguage: LanguageTag? = nil,
        targetLanguage: LanguageTag? = nil
    ) throws -> CheckReport {
        var report = try stream(inputs: inputs, glossaryPath: glossaryPath, configuration: configuration,
                                ignore: ignore, failOn: failOn, sourceLanguage: sourceLanguage,
                                targetLanguage: targetLanguage, keep: Int.max) { _ in }
        report.tally = nil
        return report
    }

    /// Runs a check as a stream: inputs are read in chunks (TSV files and TMX files unit by unit, other formats
    /// whole, one file at a time), each chunk's findings go to `onFindings` at once (unit rules' findings in
    /// input order), and the corpus rules' findings (`length-ratio`, `inconsistent-*`) follow at the end, after
    /// a second read of the inputs for the few units they show. Memory is bounded by one chunk and the
    /// consistency index (about 25 bytes per unit), not by the inputs or the findings.
    ///
    /// - Parameters:
    ///   - keep: how many findings the returned report keeps (`0`: none, for streamed reporters; `Int.max`:
    ///     all); its `tally` counts every finding and `omittedCount` says how many were not kept.
    ///   - onFindings: receives the findings after the ignore list, in report order.
    public static func stream(
        inputs: [String], glossaryPath: String? = nil, configuration: CheckConfiguration = CheckConfiguration(),
        ignore: IgnoreList = IgnoreList(), failOn: Severity? = .error, sourceLanguage: LanguageTag? = nil,
        targetLanguage: LanguageTag? = nil, keep: Int = 0, onFindings: ([Finding]) throws -> Void
    ) throws -> CheckReport {
        let checker = Checker(configuration: configuration)
        var run: CheckRun? = nil
        var glossaryLoaded = false
        var tally = CheckTally()
        var kept: [Finding] = []
        var ignored = 0
        // The glossary takes the first unit's languages when it names none.
        func makeRun(_ first: TranslationUnit?) throws -> CheckRun {
            var glossary: Glossary? = nil
            if let glossaryPath, !glossaryLoaded {
                var g = try loadGlossary(path: glossaryPath, sourceLanguage: first?.sourceLanguage,
                                         targetLanguage: first?.targetLanguage)
                if g.sourceLanguage.description == "und", let first {
                    g.sourceLanguage = first.sourceLanguage
                    g.targetLanguage = first.targetLanguage
                }
                glossary = g
            }
            glossaryLoaded = true
            return CheckRun(checker: checker, glossary: glossary)
        }
        func deliver(_ findings: [Finding]) throws {
            var findings = findings
            if !ignore.fingerprints.isEmpty {
                let (left, dropped) = ignore.filter(findings)
                findings = left
                ignored += dropped
            }
            guard !findings.isEmpty else { return }
            for f in findings { tally.add(f) }
            if kept.count < keep { kept += findings.prefix(keep - kept.count) }
            try onFindings(findings)
        }
        var cache: [String: [TranslationUnit]] = [:]
        var counts: [Int] = []
        for path in inputs {
            var count = 0
            try forEachChunk(path, inputs: inputs, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage,
                             cache: &cache) { units in
                if run == nil { run = try makeRun(units.first) }
                guard let run else { return }
                count += units.count
                try deliver(run.check(units))
            }
            counts.append(count)
        }
        if run == nil { run = try makeRun(nil) }
        guard let run else { return CheckReport(findings: [], unitCount: 0) }
        let corpus = try run.finish { positions, handOver in
            // Second read: hand over the units at the wanted positions.
            var received = 0
            func receive(_ k: Int, _ unit: TranslationUnit) {
                received += 1
                handOver(k, unit)
            }
            var next = 0
            var base = 0
            for (path, count) in zip(inputs, counts) {
                defer { base += count }
                let first = next
                var local: [Int] = []
                while next < positions.count, positions[next] < base + count {
                    local.append(positions[next] - base)
                    next += 1
                }
                if local.isEmpty { continue }
                let prefix = inputs.count > 1 ? (path == "-" ? "stdin" : (path as NSString).lastPathComponent) + ":" : ""
                let ext = (path as NSString).pathExtension.lowercased()
                if path != "-", ["tsv", "tab", "txt"].contains(ext) {
                    // TSV: count lines and parse only the wanted ones.
                    let stream = try DelimitedTextUnitStream(path: path, sourceLanguage: sourceLanguage,
                                                             targetLanguage: targetLanguage)
                    try stream.units(at: local) { k, unit in
                        var unit = unit
                        if !prefix.isEmpty { unit.id = prefix + unit.id }
                        receive(first + k, unit)
                    }
                    continue
                }
                var k = 0
                var chunkBase = 0
                try forEachChunk(path, inputs: inputs, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage,
                                 cache: &cache) { units in
                    while k < local.count, local[k] < chunkBase + units.count {
                        receive(first + k, units[local[k] - chunkBase])
                        k += 1
                    }
                    chunkBase += units.count
                }
            }
            guard received == positions.count else {
                throw CheckInputError("an input changed while it was being checked", file: inputs.joined(separator: ", "))
            }
        }
        try deliver(corpus)
        return CheckReport(findings: kept, unitCount: run.unitCount, ignoredCount: ignored, inputs: inputs,
                           failOn: failOn, tally: tally, omittedCount: tally.total - kept.count)
    }

    /// Units per chunk for inputs read whole.
    static let chunkSize = 16_384

    /// Reads one input in chunks of units, with ids prefixed by the file name when several inputs are checked.
    /// TSV files are streamed (`DelimitedTextUnitStream`), TMX files read unit by unit; other formats and
    /// standard input are read whole (standard input is kept in `cache` for the second read).
    static func forEachChunk(
        _ path: String, inputs: [String], sourceLanguage: LanguageTag?, targetLanguage: LanguageTag?,
        cache: inout [String: [TranslationUnit]], _ body: ([TranslationUnit]) throws -> Void
    ) throws {
        let prefix: String? = inputs.count > 1 ? (path == "-" ? "stdin" : (path as NSString).lastPathComponent) : nil
        func send(_ units: [TranslationUnit]) throws {
            guard let prefix else { return try body(units) }
            var units = units
            for k in units.indices { units[k].id = prefix + ":" + units[k].id }
            try body(units)
        }
        func sendWhole(_ units: [TranslationUnit]) throws {
            var start = 0
            while start < units.count {
                let end = min(units.count, start + chunkSize)
                try send(Array(units[start..<end]))
                start = end
            }
        }
        let ext = path == "-" ? "tsv" : (path as NSString).pathExtension.lowercased()
        if path == "-" {
            if cache[path] == nil {
                cache[path] = try loadUnits(path: path, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
            }
            try sendWhole(cache[path] ?? [])
            return
        }
        switch ext {
        case "tsv", "tab", "txt":
            guard FileManager.default.fileExists(atPath: path) else { throw CheckInputError("no such file", file: path) }
            let stream = try DelimitedTextUnitStream(path: path, sourceLanguage: sourceLanguage,
                                                     targetLanguage: targetLanguage)
            while let units = try stream.next() { try send(units) }
        case "tmx":
            guard FileManager.default.fileExists(atPath: path) else { throw CheckInputError("no such file", file: path) }
            var reader = try TMXReader(path: path)
            var source = sourceLanguage ?? LanguageTag(reader.header.sourceLanguage)
            var target = targetLanguage
            var pending: [TMXUnit] = []
            var position = 0
            var units: [TranslationUnit] = []
            // Languages: the header's srclang (else the first variant's), the target the first other language
            // met; units before it is known wait in `pending`.
            func flush() throws {
                guard let source, let target else { return }
                for unit in pending {
                    position += 1
                    if let u = unit.translationUnit(sourceLanguage: source, targetLanguage: target,
                                                    fallbackID: String(position))
                    { units.append(u) }
                }
                pending.removeAll(keepingCapacity: true)
                if units.count >= 4096 {
                    try send(units)
                    units.removeAll(keepingCapacity: true)
                }
            }
            while let unit = try reader.next() {
                if source == nil { source = unit.variants.first?.language }
                if target == nil, let source {
                    target = unit.variants.map(\.language).first { !$0.hasSameLanguage(as: source) }
                }
                pending.append(unit)
                try flush()
            }
            if target == nil { target = source }
            try flush()
            if !units.isEmpty { try send(units) }
        default:
            try sendWhole(try loadUnits(path: path, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage))
        }
    }

    /// `;` when the header line has semicolons and no commas (spreadsheets in comma-decimal locales).
    static func csvDelimiter(_ text: String) -> Unicode.Scalar {
        DelimitedTextGlossaryReader.csvDelimiter(text)
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
