import Foundation
import Testing

/// `tmkit align SOURCE_FOLDER TARGET_FOLDER [--shard I/N]`, run as a user runs it.
@Suite struct AlignFoldersTests {
    static func folders() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("align-folders-\(UUID().uuidString)")
        let az = try String(contentsOf: TMKitProcess.fixture("align/kazakhstan-az.sentences"), encoding: .utf8)
        let en = try String(contentsOf: TMKitProcess.fixture("align/kazakhstan-en.sentences"), encoding: .utf8)
        let files = [
            "az/one.az.txt": az, "en/one.en.txt": en,
            "az/more/two.txt": az, "en/more/two.txt": en,
            "az/three.az.txt": az, "en/three.en.txt": en,
            "az/alone.az.txt": az,
        ]
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    static let languages = ["--source-lang", "az", "--target-lang", "en", "--presegmented"]

    @Test func shardedRunsTogetherWriteWhatOneRunWrites() throws {
        let root = try Self.folders()
        defer { try? FileManager.default.removeItem(at: root) }
        let whole = try TMKitProcess.run(["align", "az", "en", "--format", "jsonl", "-q"] + Self.languages, in: root)
        #expect(whole.status == 0)
        #expect(whole.stderr.contains("alone.az.txt: no translation"))
        let lines = whole.stdout.split(separator: "\n")
        #expect(lines.count == 3 * 17)
        #expect(lines.first?.contains("\"document\":\"more/two\"") == true)
        var parts: [Substring] = []
        for index in 1...2 {
            let part = try TMKitProcess.run(
                ["align", "az", "en", "--format", "jsonl", "--shard", "\(index)/2"] + Self.languages, in: root)
            if part.status == 0 {
                #expect(part.stderr.contains("shard \(index)/2"))
                parts += part.stdout.split(separator: "\n")
            } else {
                #expect(part.status == 2)
                #expect(part.stderr.contains("no document of the folders falls in shard \(index)/2"))
            }
        }
        #expect(parts.sorted() == lines.sorted())
    }

    @Test func aShardOfTwoFilesIsAUsageError() throws {
        let az = TMKitProcess.fixture("align/kazakhstan-az.sentences").path
        let en = TMKitProcess.fixture("align/kazakhstan-en.sentences").path
        let result = try TMKitProcess.run(["align", az, en, "--shard", "1/2"] + Self.languages)
        #expect(result.status == 2)
        #expect(result.stderr.contains("--shard splits the documents of two folders"))
        let mixed = try TMKitProcess.run(["align", az, TMKitProcess.fixture("align").path] + Self.languages)
        #expect(mixed.status == 2)
        #expect(mixed.stderr.contains("give two files or two folders"))
    }
}
