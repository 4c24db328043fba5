import Foundation
import TMCore
import TMFormats
import Testing
@testable import TMSegment

struct SRXTests {
    static func path(_ name: String) -> String {
        Fixtures.folder.appendingPathComponent("srx/\(name)").path
    }

    @Test func readerProducesTheRuleModel() throws {
        let rules = try SRXReader.read(contentsOf: Self.path("extend.srx"))
        #expect(rules.cascade)
        #expect(rules.languageRules.map(\.name) == ["Numbers", "Semicolons"])
        #expect(rules.languageMaps.map(\.pattern) == ["EN.*", ".*"])
        let rule = try #require(rules.languageRule(named: "Numbers")?.rules.first)
        #expect(rule.isBreak == false)
        #expect(rule.before == "\\bKap\\.")
        #expect(rule.after == "\\s+\\d")
        #expect(rule.location?.line == 7)
    }

    @Test func cascadingRulesExtendTheBuiltInOnes() throws {
        let rules = try SRXReader.read(contentsOf: Self.path("extend.srx"))
        let text = "See Kap. 5 here; then go. Mr. Smith came."
        let plain = SentenceSegmenter(language: LanguageTag("en")!)
        #expect(plain.sentences(in: text) == ["See Kap.", "5 here; then go.", "Mr. Smith came."])
        let segmenter = try SentenceSegmenter(language: LanguageTag("en-GB")!, rules: rules)
        #expect(segmenter.sentences(in: text) == ["See Kap. 5 here;", "then go.", "Mr. Smith came."])
    }

    @Test func nonCascadingRulesReplaceTheBuiltInOnesForTheirLanguages() throws {
        let rules = try SRXReader.read(contentsOf: Self.path("replace.srx"))
        let german = try SentenceSegmenter(language: LanguageTag("de")!, rules: rules)
        #expect(german.sentences(in: "Dr. Meier kommt. Gut!\n\nNeu.") == ["Dr.", "Meier kommt.", "Gut!", "Neu."])
        // A language the file does not map keeps the built-in rules.
        let english = try SentenceSegmenter(language: LanguageTag("en")!, rules: rules)
        #expect(english.sentences(in: "Dr. Meier came. Good!") == ["Dr. Meier came.", "Good!"])
    }

    @Test func malformedXMLIsALocatedError() throws {
        let error = try #require(throws: SRXError.self) { try SRXReader.read(contentsOf: Self.path("malformed.srx")) }
        #expect(error.location?.file.hasSuffix("malformed.srx") == true)
        #expect(error.location?.line != nil)
        #expect(error.message.hasPrefix("malformed XML"))
    }

    @Test func aRegexThatDoesNotCompileNamesTheRule() throws {
        let rules = try SRXReader.read(contentsOf: Self.path("bad-regex.srx"))
        let error = try #require(throws: SegmentationError.self) {
            try SentenceSegmenter(language: LanguageTag("en")!, rules: rules)
        }
        #expect(error.location?.line == 11)
        #expect(error.location?.file.hasSuffix("bad-regex.srx") == true)
        #expect(error.message.contains("rule 2 of languagerule `Default`"))
        #expect(error.message.contains("(unclosed["))
    }

    @Test func aMapToAnUnknownRuleSetIsALocatedError() throws {
        let error = try #require(throws: SRXError.self) { try SRXReader.read(contentsOf: Self.path("unknown-rule.srx")) }
        #expect(error.location?.line == 11)
        #expect(error.message.contains("unknown languagerule `English`"))
    }

    @Test func emptyAndNonSRXDocumentsAreRejected() {
        #expect(throws: SRXError.self) { try SRXReader.read(bytes: [], file: "empty.srx") }
        #expect(throws: SRXError.self) { try SRXReader.read(bytes: Array("<tmx/>".utf8), file: "x.srx") }
    }
}
