import Foundation
import TMCore
import TMFormats
import Testing
@testable import TMKit

@Suite struct CorpusPipelineTests {
    /// Events seen during a run, collected across tasks.
    final class Events: @unchecked Sendable {
        private let lock = NSLock()
        private var events: [CorpusEvent] = []
        func add(_ event: CorpusEvent) { lock.withLock { events.append(event) } }
        var issues: [CorpusIssue] {
            lock.withLock { events.compactMap { if case .skipped(let issue) = $0 { issue } else { nil } } }
        }
        var steps: [String] {
            lock.withLock { events.compactMap { if case .step(let text) = $0 { text } else { nil } } }
        }
        var progress: [ProgressSnapshot] {
            lock.withLock { events.compactMap { if case .progress(let snapshot) = $0 { snapshot } else { nil } } }
        }
    }

    static func options(_ inputs: [String], output: URL, jobs: Int = 2) -> BuildOptions {
        var options = BuildOptions(inputs: inputs)
        options.tmxDirectory = output.appendingPathComponent("Exports").path
        options.glossaryDirectory = output.appendingPathComponent("Glossaries").path
        options.jobs = jobs
        return options
    }

    static func units(_ path: String) throws -> [TMXUnit] {
        var reader = try TMXReader(path: path)
        var units: [TMXUnit] = []
        while let unit = try reader.next() { units.append(unit) }
        return units
    }

    @Test func aMixedFolderMakesOneTMXWithEveryDocumentAndReportsTheRest() async throws {
        let folder = try CorpusFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = folder.appendingPathComponent("news-corpus")
        try CorpusFixture.mixed(in: corpus)
        let events = Events()
        let report = try await CorpusPipeline.run(Self.options([corpus.path], output: folder)) { events.add($0) }

        #expect(report.name == "news-corpus")
        #expect(report.documents == 3)
        #expect(report.skipped == [.unpaired: 1, .unreadable: 1])
        #expect(report.sentencePairs == 51)
        #expect(report.sourceParagraphs == 24 && report.targetParagraphs == 27)
        #expect(report.glossaryEntries > 0)
        #expect(report.outputs.map { URL(fileURLWithPath: $0).lastPathComponent }
                == ["news-corpus.tmx", "news-corpus.tbx", "news-corpus.txt"])

