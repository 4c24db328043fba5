import TMCore
import Testing
@testable import TMSegment

struct TextCleanerTests {
    let cleaner = TextCleaner()
    let en = SentenceSegmenter(language: LanguageTag("en")!)

    @Test(arguments: [
        ("This is the U.S. Senate my friends. <em>Yes.</em> <em>It is</em>!",
         ["This is the U.S. Senate my friends.", "Yes.", "It is!"]),
        ("About Me..........5\n        Chapter 2 ........... 6\n", ["About Me", "Chapter 2"]),
        ("See our services or contact us for pricing\n. Pricing info", ["See our services or contact us for pricing.", "Pricing info"]),
        ("\nW\nA\nRN\nI\nNG\n", ["WARNING"]),
        ("\n3\n\nIntroduction\n\n", ["Introduction"]),
        ("Hello World. \\r\\n Hello.", ["Hello World.", "Hello."]),
        ("//////////////////Header starts here\r//////////////////", ["Header starts here"]),
        ("`So what?' he asks.", ["'So what?' he asks."]),
    ])
    func cleanedTextSegments(_ input: String, _ expected: [String]) {
        #expect(Fixtures.normalised(en.sentences(in: cleaner.clean(input))) == expected)
    }

    @Test func cleanTextIsLeftAlone() {
        let text = "A plain sentence. Another one!\n\nA new paragraph with 3.5 numbers."
        #expect(cleaner.clean(text) == text)
        #expect(cleaner.clean(". . .") == ". . .")
    }
}
