import Foundation
import Testing

/// `tmkit convert` on bad and odd input, as a user sees it: a located one-line error `FILE:LINE:COLUMN: message`,
/// exit status 2 and no output file; or a warning on stderr and a normalised output. And the same input always
/// gives the same bytes.
@Suite struct ConvertTests {
    static let header = """
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="1.4">
        <header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/>
        <body>

        """

    /// A TMX file with the standard header (lines 1-4) and `body` from line 5.
    static func tmx(_ body: String, version: String = "1.4") -> Data {
        var text = header.replacingOccurrences(of: "version=\"1.4\"", with: "version=\"\(version)\"") + body
        text += "\n</body>\n</tmx>\n"
        return Data(text.utf8)
    }

    static let goodUnit = #"<tu><tuv xml:lang="en"><seg>Hello.</seg></tuv><tuv xml:lang="az"><seg>Salam.</seg></tuv></tu>"#

    /// Runs `tmkit convert NAME --to tmx --output out/result.tmx` on a file holding `bytes` and checks the failure.
    private func expectFailure(_ bytes: Data, name: String = "input.tmx", error expected: String) throws {
        let directory = try TMKitProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try bytes.write(to: directory.appendingPathComponent(name))
        let result = try TMKitProcess.run(["convert", name, "--to", "tmx", "--output", "out/result.tmx"], in: directory)
        #expect(result.status == 2, "stderr: \(result.stderr)")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "one line on stderr, got: \(result.stderr)")
        #expect(lines.first.map(String.init) == expected)
        #expect(result.stdout.isEmpty)
        #expect(TMKitProcess.files(under: directory) == [name], "no output or temporary file")
    }

    /// Runs a conversion that succeeds and returns its stderr lines and the output file's text.
    private func convert(_ bytes: Data, name: String = "input.tmx") throws -> (stderr: [String], output: String) {
        let directory = try TMKitProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try bytes.write(to: directory.appendingPathComponent(name))
        let result = try TMKitProcess.run(["convert", name, "--to", "tmx", "--output", "result.tmx"], in: directory)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let output = try String(contentsOf: directory.appendingPathComponent("result.tmx"), encoding: .utf8)
        return (result.stderr.split(separator: "\n").map(String.init), output)
    }

    // MARK: - Errors

    @Test func malformedXML() throws {
        let body = #"<tu><tuv xml:lang="en"><seg>A</seg></tuv><tuv xml:lang="az"><seg>B</seg></tu>"#
        try expectFailure(Self.tmx(body), error: "input.tmx:5:78: Opening and ending tag mismatch: tuv line 5 and tu")
    }

    @Test func controlCharacter() throws {
        let body = "<tu><tuv xml:lang=\"en\"><seg>A\u{1}B</seg></tuv><tuv xml:lang=\"az\"><seg>B</seg></tuv></tu>"
        try expectFailure(Self.tmx(body), error: "input.tmx:5:30: control character U+0001 is not allowed in XML")
    }

    @Test func tuvWithoutLanguage() throws {
        let body = #"<tu><tuv><seg>A</seg></tuv><tuv xml:lang="az"><seg>B</seg></tuv></tu>"#
        try expectFailure(Self.tmx(Self.goodUnit + "\n" + body), error: "input.tmx:6: <tuv> has no xml:lang")
    }

    @Test func invalidLanguageTag() throws {
        let body = #"<tu><tuv xml:lang="english language"><seg>A</seg></tuv></tu>"#
        try expectFailure(Self.tmx(body), error: "input.tmx:5: <tuv> has an invalid language tag 'english language'")
    }

