import Foundation
import TMCore
import Testing
@testable import TMKit

/// `tmkit align SOURCE_FOLDER TARGET_FOLDER`: pairing by path, skipping, order, jobs and shards.
@Suite struct AlignCorpusPipelineTests {
    /// src/ and tgt/ with three paired documents (one by the same path, two by swapping the language tag), a
    /// source file and a target file without partners, and a hidden file.
    private func folders() throws -> (root: URL, source: String, target: String) {
        let root = try CorpusFixture.folder()
        let az = CorpusFixture.azerbaijani
        let en = CorpusFixture.english
        let azParagraphs = az.components(separatedBy: "\n\n")
        let enParagraphs = en.components(separatedBy: "\n\n")
        // az paragraph 1 is en paragraphs 1 and 2: the first 4 az paragraphs are the first 5 en ones.
        let shortAz = azParagraphs.prefix(4).joined(separator: "\n\n") + "\n"
        let shortEn = enParagraphs.prefix(5).joined(separator: "\n\n") + "\n"
        try CorpusFixture.write([
            "src/a.az.txt": az, "tgt/a.en.txt": en,
            "src/news/b.txt": shortAz, "tgt/news/b.txt": shortEn,
            "src/c.az": az, "tgt/c.en": en,
            "src/lonely.txt": shortAz, "tgt/orphan.txt": shortEn,
            "src/.hidden.txt": az,
        ], in: root)
        return (root, root.appendingPathComponent("src").path, root.appendingPathComponent("tgt").path)
    }

    private func corpus(_ source: String, _ target: String) -> AlignCorpusPipeline {
        AlignCorpusPipeline(
            sourceFolder: source, targetFolder: target, sourceLanguage: LanguageTag("az")!,
            targetLanguage: LanguageTag("en")!)
    }

    private func output(_ pipeline: AlignCorpusPipeline, format: AlignOutputFormat, in root: URL) async throws
        -> (report: AlignCorpusPipeline.Report, text: String)
    {
        let path = root.appendingPathComponent("out-\(UUID().uuidString)").path
        let report = try await pipeline.run(format: format, output: path)
        return (report, try String(contentsOfFile: path, encoding: .utf8))
    }

    @Test func filesPairByPathOrBySwappedLanguageTag() throws {
        let (root, source, target) = try folders()
        defer { try? FileManager.default.removeItem(at: root) }
        let plan = try corpus(source, target).documents()
        #expect(plan.documents.map(\.name) == ["a", "c", "news/b"])
        #expect(plan.documents.map { URL(fileURLWithPath: $0.targetPath).lastPathComponent } == ["a.en.txt", "c.en", "b.txt"])
        let unpaired = plan.issues.map { URL(fileURLWithPath: $0.location?.file ?? "").lastPathComponent }
        #expect(unpaired == ["lonely.txt", "orphan.txt"])
        #expect(plan.issues.allSatisfy { $0.kind == .unpaired })
    }

    @Test func oneFolderHoldsBothLanguages() throws {
        let root = try CorpusFixture.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        try CorpusFixture.write([
            "c/a.az.txt": CorpusFixture.azerbaijani, "c/a.en.txt": CorpusFixture.english,
            "c/n/b.az.txt": CorpusFixture.azerbaijani, "c/n/b.en.txt": CorpusFixture.english,
            "c/only.en.txt": CorpusFixture.english, "c/notes.txt": "x",
        ], in: root)
        let folder = root.appendingPathComponent("c").path
        let plan = try corpus(folder, folder).documents()
        #expect(plan.documents.map(\.name) == ["a", "n/b"])
        #expect(plan.documents.map { URL(fileURLWithPath: $0.targetPath).lastPathComponent } == ["a.en.txt", "b.en.txt"])
        #expect(plan.issues.map { URL(fileURLWithPath: $0.location?.file ?? "").lastPathComponent } == ["only.en.txt"])
    }

