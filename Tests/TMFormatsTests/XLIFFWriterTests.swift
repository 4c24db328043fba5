import Foundation
import TMCore
import Testing
@testable import TMFormats

@Suite struct XLIFFWriterTests {
    /// The sample's TMX written as XLIFF 1.2 and read back gives the same 17 pairs.
    @Test func sampleRoundTripsThroughXLIFF() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let az = try #require(LanguageTag("az"))
        let en = try #require(LanguageTag("en"))
        let tmx = Fixtures.formats("kazakhstan-az-en.tmx.gold")
        let (_, units, _) = try TMXReader.read(path: tmx)
        let path = directory + "/sample.xlf"
        var writer = try XLIFFWriter(path: path, sourceLanguage: az, targetLanguage: en, original: "sample.tmx")
        for unit in units {
            try writer.write(unit, sourceLanguage: az, targetLanguage: en)
        }
        try writer.finish()

        let text = try Fixtures.text(path)
        #expect(text.contains(#"<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">"#))
        #expect(text.contains(#"source-language="az" target-language="en""#))
        let back = try XLIFFReader.translationUnits(path: path, sourceLanguage: nil, targetLanguage: nil)
        #expect(back.count == 17)
        let expected = units.compactMap { $0.translationUnit(sourceLanguage: az, targetLanguage: en, fallbackID: "") }
        #expect(back.map(\.source) == expected.map(\.source))
        #expect(back.map(\.target) == expected.map(\.target))
        #expect(back.first?.sourceLanguage == az && back.first?.targetLanguage == en)
    }

    /// TMX inline codes become XLIFF 1.2 inline elements with their content kept; pairs keep their numbers.
    @Test func inlineCodesBecomeXLIFFElements() {
        let tmx = #"Press <bpt i="1" x="1">&lt;b&gt;</bpt>OK<ept i="1">&lt;/b&gt;</ept><ph x="2">&lt;br/&gt;</ph> "#
            + #"<hi type="x">read</hi> <it pos="end">&lt;/i&gt;</it><ut>{\b}</ut>"#
        let xliff = XLIFFInlineCodes.fromTMX(tmx)
        #expect(xliff == #"Press <bpt id="1">&lt;b&gt;</bpt>OK<ept id="1">&lt;/b&gt;</ept><ph id="2">&lt;br/&gt;</ph> "#
            + #"<mrk mtype="x-tmx-hi">read</mrk> <it id="t1" pos="close">&lt;/i&gt;</it><ph id="t2">{\b}</ph>"#)
    }

    /// A unit without a target has no `<target>`; its own id is kept as `resname`, and nothing is left behind
    /// when the writer is dropped before `finish()`.
    @Test func untranslatedUnitsAndAbandonedWriters() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let en = try #require(LanguageTag("en"))
        let de = try #require(LanguageTag("de"))
        let path = directory + "/out.xlf"
        var writer = try XLIFFWriter(path: path, sourceLanguage: en, targetLanguage: de, original: "x")
        try writer.write(id: "menu.open", source: TMXSegment(text: "Open\u{7}  file"), target: nil, notes: ["a note"])
        try writer.finish()
        let text = try Fixtures.text(path)
        #expect(text.contains(#"<trans-unit id="1" resname="menu.open">"#))
        #expect(text.contains("<source>Open file</source>"))
        #expect(!text.contains("<target"))
        #expect(text.contains("<note>a note</note>"))

        do {
            var abandoned = try XLIFFWriter(path: directory + "/abandoned.xlf", sourceLanguage: en, targetLanguage: de,
                                            original: "x")
            try abandoned.write(id: nil, source: TMXSegment(text: "x"), target: nil, notes: [])
        }
        #expect(Fixtures.files(in: directory) == ["out.xlf"])
    }

    /// The sample as XLIFF 2.0 reads back as the same 17 pairs.
    @Test func sampleRoundTripsThroughXLIFF2() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let az = try #require(LanguageTag("az"))
        let en = try #require(LanguageTag("en"))
        let (_, units, _) = try TMXReader.read(path: Fixtures.formats("kazakhstan-az-en.tmx.gold"))
        let path = directory + "/sample.xlf"
        var writer = try XLIFFWriter(path: path, sourceLanguage: az, targetLanguage: en, original: "sample.tmx",
                                     version: .v2_0)
        for unit in units {
            try writer.write(unit, sourceLanguage: az, targetLanguage: en)
        }
        try writer.finish()
        let text = try Fixtures.text(path)
        #expect(text.contains(#"<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="az" trgLang="en">"#))
        let back = try XLIFFReader.translationUnits(path: path, sourceLanguage: nil, targetLanguage: nil)
        let expected = units.compactMap { $0.translationUnit(sourceLanguage: az, targetLanguage: en, fallbackID: "") }
        #expect(back.count == 17)
        #expect(back.map(\.source) == expected.map(\.source))
        #expect(back.map(\.target) == expected.map(\.target))
    }

    /// XLIFF 2.0: codes become markers, their native text goes to `originalData`, numbered across the unit.
    @Test func inlineCodesBecomeXLIFF2Markers() {
        var codes = XLIFF2InlineCodes()
        let source = codes.convert(#"Press <bpt i="1">&lt;b&gt;</bpt>OK<ept i="1">&lt;/b&gt;</ept> "#
            + #"<hi>now</hi><ph x="2">&lt;a t="<sub>Tip</sub>"/&gt;</ph><it pos="end">&lt;/i&gt;</it>"#)
        let target = codes.convert(#"<bpt i="1">&lt;b&gt;</bpt>OK<ept i="1">&lt;/b&gt;</ept>"#)
        #expect(source == #"Press <sc id="b1" dataRef="d1"/>OK<ec startRef="b1" dataRef="d2"/> "#
            + #"<mrk id="m1">now</mrk><ph id="p2" dataRef="d3"/><ec id="i1" isolated="yes" dataRef="d4"/>"#)
        #expect(target == #"<sc id="b1" dataRef="d5"/>OK<ec startRef="b1" dataRef="d6"/>"#)
        #expect(codes.data.map(\.content) == ["&lt;b&gt;", "&lt;/b&gt;", #"&lt;a t="Tip"/&gt;"#, "&lt;/i&gt;",
                                              "&lt;b&gt;", "&lt;/b&gt;"])
    }
}
