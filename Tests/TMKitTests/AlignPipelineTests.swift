import Foundation
import TMCore
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
        #expect(result.translationUnits[1].property("x-source-paragraph") == "1")
        #expect(result.translationUnits[1].property("x-target-paragraph") == "2")
        #expect(result.translationUnits.first?.sourceLanguage.description == "az")
    }

    @Test func invalidUTF8IsReportedWithLineAndColumn() throws {
        let bad = try temporaryFile(Array("Salam.\nNecə".utf8) + [0xFF] + Array("sən?\n".utf8))
        #expect(throws: AlignPipelineError(
            location: InputLocation(file: bad, line: 2, column: 5), message: "the file is not valid UTF-8")
        ) { try pipeline(bad, en).run() }
    }

    @Test func emptySideIsAnError() throws {
        let empty = try temporaryFile(Array("\n\n".utf8))
        #expect(throws: AlignPipelineError(
            location: InputLocation(file: empty, line: 1, column: 1), message: "the file has no text to align")
        ) { try pipeline(az, empty).run() }
    }

    @Test func tmxIsNotYetAvailable() throws {
        let run = pipeline(az, en)
        let result = try run.run()
        #expect(throws: AlignPipelineError.self) { try run.render(result, format: .tmx) }
    }

    @Test func unrelatedTargetIsWarnedAbout() throws {
        let unrelated = Self.fixtures.appendingPathComponent("unrelated-en.sentences").path
        let result = try pipeline(az, unrelated).run()
        #expect(result.warnings.contains { $0.contains("does not look like a translation") })
    }
}

@Test func outputReplacesAnExistingFile() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("align-out-\(UUID().uuidString).tsv")
    try AlignPipeline.write("first\n", to: url.path)
    try AlignPipeline.write("second\n", to: url.path)
    #expect(try String(contentsOf: url, encoding: .utf8) == "second\n")
}
