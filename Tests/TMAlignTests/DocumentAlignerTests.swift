import Testing
import TMCore
@testable import TMAlign

private let az = LanguageTag("az")!
private let en = LanguageTag("en")!

@Suite struct SampleArticleTests {
    let alignment: DocumentAlignment
    let source: [[String]]
    let target: [[String]]

    init() throws {
        source = try Fixtures.paragraphs("kazakhstan-az.sentences")
        target = try Fixtures.paragraphs("kazakhstan-en.sentences")
        alignment = DocumentAligner(sourceLanguage: az, targetLanguage: en).align(source: source, target: target)
    }

    @Test func paragraphsAlignFirstTwoEnglishWithFirstAzerbaijani() {
        let beads = alignment.paragraphBeads.map { "\($0.source.map { $0 })-\($0.target.map { $0 })" }
        #expect(beads == ["[0]-[0, 1]"] + (1..<8).map { "[\($0)]-[\($0 + 1)]" })
    }

    @Test func allSeventeenSentencePairsAreOneToOneInOrder() {
        #expect(alignment.pairs.count == 17)
        #expect(alignment.sentenceBeads.map(\.beadNotation) == (0..<17).map { "[\($0)]:[\($0)]" })
    }

    @Test func numbersInLocaleFormsPairUp() throws {
        let pair = try #require(alignment.pairs.first { $0.source.contains("5800") })
        #expect(pair.target == "Authorities say 5,800 people have been detained.")
        #expect(pair.sourceParagraphs == [2])
        #expect(pair.targetParagraphs == [3])
    }

    @Test func confidentThroughout() {
        #expect(alignment.meanConfidence > 0.8)
        #expect(alignment.pairs.allSatisfy { (0...1).contains($0.confidence) })
    }

    /// Every pair of the sample is right, so none may be flagged (short pairs with few shared words included).
    @Test func noPairIsFlaggedLow() {
        #expect(alignment.lowConfidenceRegions.isEmpty)
        #expect(alignment.pairs.filter(\.isLowConfidence).map(\.source) == [])
        #expect(alignment.sentenceBeads.allSatisfy { $0.confidence >= 0.5 })
    }
}

@Test func unrelatedTargetIsReportedAsLowConfidence() throws {
    let source = try Fixtures.paragraphs("kazakhstan-az.sentences")
    let target = try Fixtures.paragraphs("unrelated-en.sentences")
    let alignment = DocumentAligner(sourceLanguage: az, targetLanguage: en).align(source: source, target: target)
    #expect(alignment.meanConfidence < 0.25)
    let low = alignment.lowConfidenceRegions.reduce(0) { $0 + $1.count }
    #expect(low * 2 > alignment.pairs.count)
    #expect(alignment.pairs.allSatisfy { $0.confidence < 0.5 })
}

@Test func emptySideLeavesEverySentenceUnaligned() {
    let aligner = DocumentAligner(sourceLanguage: az, targetLanguage: en)
    let alignment = aligner.align(source: [["Salam.", "Necəsən?"]], target: [])
    #expect(alignment.pairs.isEmpty)
    #expect(alignment.sentenceBeads.map(\.beadNotation) == ["[0]:[]", "[1]:[]"])
    #expect(aligner.align(source: [], target: []).sentenceBeads.isEmpty)
}

@Test func megabyteLineDoesNotBreakTheAligner() {
    let long = String(repeating: "Qazaxıstan 5800 nəfər. ", count: 45_000)
    let alignment = DocumentAligner(sourceLanguage: az, targetLanguage: en)
        .align(source: [[long, "Putin bildirib."]], target: [["Kazakhstan 5,800 people.", "Putin said."]])
    #expect(alignment.sentenceBeads.last?.beadNotation == "[1]:[1]")
}

