import Foundation
import TMCore
import Testing
@testable import TMFormats

/// The conformance suite every reader/writer pair of TMFormats passes: what is written comes back unchanged.
/// Cases: characters that need escaping, language tags with script and region, empty and source-only units,
/// inline codes, very long segments, characters outside the Basic Multilingual Plane.
@Suite struct CodecConformanceTests {
    static let hard = "<b> & </b> \"quoted\" 'apostrophe' &amp; ]]> 😀 👩🏽‍💻 𝄞 e\u{301} ﷺ \u{A0}no-break"
    static let long = String(repeating: "Qazaxıstan 😀 <&> ", count: 12_000) + "son"

    // MARK: translation units through TMX

    struct UnitCase: CustomTestStringConvertible, Sendable {
        var name: String
        var source: String
        var target: String
        var sourceLanguage: String = "az"
        var targetLanguage: String = "en"
        var testDescription: String { name }
    }

    static let unitCases: [UnitCase] = [
        UnitCase(name: "escaping", source: hard, target: "a < b && c > d"),
        UnitCase(name: "script and region tags", source: "Добар дан", target: "你好", sourceLanguage: "sr-Latn-RS",
                 targetLanguage: "zh-Hans-CN"),
        UnitCase(name: "numeric region", source: "hola", target: "olá", sourceLanguage: "es-419",
                 targetLanguage: "pt-BR"),
        UnitCase(name: "source only", source: "Yalnız mənbə.", target: ""),
        UnitCase(name: "empty", source: "", target: ""),
        UnitCase(name: "very long", source: long, target: long.uppercased()),
        UnitCase(name: "non-BMP", source: "😀𝄞🀄", target: "🇦🇿 🇬🇧"),
    ]

    @Test(arguments: unitCases)
    func translationUnitsThroughTMX(_ testCase: UnitCase) throws {
        let source = try #require(LanguageTag(testCase.sourceLanguage))
        let target = try #require(LanguageTag(testCase.targetLanguage))
        let units = [
            TranslationUnit(id: "u-1 <&>\"'", source: testCase.source, target: testCase.target,
                            sourceLanguage: source, targetLanguage: target, confidence: 0.75,
                            properties: [.init("x-document", Self.hard), .init("x-source-paragraphs", "3-4")]),
            TranslationUnit(id: "u-2", source: "ikinci", target: "second", sourceLanguage: source,
                            targetLanguage: target),
        ]
        let path = try Fixtures.temporaryDirectory() + "/units.tmx"
        var writer = try TMXWriter(path: path, header: TMXHeader(sourceLanguage: source, creationToolVersion: "0"))
        for unit in units { try writer.write(unit) }
        try writer.finish()
        let back = try TMXReader.translationUnits(path: path, sourceLanguage: source, targetLanguage: target)
        #expect(back == units)
        #expect(SchemaValidator.dtdProblems(file: path, dtd: Fixtures.schema("tmx/tmx14.dtd")) == [])
    }

    @Test func tmxUnitsWithInlineCodesAndMetadata() throws {
        let unit = TMXUnit(
            id: "x", attributes: [TMXAttribute("creationdate", "20240101T000000Z"), TMXAttribute("usagecount", "2")],
            properties: [TMXProperty(type: "x-a", value: Self.hard), TMXProperty(type: "x-b", value: "b", language: "en")],
            notes: ["note <&>", "second note 😀"],
            variants: [
                TMXUnit.Variant(
                    language: LanguageTag("en-GB")!,
                    segment: TMXSegment(
                        markup: "Click <bpt i=\"1\" type=\"bold\">&lt;b&gt;</bpt>Save<ept i=\"1\">&lt;/b&gt;</ept>"
                            + "<ph x=\"2\">{0}</ph> 😀 <hi type=\"em\">now</hi> <it pos=\"end\">&lt;/i&gt;</it>"
                            + "<ut>\\par</ut> <bpt i=\"3\">&lt;a href=\"<sub>x</sub>\"&gt;</bpt>",
                        text: "Click Save 😀 now  "),
                    attributes: [TMXAttribute("creationid", "me")],
                    properties: [TMXProperty(type: "x-c", value: "c")], notes: ["variant note"]),
                TMXUnit.Variant(language: LanguageTag("az")!, segment: TMXSegment(text: "Saxla")),
            ])
        let header = TMXHeader(
            sourceLanguage: "en-GB", creationTool: "tool", creationToolVersion: "1", segmentType: "sentence",
            originalFormat: "x", adminLanguage: "en-US", dataType: "xml", creationDate: "20240101T000000Z",
            otherAttributes: [TMXAttribute("o-encoding", "UTF-8")], properties: [TMXProperty(type: "p", value: "v")],
            notes: ["header <&>"])
        let path = try Fixtures.temporaryDirectory() + "/rich.tmx"
        var writer = try TMXWriter(path: path, header: header)
        try writer.write(unit)
        try writer.finish()
        let (headerBack, unitsBack, warnings) = try TMXReader.read(path: path)
        #expect(headerBack == header)
        #expect(unitsBack == [unit])
        #expect(warnings.isEmpty)
        #expect(SchemaValidator.dtdProblems(file: path, dtd: Fixtures.schema("tmx/tmx14.dtd")) == [])
    }

