import Foundation

/// Reads the fixtures in `Tests/Fixtures/align/`.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/align")

    /// One sentence per line, a blank line between paragraphs.
    static func paragraphs(_ name: String) throws -> [[String]] {
        let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        return text.components(separatedBy: "\n\n")
            .map { $0.split(separator: "\n").map(String.init).filter { !$0.isEmpty } }
            .filter { !$0.isEmpty }
    }
}
