import TMCore
import Testing
@testable import TMText

@Suite struct BilingualSplitTests {
    @Test func sampleArticleSplitsAfterParagraphEight() throws {
        let paragraphs = try HeldOutSamples.paragraphs(of: HeldOutSamples.sampleArticle)
        #expect(paragraphs.count == 17)
        let split = try BilingualSplit.detect(in: paragraphs)
        #expect(split.splitIndex == 8)
        #expect(split.source.language.description == "az")
        #expect(split.target.language.description == "en")
        #expect(split.source.confidence > 0.9)
        #expect(split.target.confidence > 0.9)
    }

    @Test func strayParagraphsDoNotMoveTheSplit() throws {
        var paragraphs = try HeldOutSamples.paragraphs(of: HeldOutSamples.sampleArticle)
        paragraphs.insert("Vladimir Putin", at: 3)
        paragraphs.insert("164", at: 9)       // right at the boundary: no letters, goes to the target block
        paragraphs.insert("KTMT / CSTO", at: 14)
        let split = try BilingualSplit.detect(in: paragraphs)
        #expect(split.splitIndex == 9)
        #expect(split.source.language.description == "az")
        #expect(split.target.language.description == "en")
    }

    @Test func singleLanguageIsReported() throws {
        let paragraphs = try HeldOutSamples.paragraphs(of: HeldOutSamples.sampleArticle)
        #expect(throws: BilingualSplitError(.singleLanguage(LanguageTag("en")!))) {
            try BilingualSplit.detect(in: Array(paragraphs[8...]))
        }
        #expect(throws: BilingualSplitError(.singleLanguage(LanguageTag("az")!))) {
            try BilingualSplit.detect(in: Array(paragraphs[..<8]))
        }
    }

    @Test func interleavedBlocksAreReported() throws {
        let paragraphs = try HeldOutSamples.paragraphs(of: HeldOutSamples.sampleArticle)
        let mixed = Array(paragraphs[0..<3]) + Array(paragraphs[8..<11]) + Array(paragraphs[3..<6])
            + Array(paragraphs[11..<14])
        #expect {
            try BilingualSplit.detect(in: mixed)
        } throws: { error in
            guard let error = error as? BilingualSplitError, case .moreThanTwoBlocks = error.reason else {
                return false
            }
            return error.message.contains("more than two")
        }
    }

    @Test func tooLittleText() {
        #expect(throws: BilingualSplitError(.tooFewParagraphs(1))) {
            try BilingualSplit.detect(in: ["Bir abzas.", "2022"])
        }
    }

    @Test func forcedLanguagesOverrideDetection() throws {
        let paragraphs = try HeldOutSamples.paragraphs(of: HeldOutSamples.sampleArticle)
        let forced = try BilingualSplit.detect(
            in: paragraphs, sourceLanguage: LanguageTag("az-Latn-AZ"), targetLanguage: LanguageTag("en-US"))
        #expect(forced == BilingualSplit(
            splitIndex: 8, source: LanguageGuess(language: LanguageTag("az-Latn-AZ")!, confidence: 1),
            target: LanguageGuess(language: LanguageTag("en-US")!, confidence: 1)))
        // A language without a profile can still be forced: the other side finds the split.
        let oneUnknown = try BilingualSplit.detect(in: paragraphs, sourceLanguage: LanguageTag("sah"))
        #expect(oneUnknown.splitIndex == 8)
        #expect(oneUnknown.source.language.description == "sah")
        #expect(oneUnknown.target.language.description == "en")
    }
}