    @Test func invalidUTF8() throws {
        var bytes = Self.tmx(#"<tu><tuv xml:lang="en"><seg>A"#)
        bytes = bytes.prefix(bytes.count - "\n</body>\n</tmx>\n".utf8.count)
        bytes.append(0xC3)  // a lead byte followed by an ASCII letter
        bytes.append(Data(#"B</seg></tuv><tuv xml:lang="az"><seg>B</seg></tuv></tu></body></tmx>"#.utf8))
        try expectFailure(bytes, error: "input.tmx:5:30: invalid UTF-8 (bytes 0xC3 0x42 0x3C 0x2F)")
    }

    @Test func emptyFile() throws {
        try expectFailure(Data(), error: "input.tmx:1:1: the file is empty")
    }

    @Test func notATMXFile() throws {
        try expectFailure(Data("<?xml version=\"1.0\"?>\n<html><body/></html>\n".utf8),
                          error: "input.tmx:2: not a TMX file: the root element is <html>")
    }

    @Test func externalEntityIsNotResolved() throws {
        let text = """
            <?xml version="1.0"?>
            <!DOCTYPE tmx [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            <tmx version="1.4"><header srclang="en"/><body>
            <tu><tuv xml:lang="en"><seg>&x;</seg></tuv></tu>
            </body></tmx>
            """
        try expectFailure(Data(text.utf8),
                          error: "input.tmx:4: entity reference &x; is not expanded: TMX files must not use entities")
    }

    @Test func brokenSecondInputLeavesNoMergedOutput() throws {
        let directory = try TMKitProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.tmx(Self.goodUnit).write(to: directory.appendingPathComponent("a.tmx"))
        try Self.tmx("<tu>").write(to: directory.appendingPathComponent("b.tmx"))
        let result = try TMKitProcess.run(["convert", "a.tmx", "b.tmx", "--to", "tmx", "--output", "all.tmx"],
                                          in: directory)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("b.tmx:"), "names the broken file: \(result.stderr)")
        #expect(TMKitProcess.files(under: directory) == ["a.tmx", "b.tmx"])
    }

    // MARK: - Warnings

    @Test func underscoreLanguageTagIsNormalisedWithAWarning() throws {
        let body = #"<tu><tuv xml:lang="en_US"><seg>Hello.</seg></tuv><tuv lang="az_Latn_AZ"><seg>Salam.</seg></tuv></tu>"#
        let (stderr, output) = try convert(Self.tmx(body + "\n" + body))
        #expect(stderr.contains("input.tmx:5: language 'en_US' read as 'en-US'"), "\(stderr)")
        #expect(stderr.contains("input.tmx:5: language 'az_Latn_AZ' read as 'az-Latn-AZ'"), "\(stderr)")
        #expect(stderr.filter { $0.contains("en_US") }.count == 1, "each tag reported once: \(stderr)")
        #expect(output.contains(#"<tuv xml:lang="en-US">"#))
        #expect(output.contains(#"<tuv xml:lang="az-Latn-AZ">"#))
        #expect(!output.contains("_"))
    }

    @Test(arguments: ["2.0", "1.5"])
    func unknownTMXVersionIsReadWithAWarning(version: String) throws {
        let (stderr, output) = try convert(Self.tmx(Self.goodUnit, version: version))
        #expect(stderr.first == "input.tmx:2: unknown TMX version '\(version)': read as TMX 1.4")
        #expect(output.contains(#"<tmx version="1.4">"#))
        #expect(output.contains("<seg>Salam.</seg>"))
    }

    @Test func knownVersionsGiveNoWarning() throws {
        for version in ["1.1", "1.4"] {
            let (stderr, _) = try convert(Self.tmx(Self.goodUnit, version: version))
            #expect(stderr.count == 1 && stderr[0].hasPrefix("tmkit convert: 1 read"), "\(stderr)")
        }
    }

    // MARK: - Deterministic output

    /// Runs the same conversion twice, in two folders, and returns both outputs.
    private func twice(
        _ fixture: String, as name: String, to format: String, environment: [String: String] = [:]
    ) throws -> (Data, Data) {
        var outputs: [Data] = []
        for _ in 0..<2 {
            let directory = try TMKitProcess.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            try FileManager.default.copyItem(at: TMKitProcess.fixture("formats/" + fixture),
                                             to: directory.appendingPathComponent(name))
            let result = try TMKitProcess.run(["convert", name, name, "--to", format, "--output", "out"],
                                              in: directory, environment: environment)
            #expect(result.status == 0, "stderr: \(result.stderr)")
            outputs.append(try Data(contentsOf: directory.appendingPathComponent("out")))
            Thread.sleep(forTimeInterval: 1.1)  // a clock-based date would differ between the two runs
        }
        return (outputs[0], outputs[1])
    }

    @Test func tmxMergeIsByteIdentical() throws {
        let (first, second) = try twice("inline-codes.tmx", as: "a.tmx", to: "tmx")
        #expect(!first.isEmpty)
        #expect(first == second)
    }

    @Test func xliffToTMXIsByteIdenticalWithSourceDateEpoch() throws {
        let (first, second) = try twice("sample-1.2.xlf", as: "a.xlf", to: "tmx",
                                        environment: ["SOURCE_DATE_EPOCH": "1700000000"])
        #expect(first == second)
        #expect(String(decoding: first, as: UTF8.self).contains(#"creationdate="20231114T221320Z""#))
    }

    @Test(arguments: ["tbx", "tbx3", "csv", "tsv"])
    func glossaryOutputIsByteIdentical(format: String) throws {
        let (first, second) = try twice("sample-glossary.tbx.gold", as: "g.tbx", to: format)
        #expect(!first.isEmpty)
        #expect(first == second)
    }

    @Test func tmxToXLIFF2IsByteIdentical() throws {
        let (first, second) = try twice("inline-codes.tmx", as: "a.tmx", to: "xliff2")
        #expect(first == second)
        #expect(String(decoding: first, as: UTF8.self).contains(#"<sc id="b1" dataRef="d1"/>OK<ec startRef="b1""#))
    }

    @Test func tmxToXLIFFIsByteIdenticalAndReadsBack() throws {
        let (first, second) = try twice("inline-codes.tmx", as: "a.tmx", to: "xliff")
        #expect(first == second)
        let text = String(decoding: first, as: UTF8.self)
        #expect(text.contains(#"<xliff version="1.2""#))
        #expect(text.contains(#"<bpt id="1">&lt;b&gt;</bpt>OK<ept id="1">&lt;/b&gt;</ept>"#))

        let directory = try TMKitProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try first.write(to: directory.appendingPathComponent("a.xlf"))
        let back = try TMKitProcess.run(["convert", "a.xlf", "--to", "tsv", "--output", "a.tsv"], in: directory)
        #expect(back.status == 0, "stderr: \(back.stderr)")
        let tsv = try String(contentsOf: directory.appendingPathComponent("a.tsv"), encoding: .utf8)
        #expect(tsv.contains("düyməsini basın"))
    }
}
