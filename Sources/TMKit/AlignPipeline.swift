import Foundation
import TMAlign
import TMCore
import TMSegment

/// What `tmkit align` writes.
public enum AlignOutputFormat: String, CaseIterable, Sendable {
    case tmx
    case tsv
    case jsonl
    case beads
}

/// An input problem that stops `tmkit align`, printed as `FILE:LINE:COLUMN: message`.
public struct AlignPipelineError: LocatedError, Equatable {
    public var location: InputLocation?
    public var message: String

    public init(location: InputLocation?, message: String) {
        self.location = location
        self.message = message
    }
}

/// Reads two files, aligns them, and renders the result: the pipeline behind `tmkit align`.
public struct AlignPipeline: Sendable {
    public var sourcePath: String
    public var targetPath: String
    public var sourceLanguage: LanguageTag
    public var targetLanguage: LanguageTag
    /// Each input line is one sentence, kept as given; blank lines separate paragraphs.
    public var presegmented: Bool
    /// A TSV file of `source<TAB>target` word pairs that seeds the aligner's lexicon.
    public var dictionaryPath: String?

    public init(
        sourcePath: String, targetPath: String, sourceLanguage: LanguageTag, targetLanguage: LanguageTag,
        presegmented: Bool = false, dictionaryPath: String? = nil
    ) {
        self.sourcePath = sourcePath
        self.targetPath = targetPath
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.presegmented = presegmented
        self.dictionaryPath = dictionaryPath
    }

    /// The outcome of one run: the alignment, the units for a TMX writer, and warnings for the user.
    public struct Result: Sendable {
        public var alignment: DocumentAlignment
        public var translationUnits: [TranslationUnit]
        /// Plain-language warnings (`FILE: message`), for stderr.
        public var warnings: [String]
    }

    public func run() throws(AlignPipelineError) -> Result {
        let sourceText = try PlainTextLoader.read(sourcePath)
        let targetText = try PlainTextLoader.read(targetPath)
        let source = sentences(of: sourceText, language: sourceLanguage)
        let target = sentences(of: targetText, language: targetLanguage)
        for (path, side) in [(sourcePath, source), (targetPath, target)] where side.allSatisfy(\.isEmpty) {
            throw AlignPipelineError(
                location: InputLocation(file: path, line: 1, column: 1), message: "the file has no text to align")
        }
        let dictionary = try dictionaryPath.map { path throws(AlignPipelineError) in try Self.readDictionary(path) } ?? []
        let aligner = DocumentAligner(
            sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, dictionary: dictionary)
        let alignment = aligner.align(source: source, target: target)
        return Result(
            alignment: alignment, translationUnits: translationUnits(alignment),
            warnings: warnings(alignment, source: source, target: target))
    }

    private func sentences(of text: PlainTextLoader.Text, language: LanguageTag) -> [[String]] {
        if presegmented { return text.paragraphs.map { $0.lines } }
        let segmenter = SentenceSegmenter(language: language)
        return text.paragraphs.map { paragraph in
            let joined = paragraph.lines.joined(separator: " ")
            return segmenter.sentences(in: joined)
                .map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
        }
    }

    private func translationUnits(_ alignment: DocumentAlignment) -> [TranslationUnit] {
        let name = URL(fileURLWithPath: sourcePath).deletingPathExtension().lastPathComponent
        return alignment.pairs.enumerated().map { index, pair in
            TranslationUnit(
                id: String(index + 1), source: pair.source, target: pair.target, sourceLanguage: sourceLanguage,
                targetLanguage: targetLanguage, confidence: pair.confidence,
                properties: [
                    .init("x-document", name),
                    .init("x-source-paragraph", pair.sourceParagraphs.map { String($0 + 1) }.joined(separator: ",")),
                    .init("x-target-paragraph", pair.targetParagraphs.map { String($0 + 1) }.joined(separator: ",")),
                    .init("x-alignment-score", Self.score(pair.confidence)),
                ])
        }
    }

    private func warnings(_ alignment: DocumentAlignment, source: [[String]], target: [[String]]) -> [String] {
        var warnings: [String] = []
        let sourceLength = source.joined().reduce(0) { $0 + $1.count }
        let targetLength = target.joined().reduce(0) { $0 + $1.count }
        let ratio = Double(max(sourceLength, targetLength)) / Double(max(1, min(sourceLength, targetLength)))
        if ratio >= 2.5 {
            let longer = sourceLength > targetLength ? sourcePath : targetPath
            warnings.append("\(longer): warning: this side is \(String(format: "%.1f", ratio)) times as long as "
                + "the other; parts of it will stay unaligned")
        }
        if !alignment.pairs.isEmpty, alignment.meanConfidence < 0.25 {
            warnings.append("\(targetPath): warning: mean alignment confidence is "
                + "\(Self.score(alignment.meanConfidence)); the target does not look like a translation of the source")
        } else {
            let low = alignment.lowConfidenceRegions.reduce(0) { $0 + $1.count }
            if low > 0 {
                warnings.append("\(targetPath): warning: \(low) of \(alignment.pairs.count) pairs have low confidence "
                    + "(in \(alignment.lowConfidenceRegions.count) regions)")
            }
        }
        return warnings
    }

