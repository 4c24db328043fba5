import Foundation
import TMCore
import Testing
@testable import TMSegment

struct SegmenterBehaviourTests {
    let en = SentenceSegmenter(language: LanguageTag("en")!)

    @Test func rangesPointIntoTheUnalteredTextAndAreTrimmed() {
        let text = "  Hello  World.   Next one?\n\n  Third paragraph  "
        let ranges = en.sentenceRanges(in: text)
        #expect(ranges.map { String(text[$0]) } == ["Hello  World.", "Next one?", "Third paragraph"])
        for range in ranges {
            #expect(text[range].first?.isWhitespace == false)
            #expect(text[range].last?.isWhitespace == false)
        }
    }

    @Test func emptyAndBlankTextHaveNoSentences() {
        #expect(en.sentences(in: "").isEmpty)
        #expect(en.sentences(in: " \n\n \t\n").isEmpty)
    }

    @Test func unknownLanguageFallsBackToTheCore() throws {
        let core = SentenceSegmenter(language: try #require(LanguageTag("xx")))
        #expect(core.sentences(in: "Dies ist gut. Das auch! Und hier?") == ["Dies ist gut.", "Das auch!", "Und hier?"])
        #expect(core.sentences(in: "Mr. Smith came.").count == 2)  // no abbreviation list in the core
    }

    @Test func scriptTerminatorsEndSentences() throws {
        let zh = SentenceSegmenter(language: try #require(LanguageTag("zh")))
        #expect(zh.sentences(in: "我喜欢读书。你呢？好的！") == ["我喜欢读书。", "你呢？", "好的！"])
        let hi = SentenceSegmenter(language: try #require(LanguageTag("hi")))
        #expect(hi.sentences(in: "यह एक वाक्य है। यह दूसरा है।") == ["यह एक वाक्य है।", "यह दूसरा है।"])
        let ur = SentenceSegmenter(language: try #require(LanguageTag("ur")))
        #expect(ur.sentences(in: "یہ پہلا جملہ ہے۔ یہ دوسرا ہے؟") == ["یہ پہلا جملہ ہے۔", "یہ دوسرا ہے؟"])
    }

    @Test func userAbbreviationsAreAdded() throws {
        let plain = en.sentences(in: "We met Insp. Clouseau there.")
        #expect(plain.count == 1)
        let before = en.sentences(in: "He bought a Wdgt. Thing yesterday.")
        #expect(before.count == 2)
        let extended = try SentenceSegmenter(language: LanguageTag("en")!, abbreviations: "wdgt.\n")
        #expect(extended.sentences(in: "He bought a Wdgt. Thing yesterday.") == ["He bought a Wdgt. Thing yesterday."])
    }

    @Test func everyBundledRuleFileParses() throws {
        let languages = LanguageSegmentationData.builtInLanguages
        #expect(languages.contains("az") && languages.contains("en"))
        for code in languages {
            let text = try #require(LanguageSegmentationData.bundledText(for: code))
            #expect(throws: Never.self) { try LanguageSegmentationData(parsing: text, file: "\(code).seg") }
        }
    }

    @Test func malformedRuleDataIsALocatedError() {
        #expect(throws: SegmentationDataError(location: InputLocation(file: "x.seg", line: 3, column: 1),
                                              message: "unknown option `colour`")) {
            try LanguageSegmentationData(parsing: "# x\n[options]\ncolour = red\n", file: "x.seg")
        }
        #expect(throws: SegmentationError.data(SegmentationDataError(
            location: InputLocation(file: "mine.txt", line: 2, column: 1), message: "unknown section `[bogus]`"))) {
            try SentenceSegmenter(language: LanguageTag("en")!, abbreviations: "wdgt.\n[bogus]\nx\n",
                                  abbreviationsFile: "mine.txt")
        }
    }

    /// Pathological input finishes (no timing: a quadratic scanner would not end in reasonable time here).
    @Test func pathologicalInputFinishes() {
        let dots = String(repeating: ".", count: 100_000)
        #expect(en.sentences(in: dots).count == 1)
        let spacedDots = String(repeating: ". ", count: 50_000)
        #expect(!en.sentences(in: spacedDots).isEmpty)
        let abbreviations = String(repeating: "a.b. ", count: 40_000)
        #expect(!en.sentences(in: abbreviations).isEmpty)
        let longLine = String(repeating: "word ", count: 400_000) + "end."
        #expect(en.sentences(in: longLine).count == 1)
        let noSpaces = String(repeating: "x.y", count: 200_000)
        #expect(en.sentences(in: noSpaces).count == 1)
        let nested = String(repeating: "“(«'", count: 20_000) + "Deep. Down." + String(repeating: "'»)”", count: 20_000)
        #expect(!en.sentences(in: nested).isEmpty)
        let quotes = String(repeating: "\"Hi.\" ", count: 50_000)
        #expect(en.sentences(in: quotes).count == 50_000)
    }
}
