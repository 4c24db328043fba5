import Foundation
import TMCore
import TMFormats

/// `tmkit convert`: reads TMX, TBX, tab-separated and CSV files and writes one file in another (or the same)
/// format. Several TMX files are merged into one with duplicate units removed; several glossaries into one with
/// duplicate entries removed. Output is atomic (`-` for standard output).
///
///     let summary = try ConvertPipeline.run(inputs: ["a.tmx", "b.tmx"], to: .tmx, output: "all.tmx")
///     summary.duplicatesRemoved
public enum ConvertPipeline {
    /// The formats `convert --to` writes.
    public enum Format: String, CaseIterable, Sendable {
        case tmx, tsv, csv, tbx, tbx3, xliff, xliff2
    }

    /// What a conversion did, for the command's summary line.
    public struct Summary: Sendable {
        public var inputs: Int
        public var itemsRead: Int
        public var itemsWritten: Int
        public var duplicatesRemoved: Int
        /// `FILE:LINE: message` lines about what was normalised on the way (for example `en_US` read as `en-US`).
        public var warnings: [String]
    }

    /// How an input file is read, told by its name (or, for `-`, by its first bytes).
    enum InputKind {
        case tmx, xliff, po, tbx, tsv, csv

        init?(path: String) {
            switch (path as NSString).pathExtension.lowercased() {
            case "tmx": self = .tmx
            case "xlf", "xliff": self = .xliff
            case "po", "pot": self = .po
            case "tbx": self = .tbx
            case "csv": self = .csv
            case "txt", "tsv", "tab", "utf8": self = .tsv
            default: return nil
            }
        }

        init(sniffing bytes: [UInt8]) {
            let head = String(decoding: bytes.prefix(4096), as: UTF8.self)
            if head.contains("<tmx") { self = .tmx }
            else if head.contains("<xliff") { self = .xliff }
            else if head.contains("msgid \"") { self = .po }
            else if head.contains("<martif") || head.contains("<tbx") { self = .tbx }
            else if let line = head.split(separator: "\n").first, !line.contains("\t"), line.contains(",") { self = .csv }
            else { self = .tsv }
        }
    }

    public static func run(
        inputs: [String], to format: Format, output: String, sourceLanguage: String? = nil,
        targetLanguage: String? = nil
    ) throws -> Summary {
        let source = try sourceLanguage.map { try language($0, flag: "--source-lang") }
        let target = try targetLanguage.map { try language($0, flag: "--target-lang") }
        guard !inputs.isEmpty else { throw FormatError("no input files") }
        var kinds: [(String, InputKind, [UInt8]?)] = []
        for path in inputs {
            if path == "-" {
                let bytes = Array(FileHandle.standardInput.readDataToEndOfFile())
                kinds.append((path, InputKind(sniffing: bytes), bytes))
            } else if let kind = InputKind(path: path) {
                kinds.append((path, kind, nil))
            } else {
                throw FormatError("unknown input format: expected .tmx, .xlf, .po, .tbx, .csv or .txt/.tsv/.tab", file: path)
            }
        }
        if kinds.allSatisfy({ $0.1 == .tmx || $0.1 == .xliff || $0.1 == .po }), format == .tmx {
            return try mergeTMX(kinds, output: output, sourceLanguage: source)
        }
        if kinds.allSatisfy({ $0.1 == .tmx || $0.1 == .xliff || $0.1 == .po }), format == .xliff || format == .xliff2 {
            return try writeXLIFF(kinds, output: output, sourceLanguage: source, targetLanguage: target,
                                  version: format == .xliff2 ? .v2_0 : .v1_2)
        }
        // Everything else goes through a glossary-shaped list of entries (a TM becomes one entry per unit).
        var glossary: Glossary?
        var summary = Summary(inputs: inputs.count, itemsRead: 0, itemsWritten: 0, duplicatesRemoved: 0, warnings: [])
        var seen = Set<[String]>()
        for (path, kind, bytes) in kinds {
            let read = try readGlossary(path: path, kind: kind, bytes: bytes, source: source ?? glossary?.sourceLanguage,
                                        target: target ?? glossary?.targetLanguage, summary: &summary)
            if glossary == nil {
                glossary = Glossary(sourceLanguage: read.sourceLanguage, targetLanguage: read.targetLanguage)
            }
            summary.itemsRead += read.entries.count
            for entry in read.entries {
                let key = entry.sourceTerms.map(\.text) + ["\t"] + entry.targetTerms.map(\.text)
                if seen.insert(key).inserted {
                    glossary?.entries.append(entry)
                } else {
                    summary.duplicatesRemoved += 1
                }
            }
        }
        guard let glossary else { throw FormatError("no input files") }
        summary.itemsWritten = glossary.entries.count
        switch format {
        case .tbx: try GlossaryFormat.tbx.write(glossary, to: output)
        case .tbx3: try GlossaryFormat.tbx3.write(glossary, to: output)
        case .tsv: try GlossaryFormat.tsv.write(glossary, to: output)
        case .csv: try GlossaryFormat.csv.write(glossary, to: output)
        case .xliff, .xliff2:
            var writer = try XLIFFWriter(path: output, sourceLanguage: glossary.sourceLanguage,
                                         targetLanguage: glossary.targetLanguage, original: inputs[0],
                                         version: format == .xliff2 ? .v2_0 : .v1_2)
            for entry in glossary.entries {
                try writer.write(id: entry.id, source: TMXSegment(text: entry.sourceTerms.first?.text ?? ""),
                                 target: entry.targetTerms.first.map { TMXSegment(text: $0.text) }, notes: [])
            }
            try writer.finish()
        case .tmx:
            var writer = try TMXWriter(path: output, header: TMXHeader(
                sourceLanguage: glossary.sourceLanguage, creationToolVersion: TMKitVersion.current,
                creationDate: reproducibleDate(), segmentType: "phrase"))
            for entry in glossary.entries {
                try writer.write(TranslationUnit(
                    id: entry.id, source: entry.sourceTerms.first?.text ?? "",
                    target: entry.targetTerms.first?.text ?? "", sourceLanguage: glossary.sourceLanguage,
                    targetLanguage: glossary.targetLanguage))
            }
            try writer.finish()
        }
        return summary
    }