        let units = try Self.units(report.outputs[0])
        #expect(units.count == 51)
        #expect(Set(units.compactMap(\.id)).count == 51, "tuids are unique across the corpus")
        #expect(units.first?.id == "archive/kazakhstan:1")
        #expect(units.last?.id == "news/report:17")
        let documents = units.compactMap { $0.properties.first { $0.type == "x-document" }?.value }
        #expect(documents == Array(repeating: "archive/kazakhstan", count: 17) + Array(repeating: "bilingual", count: 17)
                + Array(repeating: "news/report", count: 17))

        #expect(Set(events.issues.map(\.kind)) == [.unpaired, .unreadable])
        let broken = try #require(events.issues.first { $0.kind == .unreadable })
        #expect(broken.description.hasPrefix(corpus.path + "/broken.txt"))
        #expect(broken.message.contains("binary"))
        #expect(events.progress.map(\.documentsDone) == [1, 2, 3, 4])
        #expect(events.progress.last?.isFinished == true)
        #expect(events.progress.last?.sentencePairs == 51)
    }

    /// The TMX is the same whatever the number of jobs (dates aside, which come from the clock).
    @Test(arguments: [1, 3])
    func outputDoesNotDependOnJobs(jobs: Int) async throws {
        let folder = try CorpusFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var files: [String: String] = [:]
        for index in 0..<6 {
            files["c/d\(index).az.txt"] = CorpusFixture.azerbaijani
            files["c/d\(index).en.txt"] = CorpusFixture.english
        }
        try CorpusFixture.write(files, in: folder)
        let input = folder.appendingPathComponent("c").path
        let one = try await CorpusPipeline.run(Self.options([input], output: folder.appendingPathComponent("one"), jobs: 1))
        let many = try await CorpusPipeline.run(
            Self.options([input], output: folder.appendingPathComponent("many"), jobs: jobs))
        let undated = { (path: String) throws -> String in
            try String(contentsOfFile: path, encoding: .utf8)
                .replacingOccurrences(of: #"creationdate="[0-9TZ]+""#, with: "", options: .regularExpression)
        }
        #expect(one.sentencePairs == 102)
        #expect(try undated(one.outputs[0]) == undated(many.outputs[0]))
        #expect(try Data(contentsOf: URL(fileURLWithPath: one.outputs[1]))
                == Data(contentsOf: URL(fileURLWithPath: many.outputs[1])))
    }

    /// A bilingual file whose English block comes first still gives az → en units.
    @Test func aBilingualDocumentInTheOtherDirectionIsTurnedRound() async throws {
        let folder = try CorpusFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try CorpusFixture.write([
            "c/a.az.txt": CorpusFixture.azerbaijani, "c/a.en.txt": CorpusFixture.english,
            "c/b.txt": CorpusFixture.english + "\n" + CorpusFixture.azerbaijani,
        ], in: folder)
        let report = try await CorpusPipeline.run(Self.options([folder.appendingPathComponent("c").path], output: folder))
        #expect(report.documents == 2)
        let units = try Self.units(report.outputs[0])
        let reversed = units.filter { $0.id?.hasPrefix("b:") == true }
        #expect(reversed.count == 17)
        #expect(reversed.first?.variants.map(\.language.description) == ["az", "en"])
        #expect(reversed.first?.variants.first?.segment.text.hasPrefix("Rusiya prezidenti") == true)
    }

    @Test func shardsTogetherHoldTheWholeCorpus() async throws {
        let folder = try CorpusFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var files: [String: String] = [:]
        for index in 0..<5 {
            files["c/d\(index).az.txt"] = CorpusFixture.azerbaijani
            files["c/d\(index).en.txt"] = CorpusFixture.english
        }
        try CorpusFixture.write(files, in: folder)
        let input = folder.appendingPathComponent("c").path
        var ids: [String] = []
        var outputs: [String] = []
        for index in 1...2 {
            var options = Self.options([input], output: folder)
            options.shard = CorpusShard(index: index, count: 2)
            options.glossaryFormats = []
            do {
                let report = try await CorpusPipeline.run(options)
                #expect(report.otherShards == 5 - report.documents)
                outputs += report.outputs
                ids += try Self.units(report.outputs[0]).compactMap(\.id)
            } catch let error as CorpusError {
                #expect(error.message.contains("shard"), "an empty shard says so: \(error)")
            }
        }
        #expect(outputs.allSatisfy { $0.contains("c-shard-") })
        #expect(ids.count == 85)
        #expect(Set(ids).count == 85)
    }

    @Test func severalInputsNeedAName() async throws {
        let options = Self.options(["a.txt", "b.txt"], output: FileManager.default.temporaryDirectory)
        await #expect(throws: CorpusError("several inputs make one corpus: name it with --name")) {
            try await CorpusPipeline.run(options)
        }
    }

    @Test func aCorpusWhereNothingCanBeBuiltLeavesNoOutput() async throws {
        let folder = try CorpusFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try CorpusFixture.write(["c/one.txt": "Only English here.\n\nAnd more English text.\n",
                                 "c/two.az.txt": CorpusFixture.azerbaijani], in: folder)
        let options = Self.options([folder.appendingPathComponent("c").path], output: folder.appendingPathComponent("out"),
                                   jobs: 1)
        await #expect(throws: CorpusError.self) { try await CorpusPipeline.run(options) }
        #expect(!FileManager.default.fileExists(atPath: options.tmxDirectory))
    }

    /// Beyond `termSampleSize` pairs, the glossary is learned from a sample of that many, and the summary says so.
    @Test func theGlossaryOfABigCorpusIsLearnedFromABoundedSample() async throws {
        let folder = try CorpusFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var files: [String: String] = [:]
        for index in 0..<3 {
            files["c/d\(index).az.txt"] = CorpusFixture.azerbaijani
            files["c/d\(index).en.txt"] = CorpusFixture.english
        }
        try CorpusFixture.write(files, in: folder)
        var options = Self.options([folder.appendingPathComponent("c").path], output: folder)
        options.termSampleSize = 20
        let events = Events()
        let report = try await CorpusPipeline.run(options) { events.add($0) }
        #expect(report.sentencePairs == 51)
        #expect(report.glossarySamplePairs == 20)
        #expect(report.glossaryEntries > 0)
        #expect(events.steps == ["learning the glossary from a sample of 20 of 51 sentence pairs"])
    }

    /// `--timings`: every stage is counted, and the stages add up to the CPU time of the document phase.
    @Test func timingsAccountForEveryStage() async throws {
        let folder = try CorpusFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try CorpusFixture.write(["c/a.az.txt": CorpusFixture.azerbaijani, "c/a.en.txt": CorpusFixture.english,
                                 "c/b.txt": CorpusFixture.sampleText], in: folder)
        let report = try await CorpusPipeline.run(Self.options([folder.appendingPathComponent("c").path], output: folder))
        let t = report.timings
        #expect(t.reading > 0 && t.segmentation > 0 && t.alignment > 0 && t.writing > 0 && t.termLearning > 0)
        let documentStages = t.reading + t.segmentation + t.alignment + t.units + t.writing
        #expect(documentStages >= t.documentsCPU - 1e-9, "alignment takes what the other stages do not account for")
        #expect(t.processCPU >= t.documentsCPU + t.termLearning)
        #expect(t.documentsWall > 0 && t.glossaryWall > 0)
    }

    @Test func progressEstimatesTimeLeftFromBytes() {
        let half = ProgressSnapshot(documentsDone: 1, documentsTotal: 10, bytesDone: 500, bytesTotal: 1000,
                                    sentencePairs: 5, skipped: 0, elapsed: 30)
        #expect(half.fraction == 0.5)
        #expect(half.secondsLeft == 30)
        let early = ProgressSnapshot(documentsDone: 0, documentsTotal: 10, bytesDone: 0, bytesTotal: 1000,
                                     sentencePairs: 0, skipped: 0, elapsed: 1)
        #expect(early.secondsLeft == nil)
    }
}
