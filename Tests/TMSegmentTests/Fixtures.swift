import Foundation

/// Test cases and gold files under `Tests/Fixtures/segment/`.
enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/segment")
    static let examples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Examples")

    static func text(_ name: String) -> String {
        (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? ""
    }

    /// One JSONL case: text in, expected sentences out.
    struct Case: CustomTestStringConvertible, Sendable {
        var id: String
        var lang: String
        var text: String
        var expected: [String]
        var docType: String?
        var testDescription: String { id }
    }

    static func cases(_ name: String) -> [Case] {
        text(name).split(separator: "\n").compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let id = object["id"] as? String, let text = object["text"] as? String,
                  let expected = object["expected"] as? [String]
            else { return nil }
            return Case(id: id, lang: (object["lang"] as? String) ?? "en", text: text, expected: expected,
                        docType: object["doc_type"] as? String)
        }
    }

    /// Whitespace runs collapsed, as the shared scorer compares sentences.
    static func normalised<S: StringProtocol>(_ sentences: [S]) -> [String] {
        sentences.map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }.filter { !$0.isEmpty }
    }
}

import Testing