    /// Streams every unit of every TMX file (and the units of XLIFF and PO files) into one TMX file. When there are
    /// several inputs, units whose segments (languages and white-space-normalised markup) were already written are
    /// skipped, remembered by 128-bit fingerprints (`ConvertFingerprints`); a single input is converted as it is, so
    /// memory stays bounded by one unit however large the file. Inline codes, props and notes of TMX units pass
    /// through unchanged.
    private static func mergeTMX(
        _ inputs: [(String, InputKind, [UInt8]?)], output: String, sourceLanguage: LanguageTag?
    ) throws -> Summary {
        var summary = Summary(inputs: inputs.count, itemsRead: 0, itemsWritten: 0, duplicatesRemoved: 0, warnings: [])
        var writer: TMXWriter?
        var seen: ConvertFingerprints? = inputs.count > 1 ? ConvertFingerprints() : nil
        // The same input gives the same bytes: dates come from SOURCE_DATE_EPOCH or from the input (the first
        // header's creation date), never from the clock; without either the (optional) creationdate is left out.
        let date = reproducibleDate()
        for (path, kind, bytes) in inputs {
            if kind != .tmx {
                let units = try translationUnits(path: path, kind: kind, bytes: bytes, source: sourceLanguage,
                                                 target: nil)
                if writer == nil, let language = sourceLanguage ?? units.first?.sourceLanguage {
                    writer = try TMXWriter(path: output, header: TMXHeader(
                        sourceLanguage: language, creationToolVersion: TMKitVersion.current, creationDate: date))
                }
                for unit in units {
                    try emit(TMXUnit(unit, creationDate: date), to: &writer, seen: &seen, summary: &summary)
                }
                continue
            }
            // Parsing runs on a thread of its own while this one writes.
            let stream = ConvertUnitStream(path: path, bytes: bytes)
            defer { stream.cancel() }
            let first = try stream.readHeader()
            let pending = try stream.next() ?? []
            if writer == nil {
                var header = TMXHeader(
                    sourceLanguage: first.sourceLanguage, creationTool: "tmkit",
                    creationToolVersion: TMKitVersion.current,
                    segmentType: first.segmentType.isEmpty ? "sentence" : first.segmentType,
                    originalFormat: first.originalFormat.isEmpty ? "tmkit" : first.originalFormat,
                    adminLanguage: "en-US", dataType: first.dataType.isEmpty ? "plaintext" : first.dataType,
                    creationDate: date ?? first.creationDate)
                if let sourceLanguage {
                    header.sourceLanguage = sourceLanguage.description
                } else if let declared = LanguageTag(first.sourceLanguage),
                          let used = pending.first?.variants.first(where: { $0.language.hasSameLanguage(as: declared) }) {
                    // srclang="en" over <tuv xml:lang="en-US">: name the tag the units use.
                    header.sourceLanguage = used.language.description
                }
                writer = try TMXWriter(path: output, header: header)
            }
            for unit in pending {
                try emit(unit, to: &writer, seen: &seen, summary: &summary)
            }
            while let batch = try stream.next() {
                for unit in batch {
                    try emit(unit, to: &writer, seen: &seen, summary: &summary)
                }
            }
            summary.warnings += stream.warnings.map(\.description)
        }
        guard let writer = writer.take() else { throw FormatError("no units to write", file: inputs.first?.0) }
        try writer.finish()
        return summary
    }

