import TMCore
import Testing
@testable import TMSegment

/// Tables of cases from `Tests/Fixtures/segment/*.jsonl`: the sentences a user sees, whitespace collapsed.
enum CaseTables {
    static let azerbaijani = Fixtures.cases("az.jsonl")
    static let goldenRules = Fixtures.cases("golden_en.jsonl")
    static let multilingual = Fixtures.cases("multilingual.jsonl")
    /// Further cases in the 21 pySBD languages (abbreviation classes, units, "etc.", scripts), not from pySBD.
    static let languageExtra = Fixtures.cases("lang_extra.jsonl")
    /// pySBD's own cases, except where tmkit deliberately differs:
    /// pysbd-ru-22 keeps "… родился Л.Н.Толстой, 1898 г. В 1854 году …" together (a photo caption followed by a
    /// sentence: tmkit ends the sentence at "г." before "В 1854", and keeps "В 1812 г. Наполеон" whole);
    /// pysbd-kk-02 splits "… – кім? не?" (who? what?) into two sentences: in Kazakh and Russian punctuation a
    /// lower-case word after `?` continues one question with homogeneous parts ("Что же я скажу ему? о чём?");
    /// pysbd-el-01 passes: "κανένας." ends in the final sigma, so it is a whole word and its full stop ends the
    /// sentence before "το";
    /// pysbd-ar-01, -03, -04 end sentences at a colon and at the Arabic comma "،", which tmkit treats as the
    /// colon and comma they are (a translation unit must match the other language's sentence).
    static let knownDifferences: Set = ["pysbd-ru-22", "pysbd-kk-02", "pysbd-ar-01", "pysbd-ar-03", "pysbd-ar-04"]
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

    @Test func everyPySBDLanguageHasExtraCases() {
        let languages = Set(CaseTables.languageExtra.map(\.lang))
        #expect(languages.count == 21)
    }

    @Test(arguments: CaseTables.languageExtra)
    func moreLanguageCases(_ c: Fixtures.Case) {
        #expect(Self.segment(c) == Fixtures.normalised(c.expected))
    }

    @Test(arguments: CaseTables.pySBD)
    func pySBDLanguageCases(_ c: Fixtures.Case) {
        #expect(Self.segment(c) == Fixtures.normalised(c.expected))
    }
}
