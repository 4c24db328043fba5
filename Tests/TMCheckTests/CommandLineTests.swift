import Foundation
import Testing

/// End-to-end tests of `tmkit check`: they run the built executable (`swift build --product tmkit` first, as
/// `make test` does) on the fixtures in `Tests/Fixtures/check/` and assert on its output and exit status.
enum CLI {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = packageRoot.appendingPathComponent("Tests/Fixtures/check")
    static let binary: URL? = {
        if let path = ProcessInfo.processInfo.environment["TMKIT_BIN"] { return URL(fileURLWithPath: path) }
        for config in ["debug", "release"] {
            let url = packageRoot.appendingPathComponent(".build/\(config)/tmkit")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }()
    static let available = binary != nil

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = try #require(binary)
        process.arguments = ["check"] + arguments
        process.currentDirectoryURL = fixtures
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tmkit-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

@Suite(.enabled(if: CLI.available, "tmkit is not built: run `swift build --product tmkit` first"))
struct CommandLineTests {
    @Test func findingsFailTheRunWithStatusOne() throws {
        let result = try CLI.run(["sample.tsv", "--glossary", "glossary.tsv"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("number-mismatch (1)\n  [error] unit 3: number changed: “5,800” → “5.900”"))
        #expect(result.stdout.contains("    target: Rəsmilər ⟦5.900⟧ nəfərin həbs edildiyini bildirib.\n"))
        #expect(result.stdout.contains("term-missing (1)\n  [warning] unit 4: glossary term “Kazakhstan” is not"))
        #expect(result.stdout.contains("inconsistent-target (1)\n  [warning] units 2, 3:"))
        #expect(result.stdout.contains("empty-target (1)"))
        #expect(!result.stdout.contains("\u{1B}["))  // piped: no colour
        #expect(result.stderr.isEmpty)
    }

    @Test func failOnDecidesTheStatus() throws {
        #expect(try CLI.run(["sample.tsv", "--fail-on", "never"]).status == 0)
        #expect(try CLI.run(["clean.tsv"]).status == 0)
        #expect(try CLI.run(["sample.tsv", "--checks", "double-space"]).status == 0)
        #expect(try CLI.run(["sample.tsv", "--checks", "double-space", "--fail-on", "warning"]).status == 1)
    }

    @Test func jsonOutputGoesToTheFileNamed() throws {
        let dir = try CLI.temporaryDirectory()
        let output = dir.appendingPathComponent("report.json")
        let result = try CLI.run(["sample.tsv", "clean.tsv", "--format", "json", "--output", output.path])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: output)) as? [String: Any]
        let findings = try #require(object?["findings"] as? [[String: Any]])
        // Several inputs: ids carry the file name, and consistency spans the files.
        let units = findings.flatMap { $0["units"] as? [String] ?? [] }
        #expect(units.contains("sample.tsv:3"))
        #expect(units.contains("clean.tsv:2"))
        let summary = try #require(object?["summary"] as? [String: Any])
        #expect(summary["units"] as? Int == 9)
        #expect(summary["inputs"] as? [String] == ["sample.tsv", "clean.tsv"])
    }

    @Test func configFileAppliesSeverities() throws {
        let result = try CLI.run(["sample.tsv", "--config", "config.json", "--checks", "whitespace",
                                  "--format", "json"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("{\"rule\": \"double-space\", \"severity\": \"error\", \"units\": [\"7\"]"))
    }

    @Test func unusableInputExitsWithStatusTwo() throws {
        let bad = try CLI.run(["bad.tsv"])
        #expect(bad.status == 2)
        #expect(bad.stderr == "tmkit check: bad.tsv:3: expected 2 columns, found 1\n")
        let missing = try CLI.run(["nowhere.tsv"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nowhere.tsv: no such file"))
        let checks = try CLI.run(["sample.tsv", "--checks", "numbrs"])
        #expect(checks.status == 2)
        #expect(checks.stderr.contains("unknown check ‘numbrs’"))
        let format = try CLI.run(["sample.tsv", "--format", "xml"])
        #expect(format.status == 2)
    }

    @Test func acceptedFindingsStayQuiet() throws {
        let dir = try CLI.temporaryDirectory()
        let ignore = dir.appendingPathComponent("accepted.txt").path
        let accept = try CLI.run(["sample.tsv", "--ignore", ignore, "--accept"])
        #expect(accept.status == 0)
        let lines = try String(contentsOfFile: ignore, encoding: .utf8).split(separator: "\n")
        #expect(lines.count > 3)
        let again = try CLI.run(["sample.tsv", "--ignore", ignore, "--format", "json"])
        #expect(again.status == 0)
        #expect(again.stdout.contains("\"findings\": 0"))
        #expect(again.stdout.contains("\"ignored\": \(lines.count - 1)"))
    }

    @Test func noColourWhenAskedEvenOnATerminal() throws {
        let result = try CLI.run(["sample.tsv"], environment: ["NO_COLOR": "1"])
        #expect(!result.stdout.contains("\u{1B}["))
    }
}

@Suite(.enabled(if: CLI.available, "tmkit is not built: run `swift build --product tmkit` first"))
struct DelimitedInputTests {
    @Test func csvWithQuotesCommasAndLineBreaks() throws {
        let result = try CLI.run(["units.csv", "--format", "json", "--fail-on", "never"])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let findings = try #require(object?["findings"] as? [[String: Any]])
        // Only unit 3 differs (end punctuation): the quoted comma, the doubled quotes and the line break in a
        // quoted field were read as text, and 5,800 = 5.800.
        #expect(findings.map { $0["units"] as? [String] ?? [] } == [["3"]])
        #expect(findings.first?["rule"] as? String == "end-punctuation")
        #expect((object?["summary"] as? [String: Any])?["units"] as? Int == 3)
    }

    @Test func semicolonGlossaryWithStatusColumn() throws {
        let result = try CLI.run(["units.csv", "--glossary", "glossary.csv", "--checks", "terminology"])
        #expect(result.status == 0)
        #expect(!result.stdout.contains("term-"))
        let tsv = try CLI.run(["sample.tsv", "--glossary", "glossary.tsv", "--checks", "terminology"])
        #expect(tsv.stdout.contains("unit 4: glossary term “Kazakhstan” is not translated as “Qazaxıstan”"))
        #expect(!tsv.stdout.contains("unit 5:"))  // inqilablara satisfies inqilab
    }

    @Test func tsvWithoutHeaderUsesLineNumbersAndGivenLanguages() throws {
        let dir = try CLI.temporaryDirectory()
        let file = dir.appendingPathComponent("plain.tsv")
        try Data("It has 5,800 lines.\tEs hat 5.800 Zeilen.\nIt has 3 lines.\tEs hat 4 Zeilen.\n".utf8).write(to: file)
        let result = try CLI.run([file.path, "--source-lang", "en", "--target-lang", "de", "--checks", "numbers"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("[error] unit 2: number changed: “3” → “4”"))
    }

    @Test func tsvEscapesAreDecoded() throws {
        let dir = try CLI.temporaryDirectory()
        let file = dir.appendingPathComponent("escaped.tsv")
        try Data("en\tde\nDone\\n\tFertig\n".utf8).write(to: file)
        let result = try CLI.run([file.path, "--checks", "edge-whitespace"])
        #expect(result.stdout.contains("trailing whitespace “\\n” → none"))
    }
}