    /// Streams the units of TMX (and XLIFF and PO) files into one XLIFF 1.2 or 2.0 file, duplicates removed as for a TMX
    /// merge when there are several inputs. The languages are the options', else the first TMX header's source
    /// language (or the first unit's first language) and the first other language of the first unit.
    private static func writeXLIFF(
        _ inputs: [(String, InputKind, [UInt8]?)], output: String, sourceLanguage: LanguageTag?,
        targetLanguage: LanguageTag?, version: XLIFFWriter.Version
    ) throws -> Summary {
        var summary = Summary(inputs: inputs.count, itemsRead: 0, itemsWritten: 0, duplicatesRemoved: 0, warnings: [])
        var writer: XLIFFWriter?
        var languages: (source: LanguageTag, target: LanguageTag)?
        var seen: ConvertFingerprints? = inputs.count > 1 ? ConvertFingerprints() : nil
        for (path, kind, bytes) in inputs {
            if kind == .tmx {
                var reader = try bytes.map { try TMXReader(contents: $0, path: path) } ?? TMXReader(path: path)
                let declared = sourceLanguage ?? LanguageTag(reader.header.sourceLanguage)
                while let unit = try reader.next() {
                    try emitXLIFF(unit, declared: declared, targetLanguage: targetLanguage, output: output,
                                  original: inputs[0].0, version: version, writer: &writer, languages: &languages,
                                  seen: &seen, summary: &summary)
                }
                summary.warnings += reader.warnings.map(\.description)
            } else {
                let units = try translationUnits(path: path, kind: kind, bytes: bytes, source: sourceLanguage,
                                                 target: targetLanguage)
                for unit in units {
                    try emitXLIFF(TMXUnit(unit, creationDate: nil), declared: sourceLanguage ?? unit.sourceLanguage,
                                  targetLanguage: targetLanguage ?? unit.targetLanguage, output: output,
                                  original: inputs[0].0, version: version, writer: &writer, languages: &languages,
                                  seen: &seen, summary: &summary)
                }
            }
        }
        guard let writer = writer.take() else { throw FormatError("no units to write", file: inputs.first?.0) }
        try writer.finish()
        return summary
    }

    private static func emitXLIFF(
        _ unit: TMXUnit, declared: LanguageTag?, targetLanguage: LanguageTag?, output: String, original: String,
        version: XLIFFWriter.Version, writer: inout XLIFFWriter?, languages: inout (source: LanguageTag, target: LanguageTag)?,
        seen: inout ConvertFingerprints?, summary: inout Summary
    ) throws {
        summary.itemsRead += 1
        if languages == nil, let source = declared ?? unit.variants.first?.language {
            let target = targetLanguage
                ?? unit.variants.first { !$0.language.hasSameLanguage(as: source) }?.language ?? source
            languages = (source, target)
            writer = try XLIFFWriter(path: output, sourceLanguage: source, targetLanguage: target, original: original,
                                     version: version)
        }
        guard let languages else { return }
        if seen?.insert(unit) == false {
            summary.duplicatesRemoved += 1
            return
        }
        try writer?.write(unit, sourceLanguage: languages.source, targetLanguage: languages.target)
        summary.itemsWritten += 1
    }

    private static func emit(
        _ unit: TMXUnit, to writer: inout TMXWriter?, seen: inout ConvertFingerprints?, summary: inout Summary
    ) throws {
        summary.itemsRead += 1
        if seen?.insert(unit) == false {
            summary.duplicatesRemoved += 1
            return
        }
        try writer?.write(unit)
        summary.itemsWritten += 1
    }

