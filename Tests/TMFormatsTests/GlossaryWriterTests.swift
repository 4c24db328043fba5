import Foundation
import TMCore
import Testing
@testable import TMFormats

/// A small glossary from the sample article: an acronym and its long form in one entry, inflected variants, an
/// example context, and an entry with characters every format must escape.
func sampleGlossary() -> Glossary {
    Glossary(sourceLanguage: LanguageTag("az")!, targetLanguage: LanguageTag("en")!, entries: [
        TermEntry(
            id: "ktmt", sourceTerms: [
                Term(text: "KTMT", variants: ["KTMT-nin"], administrativeStatus: "preferredTerm-admn-sts"),
                Term(text: "Kollektiv Təhlükəsizlik Alyansı", variants: ["Kollektiv Təhlükəsizlik Alyansına"]),
            ], targetTerms: [
                Term(text: "CSTO", administrativeStatus: "preferredTerm-admn-sts"),
                Term(text: "collective security alliance"),
            ], frequency: 6, confidence: 0.9,
            example: (source: "İlk dəfədir ki, KTMT-nin hər hansı üzvü 4-cü maddəyə istinad edir.",
                      target: "It was the first time that Article 4 was cited by any CSTO member.")),
        TermEntry(
            id: "2", sourceTerms: [Term(text: "Qazaxıstan", variants: ["Qazaxıstanda", "Qazaxıstandakı"])],
            targetTerms: [Term(text: "Kazakhstan")], frequency: 7, confidence: 0.95),
        TermEntry(
            id: "escape me", sourceTerms: [Term(text: "A & B <\"x\">, 'y'\t😀")],
            targetTerms: [Term(text: "A&B, \"quoted\"\nline")], note: "note, with \"quotes\"\nand a line break"),
    ])
}

@Suite struct GlossaryWriterTests {
    func written(_ format: GlossaryFormat) throws -> (path: String, text: String) {
        let path = try Fixtures.temporaryDirectory() + "/Glossaries/sample." + format.fileExtension
        try format.write(sampleGlossary(), to: path, title: "sample")
        return (path, try Fixtures.text(path))
    }

    @Test func tbxV2MatchesGoldAndValidates() throws {
        let (path, text) = try written(.tbx)
        try Fixtures.expectMatchesGold(text, "sample-glossary.tbx.gold")
        #expect(SchemaValidator.dtdProblems(file: path, dtd: Fixtures.schema("tbx-v2-default/TBXcoreStructV02.dtd")) == [])
        #expect(SchemaValidator.relaxNGProblems(file: path, schema: Fixtures.schema("tbx-v2-basic/TBXBasicRNGV02.rng")) == [])
    }

    @Test func tbxV2KeepsAcronymAndLongFormInOneEntry() throws {
        let text = try written(.tbx).text
        #expect(text.components(separatedBy: "<termEntry ").count - 1 == 3)
        let first = text.components(separatedBy: "</termEntry>")[0]
        #expect(first.contains("<term>KTMT</term>"))
        #expect(first.contains("<term>Kollektiv Təhlükəsizlik Alyansı</term>"))
        #expect(first.contains("<termNote type=\"termType\">acronym</termNote>"))
        #expect(first.contains("<termNote type=\"termType\">fullForm</termNote>"))
        #expect(first.contains("<termNote type=\"administrativeStatus\">preferredTerm-admn-sts</termNote>"))
        #expect(first.contains("<descrip type=\"context\">İlk dəfədir ki, KTMT-nin"))
    }

    @Test func tbxV3MatchesGoldAndValidates() throws {
        let (path, text) = try written(.tbx3)
        try Fixtures.expectMatchesGold(text, "sample-glossary-v3.tbx.gold")
        #expect(SchemaValidator.relaxNGProblems(
            file: path, schema: Fixtures.schema("tbx-v3-basic/TBXcoreStructV03_TBX-Basic_integrated.rng")) == [])
    }

    @Test func tsvMatchesGold() throws {
        let (path, text) = try written(.tsv)
        #expect(path.hasSuffix(".txt"))
        try Fixtures.expectMatchesGold(text, "sample-glossary.txt.gold")
        let lines = text.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines.allSatisfy { $0.split(separator: "\t").count >= 2 })
        #expect(lines.last == "A & B <\"x\">, 'y' 😀\tA&B, \"quoted\" line\tnote, with \"quotes\" and a line break")
    }

    @Test func csvMatchesGold() throws {
        let text = try written(.csv).text
        try Fixtures.expectMatchesGold(text, "sample-glossary.csv.gold")
        #expect(text.hasPrefix("az,en,note\r\n"))
        #expect(text.contains("\"A&B, \"\"quoted\"\" line\",\"note, with \"\"quotes\"\"\nand a line break\"\r\n"))
    }

    @Test(arguments: [("KTMT", true), ("CSTO", true), ("NATO-nun", false), ("Qazaxıstan", false), ("A", false),
                      ("Kollektiv Alyans", false)])
    func acronyms(text: String, isAcronym: Bool) {
        #expect(TermType.isAcronym(text) == isAcronym)
    }
}
