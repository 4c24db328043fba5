import TMCore
import Testing
@testable import TMFormats

@Suite struct XLIFFReaderTests {
    @Test func xliff12() throws {
        let path = Fixtures.formats("sample-1.2.xlf")
        let units = try XLIFFReader.translationUnits(path: path)
        #expect(units.map(\.id) == ["1", "2"])
        #expect(units[0].source == "Press OK now & wait.")
        #expect(units[0].target == "OK düyməsini indi basın & gözləyin.")
        #expect(units[0].sourceLanguage.description == "en-US")
        #expect(units[0].targetLanguage.description == "az")
        #expect(units[0].properties == [.init("x-document", "help.html"), .init("x-state", "translated")])
        #expect(units[1].source == "Untranslated.")
        #expect(units[1].target == "")
    }

    @Test func xliff2() throws {
        let units = try XLIFFReader.translationUnits(path: Fixtures.formats("sample-2.0.xlf"))
        #expect(units.map(\.id) == ["u1-s1", "u1-s2"])
        #expect(units.map(\.source) == ["Qazaxıstan lideri isə deyib.", "Emoji 😀 və KTMT."])
        #expect(units.map(\.target) == ["The Kazakh leader said.", "Emoji 😀 and CSTO."])
        #expect(units[0].sourceLanguage.description == "az")
        #expect(units[0].properties == [.init("x-document", "kazakhstan"), .init("x-state", "final")])
    }

    @Test func notXLIFF() throws {
        let error = #expect(throws: FormatError.self) {
            _ = try XLIFFReader.translationUnits(contents: Array("<tmx version=\"1.4\"/>".utf8), path: "a.xlf")
        }
        #expect(error?.description == "a.xlf:1: not an XLIFF file: the root element is <tmx>")
    }

    @Test func missingSourceIsLocated() throws {
        let text = """
            <xliff version="1.2"><file source-language="en" target-language="de"><body>
            <trans-unit id="7"><target>x</target></trans-unit></body></file></xliff>
            """
        let error = #expect(throws: FormatError.self) {
            _ = try XLIFFReader.translationUnits(contents: Array(text.utf8), path: "b.xlf")
        }
        #expect(error?.description == "b.xlf:2: <trans-unit id=\"7\"> has no <source>")
    }
}
