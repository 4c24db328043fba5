import Foundation
import TMCore
import Testing
@testable import TMKit

@Suite struct CorpusScannerTests {
    static let known: Set<String> = ["az", "en", "kaz"]

    @Test(arguments: [
        ("report.az.txt", CorpusScanner.Classification.language(
            key: "report.*.txt", name: "report", language: LanguageTag("az")!)),
        ("a/b/report.v2.en-US.txt", .language(key: "a/b/report.v2.*.txt", name: "a/b/report.v2",
                                              language: LanguageTag("en-US")!)),
        ("a/az/x.txt", .language(key: "a/*/x.txt", name: "a/x", language: LanguageTag("az")!)),
        ("en/2024/x.y.txt", .language(key: "*/2024/x.y.txt", name: "2024/x.y", language: LanguageTag("en")!)),
        ("kaz/x.txt", .language(key: "*/x.txt", name: "x", language: LanguageTag("kaz")!)),
        ("notes.old.txt", .bilingual(name: "notes.old")),
        ("report.v2.txt", .bilingual(name: "report.v2")),
        ("docs/reports/kazakhstan-az-en.txt", .bilingual(name: "docs/reports/kazakhstan-az-en")),
        (".az.txt", .bilingual(name: ".az")),
    ])
    func pathsAreReadAsLanguageFilesOrBilingualDocuments(path: String, expected: CorpusScanner.Classification) {
        #expect(CorpusScanner.classify(path, known: Self.known) == expected)
    }

    @Test func aFolderIsPairedByNameAndByFolderInPathOrder() throws {
        let folder = try CorpusFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try CorpusFixture.mixed(in: folder)
        let plan = try CorpusScanner.scan([folder.path], sourceLanguage: nil, targetLanguage: nil)
        #expect(plan.documents.map(\.name) == ["archive/kazakhstan", "bilingual", "broken", "news/report"])
        #expect(plan.sourceLanguage?.description == "az")
        #expect(plan.targetLanguage?.description == "en")
        #expect(plan.languageNote.contains("file names"))
        let report = try #require(plan.documents.last)
        #expect(report.source == .pair(
            sourcePath: folder.path + "/news/report.az.txt", targetPath: folder.path + "/news/report.en.txt",
            sourceLanguage: LanguageTag("az")!, targetLanguage: LanguageTag("en")!))
        #expect(report.byteCount == CorpusFixture.azerbaijani.utf8.count + CorpusFixture.english.utf8.count)
        #expect(plan.issues.map(\.kind) == [.unpaired])
        #expect(plan.issues.first?.description.hasPrefix(folder.path + "/lonely.az.txt: no translation") == true)
    }

    /// A corpus folder given through a symbolic link is read as the folder itself, with paths through the link.
    @Test func aFolderGivenAsASymbolicLinkIsRead() throws {
        let folder = try CorpusFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let real = folder.appendingPathComponent("real")
        try CorpusFixture.mixed(in: real)
        let link = folder.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
        let plan = try CorpusScanner.scan([link.path], sourceLanguage: nil, targetLanguage: nil)
        #expect(plan.documents.map(\.name) == ["archive/kazakhstan", "bilingual", "broken", "news/report"])
        #expect(plan.documents.last?.primaryPath == link.path + "/news/report.az.txt")
    }

    @Test func theSourceLanguageOptionTurnsThePairRound() throws {
        let folder = try CorpusFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try CorpusFixture.mixed(in: folder)
        let plan = try CorpusScanner.scan([folder.path], sourceLanguage: LanguageTag("en"), targetLanguage: nil)
        #expect(plan.sourceLanguage?.description == "en")
        #expect(plan.targetLanguage?.description == "az")
        guard case .pair(let source, _, let language, _) = plan.documents.last?.source else {
            Issue.record("not a pair")
            return
        }
        #expect(source.hasSuffix("report.en.txt"))
        #expect(language.description == "en")
    }

    @Test func filesOfAnotherLanguagePairAreReported() throws {
        let folder = try CorpusFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try CorpusFixture.write([
            "a.az.txt": "x", "a.en.txt": "y", "b.az.txt": "x", "b.en.txt": "y", "c.ru.txt": "x", "c.de.txt": "y",
        ], in: folder)
        let plan = try CorpusScanner.scan([folder.path], sourceLanguage: nil, targetLanguage: nil)
        #expect(plan.documents.map(\.name) == ["a", "b"])
        #expect(plan.issues.map(\.kind) == [.otherLanguages])
        #expect(plan.issues.first?.message == "the languages de–ru are not the corpus's (az–en)")
    }

    @Test func filesGivenOneByOneKeepTheirPathsAndOrder() throws {
        let folder = try CorpusFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try CorpusFixture.write(["z.en.txt": "x", "z.az.txt": "y", "b.txt": "z"], in: folder)
        let paths = ["z.en.txt", "b.txt", "z.az.txt", "missing.txt"].map { folder.path + "/" + $0 }
        let plan = try CorpusScanner.scan(paths, sourceLanguage: nil, targetLanguage: nil)
        #expect(plan.documents.map(\.name) == [folder.path + "/z", folder.path + "/b"])
        #expect(plan.issues.map(\.description) == [folder.path + "/missing.txt: no such file"])
    }

    @Test func anEmptyFolderIsAnError() throws {
        let folder = try CorpusFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: CorpusError("no documents (.txt files) found", file: folder.path)) {
            try CorpusScanner.scan([folder.path], sourceLanguage: nil, targetLanguage: nil)
        }
    }

    @Test func shardsSplitTheDocumentsWithoutOverlap() throws {
        let folder = try CorpusFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var files: [String: String] = [:]
        for index in 0..<40 { files["d\(index).txt"] = "x" }
        try CorpusFixture.write(files, in: folder)
        let all = try CorpusScanner.scan([folder.path], sourceLanguage: nil, targetLanguage: nil).documents.map(\.name)
        var seen: [String] = []
        for index in 1...3 {
            let shard = try #require(CorpusShard(index: index, count: 3))
            let plan = try CorpusScanner.scan([folder.path], sourceLanguage: nil, targetLanguage: nil, shard: shard)
            #expect(!plan.documents.isEmpty, "40 documents leave no shard of 3 empty")
            #expect(plan.otherShards == 40 - plan.documents.count)
            seen += plan.documents.map(\.name)
        }
        #expect(seen.sorted() == all.sorted())
    }
}

