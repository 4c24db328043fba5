import Foundation
import Testing
import TMFormats
@testable import TMKit

/// `SentenceStage.collapseWhitespace` works on scalars for speed; it must give what the character path gives.
struct SentenceStageTests {
    @Test(arguments: [
        "One\nsentence  across\t lines",
        "  leading and trailing  \n",
        "5\u{00A0}800 people, 10\u{202F}% «\u{00A0}Bonjour\u{00A0}»",
        "Zürich\r\nGenève\u{2028}Bern\u{3000}Chur\u{0085}Sion\u{000B}Thun\u{000C}Biel",
        "a \u{0301}b",            // a space with a combining accent is one character, not white space
        "e\u{0301} \u{0301}\u{0302}x",
        "\u{0600} 12",            // a prepended sign followed by a space
        "tab\u{00A0}\u{0301}nbsp",
        "emoji 👩‍👩‍👧 and 🇨🇭 flags",
        "",
        "   ",
    ])
    func scalarPathMatchesCharacterPath(text: String) {
        #expect(SentenceStage.collapseWhitespace(text[...]) == SentenceStage.collapseWhitespaceByCharacter(text[...]))
    }

    @Test func softLineBreaksBecomeOneSpace() {
        #expect(SentenceStage.collapseWhitespace("Der Berg\n  ist hoch.") == "Der Berg ist hoch.")
        #expect(SentenceStage.collapseWhitespace("«\u{00A0}Oui\u{00A0}»\n") == "«\u{00A0}Oui\u{00A0}»")
    }
}

/// The corpus reader splits paragraphs over scalars; it must give what `PlainTextReader.paragraphs` gives.
struct CorpusReaderTests {
    @Test(arguments: [
        "First line\nsecond line\n\nNext paragraph\n",
        "\n\n  \nLeading blank lines\n \t \nand a line of spaces\n\n\n",
        "Zürich\n\u{00A0}\nGenève\u{3000}\n\u{3000}\nChur",
        "a\n \u{0301}\nb",        // a space with a combining accent: one white-space character
        "no newline at the end",
    ])
    func scalarSplitMatchesPlainTextReader(text: String) throws {
        let folder = try CorpusFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("doc.txt").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let expected = try PlainTextReader.paragraphs(atPath: path)
        let actual = try CorpusWorker.paragraphs(atPath: path)
        #expect(actual.map(\.text) == expected.map(\.text))
        #expect(actual.map(\.line) == expected.map(\.line))
    }
}