@Test func oneSideMuchLongerKeepsTheMatchingPart() throws {
    let source = try Fixtures.paragraphs("kazakhstan-az.sentences")
    let target = try Fixtures.paragraphs("kazakhstan-en.sentences")
    let doubled = target + (try Fixtures.paragraphs("unrelated-en.sentences"))
    let alignment = DocumentAligner(sourceLanguage: az, targetLanguage: en).align(source: source, target: doubled)
    let exact = alignment.pairs.filter { $0.sourceSentences.count == 1 && $0.sourceSentences == $0.targetSentences }
    #expect(exact.count >= 15)
}

@Test func presegmentedSingleParagraphAlignsSentences() throws {
    let source = try Fixtures.paragraphs("kazakhstan-az.sentences").flatMap { $0 }
    let target = try Fixtures.paragraphs("kazakhstan-en.sentences").flatMap { $0 }
    let alignment = DocumentAligner(sourceLanguage: az, targetLanguage: en).align(source: [source], target: [target])
    #expect(alignment.paragraphBeads.count == 1)
    let exact = alignment.sentenceBeads.filter { $0.source == $0.target && $0.source.count == 1 }
    #expect(exact.count >= 15)
}

@Test func seedDictionaryEntersTheLexicon() {
    let source = [["Das Haus ist alt.", "Der Hund schläft."]]
    let target = [["La maison est vieille.", "Le chien dort."]]
    let plain = DocumentAligner(sourceLanguage: LanguageTag("de")!, targetLanguage: LanguageTag("fr")!)
    var seeded = plain
    seeded.dictionary = [("Haus", "maison"), ("Hund", "chien")]
    #expect(seeded.align(source: source, target: target).lexiconSize >= 2)
    #expect(seeded.align(source: source, target: target).sentenceBeads.map(\.beadNotation) == ["[0]:[0]", "[1]:[1]"])
    #expect(plain.align(source: source, target: target).lexiconSize == 0)
}

@Test func lexiconSampleOfALongPathIsSpreadAndReproducible() {
    // 1,000 copies of a text of 954 beads: a stride of 954,000 / 6,000 = 159 (a sixth of the period) would
    // take the same 6 beads of every copy.
    let sample = DocumentAligner.trainingSample(count: 954_000, limit: 6000)
    #expect(sample.count == 6000)
    #expect(zip(sample, sample.dropFirst()).allSatisfy { $0 < $1 })
    #expect(sample.first.map { $0 >= 0 } == true && sample.last.map { $0 < 954_000 } == true)
    #expect(Set(sample.map { $0 % 954 }).count >= 900)
    #expect(sample == DocumentAligner.trainingSample(count: 954_000, limit: 6000))
    // Below twice the limit every bead trains the lexicon, as before.
    #expect(DocumentAligner.trainingSample(count: 11_999, limit: 6000) == Array(0..<11_999))
    #expect(DocumentAligner.trainingSample(count: 10, limit: Int.max) == Array(0..<10))  // no overflow
}

@Test func repeatedDocumentLearnsTheLexiconOfItsCopy() throws {
    // The article repeated 30 times, its lexicon learned from 30 beads: a stride of one copy (17 beads)
    // would learn it from the same sentence pair 30 times.
    let source = try Fixtures.paragraphs("kazakhstan-az.sentences").flatMap { $0 }
    let target = try Fixtures.paragraphs("kazakhstan-en.sentences").flatMap { $0 }
    let copies = 30
    let repeatedSource = Array([[String]](repeating: source, count: copies).joined())
    let repeatedTarget = Array([[String]](repeating: target, count: copies).joined())
    var aligner = DocumentAligner(sourceLanguage: az, targetLanguage: en)
    aligner.parameters.lexiconTrainingBeads = copies
    let sampled = aligner.align(source: [repeatedSource], target: [repeatedTarget])
    aligner.parameters.lexiconTrainingBeads = 100_000
    let complete = aligner.align(source: [repeatedSource], target: [repeatedTarget])
    #expect(complete.lexiconSize >= 20)
    #expect(Double(sampled.lexiconSize) >= 0.5 * Double(complete.lexiconSize))
}
