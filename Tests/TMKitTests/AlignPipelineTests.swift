import Foundation
import TMCore
import TMFormats
import Testing
@testable import TMKit

/// End-to-end checks of `tmkit align`'s pipeline on the sample article (fixtures in `Tests/Fixtures/align/`).
@Suite struct AlignPipelineTests {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/align")
    let az = fixtures.appendingPathComponent("kazakhstan-az.sentences").path
    let en = fixtures.appendingPathComponent("kazakhstan-en.sentences").path

    private func pipeline(_ source: String, _ target: String) -> AlignPipeline {
        AlignPipeline(
            sourcePath: source, targetPath: target, sourceLanguage: LanguageTag("az")!,
            targetLanguage: LanguageTag("en")!, presegmented: true)
    }

    private func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("align-\(UUID().uuidString).txt")
        try Data(bytes).write(to: url)
        return url.path
    }

    @Test func beadsAreOneToOneForTheSample() throws {
        let run = pipeline(az, en)
        let text = try run.render(run.run(), format: .beads)
        #expect(text == (0..<17).map { "[\($0)]:[\($0)]\n" }.joined())
    }

    @Test func jsonlCarriesSentenceAndParagraphIndices() throws {
        let run = pipeline(az, en)
        let lines = try run.render(run.run(), format: .jsonl).split(separator: "\n")
        #expect(lines.count == 17)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(lines[5].utf8)) as? [String: Any])
        #expect(object["source"] as? String == "rəsmilər 5800 nəfərin həbs edildiyini bildirib.")
        #expect(object["target"] as? String == "Authorities say 5,800 people have been detained.")
        #expect(object["sourceSentences"] as? [Int] == [5])
        #expect(object["targetSentences"] as? [Int] == [5])
        #expect(object["sourceParagraphs"] as? [Int] == [2])
        #expect(object["targetParagraphs"] as? [Int] == [3])
        #expect((object["score"] as? Double).map { (0...1).contains($0) } == true)
    }

    @Test func translationUnitsAreBuiltForTheTMXWriter() throws {
        let result = try pipeline(az, en).run()
        #expect(result.translationUnits.count == 17)
        #expect(result.translationUnits[1].property("x-source-paragraphs") == "1")
        #expect(result.translationUnits[1].property("x-target-paragraphs") == "2")
        #expect(result.translationUnits.first?.sourceLanguage.description == "az")
    }

    @Test func invalidUTF8IsReportedWithLineAndColumn() throws {
        let bad = try temporaryFile(Array("Salam.\nNecə".utf8) + [0xFF] + Array("sən?\n".utf8))
        do {
            _ = try pipeline(bad, en).run()
            Issue.record("invalid UTF-8 was accepted")
        } catch {
            #expect(error.location == InputLocation(file: bad, line: 2, column: 5))
            #expect(error.message.contains("invalid UTF-8"))
        }
    }

    @Test func emptySideIsAnError() throws {
        let empty = try temporaryFile(Array("\n\n".utf8))
        #expect(throws: AlignPipelineError(
            location: InputLocation(file: empty), message: "the file holds only white space")
        ) { try pipeline(az, empty).run() }
    }

    @Test func tmxIsWrittenWithOneUnitPerPair() throws {
        let run = pipeline(az, en)
        let result = try run.run()
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("align-\(UUID().uuidString).tmx")
        defer { try? FileManager.default.removeItem(at: url) }
        try run.write(result, format: .tmx, to: url.path)
        let tmx = try String(contentsOf: url, encoding: .utf8)
        #expect(tmx.components(separatedBy: "<tu ").count - 1 == result.translationUnits.count)
        #expect(tmx.components(separatedBy: "x-alignment-score").count - 1 == result.translationUnits.count)
    }

    @Test(arguments: [
        "one\ntwo\n\nthree\n", "\n\n  \nfirst line\n \t \nsecond\nthird\n\n\n", "no newline at the end",
        "a\u{00A0}b\n\u{3000}\nc  \n\n", "  indented\n\ttabbed\n",
    ])
    func paragraphsSplitLikeThePlainTextReader(text: String) {
        let split = AlignPipeline.splitParagraphs(text)
        #expect(split == PlainTextReader.paragraphs(in: text))
    }

    @Test func sampleHasNoWarnings() throws {
        let result = try pipeline(az, en).run()
        #expect(result.warnings == [])
    }

    @Test func unrelatedTargetIsWarnedAbout() throws {
        let unrelated = Self.fixtures.appendingPathComponent("unrelated-en.sentences").path
        let result = try pipeline(az, unrelated).run()
        #expect(result.warnings.contains { $0.contains("does not look like a translation") })
    }
}

@Test func outputReplacesAnExistingFile() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("align-out-\(UUID().uuidString).tsv")
    defer { try? FileManager.default.removeItem(at: url) }
    let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/align")
    let run = try AlignPipeline(
        sourcePath: fixtures.appendingPathComponent("kazakhstan-az.sentences").path,
        targetPath: fixtures.appendingPathComponent("kazakhstan-en.sentences").path,
        sourceLanguage: #require(LanguageTag("az")), targetLanguage: #require(LanguageTag("en")), presegmented: true)
    try "old contents\n".write(to: url, atomically: false, encoding: .utf8)
    try run.write(try run.run(), format: .tsv, to: url.path)
    let text = try String(contentsOf: url, encoding: .utf8)
    #expect(!text.contains("old contents"))
    #expect(text.split(separator: "\n").count == 17)
}
