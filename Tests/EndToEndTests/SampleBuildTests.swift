import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// `tmkit build` on the bundled sample, end to end.
@Suite struct SampleBuildTests {
    static let sample = TMKitProcess.packageRoot.appendingPathComponent("Examples/kazakhstan-az-en.txt")
    static let epoch = ["SOURCE_DATE_EPOCH": "1767225600"]  // 2026-01-01T00:00:00Z, as the Makefile's demo

    /// The 17 pairs split and paired by hand.
    static func referencePairs() throws -> [Pair] {
        let text = try String(contentsOf: TMKitProcess.fixture("e2e/kazakhstan-pairs.tsv"), encoding: .utf8)
        return text.split(separator: "\n").map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            return Pair(source: String(fields[0]), target: String(fields[1]))
        }
    }

    struct Pair: Equatable, CustomStringConvertible {
        var source: String
        var target: String
        var description: String { "\(source) ⇔ \(target)" }
    }

    /// Builds `input` (plus `arguments`) in a fresh folder; returns the folder and the result.
    static func build(_ input: String, _ arguments: [String] = [], environment: [String: String] = epoch)
        throws -> (URL, TMKitProcess.Result)
    {
        let directory = try TMKitProcess.temporaryDirectory()
        let result = try TMKitProcess.run(
            ["build", input, "--tmx-dir", directory.appendingPathComponent("Exports").path,
             "--glossary-dir", directory.appendingPathComponent("Glossaries").path] + arguments,
            environment: environment)
        return (directory, result)
    }

    @Test func everyUnitIsACorrectPair() throws {
        let (directory, result) = try Self.build(Self.sample.path)
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let tmx = directory.appendingPathComponent("Exports/kazakhstan-az-en.tmx")
        let units = try TMXUnits.read(tmx)
        let expected = try Self.referencePairs()
        #expect(units.count == 17)
        #expect(units.map { Pair(source: $0.az, target: $0.en) } == expected)
        #expect(units.allSatisfy { $0.score != nil })
    }

    @Test func summaryNamesLanguagesCountsAndOutputs() throws {
        let (directory, result) = try Self.build(Self.sample.path)
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("az → en"))
        #expect(result.stdout.contains("paragraphs   8 az, 9 en"))
        #expect(result.stdout.contains("sentences    17 az, 17 en"))
        #expect(result.stdout.contains("pairs        17 (0 low-confidence"))
        #expect(result.stdout.contains("Exports/kazakhstan-az-en.tmx"))
    }

    /// The committed `Exports/kazakhstan-az-en.tmx` is what the current code produces (regenerate with `make demo`).
    @Test func committedTMXIsCurrent() throws {
        let (directory, result) = try Self.build(Self.sample.path)
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let produced = try Data(contentsOf: directory.appendingPathComponent("Exports/kazakhstan-az-en.tmx"))
        let committed = try Data(
            contentsOf: TMKitProcess.packageRoot.appendingPathComponent("Exports/kazakhstan-az-en.tmx"))
        #expect(produced == committed, "Exports/kazakhstan-az-en.tmx is stale: run `make demo` and commit it")
    }

    /// The committed glossaries of the sample are what the current code produces (regenerate with `make demo`).
    @Test(arguments: ["kazakhstan-az-en.tbx", "kazakhstan-az-en.txt", "kazakhstan-az-en.csv"])
    func committedGlossaryIsCurrent(file: String) throws {
        let (directory, result) = try Self.build(
            Self.sample.path, ["--glossary-format", "tbx", "--glossary-format", "tsv", "--glossary-format", "csv"])
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let produced = try Data(contentsOf: directory.appendingPathComponent("Glossaries/\(file)"))
        let committed = try Data(contentsOf: TMKitProcess.packageRoot.appendingPathComponent("Glossaries/\(file)"))
        #expect(produced == committed, "Glossaries/\(file) is stale: run `make demo` and commit it")
    }

    @Test func sameInputGivesSameBytes() throws {
        let (first, a) = try Self.build(Self.sample.path)
        let (second, b) = try Self.build(Self.sample.path)
        defer {
            try? FileManager.default.removeItem(at: first)
            try? FileManager.default.removeItem(at: second)
        }
        #expect(a.status == 0 && b.status == 0)
        for file in TMKitProcess.files(under: first) {
            let x = try Data(contentsOf: first.appendingPathComponent(file))
            let y = try Data(contentsOf: second.appendingPathComponent(file))
            #expect(x == y, "\(file) differs between two runs")
        }
    }

    /// A byte-order mark and Windows line ends change nothing in the output.
    @Test func byteOrderMarkAndCRLFAreAccepted() throws {
        let text = try String(contentsOf: Self.sample, encoding: .utf8)
        let input = try TMKitProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: input) }
        var bytes = Data([0xEF, 0xBB, 0xBF])
        bytes.append(Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8))
        let path = input.appendingPathComponent("kazakhstan-az-en.txt")
        try bytes.write(to: path)
        let (plainDirectory, plain) = try Self.build(Self.sample.path)
        let (windowsDirectory, windows) = try Self.build(path.path)
        defer {
            try? FileManager.default.removeItem(at: plainDirectory)
            try? FileManager.default.removeItem(at: windowsDirectory)
        }
        #expect(plain.status == 0 && windows.status == 0, "stderr: \(windows.stderr)")
        let a = try Data(contentsOf: plainDirectory.appendingPathComponent("Exports/kazakhstan-az-en.tmx"))
        let b = try Data(contentsOf: windowsDirectory.appendingPathComponent("Exports/kazakhstan-az-en.tmx"))
        #expect(a == b)
    }

    /// `--target` takes the translation from a second file; the languages are still detected.
    @Test func sourceAndTargetAsTwoFiles() throws {
        let text = try String(contentsOf: Self.sample, encoding: .utf8)
        let paragraphs = text.components(separatedBy: "\n\n")
        let input = try TMKitProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: input) }
        let az = input.appendingPathComponent("article.az.txt")
        let en = input.appendingPathComponent("article.en.txt")
        try paragraphs[..<8].joined(separator: "\n\n").write(to: az, atomically: true, encoding: .utf8)
        try paragraphs[8...].joined(separator: "\n\n").write(to: en, atomically: true, encoding: .utf8)
        let (directory, result) = try Self.build(az.path, ["--target", en.path, "--name", "article"])
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let units = try TMXUnits.read(directory.appendingPathComponent("Exports/article.tmx"))
        #expect(units.map { Pair(source: $0.az, target: $0.en) } == (try Self.referencePairs()))
    }

    /// Languages given on the command line override detection.
    @Test func languageOptionsOverrideDetection() throws {
        let (directory, result) = try Self.build(
            Self.sample.path, ["--source-lang", "az-Latn-AZ", "--target-lang", "en_US", "--name", "forced"])
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let tmx = try String(contentsOf: directory.appendingPathComponent("Exports/forced.tmx"), encoding: .utf8)
        #expect(tmx.contains("srclang=\"az-Latn-AZ\""))
        #expect(tmx.contains("xml:lang=\"en-US\""))
        #expect(!tmx.contains("en_US"))
    }
}

