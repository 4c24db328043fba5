import Foundation
import Testing

/// Paths and helpers shared by the format tests.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func formats(_ name: String) -> String {
        root.appendingPathComponent("formats").appendingPathComponent(name).path
    }

    static func schema(_ name: String) -> String {
        root.appendingPathComponent("schemas").appendingPathComponent(name).path
    }

    static func text(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    /// A fresh empty directory for one test.
    static func temporaryDirectory() throws -> String {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("tmformats-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    static func files(in directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
    }

    /// Compares output with a `.gold` file. `TMKIT_UPDATE_GOLD=1` rewrites the gold file instead (then review the diff).
    static func expectMatchesGold(_ output: String, _ goldName: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let gold = formats(goldName)
        if ProcessInfo.processInfo.environment["TMKIT_UPDATE_GOLD"] == "1" {
            try output.write(toFile: gold, atomically: true, encoding: .utf8)
            return
        }
        let expected = try text(gold)
        #expect(output == expected, "output differs from \(goldName)", sourceLocation: sourceLocation)
    }

    /// The 17 hand-aligned sentence pairs of `Examples/kazakhstan-az-en.txt` (az TAB en per line).
    static func samplePairs() throws -> [(String, String)] {
        try text(formats("kazakhstan-17-pairs.tsv")).split(separator: "\n").map { line in
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            return (String(columns[0]), String(columns[1]))
        }
    }
}
