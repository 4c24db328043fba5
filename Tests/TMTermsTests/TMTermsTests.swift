import Foundation
import TMCore
import Testing
@testable import TMTerms

/// The sample article's 17 sentence pairs (Azerbaijani → English), aligned by hand.
enum Sample {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/terms")

    static let az = LanguageTag("az")!
    static let en = LanguageTag("en")!

    static func units() throws -> [TranslationUnit] {
        let text = try String(contentsOf: fixtures.appendingPathComponent("kazakhstan-pairs.tsv"), encoding: .utf8)
        return text.split(separator: "\n").enumerated().map { index, line in
            let fields = line.split(separator: "\t")
            return TranslationUnit(id: "\(index + 1)", source: String(fields[0]), target: String(fields[1]),
                                   sourceLanguage: az, targetLanguage: en)
        }
    }

    static func glossary() throws -> Glossary {
        TermLearner(sourceLanguage: az, targetLanguage: en).learn(from: try units())
    }

    /// One line per entry, as a reviewer reads it: all source terms ↔ all target terms.
    static func render(_ glossary: Glossary) -> String {
        glossary.entries.map { entry in
            entry.sourceTerms.map(\.text).joined(separator: " + ") + " ↔ "
                + entry.targetTerms.map(\.text).joined(separator: " + ")
                + "\t\(entry.frequency)\t" + String(format: "%.3f", entry.confidence)
        }.joined(separator: "\n") + "\n"
    }
}

@Test(arguments: [
    ("KTMT", "CSTO"), ("Qazaxıstan", "Kazakhstan"), ("Tokayev", "Tokayev"), ("Putin", "Putin"),
    ("Moskva", "Moscow"), ("rəngli inqilablar", "color revolutions"), ("Ermənistan", "Armenia"),
    ("Qırğızıstan", "Kyrgyzstan"), ("Tacikistan", "Tajikistan"), ("Rusiya", "Russia"), ("Ukrayna", "Ukraine"),
    ("Meydan", "Maidan"), ("4-cü maddə", "Article 4"), ("Belarus", "Belarus"),
    ("təhlükəsizlik qüvvələri", "security forces"),
])
func sampleGlossaryHasTargetPair(source: String, target: String) throws {
    let glossary = try Sample.glossary()
    let entry = glossary.entries.first { $0.sourceTerms.contains { $0.text == source } }
    #expect(entry != nil, "no entry for \(source)")
    #expect(entry?.targetTerms.contains { $0.text == target } == true,
            "\(source) ↔ \(entry?.targetTerms.map(\.text) ?? [])")
}

/// A phrase seen once is learned only as the one term-like extension of a linked head (`qüvvələr ↔ forces`):
/// `dağıdıcı qüvvələr` (destructive forces) stands next to `external forces`, and adjectives make free phrases.
@Test func singleSentencePhrasesNeedALinkedHeadAndTermLikeModifiers() throws {
    let glossary = try Sample.glossary()
    let security = try #require(glossary.entries.first { $0.sourceTerms.first?.text == "təhlükəsizlik qüvvələri" })
    #expect(security.frequency == 1)
    let forces = try #require(glossary.entries.first { $0.sourceTerms.first?.text == "qüvvələr" })
    #expect(security.confidence < forces.confidence)
    #expect(!glossary.entries.contains { $0.sourceTerms.contains { $0.text.hasPrefix("dağıdıcı") } })
    #expect(!glossary.entries.contains { $0.targetTerms.contains { $0.text == "external forces" } })
}

@Test func acronymAndLongFormShareOneConceptEntry() throws {
    let glossary = try Sample.glossary()
    let entry = try #require(glossary.entries.first { $0.sourceTerms.first?.text == "KTMT" })
    #expect(entry.sourceTerms.map(\.text) == ["KTMT", "Kollektiv Thlükəsizlik Alyansı"])
    #expect(entry.targetTerms.map(\.text) == ["CSTO", "collective security alliance"])
    #expect(entry.sourceTerms[0].variants == ["KTMT-nin"])
    #expect(entry.sourceTerms[1].variants.contains("Kollektiv Thlükəsizlik Alyansının"))
    #expect(entry.frequency == 5)
    #expect(entry.example != nil)
}

