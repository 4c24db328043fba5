import Foundation
import Testing
import TMCore
import TMKit

/// `tmkit terms` end to end: every kind of input, languages given or found, every output format, a seed glossary.
@Suite struct TermsPipelineTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let fixtures = root.appendingPathComponent("Tests/Fixtures/terms")
    static let document = root.appendingPathComponent("Examples/kazakhstan-az-en.txt").path
    static let pairs = fixtures.appendingPathComponent("kazakhstan-pairs.tsv").path
    static let tmx = fixtures.appendingPathComponent("kazakhstan-az-en.tmx").path

    func temporaryDirectory() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("terms-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    func run(_ inputs: [String], format: TermsOptions.Format = .json, seed: String? = nil,
             source: String? = nil, target: String? = nil) throws -> (report: TermsReport, output: String)
    {
        let directory = try temporaryDirectory()
        var options = TermsOptions(inputs: inputs)
        options.format = format
        options.output = directory + "/glossary.out"
        options.seed = seed
        options.sourceLanguage = source.flatMap(LanguageTag.init)
        options.targetLanguage = target.flatMap(LanguageTag.init)
        let report = try TermsPipeline.run(options)
        return (report, try String(contentsOfFile: options.output, encoding: .utf8))
    }

    func pairs(_ glossary: Glossary) -> Set<String> {
        Set(glossary.entries.compactMap { entry in
            guard let source = entry.sourceTerms.first, let target = entry.targetTerms.first else { return nil }
            return source.text + " = " + target.text
        })
    }

    @Test func aBilingualDocumentIsAlignedAndItsLanguagesDetected() throws {
        let (report, _) = try run([Self.document])
        #expect(report.sentencePairs == 17)
        #expect(report.glossary.sourceLanguage.description == "az")
        #expect(report.glossary.targetLanguage.description == "en")
        let found = pairs(report.glossary)
        for expected in ["KTMT = CSTO", "Qazaxıstan = Kazakhstan", "Moskva = Moscow", "rəngli inqilablar = color revolutions"] {
            #expect(found.contains(expected), "\(expected)")
        }
    }

    @Test func tmxLanguagesComeFromTheHeaderAndGiveTheSameGlossaryAsPairs() throws {
        let fromTMX = try run([Self.tmx]).report
        let fromPairs = try run([Self.pairs]).report
        #expect(fromTMX.glossary.sourceLanguage.description == "az")
        #expect(fromTMX.glossary.targetLanguage.description == "en")
        #expect(fromTMX.sentencePairs == 17)
        #expect(pairs(fromTMX.glossary) == pairs(fromPairs.glossary))
        #expect(fromPairs.notes.first?.contains("az → en (detected)") == true)
    }

    @Test func languagesGivenWinOverDetection() throws {
        // Wrongly given on purpose: the learner must use what the user says.
        let report = try run([Self.pairs], source: "tr", target: "en").report
        #expect(report.glossary.sourceLanguage.description == "tr")
    }

    @Test(arguments: ["tbx", "tbx3", "tsv", "csv", "json"])
    func everyOutputFormatIsWritten(_ name: String) throws {
        let format = try #require(TermsOptions.Format(name))
        let output = try run([Self.pairs], format: format).output
        switch name {
        case "tbx": #expect(output.contains("<martif") && output.contains("<term>CSTO</term>"))
        case "tbx3": #expect(output.contains("<tbx") && output.contains("<term>CSTO</term>"))
        case "tsv": #expect(output.contains("KTMT\tCSTO\n") && output.contains("Qazaxıstan\tKazakhstan\n"))
        case "csv": #expect(output.hasPrefix("az,en") && output.contains("\nKTMT,CSTO"))
        default:
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
            #expect(object["sourceLanguage"] as? String == "az")
            let entries = try #require(object["entries"] as? [[String: Any]])
            #expect(entries.count == 27)
        }
    }

    @Test func seedEntriesAreAlwaysKept() throws {
        let seed = Self.fixtures.appendingPathComponent("seed-az-en.txt").path
        let report = try run([Self.pairs], seed: seed).report
        let found = pairs(report.glossary)
        #expect(found.contains("təlim = training"))
        #expect(found.contains("xaricdə = abroad"))
        #expect(!found.contains("təlim = abroad"))
        #expect(found.filter { $0.hasPrefix("KTMT") }.count == 1)
    }

    @Test func aSeedInTheOtherDirectionIsTurned() throws {
        let seed = Self.fixtures.appendingPathComponent("seed-en-az.csv").path
        let report = try run([Self.pairs], seed: seed).report
        #expect(pairs(report.glossary).contains("təhlükəsizlik qüvvələri = security forces"))
    }

    @Test func aLineWithoutATabIsReportedWithItsPlaceAndNothingIsWritten() throws {
        let directory = try temporaryDirectory()
        let input = directory + "/pairs.tsv"
        try "Rusiya\tRussia\nMoskva\tMoscow\nno tab here\nKTMT\tCSTO\n".write(toFile: input, atomically: true, encoding: .utf8)
        var options = TermsOptions(inputs: [input])
        options.output = directory + "/out.json"
        options.sourceLanguage = LanguageTag("az")
        options.targetLanguage = LanguageTag("en")
        #expect(throws: TermsPipeline.InputError.self) { try TermsPipeline.run(options) }
        do {
            _ = try TermsPipeline.run(options)
        } catch let error as TermsPipeline.InputError {
            #expect(error.location?.line == 3)
            #expect(error.description.hasPrefix(input + ":3"))
        }
        #expect(!FileManager.default.fileExists(atPath: options.output))
    }

    @Test func inputKindIsToldFromTheText() {
        #expect(TermsPipeline.kind(of: "a\tb\nc\td\n") == .pairs)
        // A broken pair file is still a pair file, so that its bad line is reported.
        #expect(TermsPipeline.kind(of: "a\tb\nno tab\n") == .pairs)
        #expect(TermsPipeline.kind(of: "Bir abzas.\n\nA paragraph.\n") == .document)
    }

    // MARK: Corpora and shards

    @Test func aFolderOfDocumentsPairedByNameIsOneCorpus() throws {
        let directory = try temporaryDirectory()
        let sample = try String(contentsOfFile: Self.document, encoding: .utf8)
        let paragraphs = sample.components(separatedBy: "\n\n").filter { !$0.allSatisfy(\.isWhitespace) }
        try FileManager.default.createDirectory(atPath: directory + "/corpus/az", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: directory + "/corpus/en", withIntermediateDirectories: true)
        try paragraphs.prefix(8).joined(separator: "\n\n").write(toFile: directory + "/corpus/az/kz.txt", atomically: true,
                                                                 encoding: .utf8)
        try paragraphs.dropFirst(8).joined(separator: "\n\n").write(toFile: directory + "/corpus/en/kz.txt",
                                                                     atomically: true, encoding: .utf8)
        try "Tək".write(toFile: directory + "/corpus/az/alone.txt", atomically: true, encoding: .utf8)
        let (report, _) = try run([directory + "/corpus", Self.pairs])
        // The pair file first (files by name), then the corpus's one document; the unpaired file is said.
        #expect(report.sentencePairs == 34)
        #expect(report.glossary.sourceLanguage.description == "az")
        #expect(report.notes.contains { $0.contains("alone.txt") && $0.contains("skipped") })
        #expect(report.notes.contains { $0.hasPrefix("kz: document, 17 aligned sentence pairs") })
        #expect(pairs(report.glossary).contains("Qazaxıstan = Kazakhstan"))
    }

    /// Writes the statistics of shards `1/count` … of the pair file and returns their paths.
    func statistics(_ inputs: [String], count: Int, in directory: String) throws -> [String] {
        try (1...count).map { index in
            var options = TermsOptions(inputs: inputs)
            options.shard = CorpusShard(index: index, count: count)
            options.statisticsOutput = directory + "/part\(index).tmstats"
            let report = try TermsPipeline.run(options)
            #expect(report.glossary.entries.isEmpty)
            return directory + "/part\(index).tmstats"
        }
    }

    @Test func mergedShardsOfAPairFileGiveTheUnshardedGlossary() throws {
        let directory = try temporaryDirectory()
        let files = try statistics([Self.pairs, Self.document], count: 4, in: directory)
        var options = TermsMergeOptions(statistics: files.shuffled())
        options.output = directory + "/merged.json"
        let merged = try TermsPipeline.merge(options)
        let whole = try run([Self.pairs, Self.document])
        #expect(merged.sentencePairs == 34)
        #expect(try String(contentsOfFile: options.output, encoding: .utf8) == whole.output)
    }

    @Test func aStatisticsFileOfAnotherVersionOrCutShortIsRefusedWithItsPlace() throws {
        let directory = try temporaryDirectory()
        let files = try statistics([Self.pairs], count: 1, in: directory)
        let text = try String(contentsOfFile: files[0], encoding: .utf8)
        let newer = directory + "/newer.tmstats"
        try text.replacingOccurrences(of: "\"version\":1", with: "\"version\":2")
            .write(toFile: newer, atomically: true, encoding: .utf8)
        #expect {
            try TermsPipeline.merge(TermsMergeOptions(statistics: [newer]))
        } throws: { error in
            (error as? TermsStatistics.FileError)?.description.hasPrefix(newer + ":1: statistics version 2") == true
        }
        let cut = directory + "/cut.tmstats"
        try text.split(separator: "\n").dropLast().joined(separator: "\n").write(toFile: cut, atomically: true,
                                                                              encoding: .utf8)
        #expect {
            try TermsPipeline.merge(TermsMergeOptions(statistics: [cut]))
        } throws: { error in
            (error as? TermsStatistics.FileError)?.message.contains("cut short") == true
        }
        let broken = directory + "/broken.tmstats"
        try (text + "[0,17,\"no target\"]\n").write(toFile: broken, atomically: true, encoding: .utf8)
        #expect {
            try TermsPipeline.merge(TermsMergeOptions(statistics: [broken]))
        } throws: { error in
            (error as? TermsStatistics.FileError)?.location?.line == 19
        }
    }

    @Test func statisticsOfOtherLanguagesAreNotMerged() throws {
        let directory = try temporaryDirectory()
        let files = try statistics([Self.pairs], count: 2, in: directory)
        let text = try String(contentsOfFile: files[1], encoding: .utf8)
        try text.replacingOccurrences(of: "\"target\":\"en\"", with: "\"target\":\"tr\"")
            .write(toFile: files[1], atomically: true, encoding: .utf8)
        #expect {
            try TermsPipeline.merge(TermsMergeOptions(statistics: files))
        } throws: { error in
            (error as? TermsStatistics.FileError)?.message.hasPrefix("languages az → tr") == true
        }
    }

    @Test func aShardWithoutAStatisticsFileIsRefused() throws {
        var options = TermsOptions(inputs: [Self.pairs])
        options.shard = CorpusShard(index: 1, count: 2)
        #expect(throws: TermsPipeline.InputError.self) { try TermsPipeline.run(options) }
    }
}
