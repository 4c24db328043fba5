import Benchmark
import Foundation
import TMAlign
import TMCheck
import TMCore
import TMFormats
import TMKit
import TMSegment
import TMTerms

// The stages of `tmkit build` one by one, on the bundled sample (Examples/kazakhstan-az-en.txt: 17 sentence pairs),
// and `build` end to end on a corpus: 24 copies of the sample, or the folder in TMKIT_BENCH_CORPUS (make one with
// Benchmarks/corpus/generate.py). Figures are per iteration: one document, or the whole corpus.

/// The package's root folder (this file is Benchmarks/Benchmarks/TMKitBenchmarks/TMKitBenchmarks.swift).
private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

/// What every benchmark reads, prepared once.
private struct Inputs: Sendable {
    var document: BilingualDocument
    var sourceSentences: [[String]]
    var targetSentences: [[String]]
    /// The sample's units repeated to about a thousand, each with its own id.
    var units: [TranslationUnit]
    var glossary: Glossary
    /// A TMX file of `units`.
    var tmxPath: String
    var scratch: URL

    static func load() throws -> Inputs {
        let sample = root.appendingPathComponent("Examples/kazakhstan-az-en.txt").path
        let document = try DocumentLoader.load(BuildOptions(input: sample)).document
        let (source, target, alignment) = SentenceStage.align(document)
        let once = UnitBuilder.units(for: document, pairs: alignment.pairs)
        var units: [TranslationUnit] = []
        for copy in 1...60 {
            units += once.map { unit in
                var unit = unit
                unit.id = "\(copy):\(unit.id)"
                return unit
            }
        }
        let glossary = TermLearner(sourceLanguage: document.sourceLanguage, targetLanguage: document.targetLanguage)
            .learn(from: once)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("tmkit-bench-\(getpid())")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let tmxPath = scratch.appendingPathComponent("units.tmx").path
        var writer = try TMXWriter(path: tmxPath, header: TMXHeader(sourceLanguage: document.sourceLanguage, creationToolVersion: TMKitVersion.current))
        for unit in units { try writer.write(unit) }
        try writer.finish()
        return Inputs(document: document, sourceSentences: source, targetSentences: target, units: units,
                      glossary: glossary, tmxPath: tmxPath, scratch: scratch)
    }

    /// The corpus for `build`: TMKIT_BENCH_CORPUS, or 24 copies of the sample as paired files.
    func corpus() throws -> String {
        if let folder = ProcessInfo.processInfo.environment["TMKIT_BENCH_CORPUS"] { return folder }
        let folder = scratch.appendingPathComponent("corpus")
        if FileManager.default.fileExists(atPath: folder.path) { return folder.path }
        for copy in 1...24 {
            let directory = folder.appendingPathComponent(String(format: "part%02d", copy % 4))
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let az = document.sourceParagraphs.map(\.text).joined(separator: "\n\n") + "\n"
            let en = document.targetParagraphs.map(\.text).joined(separator: "\n\n") + "\n"
            try Data(az.utf8).write(to: directory.appendingPathComponent("doc\(copy).az.txt"))
            try Data(en.utf8).write(to: directory.appendingPathComponent("doc\(copy).en.txt"))
        }
        return folder.path
    }
}

private let inputs: Inputs? = {
    do {
        return try Inputs.load()
    } catch {
        FileHandle.standardError.write(Data("TMKitBenchmarks: cannot prepare the inputs: \(error)\n".utf8))
        return nil
    }
}()

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
        maxDuration: .seconds(5), maxIterations: 200)
    guard let inputs else { return }

    Benchmark("segmentation (sample, both sides)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(SentenceStage.segment(inputs.document.sourceParagraphs, language: inputs.document.sourceLanguage))
            blackHole(SentenceStage.segment(inputs.document.targetParagraphs, language: inputs.document.targetLanguage))
        }
    }

    Benchmark("sentence alignment (sample)") { benchmark in
        let aligner = DocumentAligner(
            sourceLanguage: inputs.document.sourceLanguage, targetLanguage: inputs.document.targetLanguage)
        for _ in benchmark.scaledIterations {
            blackHole(aligner.align(source: inputs.sourceSentences, target: inputs.targetSentences))
        }
    }

    Benchmark("term learning (1020 pairs)", configuration: .init(maxDuration: .seconds(10), maxIterations: 20)) {
        benchmark in
        let learner = TermLearner(
            sourceLanguage: inputs.document.sourceLanguage, targetLanguage: inputs.document.targetLanguage)
        for _ in benchmark.scaledIterations {
            blackHole(learner.learn(from: inputs.units))
        }
    }

    Benchmark("checks (1020 units, with glossary)") { benchmark in
        let checker = Checker()
        for _ in benchmark.scaledIterations {
            blackHole(checker.check(inputs.units, glossary: inputs.glossary))
        }
    }

    Benchmark("TMX write (1020 units)") { benchmark in
        let path = inputs.scratch.appendingPathComponent("write.tmx").path
        let header = TMXHeader(sourceLanguage: inputs.document.sourceLanguage, creationToolVersion: TMKitVersion.current)
        for _ in benchmark.scaledIterations {
            var writer = try TMXWriter(path: path, header: header)
            for unit in inputs.units { try writer.write(unit) }
            try writer.finish()
        }
    }

    Benchmark("TMX read (1020 units)") { benchmark in
        for _ in benchmark.scaledIterations {
            var reader = try TMXReader(path: inputs.tmxPath)
            var count = 0
            while let unit = try reader.next() {
                blackHole(unit)
                count += 1
            }
            blackHole(count)
        }
    }

    Benchmark("build end to end (corpus)", configuration: .init(maxDuration: .seconds(30), maxIterations: 5)) {
        benchmark in
        var options = BuildOptions(inputs: [try inputs.corpus()])
        options.name = "bench"
        options.tmxDirectory = inputs.scratch.appendingPathComponent("Exports").path
        options.glossaryDirectory = inputs.scratch.appendingPathComponent("Glossaries").path
        for _ in benchmark.scaledIterations {
            blackHole(try await CorpusPipeline.run(options))
        }
    }
}