    @Test func everyDocumentIsAlignedInPathOrderWhateverTheJobs() async throws {
        let (root, source, target) = try folders()
        defer { try? FileManager.default.removeItem(at: root) }
        var one = corpus(source, target)
        one.jobs = 1
        var three = one
        three.jobs = 3
        let first = try await output(one, format: .jsonl, in: root)
        let second = try await output(three, format: .jsonl, in: root)
        #expect(first.text == second.text)
        #expect(first.report.documents == 3)
        #expect(first.report.skipped == 2)
        let documents = first.text.split(separator: "\n").compactMap { line -> String? in
            guard let range = line.range(of: "\"document\":\"") else { return nil }
            return String(line[range.upperBound...].prefix { $0 != "\"" })
        }
        // The whole sample is 17 pairs; its first 4 az paragraphs hold 9 sentences, each its own pair.
        #expect(documents == Array(repeating: "a", count: 17) + Array(repeating: "c", count: 17)
            + Array(repeating: "news/b", count: 9))
        #expect(first.report.pairs == 43)
    }

    @Test func shardsSplitTheDocumentsAndTogetherGiveTheWhole() async throws {
        let (root, source, target) = try folders()
        defer { try? FileManager.default.removeItem(at: root) }
        let whole = try await output(corpus(source, target), format: .tsv, in: root)
        var lines: [Substring] = []
        var documents = 0
        for index in 1...3 {
            var part = corpus(source, target)
            part.shard = CorpusShard(index: index, count: 3)
            do {
                let result = try await output(part, format: .tsv, in: root)
                #expect(result.report.documents + result.report.otherShards == 3)
                documents += result.report.documents
                lines += result.text.split(separator: "\n")
            } catch let error as AlignPipelineError {
                // A shard may hold none of the three documents: then it says so and writes nothing.
                #expect(error.message.contains("shard \(index)/3"))
            }
        }
        #expect(documents == 3)
        #expect(lines.sorted() == whole.text.split(separator: "\n").sorted())
        #expect(lines.allSatisfy { $0.split(separator: "\t").count == 4 })
    }

    @Test func aCorpusLexiconIsTheSameForEveryShardAndJobCount() async throws {
        let (root, source, target) = try folders()
        defer { try? FileManager.default.removeItem(at: root) }
        var whole = corpus(source, target)
        whole.lexiconPairs = 10  // the first document (17 pairs) is enough to learn from
        whole.jobs = 1
        let one = try await output(whole, format: .tsv, in: root)
        #expect(one.report.lexiconDocuments == 1)
        #expect(one.report.lexiconEntries > 0)
        whole.jobs = 3
        #expect(try await output(whole, format: .tsv, in: root).text == one.text)
        var lines: [Substring] = []
        for index in 1...2 {
            var part = whole
            part.shard = CorpusShard(index: index, count: 2)
            if let result = try? await output(part, format: .tsv, in: root) {
                #expect(result.report.lexiconEntries == one.report.lexiconEntries)
                lines += result.text.split(separator: "\n")
            }
        }
        #expect(lines.sorted() == one.text.split(separator: "\n").sorted())
        // Without a corpus lexicon every document is aligned on its own, as two files are.
        whole.lexiconPairs = 0
        let alone = try await output(whole, format: .tsv, in: root)
        #expect(alone.report.lexiconEntries == 0)
        #expect(alone.report.pairs == one.report.pairs)
    }

    @Test func anUnreadableDocumentIsSkippedAndTheOthersWritten() async throws {
        let (root, source, target) = try folders()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data([0x66, 0xFF, 0xFE, 0x00, 0x41]).write(to: URL(fileURLWithPath: source + "/c.az"))
        let result = try await output(corpus(source, target), format: .beads, in: root)
        #expect(result.report.documents == 2)
        #expect(result.report.skipped == 3)
        #expect(result.text.split(separator: "\n").filter { $0.hasPrefix("#") } == ["# a", "# news/b"])
    }

    @Test func noPairedDocumentFailsAndWritesNothing() async throws {
        let root = try CorpusFixture.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        try CorpusFixture.write(["src/x.txt": CorpusFixture.azerbaijani, "tgt/y.txt": CorpusFixture.english], in: root)
        let path = root.appendingPathComponent("out.tsv").path
        await #expect(throws: AlignPipelineError.self) {
            try await corpus(root.appendingPathComponent("src").path, root.appendingPathComponent("tgt").path)
                .run(format: .tsv, output: path)
        }
        #expect(!FileManager.default.fileExists(atPath: path))
        let left = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".") }
        #expect(left.isEmpty)
    }
}
