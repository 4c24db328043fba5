import Foundation
import TMAlign
import TMCore
import TMFormats
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
    /// The document's name in the TMX (`x-document`, and the prefix of each `tuid`); default: the source file's name.
    public var documentName: String?
    /// A lexicon learned for a whole corpus (`tmkit align` on folders): the document is aligned in one pass with it
    /// instead of learning its own.
    public var lexicon: AlignmentLexicon?

    public init(
        sourcePath: String, targetPath: String, sourceLanguage: LanguageTag, targetLanguage: LanguageTag,
        presegmented: Bool = false, dictionaryPath: String? = nil, documentName: String? = nil
    ) {
        self.sourcePath = sourcePath
        self.targetPath = targetPath
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.presegmented = presegmented
        self.dictionaryPath = dictionaryPath
        self.documentName = documentName
    }

    /// The outcome of one run: the alignment, the units for a TMX writer, and warnings for the user.
    public struct Result: Sendable {
        public var alignment: DocumentAlignment
        public var translationUnits: [TranslationUnit]
        /// Plain-language warnings (`FILE: message`), for stderr.
        public var warnings: [String]
    }

    public func run() throws(AlignPipelineError) -> Result {
        let sourceText = try Self.paragraphs(sourcePath)
        let targetText = try Self.paragraphs(targetPath)
        let source = sentences(of: sourceText, language: sourceLanguage)
        let target = sentences(of: targetText, language: targetLanguage)
        for (path, side) in [(sourcePath, source), (targetPath, target)] where side.allSatisfy(\.isEmpty) {
            throw AlignPipelineError(
                location: InputLocation(file: path, line: 1, column: 1), message: "the file has no text to align")
        }
        let dictionary = try dictionaryPath.map { path throws(AlignPipelineError) in try Self.readDictionary(path) } ?? []
        let aligner = DocumentAligner(
            sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, dictionary: dictionary, lexicon: lexicon)
        let alignment = aligner.align(source: source, target: target)
        return Result(
            alignment: alignment, translationUnits: translationUnits(alignment),
            warnings: warnings(alignment, source: source, target: target))
    }

    private func sentences(of paragraphs: [Paragraph], language: LanguageTag) -> [[String]] {
        if presegmented {
            return paragraphs.map { paragraph in
                paragraph.text.unicodeScalars.split(separator: "\n").compactMap(Self.trimmedLine)
            }
        }
        return SentenceStage.segment(paragraphs, language: language)
    }

    /// Runs of non-blank lines (lines joined by `\n`), each with its 1-based first line number.
    static func splitParagraphs(_ text: String) -> [Paragraph] {
        let scalars = text.unicodeScalars
        var result: [Paragraph] = []
        var paragraphStart: String.UnicodeScalarView.Index?
        var paragraphEnd = scalars.startIndex
        var firstLine = 0
        var lineNumber = 1
        var lineStart = scalars.startIndex
        var blank = true
        var index = scalars.startIndex
        while true {
            let atEnd = index == scalars.endIndex
            if atEnd || scalars[index] == "\n" {
                if blank {
                    if let start = paragraphStart {
                        result.append(Paragraph(text: String(scalars[start..<paragraphEnd]), line: firstLine))
                        paragraphStart = nil
                    }
                } else {
                    if paragraphStart == nil {
                        paragraphStart = lineStart
                        firstLine = lineNumber
                    }
                    paragraphEnd = index
                }
                if atEnd { break }
                index = scalars.index(after: index)
                lineStart = index
                lineNumber += 1
                blank = true
                continue
            }
            if blank {
                let scalar = scalars[index]
                if scalar.value < 128 ? !(scalar == " " || scalar == "\t" || scalar.value == 0x0B || scalar.value == 0x0C
                    || scalar == "\r") : !scalar.properties.isWhitespace {
                    blank = false
                }
            }
            index = scalars.index(after: index)
        }
        if let start = paragraphStart {
            result.append(Paragraph(text: String(scalars[start..<paragraphEnd]), line: firstLine))
        }
        return result
    }

    /// A line without its leading and trailing spaces and tabs (`CharacterSet.whitespaces`: tab and the
    /// Unicode space separators), or nil when nothing is left.
    static func trimmedLine(_ line: Substring.UnicodeScalarView) -> String? {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value < 128 ? scalar == " " || scalar == "\t" : scalar.properties.generalCategory == .spaceSeparator
        }
        guard let first = line.firstIndex(where: { !isSpace($0) }),
              let last = line.lastIndex(where: { !isSpace($0) }) else { return nil }
        return String(String.UnicodeScalarView(line[first...last]))
    }

    /// The paragraphs of a file: read and validated by the shared plain-text reader, split at blank lines
    /// as `PlainTextReader.paragraphs(in:)` does, but over Unicode scalars (a tenth of the run on short
    /// presegmented documents went into splitting by `Character`).
    static func paragraphs(_ path: String) throws(AlignPipelineError) -> [Paragraph] {
        do {
            let result = splitParagraphs(try PlainTextReader.text(atPath: path))
            if result.isEmpty {
                throw AlignPipelineError(location: InputLocation(file: path), message: "the file holds only white space")
            }
            return result
        } catch let error as AlignPipelineError {
            throw error
        } catch let error as PlainTextError {
            throw AlignPipelineError(location: error.location, message: error.message)
        } catch {
            throw AlignPipelineError(location: InputLocation(file: path), message: "cannot read the file: \(error)")
        }
    }

    private func translationUnits(_ alignment: DocumentAlignment) -> [TranslationUnit] {
        UnitBuilder.units(
            documentName: documentName ?? DocumentLoader.documentName(for: sourcePath), sourceLanguage: sourceLanguage,
            targetLanguage: targetLanguage, pairs: alignment.pairs, idPrefix: documentName.map { $0 + ":" } ?? "")
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
        if format == .tmx {
            throw AlignPipelineError(location: nil, message: "TMX is written with write(_:format:to:), not rendered")
        }
        return Self.render(result, format: format, document: nil)
    }

    /// The text formats; with `document`, TSV gets it as a fourth column and JSONL as a `document` field (the
    /// output of `tmkit align` on folders).
    static func render(_ result: Result, format: AlignOutputFormat, document: String?) -> String {
        switch format {
        case .beads:
            return result.alignment.sentenceBeads.map { $0.beadNotation + "\n" }.joined()
        case .tsv:
            let last = document.map { "\t" + cell($0) + "\n" } ?? "\n"
            return result.alignment.pairs.map {
                Self.cell($0.source) + "\t" + Self.cell($0.target) + "\t" + Self.score($0.confidence) + last
            }.joined()
        case .jsonl:
            let last = document.map { ",\"document\":" + json($0) + "}\n" } ?? "}\n"
            return result.alignment.pairs.map { pair in
                "{\"source\":" + Self.json(pair.source) + ",\"target\":" + Self.json(pair.target)
                    + ",\"score\":" + Self.score(pair.confidence)
                    + ",\"sourceSentences\":" + Self.json(pair.sourceSentences)
                    + ",\"targetSentences\":" + Self.json(pair.targetSentences)
                    + ",\"sourceParagraphs\":" + Self.json(pair.sourceParagraphs)
                    + ",\"targetParagraphs\":" + Self.json(pair.targetParagraphs) + last
            }.joined()
        case .tmx:
            return ""
        }
    }

    /// Writes the result in `format` to `path` (`-` or nil: standard output), atomically.
    public func write(_ result: Result, format: AlignOutputFormat, to path: String?) throws(AlignPipelineError) {
        let destination = path ?? "-"
        do {
            if format == .tmx {
                var writer = try TMXWriter(
                    path: destination,
                    header: TMXHeader(sourceLanguage: sourceLanguage, creationToolVersion: TMKitVersion.current))
                for unit in result.translationUnits { try writer.write(unit) }
                try writer.finish()
            } else {
                try AtomicFileWriter.write(try render(result, format: format), to: destination)
            }
        } catch let error as AlignPipelineError {
            throw error
        } catch let error as FormatError {
            throw AlignPipelineError(location: error.location, message: error.message)
        } catch {
            throw AlignPipelineError(location: InputLocation(file: destination), message: "cannot write: \(error)")
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
        JSONString.quoted(text)
    }

    /// Reads `source<TAB>target` lines; `#` starts a comment line.
    static func readDictionary(_ path: String) throws(AlignPipelineError) -> [(source: String, target: String)] {
        var entries: [(source: String, target: String)] = []
        for paragraph in try paragraphs(path) {
            for (offset, line) in paragraph.text.split(separator: "\n").enumerated() where !line.hasPrefix("#") {
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                guard fields.count >= 2, !fields[0].isEmpty, !fields[1].isEmpty else {
                    throw AlignPipelineError(
                        location: InputLocation(file: path, line: (paragraph.line ?? 1) + offset, column: 1),
                        message: "expected 'source<TAB>target', found \(line.prefix(60).debugDescription)")
                }
                entries.append((String(fields[0]), String(fields[1])))
            }
        }
        return entries
    }
}