/// The translation units of a two-language TMX file, read with Foundation's XML parser (not tmkit's).
final class TMXUnits: NSObject, XMLParserDelegate {
    struct Unit {
        var az = ""
        var en = ""
        var score: String?
    }

    private var units: [Unit] = []
    private var language = ""
    private var inSeg = false
    private var inScore = false
    private var text = ""

    static func read(_ url: URL) throws -> [Unit] {
        let data = try Data(contentsOf: url)
        let parser = XMLParser(data: data)
        let reader = TMXUnits()
        parser.delegate = reader
        guard parser.parse() else {
            throw parser.parserError ?? CocoaError(.fileReadCorruptFile)
        }
        return reader.units
    }

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        switch element {
        case "tu": units.append(Unit())
        case "tuv": language = attributes["xml:lang"] ?? attributes["lang"] ?? ""
        case "seg": inSeg = true; text = ""
        case "prop" where attributes["type"] == "x-alignment-score": inScore = true; text = ""
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inSeg || inScore { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        guard !units.isEmpty else { return }
        if element == "seg" {
            inSeg = false
            if language.hasPrefix("az") { units[units.count - 1].az = text } else { units[units.count - 1].en = text }
        } else if element == "prop" && inScore {
            inScore = false
            units[units.count - 1].score = text
        }
    }
}