    // MARK: glossaries

    static func conformanceGlossary() -> Glossary {
        Glossary(sourceLanguage: LanguageTag("az")!, targetLanguage: LanguageTag("en-GB")!, entries: [
            TermEntry(id: "e1", sourceTerms: [
                Term(text: "KTMT", variants: ["KTMT-nin", "KTMT-yə"], administrativeStatus: "preferredTerm-admn-sts"),
                Term(text: "Kollektiv Təhlükəsizlik Alyansı"),
            ], targetTerms: [Term(text: "CSTO"), Term(text: "Collective Security Treaty Organization",
                                                       administrativeStatus: "admittedTerm-admn-sts")],
            example: (source: "KTMT-nin <&> \"üzvü\"", target: "a CSTO 'member' 😀"), note: "note <&> \"x\" 'y'"),
            TermEntry(id: "e2", sourceTerms: [Term(text: "A & B <C> \"D\" 'E' 😀𝄞")],
                      targetTerms: [Term(text: "ﷺ e\u{301} 👩🏽‍💻")]),
            TermEntry(id: "e3", sourceTerms: [Term(text: long.prefix(5000).description + "x")],
                      targetTerms: [Term(text: "long")]),
            TermEntry(id: "e4", sourceTerms: [Term(text: "yalnız mənbə")], targetTerms: []),
        ])
    }

    @Test(arguments: [TBXWriter.Version.v2, .v3])
    func glossaryThroughTBX(_ version: TBXWriter.Version) throws {
        let glossary = Self.conformanceGlossary()
        let path = try Fixtures.temporaryDirectory() + "/g.tbx"
        try TBXWriter.write(glossary, to: path, version: version)
        let back = try TBXReader.read(path: path)
        #expect(back == glossary)
        #expect(back.entries.map(\.example?.source) == glossary.entries.map(\.example?.source))
        #expect(back.entries.map(\.example?.target) == glossary.entries.map(\.example?.target))
    }

    /// The flat formats hold one source term, one target term and a comment per row.
    static func flatGlossary() -> Glossary {
        Glossary(sourceLanguage: LanguageTag("az")!, targetLanguage: LanguageTag("en")!, entries: [
            TermEntry(id: "1", sourceTerms: [Term(text: "Qazaxıstan")], targetTerms: [Term(text: "Kazakhstan")]),
            TermEntry(id: "2", sourceTerms: [Term(text: "A & B, <C> \"D\" 'E' 😀𝄞")],
                      targetTerms: [Term(text: "ﷺ e\u{301} 👩🏽‍💻, \"x\"")], note: "note, \"quoted\" 😀"),
            TermEntry(id: "3", sourceTerms: [Term(text: long.prefix(5000).description + "x")],
                      targetTerms: [Term(text: "long")]),
        ])
    }

    static func rows(_ glossary: Glossary) -> [[String]] {
        glossary.entries.map { [$0.sourceTerms.map(\.text).joined(), $0.targetTerms.map(\.text).joined(), $0.note ?? ""] }
    }

    @Test func glossaryThroughTSV() throws {
        let glossary = Self.flatGlossary()
        let text = GlossaryTSVWriter.render(glossary)
        var reader = DelimitedTextGlossaryReader(
            delimiter: "\t", sourceLanguage: glossary.sourceLanguage, targetLanguage: glossary.targetLanguage)
        reader.groupsBySource = false
        let back = try reader.read(text, file: "g.txt")
        #expect(Self.rows(back) == Self.rows(glossary))
    }

    @Test func glossaryThroughCSV() throws {
        var glossary = Self.flatGlossary()
        glossary.entries[1].note = "note, \"quoted\"\nover two lines 😀"
        let text = GlossaryCSVWriter.render(glossary)
        var reader = DelimitedTextGlossaryReader(delimiter: ",")
        reader.groupsBySource = false
        let back = try reader.read(text, file: "g.csv")
        #expect(back.sourceLanguage == glossary.sourceLanguage)
        #expect(back.targetLanguage == glossary.targetLanguage)
        #expect(Self.rows(back) == Self.rows(glossary))
    }

    @Test func csvReaderErrorsAreLocated() throws {
        let error = #expect(throws: DelimitedTextError.self) {
            _ = try DelimitedTextGlossaryReader(delimiter: ",").read("az,en\r\na,b\r\n\"open,c\r\n", file: "g.csv")
        }
        #expect(error?.description == "g.csv:3: a quoted field is never closed")
    }
}
