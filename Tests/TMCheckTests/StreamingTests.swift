import Foundation
import Testing
import TMCore
import TMFormats
@testable import TMCheck

/// The streamed run: chunked reading, chunked checking and the reporters fed piece by piece must give what the
/// whole-input functions give.
struct StreamingTests {
    /// A TSV text of `count` units with a header, escapes, CRLF line ends, blank lines and a byte-order mark.
    static func tsv(_ count: Int) -> String {
        var text = "\u{FEFF}id\ten\tde\n"
        for k in 1...count {
            switch k % 7 {
            case 0: text += "u\(k)\tLine with a tab\\there \(k)\tZeile mit Tab\\there \(k)\r\n"
            case 3: text += "\n"
                text += "u\(k)\tSaved \(k) files.\tDatei \(k + 1) gespeichert\n"
            default: text += "u\(k)\tOpen the file \(k % 50).\tÖffnen Sie die Datei \(k % 50).\n"
            }
        }
        return text
    }

    static func temporaryFile(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tmkit-stream-\(UUID().uuidString).tsv")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func streamReadsTheSameUnitsAsTheWholeFileReader() throws {
        let text = Self.tsv(3000)
        let path = try Self.temporaryFile(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let whole = try DelimitedTextUnitReader().read(text, file: path)
        let stream = try DelimitedTextUnitStream(path: path, blockSize: 4096)
        var chunks = 0
        var streamed: [TranslationUnit] = []
        while let units = try stream.next() {
            chunks += 1
            streamed += units
        }
        #expect(chunks > 10)
        #expect(streamed.count == 3000)
        #expect(streamed == whole)
        #expect(streamed[6].source == "Line with a tab\there 7")
    }

    @Test(arguments: [false, true])
    func unitsAtPositionsAreThoseOfTheWholeFile(withoutIDs: Bool) throws {
        var text = Self.tsv(3000)
        if withoutIDs {
            // No header and two columns: ids are line numbers.
            text = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().map { line in
                line.split(separator: "\t", omittingEmptySubsequences: false).dropFirst()
                    .map { String(String.UnicodeScalarView($0)) }.joined(separator: "\t")
            }.joined(separator: "\n")
        }
        let path = try Self.temporaryFile(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let whole = try DelimitedTextUnitReader().read(text, file: path)
        let positions = [0, 1, 2, 6, 100, 1234, 2000, 2998, 2999]
        let stream = try DelimitedTextUnitStream(path: path, blockSize: 4096)
        let picked = try stream.units(at: positions)
        #expect(picked == positions.map { whole[$0] })
    }

    @Test func duplicateIDInALaterBlockIsAnErrorWithItsLine() throws {
        var text = Self.tsv(2000)
        text += "u5\tAgain.\tNochmal.\n"
        let path = try Self.temporaryFile(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let stream = try DelimitedTextUnitStream(path: path, blockSize: 4096)
        let lines = text.utf8.filter { $0 == 0x0A }.count
        #expect(throws: DelimitedTextError("duplicate unit id ‘u5’", file: path, line: lines)) {
            while try stream.next() != nil {}
        }
    }

    static let units: [TranslationUnit] = {
        var units: [TranslationUnit] = []
        let pairs = [
            ("Save the file.", "Speichern Sie die Datei."),
            ("Save the file.", "Datei sichern."),
            ("Open %s now", "Jetzt öffnen"),
            ("5,800 people", "5.900 Menschen"),
            ("A short one", "Eine sehr sehr lange Übersetzung, die viel länger ist als das Original je sein könnte"),
            ("Close", "Schließen"),
            ("Quit", "Schließen"),
            ("Open the door please", ""),
        ]
        for k in 0..<300 {
            let (s, t) = pairs[k % pairs.count]
            units.append(unit(s + (k % 3 == 0 ? "" : " "), t, id: "u\(k)"))
        }
        for k in 0..<40 { units.append(unit("Some long enough source text \(k)", "Ein ausreichend langer Zieltext \(k)", id: "v\(k)")) }
        return units
    }()

    @Test func chunkedRunGivesTheSameFindingsAsOneRun() throws {
        let whole = Checker().check(Self.units)
        let run = CheckRun()
        var streamed: [Finding] = []
        var start = 0
        for size in [1, 7, 300, 1000] {
            let end = min(Self.units.count, start + size)
            streamed += run.check(Array(Self.units[start..<end]))
            start = end
        }
        streamed += run.finish { positions, receive in
            for (k, p) in positions.enumerated() { receive(k, Self.units[p]) }
        }
        #expect(streamed == whole)
        let rules = Set(whole.map(\.rule))
        #expect(rules.isSuperset(of: ["inconsistent-target", "inconsistent-source", "length-ratio", "number-mismatch",
                                      "placeholder-mismatch", "empty-target"]))
        // Unit rules first, in input order; then the corpus rules.
        let corpus: Set<String> = ["inconsistent-target", "inconsistent-source", "length-ratio"]
        let firstCorpus = try #require(whole.firstIndex { corpus.contains($0.rule) })
        #expect(whole[firstCorpus...].allSatisfy { corpus.contains($0.rule) })
        // The corpus pass asks only for the units its findings show.
        #expect(run.corpusPositions().count < Self.units.count)
    }

    @Test func spooledTextReportIsTheWholeRender() {
        let findings = Checker().check(Self.units)
        let report = CheckReport(findings: findings, unitCount: Self.units.count)
        let spool = TextReportSpool(colour: false, spillThreshold: 64)
        for piece in stride(from: 0, to: findings.count, by: 13) {
            spool.add(Array(findings[piece..<min(findings.count, piece + 13)]))
        }
        var bytes: [UInt8] = []
        spool.write(CheckReport(findings: [], unitCount: Self.units.count, tally: CheckTally(findings))) {
            bytes.append(contentsOf: $0)
        }
        #expect(String(decoding: bytes, as: UTF8.self) == TextReporter.render(report, colour: false))
    }

    @Test func jsonPiecesMakeTheWholeDocument() {
        let findings = Checker().check(Self.units)
        let whole = JSONReporter.render(CheckReport(findings: findings, unitCount: Self.units.count))
        var bytes = JSONReporter.opening
        var first = true
        for piece in stride(from: 0, to: findings.count, by: 50) {
            bytes += JSONReporter.renderFindings(findings[piece..<min(findings.count, piece + 50)], first: first)
            first = false
        }
        bytes += JSONReporter.closing(CheckReport(findings: [], unitCount: Self.units.count,
                                                  tally: CheckTally(findings)))
        #expect(String(decoding: bytes, as: UTF8.self) == whole)
    }

    @Test func cappedHTMLPageSaysHowManyAreLeftOut() {
        let findings = Checker().check(Self.units)
        let report = CheckReport(findings: Array(findings.prefix(10)), unitCount: Self.units.count,
                                 tally: CheckTally(findings), omittedCount: findings.count - 10)
        let html = HTMLReporter.render(report)
        #expect(html.contains("only the first 10 findings are listed here (\(findings.count - 10) more"))
        #expect(html.components(separatedBy: "<tr class=\"finding").count - 1 == 10)
        #expect(report.failed)
    }

    @Test(arguments: [
        ("Save the file.", "en"), ("  İstanbul'da   İŞ—yeri…  ", "tr"), ("I\u{307}ki «Ünite» 5.800 %s", "az"),
        ("Öffnen Sie\u{00A0}die DATEI!", "de"), ("\u{1}ctrl\tTAB\n", "en"), ("...", "en"), ("", "en"),
        ("Straße ΣΊΣΥΦΟΣ ﬁle", "el"),
    ])
    func hashedKeyIsTheHashOfTheWrittenKey(text: String, language: String) {
        let segment = Segment(text, language: language)
        var scratch: [UInt8] = []
        var folded: [UInt8] = []
        ConsistencyKey.fold(segment, ignoringNumbers: false, ignoringCodes: false, into: &folded)
        let expected = ConsistencyKey.Key.fnv(folded)
        #expect(ConsistencyKey.hash(segment, ignoringNumbers: false, ignoringCodes: false, scratch: &scratch)
            == (expected == 0 ? 1 : expected))
        #expect(segment.scalars == Array(text.unicodeScalars))
    }

    @Test(arguments: [
        ("la casa de de el rey", "es"), ("The the house", "en"), ("d'authenticité authenticité", "fr"),
        ("Über über alles", "de"), ("10 10 Dateien", "de"), ("a\u{00A0}a b", "fr"), ("l'a l'a", "fr"),
        ("x  x", "en"), ("no repeat here", "en"), ("see %s %s", "en"), ("ab b", "en"), ("b ab", "en"),
        ("ÇOK çok", "tr"), ("İş iş", "tr"), ("dogs dogs' bowl", "en"), ("%sde de", "es"), ("<b>de</b> de", "es"),
        ("see http://x.org x", "en"), ("de de@x.org", "es"), ("{n} n n", "en"), ("%s %s", "en"), ("d'a a", "fr"),
    ])
    func repeatPrefilterHasNoFalseNegatives(text: String, language: String) {
        let segment = Segment(text, language: language)
        if !RepeatedWordRule.mayRepeat(segment) {
            #expect(RepeatedWordRule.repeats(segment).isEmpty)
        }
    }
}
