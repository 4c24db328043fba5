import Foundation
import Testing

/// Bad input gets a one-line error naming the file, exit status 2, and no output file.
@Suite struct BadInputTests {
    /// Runs `tmkit build` on a file holding `bytes` and checks the failure the user sees.
    private func expectFailure(
        bytes: Data?, fileName: String = "input.txt", arguments: [String] = [], mentioning expected: [String]
    ) throws {
        let directory = try TMKitProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        if let bytes {
            try bytes.write(to: directory.appendingPathComponent(fileName))
        }
        let result = try TMKitProcess.run(["build", fileName] + arguments, in: directory)
        #expect(result.status == 2, "stderr: \(result.stderr)")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "one line on stderr, got: \(result.stderr)")
        #expect(result.stderr.contains(fileName), "names the file: \(result.stderr)")
        for text in expected {
            #expect(result.stderr.contains(text), "mentions '\(text)': \(result.stderr)")
        }
        #expect(result.stdout.isEmpty)
        let left = TMKitProcess.files(under: directory).filter { $0 != fileName }
        #expect(left.isEmpty, "no output files, found \(left)")
    }

    @Test func missingFile() throws {
        try expectFailure(bytes: nil, fileName: "nowhere.txt", mentioning: ["no such file"])
    }

    @Test func emptyFile() throws {
        try expectFailure(bytes: Data(), mentioning: ["empty"])
    }

    @Test func whiteSpaceOnly() throws {
        try expectFailure(bytes: Data(" \n\n\t\n".utf8), mentioning: ["white space"])
    }

    @Test func binaryData() throws {
        var bytes = Data("PK\u{3}\u{4}".utf8)
        bytes.append(contentsOf: [0, 0, 0x14, 0, 0x08, 0xFF, 0xFE, 0x00, 0x41])
        try expectFailure(bytes: bytes, mentioning: ["binary"])
    }

    @Test func invalidUTF8NamesLineAndByteOffset() throws {
        var bytes = Data("Salam dünya.\n\nHello ".utf8)
        bytes.append(0xC3)  // a lead byte with no continuation
        bytes.append(contentsOf: Data(" world.\n".utf8))
        let offset = "Salam dünya.\n\nHello ".utf8.count
        try expectFailure(bytes: bytes, mentioning: ["input.txt:3:7:", "invalid UTF-8", "byte offset \(offset)"])
    }

    @Test func latin1IsNotUTF8() throws {
        let bytes = Data([0x43, 0x61, 0x66, 0xE9, 0x2E, 0x0A])  // "Café." in Latin-1
        try expectFailure(bytes: bytes, mentioning: ["invalid UTF-8"])
    }

    @Test func oneLanguageOnly() throws {
        let text = """
            The weather was cold in the mountains this week.

            Officials said the roads would stay closed until Monday.

            Travellers were asked to check the forecast before leaving.
            """
        try expectFailure(bytes: Data(text.utf8), mentioning: ["one language"])
    }

    @Test func folderInsteadOfFile() throws {
        let directory = try TMKitProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("docs"), withIntermediateDirectories: true)
        let result = try TMKitProcess.run(["build", "docs"], in: directory)
        #expect(result.status == 2)
        #expect(result.stderr.contains("docs"))
        #expect(TMKitProcess.files(under: directory).isEmpty)
    }

    @Test func malformedLanguageOption() throws {
        let result = try TMKitProcess.run(["build", "x.txt", "--source-lang", "english language"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--source-lang"))
    }
}
