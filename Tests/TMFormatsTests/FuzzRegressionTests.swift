import Foundation
import Testing
import TMCore
import TMFormats

/// Inputs found by fuzzing (`Fuzz/README.md`) under `Tests/Fixtures/formats/fuzz-regressions/READER/`, run through
/// the same reader calls as the fuzz target: each must be read or rejected with a located error naming the file,
/// never crash or hang. Each folder also holds hand-made hostile inputs of the same kinds.
@Suite struct FuzzRegressionTests {
    static let directory = URL(fileURLWithPath: Fixtures.formats("fuzz-regressions"))

    /// Every `READER/FILE` below the folder.
    static let cases: [String] = {
        let readers = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return readers.sorted().flatMap { reader -> [String] in
            let folder = directory.appendingPathComponent(reader)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue
            else { return [] }
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return files.sorted().filter { !$0.hasPrefix(".") }.map { reader + "/" + $0 }
        }
    }()

    @Test func everyReaderHasRegressionInputs() {
        let readers = Set(Self.cases.map { String($0.split(separator: "/")[0]) })
        #expect(readers == ["tmx", "tbx", "xliff", "po", "tsv", "csv", "text", "srx"])
    }

    @Test(arguments: cases)
    func readsOrRejectsWithALocatedError(_ name: String) throws {
        let reader = String(name.split(separator: "/")[0])
        let bytes = try [UInt8](Data(contentsOf: Self.directory.appendingPathComponent(name)))
        let file = "case-input"
        var errors: [String] = []
        func record(_ body: () throws -> Void) {
            do { try body() } catch { errors.append("\(error)") }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        switch reader {
        case "tmx":
            record {
                var tmx = try TMXReader(contents: bytes, path: file)
                while try tmx.next() != nil {}
            }
        case "tbx":
            record { _ = try TBXReader.read(contents: bytes, path: file) }
        case "xliff":
            record { _ = try XLIFFReader.translationUnits(contents: bytes, path: file) }
        case "po":
            record { _ = try POReader.translationUnits(text: text, path: file) }
        case "tsv":
            let english = try #require(LanguageTag("en"))
            let azerbaijani = try #require(LanguageTag("az"))
            record {
                var reader = DelimitedTextGlossaryReader(sourceLanguage: english, targetLanguage: azerbaijani)
                reader.groupsBySource = false
                _ = try reader.read(text, file: file)
            }
            record { _ = try DelimitedTextGlossaryReader().read(text, file: file) }
            record { _ = try DelimitedTextUnitReader().read(text, file: file) }
        case "csv":
            record { _ = try DelimitedTextGlossaryReader(delimiter: ";").read(text, file: file) }
            record { _ = try DelimitedTextGlossaryReader(delimiter: ",").read(text, file: file) }
        case "text":
            record { _ = PlainTextReader.paragraphs(in: try PlainTextReader.decode(Data(bytes), file: file)) }
        case "srx":
            record { _ = try SRXReader.read(bytes: bytes, file: file) }
        default:
            Issue.record("unknown reader folder '\(reader)'")
        }
        for error in errors {
            #expect(error.hasPrefix(file), "an error names the file: \(error)")
            #expect(!error.contains("\n"), "an error is one line: \(error)")
        }
    }
}
