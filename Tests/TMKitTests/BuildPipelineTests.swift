import Foundation
import TMCore
import TMFormats
import Testing
@testable import TMKit

@Suite struct BuildPipelineTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let sample = root.appendingPathComponent("Examples/kazakhstan-az-en.txt").path

    @Test func sampleIsSplitIntoEightAzerbaijaniAndNineEnglishParagraphs() throws {
        let (document, note) = try DocumentLoader.load(BuildOptions(input: Self.sample))
        #expect(document.sourceLanguage.description == "az")
        #expect(document.targetLanguage.description == "en")
        #expect(document.sourceParagraphs.count == 8)
        #expect(document.targetParagraphs.count == 9)
        #expect(document.targetParagraphs.first?.line == 17)
        #expect(document.name == "kazakhstan-az-en")
        #expect(note.contains("translation from line 17"))
    }

    @Test func sampleParagraphsAlignOneToTwoThenOneToOne() throws {
        let (document, _) = try DocumentLoader.load(BuildOptions(input: Self.sample))
        let (_, _, alignment) = SentenceStage.align(document)
        #expect(alignment.paragraphBeads.map(\.beadNotation) == [
            "[0]:[0, 1]", "[1]:[2]", "[2]:[3]", "[3]:[4]", "[4]:[5]", "[5]:[6]", "[6]:[7]", "[7]:[8]",
        ])
        #expect(alignment.pairs.count == 17)
        #expect(alignment.pairs.allSatisfy { $0.sourceSentences.count == 1 && $0.targetSentences.count == 1 })
    }

    @Test func forcedLanguagesAreUsed() throws {
        var options = BuildOptions(input: Self.sample)
        options.sourceLanguage = LanguageTag("az-Latn")
        options.targetLanguage = LanguageTag("en-GB")
        let (document, note) = try DocumentLoader.load(options)
        #expect(document.sourceLanguage.description == "az-Latn")
        #expect(document.targetLanguage.description == "en-GB")
        #expect(document.sourceParagraphs.count == 8)
        #expect(note.contains("given"))
    }

    @Test func unitsCarryDocumentParagraphsAndScore() throws {
        let (document, _) = try DocumentLoader.load(BuildOptions(input: Self.sample))
        let (_, _, alignment) = SentenceStage.align(document)
        let units = UnitBuilder.units(for: document, pairs: alignment.pairs)
        let second = try #require(units.dropFirst().first)
        #expect(second.id == "2")
        #expect(second.property(UnitBuilder.PropertyName.document) == "kazakhstan-az-en")
        #expect(second.property(UnitBuilder.PropertyName.sourceParagraphs) == "1")
        #expect(second.property(UnitBuilder.PropertyName.targetParagraphs) == "2")
        #expect(second.confidence != nil)
    }

    @Test func softLineBreaksBecomeSpaces() {
        #expect(SentenceStage.collapseWhitespace("One\nsentence  across\t lines") == "One sentence across lines")
        #expect(SentenceStage.collapseWhitespace("5\u{00A0}800 people") == "5\u{00A0}800 people")
    }

    @Test func nothingIsWrittenWhenTheInputFails() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tmkit-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("one.txt")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try "Only English here.\n\nAnd more English text in this paragraph.\n".write(
            to: input, atomically: true, encoding: .utf8)
        var options = BuildOptions(input: input.path)
        options.tmxDirectory = directory.appendingPathComponent("Exports").path
        options.glossaryDirectory = directory.appendingPathComponent("Glossaries").path
        #expect(throws: (any Error).self) { try BuildPipeline.run(options) }
        #expect(!FileManager.default.fileExists(atPath: options.tmxDirectory))
        #expect(!FileManager.default.fileExists(atPath: options.glossaryDirectory))
    }
}
