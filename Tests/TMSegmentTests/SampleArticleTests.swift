import Foundation
import TMCore
import Testing
@testable import TMSegment

/// The sample article: 8 Azerbaijani paragraphs, then 9 English ones; 17 sentences each.
struct SampleArticleTests {
    let paragraphs: [String]

    init() throws {
        let text = try String(contentsOf: Fixtures.examples.appendingPathComponent("kazakhstan-az-en.txt"), encoding: .utf8)
        paragraphs = text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
    }

    /// Gold files: one sentence per line, a blank line between paragraphs.
    static func gold(_ name: String) -> [[String]] {
        Fixtures.text(name).components(separatedBy: "\n\n")
            .map { $0.split(separator: "\n").map(String.init) }
            .filter { !$0.isEmpty }
    }

    @Test func azerbaijaniParagraphsSplitAsATranslatorWould() throws {
        let segmenter = SentenceSegmenter(language: try #require(LanguageTag("az")))
        let got = paragraphs.prefix(8).map { segmenter.sentences(in: $0).map(String.init) }
        #expect(got.map(\.count) == [2, 2, 3, 2, 1, 2, 2, 3])
        #expect(got == Self.gold("sample-az.gold"))
        #expect(got.joined().count == 17)
    }

    @Test func englishParagraphsSplitAsATranslatorWould() throws {
        let segmenter = SentenceSegmenter(language: try #require(LanguageTag("en")))
        let got = paragraphs.dropFirst(8).map { segmenter.sentences(in: $0).map(String.init) }
        #expect(got.map(\.count) == [1, 1, 2, 3, 2, 1, 2, 2, 3])
        #expect(got == Self.gold("sample-en.gold"))
    }

    @Test func theHardSpotsOfTheSample() throws {
        let az = SentenceSegmenter(language: try #require(LanguageTag("az")))
        // A quote spanning two sentences is split inside.
        #expect(az.sentences(in: paragraphs[6]) == [
            "“Yaxşı təşkil edilmiş və yaxşı idarə olunan silahlı qruplardan istifadə edilib.",
            "Onlar açıq-aşkar xaricdəki terror düşərgələrində təlim keçib” - deyə, o əlavə edib.",
        ])
        // A mismatched closing quote (“…“) does not end the sentence before "- deyə".
        #expect(az.sentences(in: paragraphs[1]).last?.hasSuffix("cəhd deyil“ - deyə, əlavə edib.") == true)
        // A sentence that begins in lower case.
        #expect(az.sentences(in: paragraphs[2])[1] == "rəsmilər 5800 nəfərin həbs edildiyini bildirib.")
        let en = SentenceSegmenter(language: try #require(LanguageTag("en")))
        // The closing quote after the full stop stays with its sentence.
        #expect(en.sentences(in: paragraphs[10]).first?.hasSuffix("external forces.”") == true)
    }
}
