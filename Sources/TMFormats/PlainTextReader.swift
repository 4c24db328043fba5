import Foundation
import TMCore

/// Reads plain-text documents: UTF-8 (with or without a byte-order mark) or UTF-16 with a byte-order mark, any line
/// ends, paragraphs separated by blank lines.
///
/// Refuses, with the file, line and column (and byte offset for bad UTF-8): a missing or unreadable file, an empty
/// file, binary data and invalid UTF-8. A document is read whole, since alignment needs both sides at once.
public enum PlainTextReader {
    /// The text of the file at `path` (`-` for standard input), validated and with line ends normalised to `\n`.
    public static func text(atPath path: String) throws -> String {
        let data = try readData(atPath: path)
        return try decode(data, file: path)
    }

    /// The paragraphs of the file at `path`: runs of non-blank lines, each with its first line number.
    public static func paragraphs(atPath path: String) throws -> [Paragraph] {
        let text = try text(atPath: path)
        let result = paragraphs(in: text)
        if result.isEmpty {
            throw PlainTextError("the file holds only white space", file: path)
        }
        return result
    }

    /// The non-empty lines of the file at `path`, each as one item (for pre-segmented input).
    public static func lines(atPath path: String) throws -> [(text: String, line: Int)] {
        let text = try text(atPath: path)
        var result: [(text: String, line: Int)] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty { result.append((String(trimmed), number + 1)) }
        }
        if result.isEmpty {
            throw PlainTextError("the file holds only white space", file: path)
        }
        return result
    }

    /// Splits normalised text into paragraphs at blank lines. Lines inside a paragraph are joined by `\n`.
    public static func paragraphs(in text: String) -> [Paragraph] {
        var result: [Paragraph] = []
        var current: [Substring] = []
        var start = 0
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.allSatisfy(\.isWhitespace) {
                if !current.isEmpty {
                    result.append(Paragraph(text: current.joined(separator: "\n"), line: start))
                    current.removeAll()
                }
            } else {
                if current.isEmpty { start = index + 1 }
                current.append(line)
            }
        }
        if !current.isEmpty {
            result.append(Paragraph(text: current.joined(separator: "\n"), line: start))
        }
        return result
    }

    static func readData(atPath path: String) throws -> Data {
        if path == "-" {
            return FileHandle.standardInput.readDataToEndOfFile()
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw PlainTextError("no such file", file: path)
        }
        if isDirectory.boolValue {
            throw PlainTextError("is a folder, not a file", file: path)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PlainTextError("cannot be read (permissions?)", file: path)
        }
        return data
    }

    /// Decodes and validates file contents; line ends become `\n`.
    public static func decode(_ data: Data, file: String) throws -> String {
        if data.isEmpty {
            throw PlainTextError("the file is empty", file: file)
        }
        let bytes = [UInt8](data)
        var text: String
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            let bigEndian = bytes[0] == 0xFE
            guard bytes.count % 2 == 0,
                  let decoded = String(data: data.dropFirst(2), encoding: bigEndian ? .utf16BigEndian : .utf16LittleEndian)
            else {
                throw PlainTextError("invalid UTF-16 (the file starts with a UTF-16 byte-order mark)", file: file)
            }
            text = decoded
        } else {
            if let nul = bytes.firstIndex(of: 0) {
                let line = bytes[..<nul].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
                throw PlainTextError("binary data (a NUL byte at byte offset \(nul)): not a text file", file: file, line: line)
            }
            let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
            let offset = bytes.count - body.count
            try validateUTF8(body, byteOffset: offset, file: file)
            text = String(decoding: body, as: UTF8.self)
        }
        if text.unicodeScalars.contains(where: { $0.value == 0 }) {
            throw PlainTextError("binary data (a NUL character): not a text file", file: file,
                                 line: lineNumber(ofFirst: { $0.value == 0 }, in: text))
        }
        if text.contains("\r") {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        if text.allSatisfy(\.isWhitespace) {
            throw PlainTextError("the file holds only white space", file: file)
        }
        return text
    }

    /// Throws at the first byte that is not part of well-formed UTF-8, naming its line, column and byte offset.
    static func validateUTF8(_ bytes: [UInt8], byteOffset: Int, file: String) throws {
        var index = 0
        var line = 1
        var lineStart = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == 0x0A {
                    line += 1
                    lineStart = index + 1
                }
                index += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch byte {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: length = 0
            }
            var valid = length > 0 && index + length <= bytes.count
            if valid {
                for position in 1..<length {
                    let continuation = bytes[index + position]
                    let (low, high) = position == 1 ? (lower, upper) : (UInt8(0x80), UInt8(0xBF))
                    if continuation < low || continuation > high {
                        valid = false
                        break
                    }
                }
            }
            if !valid {
                let column = String(decoding: bytes[lineStart..<index], as: UTF8.self).count + 1
                let hex = String(byte, radix: 16, uppercase: true)
                throw PlainTextError(
                    "invalid UTF-8 at byte offset \(index + byteOffset) (byte 0x\(hex)); save the file as UTF-8",
                    file: file, line: line, column: column)
            }
            index += length
        }
    }

    private static func lineNumber(ofFirst predicate: (Unicode.Scalar) -> Bool, in text: String) -> Int {
        var line = 1
        for scalar in text.unicodeScalars {
            if predicate(scalar) { return line }
            if scalar == "\n" { line += 1 }
        }
        return line
    }
}