@Test func inflectedFormsAreVariantsOfOneTerm() throws {
    let glossary = try Sample.glossary()
    let kazakhstan = try #require(glossary.entries.first { $0.sourceTerms.first?.text == "Qazaxıstan" })
    #expect(kazakhstan.sourceTerms[0].variants == ["Qazaxıstanda", "Qazaxıstandakı"])
    let tokayev = try #require(glossary.entries.first { $0.sourceTerms.first?.text == "Tokayev" })
    #expect(tokayev.sourceTerms[0].variants == ["Tokayevin"])
    let ukraine = try #require(glossary.entries.first { $0.sourceTerms.first?.text == "Ukrayna" })
    #expect(ukraine.sourceTerms[0].variants == ["Ukraynanın"])
    #expect(ukraine.targetTerms[0].variants == ["Ukraine’s"])
}

/// Regenerate with `TMTERMS_UPDATE_GOLD=1 swift test --filter TMTermsTests`, then review the diff by hand.
@Test func sampleGlossaryMatchesGoldFile() throws {
    let url = Sample.fixtures.appendingPathComponent("kazakhstan-glossary.gold")
    let rendered = Sample.render(try Sample.glossary())
    if ProcessInfo.processInfo.environment["TMTERMS_UPDATE_GOLD"] != nil {
        try rendered.write(to: url, atomically: true, encoding: .utf8)
    }
    #expect(rendered == (try String(contentsOf: url, encoding: .utf8)))
}

@Test func learningIsDeterministic() throws {
    let units = try Sample.units()
    let learner = TermLearner(sourceLanguage: Sample.az, targetLanguage: Sample.en)
    #expect(learner.learn(from: units) == learner.learn(from: units))
}

@Test func entriesAreSortedByConfidence() throws {
    let confidences = try Sample.glossary().entries.map(\.confidence)
    #expect(confidences == confidences.sorted(by: >))
    #expect(!confidences.isEmpty)
}

@Test func seedTermsAreAlwaysKept() throws {
    let seed = Glossary(sourceLanguage: Sample.az, targetLanguage: Sample.en, entries: [
        TermEntry(id: "seed1", sourceTerms: [Term(text: "Qazaxıstan")], targetTerms: [Term(text: "Republic of Kazakhstan")]),
        TermEntry(id: "seed2", sourceTerms: [Term(text: "qayıq")], targetTerms: [Term(text: "boat")]),
    ])
    let learner = TermLearner(sourceLanguage: Sample.az, targetLanguage: Sample.en,
                              options: TermLearnerOptions(seedGlossary: seed))
    let glossary = learner.learn(from: try Sample.units())
    #expect(glossary.entries.prefix(2).map(\.id) == ["seed1", "seed2"])
    // The learned Qazaxıstan ↔ Kazakhstan repeats a seed term, so the seed entry stands alone.
    #expect(glossary.entries.filter { $0.sourceTerms.contains { $0.text == "Qazaxıstan" } }.count == 1)
}

@Test func limitAndMinCountApply() throws {
    let units = try Sample.units()
    let limited = TermLearner(sourceLanguage: Sample.az, targetLanguage: Sample.en,
                              options: TermLearnerOptions(limit: 3)).learn(from: units)
    #expect(limited.entries.map { $0.sourceTerms[0].text } == ["KTMT", "Tacikistan", "Qazaxıstan"])
    let frequent = TermLearner(sourceLanguage: Sample.az, targetLanguage: Sample.en,
                               options: TermLearnerOptions(minCount: 3)).learn(from: units)
    #expect(frequent.entries.allSatisfy { $0.frequency >= 3 })
    #expect(frequent.entries.contains { $0.sourceTerms[0].text == "Qazaxıstan" })
}

@Test func emptyInputGivesEmptyGlossary() {
    let glossary = TermLearner(sourceLanguage: Sample.az, targetLanguage: Sample.en).learn(from: [])
    #expect(glossary.entries.isEmpty)
    #expect(glossary.sourceLanguage == Sample.az)
}

@Test func generalWordsAndVerbsDoNotBecomeEntries() throws {
    let texts = try Sample.glossary().entries.flatMap { $0.sourceTerms + $0.targetTerms }.map(\.text)
    for general in ["said", "deyib", "bildirib", "əlavə edib", "added", "allow"] {
        #expect(!texts.contains(general), "\(general) is a general word")
    }
}

@Test func candidatesStopAtStopWordsAndPunctuation() {
    var side = SideAnalyzer(language: "en", sentences: ["The file failed to open, said the manager of the CSTO pact."])
    let tokens = side.analyse("The file failed to open, said the manager of the CSTO pact.")
    let candidates = CandidateTable().spans(in: tokens).map { range in
        range.map { tokens[$0].surface }.joined(separator: " ")
    }
    #expect(!candidates.contains { $0.contains("failed to") || $0.contains("open said") })
    #expect(candidates.contains("manager of the CSTO pact") == false)
    #expect(candidates.contains("CSTO pact"))
}
