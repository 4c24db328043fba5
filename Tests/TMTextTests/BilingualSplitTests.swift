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

    @Test func aThirdLanguageBlockIsReported() throws {
        let paragraphs = try HeldOutSamples.paragraphs(of: HeldOutSamples.sampleArticle)
        let russian = try HeldOutSamples.catalogSamples().filter { $0.language == "ru" && $0.kind == "paragraph" }
            .prefix(2).map(\.text)
        let threeBlocks = Array(paragraphs[..<8]) + russian + Array(paragraphs[8...])
        #expect(throws: BilingualSplitError(.moreThanTwoBlocks(
            languages: [LanguageTag("az")!, LanguageTag("en")!, LanguageTag("ru")!], paragraphs: [8, 9]))) {
            try BilingualSplit.detect(in: threeBlocks)
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
        let targetOnly = try BilingualSplit.detect(in: paragraphs, targetLanguage: LanguageTag("en-GB"))
        #expect(targetOnly.splitIndex == 8)
        #expect(targetOnly.source.language.description == "az")
        #expect(targetOnly.source.confidence > 0.9)
        #expect(targetOnly.target == LanguageGuess(language: LanguageTag("en-GB")!, confidence: 1))
        #expect(throws: BilingualSplitError(.sameLanguage(LanguageTag("en-US")!))) {
            try BilingualSplit.detect(in: paragraphs, sourceLanguage: LanguageTag("en-US"), targetLanguage: LanguageTag("en-GB"))
        }
        // A language without a profile can still be forced: the other side finds the split.
        let oneUnknown = try BilingualSplit.detect(in: paragraphs, sourceLanguage: LanguageTag("sah"))
        #expect(oneUnknown.splitIndex == 8)
        #expect(oneUnknown.source.language.description == "sah")
        #expect(oneUnknown.target.language.description == "en")
    }
}

/// Blocks of held-out catalog text in two languages, for pairs of close languages and both orders.
@Suite struct BilingualSplitPairTests {
    static let pairs = [("az", "tr"), ("tr", "az"), ("ru", "kk"), ("kk", "ru"), ("ru", "bg"), ("uk", "ru"),
                        ("en", "nl"), ("de", "en"), ("fr", "es"), ("it", "es"), ("da", "sv"), ("ar", "fa"),
                        ("hi", "mr"), ("zh", "ja"), ("en", "hy"), ("pl", "cs")]

    @Test(arguments: pairs)
    func findsTheSplitBetweenCloseLanguages(source: String, target: String) throws {
        let samples = try HeldOutSamples.catalogSamples().filter { $0.kind == "paragraph" }
        let sourceBlock = samples.filter { $0.language == source }.prefix(5).map(\.text)
        let targetBlock = samples.filter { $0.language == target }.suffix(6).map(\.text)
        try #require(sourceBlock.count == 5 && targetBlock.count == 6)
        let split = try BilingualSplit.detect(in: sourceBlock + targetBlock)
        #expect(split.splitIndex == 5)
        #expect(split.source.language.description == source)
        #expect(split.target.language.description == target)
    }
}