    private static func readGlossary(
        path: String, kind: InputKind, bytes: [UInt8]?, source: LanguageTag?, target: LanguageTag?,
        summary: inout Summary
    ) throws -> Glossary {
        switch kind {
        case .tbx:
            return try bytes.map { try TBXReader.read(contents: $0, path: path, sourceLanguage: source, targetLanguage: target) }
                ?? TBXReader.read(path: path, sourceLanguage: source, targetLanguage: target)
        case .csv:
            let text = try text(path: path, bytes: bytes)
            var reader = DelimitedTextGlossaryReader(
                delimiter: DelimitedTextGlossaryReader.csvDelimiter(text), sourceLanguage: source, targetLanguage: target)
            reader.groupsBySource = false
            let glossary = try reader.read(text, file: path)
            if glossary.sourceLanguage.description == "und" || glossary.targetLanguage.description == "und" {
                throw FormatError("the first row must name the two languages, for example az,en", file: path, line: 1)
            }
            return glossary
        case .tsv:
            let text = try text(path: path, bytes: bytes)
            var reader = DelimitedTextGlossaryReader(delimiter: "\t", sourceLanguage: source, targetLanguage: target)
            reader.groupsBySource = false
            let glossary = try reader.read(text, file: path)
            if glossary.sourceLanguage.description == "und" || glossary.targetLanguage.description == "und" {
                throw FormatError("a tab-separated file without a header row of language codes does not name its "
                    + "languages: give --source-lang and --target-lang", file: path)
            }
            return glossary
        case .xliff, .po:
            let units = try translationUnits(path: path, kind: kind, bytes: bytes, source: source, target: target)
            guard let first = units.first else { throw FormatError("the file has no units", file: path) }
            return Glossary(sourceLanguage: first.sourceLanguage, targetLanguage: first.targetLanguage,
                            entries: units.filter { !$0.target.isEmpty }.map {
                                TermEntry(id: $0.id, sourceTerms: [Term(text: $0.source)],
                                          targetTerms: [Term(text: $0.target)])
                            })
        case .tmx:
            var reader = try bytes.map { try TMXReader(contents: $0, path: path) } ?? TMXReader(path: path)
            var units: [TMXUnit] = []
            while let unit = try reader.next() { units.append(unit) }
            summary.warnings += reader.warnings.map(\.description)
            guard let sourceLanguage = source ?? LanguageTag(reader.header.sourceLanguage)
                ?? units.first?.variants.first?.language
            else { throw FormatError("the TMX file has no units", file: path) }
            let targetLanguage = target ?? units.lazy.flatMap(\.variants).map(\.language)
                .first { !$0.hasSameLanguage(as: sourceLanguage) } ?? sourceLanguage
            let entries = units.enumerated().compactMap { index, unit -> TermEntry? in
                guard let pair = unit.translationUnit(sourceLanguage: sourceLanguage, targetLanguage: targetLanguage,
                                                      fallbackID: String(index + 1)), !pair.target.isEmpty
                else { return nil }
                return TermEntry(id: pair.id, sourceTerms: [Term(text: pair.source)],
                                 targetTerms: [Term(text: pair.target)])
            }
            return Glossary(sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, entries: entries)
        }
    }

    /// The units of an XLIFF or PO file.
    private static func translationUnits(
        path: String, kind: InputKind, bytes: [UInt8]?, source: LanguageTag?, target: LanguageTag?
    ) throws -> [TranslationUnit] {
        if kind == .po {
            return try POReader.translationUnits(text: text(path: path, bytes: bytes), path: path,
                                                 sourceLanguage: source, targetLanguage: target)
        }
        return try bytes.map {
            try XLIFFReader.translationUnits(contents: $0, path: path, sourceLanguage: source, targetLanguage: target)
        } ?? XLIFFReader.translationUnits(path: path, sourceLanguage: source, targetLanguage: target)
    }

    private static func text(path: String, bytes: [UInt8]?) throws -> String {
        if let bytes { return String(decoding: bytes, as: UTF8.self) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FormatError("cannot read the file", file: path)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw FormatError("not UTF-8 text", file: path)
        }
        return text
    }

    /// `SOURCE_DATE_EPOCH` as a TMX date when it is set; nil otherwise (convert never dates its output by the clock,
    /// so that the same input gives the same bytes).
    private static func reproducibleDate() -> String? {
        ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"] != nil ? TMXTimestamp.now() : nil
    }

    private static func language(_ text: String, flag: String) throws -> LanguageTag {
        guard let tag = LanguageTag(text) else { throw FormatError("\(flag) '\(text)' is not a language tag") }
        return tag
    }
}
