import Foundation
import TMCore
import TMFormats
import Testing
@testable import TMKit

/// The corpus alignment lexicon and the glossary's document sample: both are chosen from the corpus alone, so the
/// output does not depend on `--jobs` or `--shard`.
@Suite struct CorpusLexiconTests {
    /// Twelve copies of the sample (17 pairs each), as `c/dNN.az.txt` + `c/dNN.en.txt`.
    static func corpus(in folder: URL) throws -> String {
        var files: [String: String] = [:]
        for index in 0..<12 {
            files["c/d\(String(format: "%02d", index)).az.txt"] = CorpusFixture.azerbaijani
            files["c/d\(String(format: "%02d", index)).en.txt"] = CorpusFixture.english
        }
        try CorpusFixture.write(files, in: folder)
        return folder.appendingPathComponent("c").path
    }

    static func options(_ input: String, output: URL, jobs: Int) -> BuildOptions {
        var options = CorpusPipelineTests.options([input], output: output, jobs: jobs)
        options.lexiconPairs = 40
        options.termSampleSize = 30
        return options
    }

    static func undated(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(of: #"creationdate="[0-9TZ]+""#, with: "", options: .regularExpression)
    }

    @Test func theFirstDocumentsTeachTheLexiconAndTheOthersUseIt() async throws {
        let folder = try CorpusFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try Self.corpus(in: folder)
        let report = try await CorpusPipeline.run(Self.options(input, output: folder, jobs: 2))
        #expect(report.documents == 12)
        #expect(report.lexiconDocuments >= 2 && report.lexiconDocuments < 12)
        #expect(report.lexiconPairs >= 40)
        #expect(report.lexiconEntries > 0)
        // One pass with the lexicon finds the same 17 pairs in every copy.
        #expect(report.sentencePairs == 12 * 17)
        let units = try CorpusPipelineTests.units(report.outputs[0])
        #expect(units.count == 204)
        #expect(units.map(\.id) == (0..<12).flatMap { d in
            (1...17).map { "d\(String(format: "%02d", d)):\($0)" as String? }
        })
    }

    @Test func noLexiconWhenTurnedOff() async throws {
        let folder = try CorpusFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try Self.corpus(in: folder)
        var options = Self.options(input, output: folder, jobs: 2)
        options.lexiconPairs = 0
        let report = try await CorpusPipeline.run(options)
        #expect(report.lexiconEntries == 0 && report.lexiconDocuments == 0)
        #expect(report.sentencePairs == 204)
    }

    @Test(arguments: [1, 3])
    func lexiconAndGlossarySampleDoNotDependOnJobs(jobs: Int) async throws {
        let folder = try CorpusFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try Self.corpus(in: folder)
        let one = try await CorpusPipeline.run(Self.options(input, output: folder.appendingPathComponent("one"), jobs: 1))
        let many = try await CorpusPipeline.run(
            Self.options(input, output: folder.appendingPathComponent("many"), jobs: jobs))
        #expect(one.glossarySamplePairs > 0 && one.glossarySamplePairs <= 30)
        #expect(one.glossarySamplePairs == many.glossarySamplePairs)
        #expect(one.lexiconEntries == many.lexiconEntries)
        #expect(try Self.undated(one.outputs[0]) == Self.undated(many.outputs[0]))
        #expect(try Data(contentsOf: URL(fileURLWithPath: one.outputs[1]))
                == Data(contentsOf: URL(fileURLWithPath: many.outputs[1])))
    }

    /// Every shard learns the lexicon from the first documents of the whole corpus, so the shards' units are the
    /// unsharded build's.
    @Test func shardsWriteTheUnitsOfTheWholeBuild() async throws {
        let folder = try CorpusFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try Self.corpus(in: folder)
        var whole = Self.options(input, output: folder.appendingPathComponent("whole"), jobs: 2)
        whole.glossaryFormats = []
        let all = try CorpusPipelineTests.units(try await CorpusPipeline.run(whole).outputs[0])
        var sharded: [TMXUnit] = []
        for index in 1...3 {
            var options = Self.options(input, output: folder.appendingPathComponent("shard\(index)"), jobs: 2)
            options.glossaryFormats = []
            options.shard = CorpusShard(index: index, count: 3)
            do {
                let report = try await CorpusPipeline.run(options)
                #expect(report.lexiconEntries > 0)
                sharded += try CorpusPipelineTests.units(report.outputs[0])
            } catch is CorpusError {
                // A shard may hold no document.
            }
        }
        func key(_ unit: TMXUnit) -> String {
            (unit.id ?? "") + "\t" + unit.variants.map(\.segment.text).joined(separator: "\t")
        }
        #expect(sharded.map(key).sorted() == all.map(key).sorted())
    }

    @Test func glossaryDocumentsAreChosenFromTheCorpusAlone() {
        let documents = (0..<100).map {
            CorpusDocument(name: "d\($0)", source: .bilingual(path: "d\($0).txt"), byteCount: 1_000)
        }
        // 100 documents of ~10 pairs: 1,000 pairs, a sample of 100 → 10 documents.
        let chosen = CorpusTermDocuments.choose(documents, capacity: 100, pairsPerByte: 0.01, built: [])
        #expect(chosen?.count == 10)
        #expect(chosen == chosen?.sorted())
        #expect(chosen != Array(0..<10), "spread over the corpus, not its head")
        #expect(CorpusTermDocuments.choose(documents.reversed(), capacity: 100, pairsPerByte: 0.01, built: [])
                .map { $0.map { 99 - $0 }.sorted() } == chosen)
        // Less than twice the capacity: all pairs, sampled at the end.
        #expect(CorpusTermDocuments.choose(documents, capacity: 600, pairsPerByte: 0.01, built: []) == nil)
        // Everything built already: nothing to overlap.
        #expect(CorpusTermDocuments.choose(
            documents, capacity: 100, pairsPerByte: 0.01, built: Set(documents.map(\.name))) == nil)
    }
}