    // MARK: - Rendering

    /// The result in one of the text formats; TMX is written by the TMX writer (not yet wired).
    public func render(_ result: Result, format: AlignOutputFormat) throws(AlignPipelineError) -> String {
        switch format {
        case .beads:
            return result.alignment.sentenceBeads.map { $0.beadNotation + "\n" }.joined()
        case .tsv:
            return result.alignment.pairs.map {
                Self.cell($0.source) + "\t" + Self.cell($0.target) + "\t" + Self.score($0.confidence) + "\n"
            }.joined()
        case .jsonl:
            return result.alignment.pairs.map { pair in
                "{\"source\":" + Self.json(pair.source) + ",\"target\":" + Self.json(pair.target)
                    + ",\"score\":" + Self.score(pair.confidence)
                    + ",\"sourceSentences\":" + Self.json(pair.sourceSentences)
                    + ",\"targetSentences\":" + Self.json(pair.targetSentences)
                    + ",\"sourceParagraphs\":" + Self.json(pair.sourceParagraphs)
                    + ",\"targetParagraphs\":" + Self.json(pair.targetParagraphs) + "}\n"
            }.joined()
        case .tmx:
            throw AlignPipelineError(location: nil, message: "--format tmx is not yet available; use tsv, jsonl or beads")
        }
    }

    static func score(_ value: Double) -> String { String(format: "%.3f", value) }

    private static func cell(_ text: String) -> String {
        String(text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
    }

    private static func json(_ values: [Int]) -> String {
        "[" + values.map(String.init).joined(separator: ",") + "]"
    }

    static func json(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Reads `source<TAB>target` lines; `#` starts a comment line.
    static func readDictionary(_ path: String) throws(AlignPipelineError) -> [(source: String, target: String)] {
        let text = try PlainTextLoader.read(path)
        var entries: [(source: String, target: String)] = []
        for paragraph in text.paragraphs {
            for (offset, line) in paragraph.lines.enumerated() where !line.hasPrefix("#") {
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                guard fields.count >= 2, !fields[0].isEmpty, !fields[1].isEmpty else {
                    throw AlignPipelineError(
                        location: InputLocation(file: path, line: paragraph.firstLine + offset, column: 1),
                        message: "expected 'source<TAB>target', found \(line.prefix(60).debugDescription)")
                }
                entries.append((String(fields[0]), String(fields[1])))
            }
        }
        return entries
    }

    /// Writes `text` to `path` (`-` or nil: standard output) through a temporary file and a rename, so that
    /// no partial file is left behind.
    public static func write(_ text: String, to path: String?) throws(AlignPipelineError) {
        guard let path, path != "-" else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
            // rename(2) replaces an existing file atomically (FileManager.replaceItemAt fails on Linux here).
            guard rename(temporary.path, url.path) == 0 else {
                throw CocoaError(.fileWriteUnknown)
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw AlignPipelineError(location: InputLocation(file: path), message: "cannot write: \(error.localizedDescription)")
        }
    }
}

/// A minimal plain-text reader: UTF-8 check, lines, paragraphs split on blank lines.
/// TO BE REPLACED by the plain-text reader in TMFormats when it lands.
enum PlainTextLoader {
    struct Paragraph {
        /// 1-based line number of the paragraph's first line.
        var firstLine: Int
        var lines: [String]
    }

    struct Text {
        var paragraphs: [Paragraph]
    }

    static func read(_ path: String) throws(AlignPipelineError) -> Text {
        let data: Data
        do {
            data = path == "-" ? FileHandle.standardInput.readDataToEndOfFile()
                : try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw AlignPipelineError(location: InputLocation(file: path), message: "cannot read the file")
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let (line, column) = firstInvalidUTF8(bytes)
            throw AlignPipelineError(
                location: InputLocation(file: path, line: line, column: column), message: "the file is not valid UTF-8")
        }
        var paragraphs: [Paragraph] = []
        var current: Paragraph?
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.allSatisfy(\.isWhitespace) {
                if let paragraph = current { paragraphs.append(paragraph) }
                current = nil
            } else if current == nil {
                current = Paragraph(firstLine: lineNumber, lines: [String(line)])
            } else {
                current?.lines.append(String(line))
            }
        }
        if let paragraph = current { paragraphs.append(paragraph) }
        return Text(paragraphs: paragraphs)
    }

    /// Line and column (1-based, in characters) of the first byte that is not valid UTF-8.
    private static func firstInvalidUTF8(_ bytes: [UInt8]) -> (Int, Int) {
        var line = 1
        var lineStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length = byte < 0x80 ? 1 : byte >> 5 == 0b110 ? 2 : byte >> 4 == 0b1110 ? 3 : byte >> 3 == 0b11110 ? 4 : 0
            let end = index + length
            guard length > 0, end <= bytes.count,
                  String(validating: bytes[index..<end], as: UTF8.self) != nil
            else {
                let column = (String(validating: bytes[lineStart..<index], as: UTF8.self)?.count ?? 0) + 1
                return (line, column)
            }
            if byte == 0x0A {
                line += 1
                lineStart = end
            }
            index = end
        }
        return (line, 1)
    }
}
