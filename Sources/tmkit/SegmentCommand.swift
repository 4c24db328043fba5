import ArgumentParser
import Foundation
import TMCore
import TMFormats
import TMKit
import TMSegment

/// `tmkit segment`: one sentence per line, a blank line between paragraphs; or JSON lines in and out.
struct SegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Split text into sentences: one sentence per line, a blank line between paragraphs.",
        discussion: """
            Rules come from built-in per-language data (abbreviations, titles, sentence starters). An SRX 2.0 \
            file (--srx) adds rules for the languages it maps: with cascade="yes" its rules come first and the \
            built-in rules decide the rest; with cascade="no" they replace the built-in rules.
            With --jsonl each input line is {"id","lang","text"} (optionally "doc_type": "pdf" for text whose \
            single line breaks are soft wraps) and each output line is {"id","sentences":[...]}.
            """
    )

    @Option(name: .long, help: "Language of the text (BCP 47, e.g. az, en-US). Default: en.")
    var lang: String = "en"

    @Option(name: .long, help: "An SRX 2.0 rules file.")
    var srx: String?

    @Option(name: .long, help: "A file of extra abbreviations, one per line (sections as in the built-in data).")
    var abbreviations: String?

    @Option(name: .long, help: "How single line breaks are read: heuristic, soft (PDF text) or hard.")
    var lineBreaks: String = "heuristic"

    @Flag(name: .long, help: "Read and write JSON lines.")
    var jsonl = false

    @Flag(name: .long, help: "Clean messy input first (markup, dot leaders, banners, stacked letters); the sentences are then no longer exact substrings of the input.")
    var clean = false

    @Argument(help: "The input file, or - for standard input.")
    var input: String = "-"

    func run() throws {
        do {
            try segment()
        } catch let error as any LocatedError {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(2)
        }
    }

    private func segment() throws {
        let rules: SegmentationRules? = try srx.map { path throws(SRXError) in try SRXReader.read(contentsOf: path) }
        var abbreviationText: String?
        if let abbreviations {
            guard let data = FileManager.default.contents(atPath: abbreviations) else {
                throw CommandError(location: InputLocation(file: abbreviations), message: "cannot read the file")
            }
            abbreviationText = String(decoding: data, as: UTF8.self)
        }
        guard let mode = LineBreakMode(rawValue: lineBreaks) else {
            throw CommandError(location: nil, message: "--line-breaks must be heuristic, soft or hard")
        }
        let factory = SegmenterFactory(rules: rules, abbreviations: abbreviationText,
                                       abbreviationsFile: abbreviations ?? "", lineBreaks: mode)
        let reader = try LineReader(path: input)
        var output = OutputBuffer()
        if jsonl {
            try runJSONLines(reader: reader, factory: factory, output: &output)
        } else {
            guard let tag = LanguageTag(lang) else {
                throw CommandError(location: nil, message: "--lang `\(lang)` is not a language tag")
            }
            let segmenter = try factory.segmenter(for: tag, lineBreaks: mode)
            try runText(reader: reader, segmenter: segmenter, output: &output)
        }
        output.flush()
    }

    /// Plain text: paragraphs are read one at a time, so memory stays flat whatever the input size.
    private func runText(reader: LineReader, segmenter: SentenceSegmenter, output: inout OutputBuffer) throws {
        var paragraph: [UInt8] = []
        var firstParagraph = true
        func flushParagraph() {
            guard !paragraph.isEmpty else { return }
            if clean {
                paragraph = Array(TextCleaner().clean(String(decoding: paragraph, as: UTF8.self)).utf8)
            }
            let ranges = paragraph.withUnsafeBufferPointer { segmenter.sentenceByteRanges($0) }
            if !ranges.isEmpty {
                if !firstParagraph { output.write("\n") }
                firstParagraph = false
                for range in ranges {
                    output.writeLine(paragraph[range])
                }
            }
            paragraph.removeAll(keepingCapacity: true)
        }
        while let line = reader.nextLine() {
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                flushParagraph()
            } else {
                paragraph.append(contentsOf: line)
                paragraph.append(0x0A)
            }
        }
        flushParagraph()
    }

    private func runJSONLines(reader: LineReader, factory: SegmenterFactory, output: inout OutputBuffer) throws {
        var lineNumber = 0
        var cache: [String: SentenceSegmenter] = [:]
        while let line = reader.nextLine() {
            lineNumber += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            let location = InputLocation(file: input == "-" ? "<stdin>" : input, line: lineNumber, column: 1)
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                throw CommandError(location: location, message: "not a JSON object")
            }
            guard var text = object["text"] as? String else {
                throw CommandError(location: location, message: "the object has no \"text\" string")
            }
            let id = object["id"] ?? NSNull()
            let code = (object["lang"] as? String) ?? lang
            guard let tag = LanguageTag(code) else {
                throw CommandError(location: location, message: "\"lang\": `\(code)` is not a language tag")
            }
            let mode: LineBreakMode = (object["doc_type"] as? String) == "pdf" ? .soft : factory.lineBreaks
            let key = "\(tag)|\(mode.rawValue)"
            let segmenter: SentenceSegmenter
            if let cached = cache[key] {
                segmenter = cached
            } else {
                segmenter = try factory.segmenter(for: tag, lineBreaks: mode)
                cache[key] = segmenter
            }
            if clean { text = TextCleaner().clean(text) }
            let sentences = segmenter.sentences(in: text).map(String.init)
            let result: [String: Any] = ["id": id, "sentences": sentences]
            let data = try JSONSerialization.data(withJSONObject: result, options: [.withoutEscapingSlashes])
            output.writeLine(data)
        }
    }
}

