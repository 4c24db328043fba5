import Foundation
import TMCore
import Testing
@testable import TMFormats

@Suite struct TMXReaderTests {
    @Test func readsTheSampleBackAsTranslationUnits() throws {
        let units = try TMXReader.translationUnits(path: Fixtures.formats("kazakhstan-az-en.tmx.gold"))
        let pairs = try Fixtures.samplePairs()
        #expect(units.count == 17)
        #expect(units.map(\.source) == pairs.map(\.0))
        #expect(units.map(\.target) == pairs.map(\.1))
        #expect(units[0].id == "kazakhstan-1")
        #expect(units[0].sourceLanguage.description == "az")
        #expect(units[0].targetLanguage.description == "en")
        #expect(units[0].confidence == 0.9)
        #expect(units[0].properties.map(\.name) == ["x-document", "x-source-paragraphs", "x-target-paragraphs"])
    }

    @Test func keepsInlineCodesPropsNotesAndAttributes() throws {
        let (header, units, warnings) = try TMXReader.read(path: Fixtures.formats("inline-codes.tmx"))
        #expect(header.sourceLanguage == "en-US")
        #expect(header.creationTool == "Okapi")
        #expect(header.otherAttributes == [TMXAttribute("o-encoding", "UTF-8")])
        #expect(header.properties == [TMXProperty(type: "x-project", value: "demo")])
        #expect(header.notes == ["header note"])
        #expect(units.count == 2)
        let unit = units[0]
        #expect(unit.id == "bold-1")
        #expect(unit.attributes == [TMXAttribute("creationdate", "20200101T000000Z"), TMXAttribute("usagecount", "3")])
        #expect(unit.notes == ["a unit note"])
        #expect(unit.properties == [TMXProperty(type: "x-document", value: "help.html")])
        let source = unit.variants[0]
        #expect(source.language.description == "en-US")
        #expect(source.attributes == [TMXAttribute("creationid", "ann")])
        #expect(source.properties == [TMXProperty(type: "x-context", value: "menu")])
        #expect(source.segment.hasInlineCodes)
        #expect(source.segment.text == "Press OK now and read this & that link.")
        #expect(source.segment.markup.hasPrefix("Press <bpt i=\"1\" x=\"1\">&lt;b&gt;</bpt>OK<ept i=\"1\">&lt;/b&gt;</ept>"))
        #expect(source.segment.markup.contains("<bpt i=\"3\">&lt;a title=\"<sub>Tip</sub>\"&gt;</bpt>"))
        #expect(unit.variants[1].language.description == "az")
        #expect(unit.variants[1].segment.text == "OK düyməsini basın")
        #expect(units[1].id == nil)
        #expect(units[1].variants.count == 1)
        // en_US and AZ were normalised, each reported once with its line.
        #expect(warnings.map(\.description) == [
            Fixtures.formats("inline-codes.tmx") + ":3: srclang 'en_US' read as 'en-US'",
            Fixtures.formats("inline-codes.tmx") + ":11: language 'en_US' read as 'en-US'",
            Fixtures.formats("inline-codes.tmx") + ":15: language 'AZ' read as 'az'",
        ])
    }

    @Test func inlineCodesAreWrittenBackUnchanged() throws {
        let input = Fixtures.formats("inline-codes.tmx")
        let (header, units, _) = try TMXReader.read(path: input)
        let output = try Fixtures.temporaryDirectory() + "/copy.tmx"
        var writer = try TMXWriter(path: output, header: header)
        for unit in units { try writer.write(unit) }
        try writer.finish()
        let (header2, units2, warnings2) = try TMXReader.read(path: output)
        #expect(header2 == header)
        #expect(units2 == units)
        #expect(warnings2.isEmpty)
        let original = try Fixtures.text(input)
        let copy = try Fixtures.text(output)
        let markup = units[0].variants[0].segment.markup
        #expect(original.contains("<seg>" + markup + "</seg>"))
        #expect(copy.contains("<seg>" + markup + "</seg>"))
        #expect(SchemaValidator.dtdProblems(file: output, dtd: Fixtures.schema("tmx/tmx14.dtd")) == [])
    }

    /// The markup of a segment with every kind of node, as libxml2's `xmlNodeDump` wrote it when the reader built a
    /// tree (the expected strings are that reader's output): empty elements as `<ph/>`, attribute values and text
    /// escaped as libxml2 does, CDATA, comments, processing instructions and namespace declarations kept.
    @Test func inlineMarkupEdgeCases() throws {
        let (_, units, _) = try TMXReader.read(path: Fixtures.formats("inline-edge-cases.tmx"))
        #expect(units.count == 2)
        let mixed = units[0].variants[0].segment
        #expect(mixed.markup == "A <ph x=\"é&#10;&#9;&quot;&lt;&gt;&amp;'\">é</ph> <![CDATA[c<d]]> <!-- com --> "
            + "<?pi data?> &#13; b <hi>x<ph/></hi><ph/><x:foo xmlns:x=\"urn:a\" x:y=\"1\">z</x:foo>")
        #expect(mixed.text == "A  c<d   \r b xz")
        #expect(mixed.hasInlineCodes)
        let carriageReturn = units[1].variants[0].segment
        #expect(carriageReturn.text == "plain \r cr")
        #expect(carriageReturn.markup == "plain &#13; cr")
        #expect(!carriageReturn.hasInlineCodes)
    }

    @Test func deepNestingIsALocatedError() throws {
        let depth = 300
        let seg = String(repeating: "<hi>", count: depth) + "x" + String(repeating: "</hi>", count: depth)
        let text = "<tmx version=\"1.4\"><header srclang=\"en\"/><body>\n<tu><tuv xml:lang=\"en\"><seg>"
            + seg + "</seg></tuv></tu></body></tmx>"
        let error = #expect(throws: FormatError.self) {
            var reader = try TMXReader(contents: Array(text.utf8), path: "deep.tmx")
            while try reader.next() != nil {}
        }
        #expect(error?.description == "deep.tmx:2: elements nested more than 256 deep")
    }

    @Test func externalEntityIsNeverResolved() throws {
        let error = #expect(throws: FormatError.self) {
            _ = try TMXReader.read(path: Fixtures.formats("xxe.tmx"))
        }
        #expect(error?.description.contains("root:") == false)
        #expect(error?.message.contains("entity reference &x;") == true)
    }

    @Test func billionLaughsNeverExpands() throws {
        var text = ""
        do {
            let units = try TMXReader.translationUnits(path: Fixtures.formats("billion-laughs.tmx"))
            text = units.map(\.source).joined()
        } catch {
            text = error.description
        }
        #expect(text.count < 10_000)
        #expect(!text.contains("lollollol"))
    }

    @Test func malformedFileGivesLineAndColumn() throws {
        let path = Fixtures.formats("malformed.tmx")
        // libxml2 parses ahead by chunks, so the error may surface while an earlier unit is read.
        let error = #expect(throws: FormatError.self) { _ = try TMXReader.read(path: path) }
        #expect(error?.location?.line == 9)
        #expect(error?.location?.column == 43)
        #expect(error?.description.hasPrefix(path + ":9:") == true)
        #expect(error?.message.contains("mismatch") == true)
    }

    @Test func missingLanguageIsALocatedError() throws {
        let path = Fixtures.formats("no-lang.tmx")
        let error = #expect(throws: FormatError.self) { _ = try TMXReader.read(path: path) }
        #expect(error?.description == path + ":7: <tuv> has no xml:lang")
    }

    @Test func notTMX() throws {
        let error = #expect(throws: FormatError.self) {
            _ = try TMXReader(contents: Array("<html><body/></html>".utf8), path: "page.html")
        }
        #expect(error?.description == "page.html:1: not a TMX file: the root element is <html>")
    }

    @Test(arguments: [true, false])
    func utf16WithByteOrderMark(littleEndian: Bool) throws {
        let text = try Fixtures.text(Fixtures.formats("kazakhstan-az-en.tmx.gold"))
            .replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\"")
        var bytes: [UInt8] = littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
        for unit in text.utf16 {
            let pair = [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            bytes += littleEndian ? pair : pair.reversed()
        }
        var reader = try TMXReader(contents: bytes, path: "utf16.tmx")
        var sources: [String] = []
        while let unit = try reader.next() { sources.append(unit.variants[0].segment.text) }
        #expect(sources == (try Fixtures.samplePairs().map(\.0)))
    }

    @Test func utf8WithByteOrderMark() throws {
        let bytes = [0xEF, 0xBB, 0xBF] + Array(try Fixtures.text(Fixtures.formats("kazakhstan-az-en.tmx.gold")).utf8)
        var reader = try TMXReader(contents: bytes, path: "bom.tmx")
        var count = 0
        while try reader.next() != nil { count += 1 }
        #expect(count == 17)
    }
}
