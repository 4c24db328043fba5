import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// `tmkit build` on a corpus folder, end to end through the binary: one TMX for many documents, skipped files,
/// `--jobs`, `--shard` and the merge of shards with `tmkit convert`, progress on stderr.
@Suite struct CorpusBuildTests {
    static let epoch = ["SOURCE_DATE_EPOCH": "1767225600"]

    struct Pair: Hashable, CustomStringConvertible {
        var az: String
        var en: String
        var description: String { "\(az) ⇔ \(en)" }
    }

    /// The sample's 17 sentence pairs, split and paired by hand.
    static func referencePairs() throws -> [Pair] {
        let text = try String(contentsOf: TMKitProcess.fixture("e2e/kazakhstan-pairs.tsv"), encoding: .utf8)
        return text.split(separator: "\n").map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            return Pair(az: String(fields[0]), en: String(fields[1]))
        }
    }

    /// Where each document of `corpus(in:)` takes its pairs from, and its name in the corpus.
    static let documents: [(name: String, pairs: Range<Int>)] = [
        ("archive/kazakhstan", 4..<8),  // az/archive/kazakhstan.txt + en/archive/kazakhstan.txt
        ("bilingual", 8..<13),  // one file: the Azerbaijani block, then the English one
        ("news/report", 0..<4),  // news/report.az.txt + news/report.en.txt
        ("speeches/putin", 13..<17),  // speeches/putin.az.txt + speeches/putin.en.txt
    ]

    /// Four documents made of disjoint runs of the sample's pairs (one sentence a paragraph), so that no two
    /// documents share a unit: paired by name, paired by folder, and one bilingual file. `extras` adds an unpaired
    /// file, a binary `.txt` file, a file that is not text and a hidden folder.
    static func corpus(in folder: URL, extras: Bool) throws -> URL {
        let pairs = try referencePairs()
        let root = folder.appendingPathComponent("kazakhstan-corpus")
        func side(_ range: Range<Int>, _ language: KeyPath<Pair, String>) -> String {
            pairs[range].map { $0[keyPath: language] }.joined(separator: "\n\n") + "\n"
        }
        var files: [String: Data] = [
            "az/archive/kazakhstan.txt": Data(side(4..<8, \.az).utf8),
            "en/archive/kazakhstan.txt": Data(side(4..<8, \.en).utf8),
            "bilingual.txt": Data((side(8..<13, \.az) + "\n" + side(8..<13, \.en)).utf8),
            "news/report.az.txt": Data(side(0..<4, \.az).utf8),
            "news/report.en.txt": Data(side(0..<4, \.en).utf8),
            "speeches/putin.az.txt": Data(side(13..<17, \.az).utf8),
            "speeches/putin.en.txt": Data(side(13..<17, \.en).utf8),
        ]
        if extras {
            files["lonely.az.txt"] = Data(side(0..<3, \.az).utf8)
            files["broken.txt"] = Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF, 0xFE, 0x00])
            files["notes.md"] = Data("not a document".utf8)
            files[".hidden/secret.txt"] = Data((side(0..<17, \.az) + "\n" + side(0..<17, \.en)).utf8)
        }
        for (path, data) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        return root
    }

    /// `tmkit build INPUT --tmx-dir OUT/Exports --glossary-dir OUT/Glossaries ARGUMENTS`.
    static func build(_ input: URL, output: URL, _ arguments: [String] = []) throws -> TMKitProcess.Result {
        try TMKitProcess.run(
            ["build", input.path, "--tmx-dir", output.appendingPathComponent("Exports").path,
             "--glossary-dir", output.appendingPathComponent("Glossaries").path] + arguments,
            environment: epoch)
    }

    @Test func aFolderMakesOneTMXWithUniqueTuidsAndDocumentProps() throws {
        let folder = try TMKitProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = try Self.corpus(in: folder, extras: false)
        let result = try Self.build(corpus, output: folder, ["--jobs", "2"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("kazakhstan-corpus: az → en"))
        #expect(result.stdout.contains("documents    4 built\n"))
        #expect(result.stdout.contains("pairs        17 ("))
        #expect(TMKitProcess.files(under: folder.appendingPathComponent("Exports")) == ["kazakhstan-corpus.tmx"])
        #expect(TMKitProcess.files(under: folder.appendingPathComponent("Glossaries"))
                == ["kazakhstan-corpus.tbx", "kazakhstan-corpus.txt"])

        let units = try CorpusTMX.read(folder.appendingPathComponent("Exports/kazakhstan-corpus.tmx"))
        #expect(units.count == 17)
        #expect(Set(units.map(\.tuid)).count == units.count, "tuids are unique across the corpus")
        // Documents in name order, units in document order, each unit naming its document.
        var expectedIDs: [String] = []
        var expectedDocuments: [String] = []
        var expectedPairs: [Pair] = []
        let pairs = try Self.referencePairs()
        for document in Self.documents {
            for (offset, index) in document.pairs.enumerated() {
                expectedIDs.append("\(document.name):\(offset + 1)")
                expectedDocuments.append(document.name)
                expectedPairs.append(pairs[index])
            }
        }
        #expect(units.map(\.tuid) == expectedIDs)
        #expect(units.map(\.document) == expectedDocuments)
        #expect(units.map(\.pair) == expectedPairs)
    }

    @Test func unpairedAndUnreadableFilesAreReportedAndSkipped() throws {
        let folder = try TMKitProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = try Self.corpus(in: folder, extras: true)
        let result = try Self.build(corpus, output: folder)
        // Skipped files are warnings: the corpus is still built, and the status is 0.
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let warnings = result.stderr.split(separator: "\n").filter { $0.hasPrefix("tmkit: warning: ") }
        #expect(warnings.count == 2, "stderr: \(result.stderr)")
        let lonely = corpus.appendingPathComponent("lonely.az.txt").path
        let broken = corpus.appendingPathComponent("broken.txt").path
        #expect(warnings.contains { $0.hasPrefix("tmkit: warning: \(lonely):") && $0.contains("no translation") })
        #expect(warnings.contains { $0.hasPrefix("tmkit: warning: \(broken)") && $0.hasSuffix("(skipped)") })
        #expect(!result.stderr.contains("notes.md") && !result.stderr.contains("secret"))
        #expect(result.stdout.contains("documents    4 built, 2 skipped (1 unpaired, 1 unreadable)"))
        let units = try CorpusTMX.read(folder.appendingPathComponent("Exports/kazakhstan-corpus.tmx"))
        #expect(units.count == 17)
        #expect(!units.contains { $0.document == "lonely" || $0.document == "broken" || $0.document == ".hidden/secret" })
    }

    @Test func aCorpusWithNothingToBuildFailsWithStatus2AndNoOutput() throws {
        let folder = try TMKitProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = folder.appendingPathComponent("empty-corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        try Data("Bir dil.\n".utf8).write(to: corpus.appendingPathComponent("only.az.txt"))
        let result = try Self.build(corpus, output: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("tmkit: warning: \(corpus.appendingPathComponent("only.az.txt").path):"))
        #expect(result.stderr.contains("tmkit: no document can be built"))
        #expect(TMKitProcess.files(under: folder).filter { !$0.hasPrefix("empty-corpus/") }.isEmpty)
    }

    @Test func oneJobAndTwoJobsWriteTheSameBytes() throws {
        let folder = try TMKitProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = try Self.corpus(in: folder, extras: true)
        let one = folder.appendingPathComponent("one")
        let two = folder.appendingPathComponent("two")
        let a = try Self.build(corpus, output: one, ["--jobs", "1"])
        let b = try Self.build(corpus, output: two, ["--jobs", "2"])
        #expect(a.status == 0 && b.status == 0, "stderr: \(a.stderr)\(b.stderr)")
        let files = TMKitProcess.files(under: one)
        #expect(files == ["Exports/kazakhstan-corpus.tmx", "Glossaries/kazakhstan-corpus.tbx",
                          "Glossaries/kazakhstan-corpus.txt"])
        #expect(TMKitProcess.files(under: two) == files)
        for file in files {
            let x = try Data(contentsOf: one.appendingPathComponent(file))
            let y = try Data(contentsOf: two.appendingPathComponent(file))
            #expect(x == y, "\(file) differs between --jobs 1 and --jobs 2")
        }
        #expect(a.stdout.replacingOccurrences(of: one.path, with: "") == b.stdout.replacingOccurrences(of: two.path, with: ""))
    }

    @Test func twoShardsCoverEveryDocumentOnceAndMergeIntoTheWholeCorpus() throws {
        let folder = try TMKitProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = try Self.corpus(in: folder, extras: false)
        let whole = try Self.build(corpus, output: folder, ["--jobs", "2"])
        #expect(whole.status == 0, "stderr: \(whole.stderr)")
        var shardFiles: [String] = []
        var shardDocuments: [[String]] = []
        for index in 1...2 {
            let result = try Self.build(corpus, output: folder, ["--shard", "\(index)/2"])
            #expect(result.status == 0, "shard \(index)/2: \(result.stderr)")
            let path = folder.appendingPathComponent("Exports/kazakhstan-corpus-shard-\(index)-of-2.tmx").path
            shardFiles.append(path)
            let units = try CorpusTMX.read(URL(fileURLWithPath: path))
            var documents: [String] = []
            for unit in units where documents.last != unit.document { documents.append(unit.document) }
            shardDocuments.append(documents)
            #expect(result.stdout.contains("; shard \(index)/2, \(4 - documents.count) in other shards"))
        }
        // Every document in exactly one shard, and both shards hold some.
        #expect(shardDocuments.allSatisfy { !$0.isEmpty })
        #expect((shardDocuments[0] + shardDocuments[1]).sorted() == Self.documents.map(\.name))

        let merged = folder.appendingPathComponent("merged.tmx")
        let merge = try TMKitProcess.run(["convert"] + shardFiles + ["--to", "tmx", "--output", merged.path],
                                         environment: Self.epoch)
        #expect(merge.status == 0, "stderr: \(merge.stderr)")
        let mergedUnits = try CorpusTMX.read(merged)
        let wholeUnits = try CorpusTMX.read(folder.appendingPathComponent("Exports/kazakhstan-corpus.tmx"))
        #expect(mergedUnits.count == 17)
        #expect(Set(mergedUnits) == Set(wholeUnits), "the merged shards hold the unsharded corpus's units")
    }

    @Test func progressIsPlainLinesWhenPipedAndNothingWhenQuiet() throws {
        let folder = try TMKitProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = try Self.corpus(in: folder, extras: false)
        let loud = try Self.build(corpus, output: folder.appendingPathComponent("loud"), ["--jobs", "1"])
        #expect(loud.status == 0)
        let lines = loud.stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(!loud.stderr.contains("\r") && !loud.stderr.contains("\u{1B}"), "no bar when stderr is a pipe")
        #expect(lines.contains { $0.hasPrefix("4/4 documents, 17 pairs, ") && $0.hasSuffix(" elapsed") },
                "stderr: \(loud.stderr)")
        #expect(lines.contains("learning the glossary from 17 sentence pairs"))

        let quiet = try Self.build(corpus, output: folder.appendingPathComponent("quiet"), ["--quiet"])
        #expect(quiet.status == 0)
        #expect(quiet.stderr == "")
        #expect(quiet.stdout == "")
        #expect(TMKitProcess.files(under: folder.appendingPathComponent("quiet")).count == 3)
    }

    @Test func timingsNameEveryStage() throws {
        let folder = try TMKitProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = try Self.corpus(in: folder, extras: false)
        let result = try Self.build(corpus, output: folder, ["--quiet", "--timings"])
        #expect(result.status == 0)
        let line = try #require(result.stderr.split(separator: "\n").first { $0.hasPrefix("timings: ") })
        for stage in ["read", "segment", "align", "write TMX", "learn from 17 pairs", "process"] {
            #expect(line.contains(stage), "\(line)")
        }
    }
}

/// The units of a TMX file as a user sees them, read with Foundation's XML parser (not tmkit's): tuid, document
/// and the two segments.
final class CorpusTMX: NSObject, XMLParserDelegate {
    struct Unit: Hashable {
        var tuid = ""
        var document = ""
        var az = ""
        var en = ""
        var pair: CorpusBuildTests.Pair { .init(az: az, en: en) }
    }

    private var units: [Unit] = []
    private var language = ""
    private var field: WritableKeyPath<Unit, String>?
    private var text = ""

    static func read(_ url: URL) throws -> [Unit] {
        let parser = XMLParser(data: try Data(contentsOf: url))
        let reader = CorpusTMX()
        parser.delegate = reader
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.fileReadCorruptFile) }
        return reader.units
    }

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        switch element {
        case "tu": units.append(Unit(tuid: attributes["tuid"] ?? ""))
        case "tuv": language = attributes["xml:lang"] ?? ""
        case "seg": field = language.hasPrefix("az") ? \.az : \.en
        case "prop" where attributes["type"] == "x-document": field = \.document
        default: return
        }
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if field != nil { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        guard let field, element == "seg" || element == "prop", !units.isEmpty else { return }
        units[units.count - 1][keyPath: field] = text
        self.field = nil
    }
}
