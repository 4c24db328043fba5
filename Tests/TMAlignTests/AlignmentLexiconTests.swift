import Foundation
import Testing
import TMCore
@testable import TMAlign

private let az = LanguageTag("az")!
private let en = LanguageTag("en")!

/// A corpus lexicon learned from aligned documents, and one-pass alignment with it.
@Suite struct AlignmentLexiconTests {
    let source: [[String]]
    let target: [[String]]
    let alignment: DocumentAlignment

    init() throws {
        source = try Fixtures.paragraphs("kazakhstan-az.sentences")
        target = try Fixtures.paragraphs("kazakhstan-en.sentences")
        alignment = DocumentAligner(sourceLanguage: az, targetLanguage: en).align(source: source, target: target)
    }

    @Test func learnsWordPairsFromConfidentPairs() {
        let lexicon = DocumentAligner.learnLexicon(from: [alignment], sourceLanguage: az, targetLanguage: en)
        #expect(lexicon.trainingPairs == DocumentAligner.lexiconPairs(in: alignment))
        #expect(lexicon.trainingPairs >= 10)
        #expect(lexicon.entryCount > 0)
        // Stems as the aligner makes them: "Qazaxıstan" / "Kazakhstan" → "qaza" / "kaza".
        #expect(lexicon.contains(source: "qaza", target: "kaza"))
    }

    @Test func learningIsDeterministic() {
        let first = DocumentAligner.learnLexicon(from: [alignment, alignment], sourceLanguage: az, targetLanguage: en)
        let second = DocumentAligner.learnLexicon(from: [alignment, alignment], sourceLanguage: az, targetLanguage: en)
        #expect(first == second)
    }

    @Test func onePassWithTheLexiconFindsTheSameSeventeenPairs() {
        let lexicon = DocumentAligner.learnLexicon(from: [alignment], sourceLanguage: az, targetLanguage: en)
        let aligner = DocumentAligner(sourceLanguage: az, targetLanguage: en, lexicon: lexicon)
        let result = aligner.align(source: source, target: target)
        #expect(result.sentenceBeads.map(\.beadNotation) == alignment.sentenceBeads.map(\.beadNotation))
        #expect(result.paragraphBeads.map(\.source) == alignment.paragraphBeads.map(\.source))
        #expect(result.lexiconSize > 0)
    }

    @Test func onePassWorksOnOneParagraphToo() {
        let lexicon = DocumentAligner.learnLexicon(from: [alignment], sourceLanguage: az, targetLanguage: en)
        let aligner = DocumentAligner(sourceLanguage: az, targetLanguage: en, lexicon: lexicon)
        let result = aligner.align(source: [source.flatMap { $0 }], target: [target.flatMap { $0 }])
        #expect(result.sentenceBeads.map(\.beadNotation) == (0..<17).map { "[\($0)]:[\($0)]" })
    }

    @Test func anEmptyLexiconStillAligns() {
        let lexicon = DocumentAligner.learnLexicon(from: [], sourceLanguage: az, targetLanguage: en)
        #expect(lexicon.entryCount == 0)
        let result = DocumentAligner(sourceLanguage: az, targetLanguage: en, lexicon: lexicon)
            .align(source: source, target: target)
        #expect(result.pairs.count >= 15)
    }
}

/// Text+Berg: a lexicon learned from `dev` aligned the usual way, then `test0..6` in one pass with it. Runs only
/// when `TMKIT_TEXTBERG_EVAL=DATA:OUT` is set (DATA: the folder of `dev.de`, `test0.de`, …; OUT: where the
/// `.beads` files go, to score with `score.py`). See `Benchmarks/scale/lexicon-textberg.sh`.
@Suite struct TextBergLexiconEvaluation {
    static let setting = ProcessInfo.processInfo.environment["TMKIT_TEXTBERG_EVAL"]

    @Test(.enabled(if: setting != nil)) func alignTestDocumentsWithTheDevLexicon() throws {
        let parts = try #require(Self.setting).split(separator: ":").map(String.init)
        try #require(parts.count == 2)
        let data = URL(fileURLWithPath: parts[0])
        let output = URL(fileURLWithPath: parts[1])
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let de = LanguageTag("de")!
        let fr = LanguageTag("fr")!
        func lines(_ name: String) throws -> [[String]] {
            let text = try String(contentsOf: data.appendingPathComponent(name), encoding: .utf8)
            return [text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }]
        }
        let plain = DocumentAligner(sourceLanguage: de, targetLanguage: fr)
        let dev = plain.align(source: try lines("dev.de"), target: try lines("dev.fr"))
        let lexicon = DocumentAligner.learnLexicon(from: [dev], sourceLanguage: de, targetLanguage: fr)
        let aligner = DocumentAligner(sourceLanguage: de, targetLanguage: fr, lexicon: lexicon)
        for name in (0...6).map({ "test\($0)" }) {
            let source = try lines("\(name).de")
            let target = try lines("\(name).fr")
            for (suffix, result) in [
                ("lexicon", aligner.align(source: source, target: target)),
                ("plain", plain.align(source: source, target: target)),
            ] {
                let beads = result.sentenceBeads.map(\.beadNotation).joined(separator: "\n") + "\n"
                try Data(beads.utf8).write(to: output.appendingPathComponent("\(name).\(suffix).beads"))
            }
        }
        try Data("lexicon: \(lexicon.entryCount) entries from \(lexicon.trainingPairs) pairs\n".utf8)
            .write(to: output.appendingPathComponent("lexicon.txt"))
    }
}
