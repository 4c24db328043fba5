import TMCore
import Testing
@testable import TMFormats

@Suite struct POReaderTests {
    @Test func readsMessagesContextsFlagsAndPlurals() throws {
        let path = Fixtures.formats("sample.po")
        let units = try POReader.translationUnits(text: Fixtures.text(path), path: path)
        #expect(units.map(\.id) == ["10", "17", "22", "22.1"])
        #expect(units.map(\.source) == ["Save", "Open %s \"file\"\n", "One file", "%d files"])
        #expect(units.map(\.target) == ["Saxla", "%s \"faylını\" aç\n", "Bir fayl", "%d fayl"])
        #expect(units[0].sourceLanguage.description == "en")
        #expect(units[0].targetLanguage.description == "az")
        #expect(units[0].properties == [.init("x-reference", "src/main.c:12")])
        #expect(units[1].properties == [.init("x-context", "menu"), .init("x-flags", "fuzzy, c-format"),
                                        .init("x-reference", "src/menu.c:3 src/menu.c:9")])
    }

    @Test func errorsAreLocated() throws {
        let error = #expect(throws: FormatError.self) {
            _ = try POReader.translationUnits(text: "msgid \"a\"\nmsgstr \"b\n", path: "x.po")
        }
        #expect(error?.description == "x.po:2: expected a quoted string")
    }
}