/// Builds segmenters with the user's SRX rules and abbreviations.
private struct SegmenterFactory {
    var rules: SegmentationRules?
    var abbreviations: String?
    var abbreviationsFile: String
    var lineBreaks: LineBreakMode

    func segmenter(for tag: LanguageTag, lineBreaks mode: LineBreakMode) throws(SegmentationError) -> SentenceSegmenter {
        if rules == nil, abbreviations == nil {
            var segmenter = SentenceSegmenter(language: tag)
            segmenter.lineBreaks = mode
            return segmenter
        }
        return try SentenceSegmenter(language: tag, rules: rules, abbreviations: abbreviations,
                                     abbreviationsFile: abbreviationsFile, lineBreaks: mode)
    }
}

/// A plain located error of the command itself.
private struct CommandError: LocatedError {
    var location: InputLocation?
    var message: String
}

/// Reads lines from a file or standard input in large blocks, without holding the whole input.
private final class LineReader {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false

    init(path: String) throws {
        if path == "-" {
            handle = FileHandle.standardInput
        } else {
            guard let opened = FileHandle(forReadingAtPath: path) else {
                throw CommandError(location: InputLocation(file: path), message: "cannot open the file")
            }
            handle = opened
        }
    }

    /// The next line without its line feed, or nil at the end of the input.
    func nextLine() -> [UInt8]? {
        while true {
            if let newline = buffer[position...].firstIndex(of: 0x0A) {
                let line = Array(buffer[position..<newline])
                position = newline + 1
                return line
            }
            if atEnd {
                guard position < buffer.count else { return nil }
                let line = Array(buffer[position...])
                position = buffer.count
                return line
            }
            buffer.removeSubrange(0..<position)
            position = 0
            let chunk = handle.readData(ofLength: 1 << 20)
            if chunk.isEmpty { atEnd = true } else { buffer.append(contentsOf: chunk) }
        }
    }
}

/// Buffered standard output.
private struct OutputBuffer {
    private var bytes: [UInt8] = []

    mutating func write(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        if bytes.count > 1 << 16 { flush() }
    }

    /// Writes one sentence on one line: line breaks inside it become spaces.
    mutating func writeLine<C: Collection>(_ line: C) where C.Element == UInt8 {
        let start = bytes.count
        bytes.append(contentsOf: line)
        bytes.withUnsafeMutableBufferPointer { buffer in
            for k in start..<buffer.count where buffer[k] == 0x0A || buffer[k] == 0x0D { buffer[k] = 0x20 }
        }
        bytes.append(0x0A)
        if bytes.count > 1 << 16 { flush() }
    }

    mutating func flush() {
        guard !bytes.isEmpty else { return }
        FileHandle.standardOutput.write(Data(bytes))
        bytes.removeAll(keepingCapacity: true)
    }
}