@Suite struct CorpusShardTests {
    @Test func parsesIndexAndCount() throws {
        let shard = try CorpusShard(parsing: "2/4")
        #expect(shard.index == 2 && shard.count == 4)
        #expect(shard.description == "2/4")
    }

    @Test(arguments: ["0/4", "5/4", "1/0", "a/b", "3", "1/2/3", ""])
    func rejectsWhatIsNotAShard(text: String) {
        #expect(throws: CorpusShardError.self) { try CorpusShard(parsing: text) }
    }

    /// The hash is fixed (FNV-1a), so shards agree across machines and releases.
    @Test func assignmentIsStable() throws {
        #expect(CorpusShard.fnv1a64("") == 0xcbf2_9ce4_8422_2325)
        #expect(CorpusShard.fnv1a64("a") == 0xaf63_dc4c_8601_ec8c)
        let one = try CorpusShard(parsing: "1/1")
        #expect(one.contains(documentNamed: "anything"))
    }
}

@Suite struct CorpusTermSampleTests {
    static func unit(_ index: Int) -> TranslationUnit {
        TranslationUnit(id: String(index), source: "s\(index)", target: "t\(index)",
                        sourceLanguage: LanguageTag("az")!, targetLanguage: LanguageTag("en")!)
    }

    @Test func keepsEverythingInOrderBelowCapacity() {
        var sample = CorpusTermSample(capacity: 10)
        for index in 0..<7 { sample.add(Self.unit(index)) }
        #expect(sample.units.map(\.id) == (0..<7).map(String.init))
    }

    @Test func keepsABoundedReproducibleSampleInCorpusOrder() {
        func draw() -> [Int] {
            var sample = CorpusTermSample(capacity: 50)
            for index in 0..<1000 { sample.add(Self.unit(index)) }
            return sample.units.compactMap { Int($0.id) }
        }
        let first = draw()
        #expect(first.count == 50)
        #expect(first == first.sorted())
        #expect(first == draw())
        #expect((first.last ?? 0) > 500, "later pairs get into the sample too")
    }
}
