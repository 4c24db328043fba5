import Foundation

/// Small corpora made from the bundled sample (8 Azerbaijani paragraphs, then 9 English ones: 17 pairs).
enum CorpusFixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let sampleText: String = {
        (try? String(contentsOf: root.appendingPathComponent("Examples/kazakhstan-az-en.txt"), encoding: .utf8)) ?? ""
    }()
    static var azerbaijani: String { paragraphs.prefix(8).joined(separator: "\n\n") + "\n" }
    static var english: String { paragraphs.dropFirst(8).joined(separator: "\n\n") + "\n" }
    private static var paragraphs: [String] {
        sampleText.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .newlines) }.filter { !$0.isEmpty }
    }

    /// A fresh temporary folder, removed by the caller.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tmkit-corpus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `files` (relative path → contents) below `folder`.
    static func write(_ files: [String: String], in folder: URL) throws {
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    /// Three documents (paired by name, paired by folder, one bilingual file), one unpaired file, one binary file,
    /// one file that is not text and one hidden file.
    static func mixed(in folder: URL) throws {
        try write([
            "news/report.az.txt": azerbaijani,
            "news/report.en.txt": english,
            "az/archive/kazakhstan.txt": azerbaijani,
            "en/archive/kazakhstan.txt": english,
            "bilingual.txt": sampleText,
            "lonely.az.txt": azerbaijani,
            "notes.md": "not read",
            ".hidden/secret.txt": sampleText,
        ], in: folder)
        try Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF, 0xFE, 0x00]).write(
            to: folder.appendingPathComponent("broken.txt"))
    }
}
