import Foundation
import TMCore
import Testing
@testable import TMFormats

@Suite struct TMXWriterTests {
    let az = LanguageTag("az")!
    let en = LanguageTag("en")!

    func sampleUnits() throws -> [TranslationUnit] {
        try Fixtures.samplePairs().enumerated().map { index, pair in
            TranslationUnit(
                id: "kazakhstan-\(index + 1)", source: pair.0, target: pair.1, sourceLanguage: az, targetLanguage: en,
                confidence: 0.9 + Double(index % 10) / 100,
                properties: [.init("x-document", "kazakhstan-az-en"), .init("x-source-paragraphs", "1"),
                             .init("x-target-paragraphs", "1")]
            )
        }
    }

    func write(_ units: [TranslationUnit], to path: String, date: String? = "20220111T120000Z") throws {
        var writer = try TMXWriter(path: path, header: TMXHeader(
            sourceLanguage: az, creationToolVersion: "0.1.0", creationDate: date))
        for unit in units { try writer.write(unit) }
        try writer.finish()
    }

    @Test func sampleMatchesGoldAndIsValidAgainstTheDTD() throws {
        let directory = try Fixtures.temporaryDirectory()
        let path = directory + "/Exports/kazakhstan.tmx"
        try write(sampleUnits(), to: path)
        try Fixtures.expectMatchesGold(Fixtures.text(path), "kazakhstan-az-en.tmx.gold")
        #expect(SchemaValidator.dtdProblems(file: path, dtd: Fixtures.schema("tmx/tmx14.dtd")) == [])
        #expect(Fixtures.files(in: directory + "/Exports") == ["kazakhstan.tmx"])
    }

    @Test func headerHasAllSevenAttributesAndTheDate() throws {
        let path = try Fixtures.temporaryDirectory() + "/h.tmx"
        try write([], to: path)
        let text = try Fixtures.text(path)
        for attribute in ["creationtool=\"tmkit\"", "creationtoolversion=\"0.1.0\"", "segtype=\"sentence\"",
                          "o-tmf=\"tmkit\"", "adminlang=\"en-US\"", "srclang=\"az\"", "datatype=\"plaintext\"",
                          "creationdate=\"20220111T120000Z\""] {
            #expect(text.contains(attribute), "missing \(attribute)")
        }
    }

    @Test func sameInputGivesSameBytes() throws {
        let directory = try Fixtures.temporaryDirectory()
        let date = TMXTimestamp.now(environment: ["SOURCE_DATE_EPOCH": "1641902400"])
        #expect(date == "20220111T120000Z")
        try write(sampleUnits(), to: directory + "/a.tmx", date: date)
        try write(sampleUnits(), to: directory + "/b.tmx", date: date)
        #expect(try Fixtures.text(directory + "/a.tmx") == Fixtures.text(directory + "/b.tmx"))
    }

    @Test(arguments: [
        (Int64(0), "19700101T000000Z"), (951_782_400, "20000229T000000Z"), (1_641_902_400, "20220111T120000Z"),
        (-1, "19691231T235959Z"), (4_102_444_799, "20991231T235959Z"),
    ])
    func timestamps(seconds: Int64, expected: String) {
        #expect(TMXTimestamp.format(epochSeconds: seconds) == expected)
    }

    @Test func segmentsAreCleanedAndEscaped() throws {
        let path = try Fixtures.temporaryDirectory() + "/c.tmx"
        let unit = TranslationUnit(
            id: "1", source: "  A\u{1}B \t<&>\"'\n\n C\u{7F}\u{85}\u{A0}%  ", target: "x", sourceLanguage: az,
            targetLanguage: LanguageTag("en_us")!)
        try write([unit], to: path)
        let text = try Fixtures.text(path)
        #expect(text.contains("<seg>AB &lt;&amp;&gt;&quot;' C\u{A0}%</seg>"))
        #expect(text.contains("<tuv xml:lang=\"en-US\">"))
    }

    @Test func scoreAndPropertiesInOrder() throws {
        let path = try Fixtures.temporaryDirectory() + "/p.tmx"
        let unit = TranslationUnit(
            id: "7", source: "a", target: "b", sourceLanguage: az, targetLanguage: en, confidence: 0.968,
            properties: [.init("x-document", "doc"), .init("x-source-paragraphs", "2-3")])
        try write([unit], to: path)
        let text = try Fixtures.text(path)
        let expected = """
            <tu tuid="7" creationdate="20220111T120000Z">
                  <prop type="x-document">doc</prop>
                  <prop type="x-source-paragraphs">2-3</prop>
                  <prop type="x-alignment-score">0.97</prop>
                  <tuv xml:lang="az">
                    <seg>a</seg>
                  </tuv>
            """
        #expect(text.contains(expected))
    }

    @Test func failureLeavesNoFile() throws {
        let directory = try Fixtures.temporaryDirectory()
        do {
            var writer = try TMXWriter(path: directory + "/x.tmx", header: TMXHeader(
                sourceLanguage: az, creationToolVersion: "0.1.0", creationDate: nil))
            try writer.write(sampleUnits()[0])
            _ = consume writer  // dropped without finish(), as when an error interrupts the pipeline
        }
        #expect(Fixtures.files(in: directory) == [])
    }
}
