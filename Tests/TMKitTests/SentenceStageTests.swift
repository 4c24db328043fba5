import Testing
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
