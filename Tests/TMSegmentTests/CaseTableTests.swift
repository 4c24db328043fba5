import TMCore
import Testing
@testable import TMSegment

/// Tables of cases from `Tests/Fixtures/segment/*.jsonl`: the sentences a user sees, whitespace collapsed.
enum CaseTables {
    static let azerbaijani = Fixtures.cases("az.jsonl")
    static let goldenRules = Fixtures.cases("golden_en.jsonl")
    static let multilingual = Fixtures.cases("multilingual.jsonl")
    /// pySBD's own cases in 15 languages, except where tmkit deliberately differs:
    /// pysbd-ru-22 keeps "… 1898 г. В 1854 году …" together (tmkit ends the sentence at "г." before "В 1854");
    /// pysbd-el-01 starts a sentence in lower case ("κανένας. το κόστος"), which tmkit allows only where the
    /// language data says so (az); pysbd-kk-02 likewise ("кім? не?"); pysbd-ar-01, -03, -04 end sentences at a
    /// colon and at the Arabic comma "،".
    static let knownDifferences: Set = ["pysbd-ru-22", "pysbd-el-01", "pysbd-kk-02", "pysbd-ar-01", "pysbd-ar-03",
                                        "pysbd-ar-04"]
    static let pySBD = Fixtures.cases("pysbd_lang.jsonl").filter { !knownDifferences.contains($0.id) }
}

struct CaseTableTests {
    static func segment(_ c: Fixtures.Case) -> [String] {
        guard let tag = LanguageTag(c.lang) else { return [] }
        var segmenter = SentenceSegmenter(language: tag)
        if c.docType == "pdf" { segmenter.lineBreaks = .soft }
        return Fixtures.normalised(segmenter.sentences(in: c.text))
    }

    @Test func thereAreEnoughAzerbaijaniCases() {
        #expect(CaseTables.azerbaijani.count >= 60)
    }

    @Test(arguments: CaseTables.azerbaijani)
    func azerbaijani(_ c: Fixtures.Case) {
        #expect(Self.segment(c) == Fixtures.normalised(c.expected))
    }

    @Test func thereAre52GoldenRules() {
        #expect(CaseTables.goldenRules.count == 52)
    }

    @Test(arguments: CaseTables.goldenRules)
    func englishGoldenRule(_ c: Fixtures.Case) {
        #expect(Self.segment(c) == Fixtures.normalised(c.expected))
    }

    @Test(arguments: CaseTables.multilingual)
    func otherLanguages(_ c: Fixtures.Case) {
        #expect(Self.segment(c) == Fixtures.normalised(c.expected))
    }

    @Test(arguments: CaseTables.pySBD)
    func pySBDLanguageCases(_ c: Fixtures.Case) {
        #expect(Self.segment(c) == Fixtures.normalised(c.expected))
    }
}
