import Foundation

/// Text that no profile was built from, for measuring the identifier.
enum HeldOutSamples {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/langid")

    struct Sample: Sendable {
        var language: String
        /// `paragraph` (catalog strings joined to 150-400 characters) or `sentence` (one string of 40+).
        var kind: String
        var text: String
    }

    /// `Tests/Fixtures/langid/heldout.tsv`: catalogs held out by `Scripts/build-langid-profiles.py`.
    static func catalogSamples() throws -> [Sample] {
        let text = try String(contentsOf: fixtures.appendingPathComponent("heldout.tsv"), encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#") else { return nil }
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3 else { return nil }
            return Sample(language: String(fields[0]), kind: String(fields[1]), text: String(fields[2]))
        }
    }

    /// `Tests/Fixtures/langid/manpages.tsv`: prose from translated manual pages, a genre the profiles never saw.
    static func manualPageSamples() throws -> [Sample] {
        let text = try String(contentsOf: fixtures.appendingPathComponent("manpages.tsv"), encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#") else { return nil }
            let fields = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
            guard fields.count == 2 else { return nil }
            return Sample(language: String(fields[0]), kind: "paragraph", text: String(fields[1]))
        }
    }

    /// The paragraphs of a plain-text file, separated by blank lines.
    static func paragraphs(of url: URL) throws -> [String] {
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
    }

    static let sampleArticle = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Examples/kazakhstan-az-en.txt")
}
