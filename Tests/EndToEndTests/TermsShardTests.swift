import Foundation
import Testing

/// `tmkit terms --shard I/N --stats-out` and `tmkit terms merge`, run as a user runs them: the merged glossary is
/// byte for byte the one learned without shards, whatever the number of shards and the order of the files.
@Suite struct TermsShardTests {
    /// A corpus of every kind of input: a folder with a document paired by name, a document paired by folder, a
    /// bilingual document and an unpaired file; a file of pairs; a TMX file.
    static func corpus() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("terms-shard-\(UUID().uuidString)")
        let sample = try String(contentsOf: TMKitProcess.packageRoot.appendingPathComponent("Examples/kazakhstan-az-en.txt"),
                                encoding: .utf8)
        let paragraphs = sample.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .newlines) }
            .filter { !$0.isEmpty }
        let azerbaijani = paragraphs.prefix(8).joined(separator: "\n\n") + "\n"
        let english = paragraphs.dropFirst(8).joined(separator: "\n\n") + "\n"
        // The second document: the first half of each side only, so that documents differ.
        let files: [String: String] = [
            "corpus/news/report.az.txt": azerbaijani,
            "corpus/news/report.en.txt": english,
            "corpus/az/archive/short.txt": paragraphs.prefix(4).joined(separator: "\n\n") + "\n",
            "corpus/en/archive/short.txt": paragraphs.dropFirst(8).prefix(5).joined(separator: "\n\n") + "\n",
            "corpus/bilingual.txt": sample,
            "corpus/lonely.az.txt": azerbaijani,
        ]
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        for fixture in ["terms/kazakhstan-pairs.tsv", "terms/kazakhstan-az-en.tmx"] {
            try FileManager.default.copyItem(
                at: TMKitProcess.fixture(fixture),
                to: root.appendingPathComponent((fixture as NSString).lastPathComponent))
        }
        return root
    }

    static let inputs = ["kazakhstan-pairs.tsv", "corpus", "kazakhstan-az-en.tmx"]

    /// The pairs count a statistics file's header announces.
    func pairCount(_ url: URL) throws -> Int {
        let text = try String(contentsOf: url, encoding: .utf8)
        let header = text.prefix { $0 != "\n" }
        let object = try JSONSerialization.jsonObject(with: Data(header.utf8)) as? [String: Any]
        return object?["pairs"] as? Int ?? -1
    }

    @Test(arguments: [2, 3, 5])
    func shardedAndUnshardedRunsGiveTheSameGlossary(_ shards: Int) throws {
        let root = try Self.corpus()
        defer { try? FileManager.default.removeItem(at: root) }
        let whole = try TMKitProcess.run(["terms"] + Self.inputs + ["--format", "tbx", "--output", "whole.tbx", "-v"],
                                         in: root)
        #expect(whole.status == 0, "\(whole.stderr)")
        #expect(whole.stderr.contains("lonely.az.txt"))  // unpaired: reported and skipped
        var files: [String] = []
        var counts: [Int] = []
        for index in 1...shards {
            let file = "part\(index).tmstats"
            let part = try TMKitProcess.run(
                ["terms"] + Self.inputs + ["--shard", "\(index)/\(shards)", "--stats-out", file], in: root)
            #expect(part.status == 0, "\(part.stderr)")
            files.append(file)
            counts.append(try pairCount(root.appendingPathComponent(file)))
        }
        // 17 pairs in the pair file, 17 in the TMX, 17 + 17 + the short document's pairs in the folder.
        #expect(counts.reduce(0, +) > 68)
        #expect(counts.filter { $0 > 0 }.count >= 2, "the shards split the work: \(counts)")
        let merged = try TMKitProcess.run(["terms", "merge"] + files.reversed() + ["--format", "tbx", "--output", "merged.tbx"],
                                          in: root)
        #expect(merged.status == 0, "\(merged.stderr)")
        let expected = try String(contentsOf: root.appendingPathComponent("whole.tbx"), encoding: .utf8)
        let actual = try String(contentsOf: root.appendingPathComponent("merged.tbx"), encoding: .utf8)
        #expect(expected.components(separatedBy: "<termEntry").count > 30)
        #expect(actual == expected)
    }

    @Test func theStatisticsOfAShardAreTheSameBytesEveryTime() throws {
        let root = try Self.corpus()
        defer { try? FileManager.default.removeItem(at: root) }
        for file in ["a.tmstats", "b.tmstats"] {
            let part = try TMKitProcess.run(["terms"] + Self.inputs + ["--shard", "2/3", "--stats-out", file, "--jobs", "2"],
                                            in: root)
            #expect(part.status == 0, "\(part.stderr)")
        }
        let a = try Data(contentsOf: root.appendingPathComponent("a.tmstats"))
        let b = try Data(contentsOf: root.appendingPathComponent("b.tmstats"))
        #expect(!a.isEmpty)
        #expect(a == b)
    }

    @Test func aMissingShardOrAnotherCorpusIsRefused() throws {
        let root = try Self.corpus()
        defer { try? FileManager.default.removeItem(at: root) }
        for (index, inputs) in [(1, Self.inputs), (2, Self.inputs), (3, ["kazakhstan-pairs.tsv"])] {
            let shard = index == 3 ? "2/2" : "\(index)/2"
            let part = try TMKitProcess.run(["terms"] + inputs + ["--shard", shard, "--stats-out", "s\(index).tmstats"],
                                            in: root)
            #expect(part.status == 0, "\(part.stderr)")
        }
        let missing = try TMKitProcess.run(["terms", "merge", "s1.tmstats"], in: root)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("s1.tmstats: missing shard 2/2"))
        let twice = try TMKitProcess.run(["terms", "merge", "s1.tmstats", "s1.tmstats"], in: root)
        #expect(twice.status == 2)
        #expect(twice.stderr.contains("given twice"))
        let other = try TMKitProcess.run(["terms", "merge", "s1.tmstats", "s3.tmstats"], in: root)
        #expect(other.status == 2)
        #expect(other.stderr.contains("s3.tmstats:1: another corpus"))
        let noFile = try TMKitProcess.run(["terms", "kazakhstan-pairs.tsv", "--shard", "1/2"], in: root)
        #expect(noFile.status == 2)
        #expect(noFile.stderr.contains("--stats-out"))
    }
}
