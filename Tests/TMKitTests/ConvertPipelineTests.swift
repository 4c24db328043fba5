import Foundation
import Testing
import TMKit

@Suite struct ConvertPipelineTests {
    static let formats = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/formats")

    func temporaryDirectory() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("convert-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    func fixture(_ name: String, copiedTo directory: String, as newName: String) throws -> String {
        let path = directory + "/" + newName
        try FileManager.default.copyItem(atPath: Self.formats.appendingPathComponent(name).path, toPath: path)
        return path
    }

    @Test func mergesTMXFilesWithoutDuplicates() throws {
        let directory = try temporaryDirectory()
        let sample = try fixture("kazakhstan-az-en.tmx.gold", copiedTo: directory, as: "sample.tmx")
        let inline = Self.formats.appendingPathComponent("inline-codes.tmx").path
        let output = directory + "/out/merged.tmx"
        let summary = try ConvertPipeline.run(inputs: [sample, sample, inline], to: .tmx, output: output)
        #expect(summary.itemsRead == 36)
        #expect(summary.itemsWritten == 19)
        #expect(summary.duplicatesRemoved == 17)
        #expect(summary.warnings.count == 3)
        let text = try String(contentsOfFile: output, encoding: .utf8)
        #expect(text.components(separatedBy: "</tu>").count - 1 == 19)
        #expect(text.contains("<ept i=\"1\">&lt;/b&gt;</ept>"))
    }

    @Test func tmxToTabSeparatedGlossary() throws {
        let directory = try temporaryDirectory()
        let sample = try fixture("kazakhstan-az-en.tmx.gold", copiedTo: directory, as: "sample.tmx")
        _ = try ConvertPipeline.run(inputs: [sample], to: .tsv, output: directory + "/sample.txt")
        let lines = try String(contentsOfFile: directory + "/sample.txt", encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 17)
        #expect(lines[5] == "rəsmilər 5800 nəfərin həbs edildiyini bildirib.\tAuthorities say 5,800 people have been detained.")
    }

    @Test func glossaryRoundTripThroughCSV() throws {
        let directory = try temporaryDirectory()
        let tbx = try fixture("sample-glossary.tbx.gold", copiedTo: directory, as: "g.tbx")
        _ = try ConvertPipeline.run(inputs: [tbx], to: .csv, output: directory + "/g.csv")
        let summary = try ConvertPipeline.run(inputs: [directory + "/g.csv", directory + "/g.csv"], to: .tsv,
                                              output: directory + "/g.txt")
        #expect(summary.duplicatesRemoved == 4)
        #expect(try String(contentsOfFile: directory + "/g.txt", encoding: .utf8)
                == String(contentsOfFile: Self.formats.appendingPathComponent("sample-glossary.txt.gold").path,
                          encoding: .utf8))
    }

    @Test func brokenInputLeavesNoOutput() throws {
        let directory = try temporaryDirectory()
        let sample = try fixture("kazakhstan-az-en.tmx.gold", copiedTo: directory, as: "sample.tmx")
        let broken = Self.formats.appendingPathComponent("malformed.tmx").path
        #expect(throws: (any Error).self) {
            _ = try ConvertPipeline.run(inputs: [sample, broken], to: .tmx, output: directory + "/out.tmx")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["sample.tmx"])
    }

    @Test func tabSeparatedInputNeedsLanguages() throws {
        let directory = try temporaryDirectory()
        try "a\tb\n".write(toFile: directory + "/t.txt", atomically: true, encoding: .utf8)
        do {
            _ = try ConvertPipeline.run(inputs: [directory + "/t.txt"], to: .csv, output: directory + "/t.csv")
            Issue.record("expected an error")
        } catch {
            #expect("\(error)" == directory + "/t.txt: a tab-separated file without a header row of language codes "
                    + "does not name its languages: give --source-lang and --target-lang")
        }
        // A header row of language codes names them.
        try "az\ten\nc\td\n".write(toFile: directory + "/h.txt", atomically: true, encoding: .utf8)
        _ = try ConvertPipeline.run(inputs: [directory + "/h.txt"], to: .csv, output: directory + "/h.csv")
        #expect(try String(contentsOfFile: directory + "/h.csv", encoding: .utf8) == "az,en,note\r\nc,d,\r\n")
        _ = try ConvertPipeline.run(inputs: [directory + "/t.txt"], to: .csv, output: directory + "/t.csv",
                                    sourceLanguage: "az", targetLanguage: "en")
        #expect(try String(contentsOfFile: directory + "/t.csv", encoding: .utf8) == "az,en,note\r\na,b,\r\n")
    }

    @Test func mergedHeaderNamesTheSourceTagTheUnitsUse() throws {
        let directory = try temporaryDirectory()
        try """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x"
            adminlang="en" srclang="en" datatype="plaintext"/><body><tu><tuv xml:lang="en_US"><seg>cat</seg></tuv>
            <tuv xml:lang="fr_FR"><seg>chat</seg></tuv></tu></body></tmx>
            """.write(toFile: directory + "/in.tmx", atomically: true, encoding: .utf8)
        let summary = try ConvertPipeline.run(inputs: [directory + "/in.tmx"], to: .tmx, output: directory + "/out.tmx")
        #expect(summary.warnings == [directory + "/in.tmx:3: language 'en_US' read as 'en-US'",
                                     directory + "/in.tmx:4: language 'fr_FR' read as 'fr-FR'"])
        let text = try String(contentsOfFile: directory + "/out.tmx", encoding: .utf8)
        #expect(text.contains(" srclang=\"en-US\" "))
        #expect(text.contains("<tuv xml:lang=\"fr-FR\">"))
    }

    @Test func xliffToTMX() throws {
        let directory = try temporaryDirectory()
        let inputs = ["sample-2.0.xlf", "sample-1.2.xlf"].map { Self.formats.appendingPathComponent($0).path }
        let summary = try ConvertPipeline.run(inputs: inputs, to: .tmx, output: directory + "/x.tmx")
        #expect(summary.itemsWritten == 4)
        let text = try String(contentsOfFile: directory + "/x.tmx", encoding: .utf8)
        #expect(text.contains(" srclang=\"az\" "))
        #expect(text.contains("<seg>Emoji 😀 və KTMT.</seg>"))
        #expect(text.contains("<prop type=\"x-state\">final</prop>"))
    }
}
