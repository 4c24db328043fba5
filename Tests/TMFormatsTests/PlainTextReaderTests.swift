import Foundation
import TMCore
import Testing
@testable import TMFormats

@Suite struct PlainTextReaderTests {
    @Test func paragraphsAreSplitAtBlankLinesWithTheirLineNumbers() {
        let text = "First line\nsoft wrap\n\n\nSecond\n  \t\nThird\n"
        let paragraphs = PlainTextReader.paragraphs(in: text)
        #expect(paragraphs.map(\.text) == ["First line\nsoft wrap", "Second", "Third"])
        #expect(paragraphs.map(\.line) == [1, 5, 7])
    }

    @Test func byteOrderMarkIsDropped() throws {
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data("Salam.".utf8))
        #expect(try PlainTextReader.decode(data, file: "a.txt") == "Salam.")
    }

    @Test func lineEndsAreNormalised() throws {
        let text = try PlainTextReader.decode(Data("a\r\nb\rc\n".utf8), file: "a.txt")
        #expect(text == "a\nb\nc\n")
    }

    @Test func utf16WithByteOrderMarkIsDecoded() throws {
        var data = Data([0xFF, 0xFE])
        data.append("Qazaxıstan\n".data(using: .utf16LittleEndian) ?? Data())
        #expect(try PlainTextReader.decode(data, file: "a.txt") == "Qazaxıstan\n")
    }

    @Test(arguments: [
        // bytes, expected line, column, byte offset
        ([0x61, 0x0A, 0x62, 0x63, 0xFF], 2, 3, 4),
        ([0xC3, 0x28], 1, 1, 0),  // lead byte followed by a non-continuation byte
        ([0xE2, 0x82], 1, 1, 0),  // truncated three-byte sequence
        ([0xED, 0xA0, 0x80], 1, 1, 0),  // an encoded surrogate
        ([0xC0, 0xAF], 1, 1, 0),  // overlong encoding
        ([0xC3, 0xBC, 0xF5, 0x80], 1, 2, 2),  // ü, then a byte that never starts UTF-8
    ])
    func invalidUTF8IsLocated(bytes: [UInt8], line: Int, column: Int, offset: Int) {
        #expect(throws: PlainTextError.self) { try PlainTextReader.decode(Data(bytes), file: "x.txt") }
        do {
            _ = try PlainTextReader.decode(Data(bytes), file: "x.txt")
        } catch let error as PlainTextError {
            #expect(error.location == InputLocation(file: "x.txt", line: line, column: column))
            #expect(error.message.contains("byte offset \(offset)"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func emptyAndBinaryInputAreRefused() {
        #expect(throws: PlainTextError("the file is empty", file: "e.txt")) {
            try PlainTextReader.decode(Data(), file: "e.txt")
        }
        #expect(throws: PlainTextError.self) { try PlainTextReader.decode(Data([0x50, 0x4B, 0x00, 0x01]), file: "b") }
    }

    @Test func missingFileIsNamed() {
        #expect(throws: PlainTextError("no such file", file: "/nonexistent/tmkit.txt")) {
            try PlainTextReader.paragraphs(atPath: "/nonexistent/tmkit.txt")
        }
    }
}
