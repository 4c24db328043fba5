import Foundation
import TMCore
import TMFormats
import TMTerms

/// `tmkit build` over a corpus: many documents in, one TMX and one glossary out.
///
/// Documents are read, segmented and aligned in parallel (`options.jobs` at a time, in a task group: only values
/// cross tasks), and their units are written to the TMX as soon as every document before them is written, so the
/// output is the same whatever the number of jobs, and memory holds a bounded window of documents, not the corpus.
/// The glossary is learned at the end from the pairs seen, or from a reproducible sample of
/// `options.termSampleSize` pairs when there are more. Files that cannot be used are reported through `events`
/// and skipped. Output files appear only when complete.
///
///     var options = BuildOptions(inputs: ["corpus/"])
///     options.jobs = 2
///     let report = try await CorpusPipeline.run(options) { event in … }
///     report.documents   // documents built
public enum CorpusPipeline {
    public static func run(
        _ options: BuildOptions, events: @escaping @Sendable (CorpusEvent) -> Void = { _ in }
    ) async throws -> CorpusReport {
        let baseName = try corpusName(options)
        let name = options.shard.map { "\(baseName)-shard-\($0.index)-of-\($0.count)" } ?? baseName
        let plan = try CorpusScanner.scan(
            options.inputs, sourceLanguage: options.sourceLanguage, targetLanguage: options.targetLanguage,
            shard: options.shard)
        var skipped: [CorpusIssue.Kind: Int] = [:]
        for issue in plan.issues {
            skipped[issue.kind, default: 0] += 1
            events(.skipped(issue))
        }
        guard !plan.documents.isEmpty else {
            throw CorpusError(options.shard == nil ? "no document can be built"
                              : "no document of the corpus falls in shard \(options.shard?.description ?? "")")
        }

        var languageNote = plan.languageNote
        let pair: (LanguageTag, LanguageTag)
        if let source = plan.sourceLanguage, let target = plan.targetLanguage {
            pair = (source, target)
        } else if let detected = probeLanguages(plan.documents, options: options) {
            pair = detected
            languageNote = "detected in the first document"
        } else {
            throw CorpusError("cannot tell the languages of any document; give --source-lang and --target-lang")
        }
        let worker = CorpusWorker(
            sourceLanguage: pair.0, targetLanguage: pair.1,
            forcedSource: options.sourceLanguage, forcedTarget: options.targetLanguage)

        var report = CorpusReport(
            name: name, sourceLanguage: pair.0, targetLanguage: pair.1, languageNote: languageNote, documents: 0,
            skipped: skipped, shard: options.shard, otherShards: plan.otherShards, sourceParagraphs: 0,
            targetParagraphs: 0, sourceSentences: 0, targetSentences: 0, sentencePairs: 0, lowConfidencePairs: 0,
            unmatchedSentences: 0, glossaryEntries: 0, glossarySamplePairs: 0, outputs: [])
        let tmxPath = BuildPipeline.join(options.tmxDirectory, "\(name).tmx")
        let header = TMXHeader(sourceLanguage: pair.0, creationToolVersion: TMKitVersion.current)
        var sample = CorpusTermSample(capacity: options.glossaryFormats.isEmpty ? 0 : options.termSampleSize)
        let documents = plan.documents
        let bytesTotal = documents.reduce(0) { $0 + $1.byteCount }
        let jobs = max(1, options.jobs)
        // Documents may finish out of order; at most `window` of them are read ahead of the one being written.
        let window = max(2 * jobs, 8)
        let clock = ContinuousClock()
        let start = clock.now
        let cpuAtStart = CorpusTimings.processCPU()

        // One alignment lexicon for the corpus, learned from its first documents (which are built on the way).
        let shard = options.shard
        var learned = await CorpusLexicon.learn(
            documents: plan.allDocuments, worker: worker, jobs: jobs,
            keeps: { shard?.contains(documentNamed: $0.name) ?? true })
        report.timings.addDocumentStages(learned.timings)
        report.lexiconEntries = learned.lexicon?.entryCount ?? 0
        report.lexiconDocuments = learned.learningDocuments
        report.lexiconPairs = learned.pairs
        let lexicon = learned.lexicon

        try await withThrowingTaskGroup(of: (Int, Result<CorpusDocumentResult, CorpusIssue>).self) { group in
            var writer: TMXWriter?
            var submitted = 0
            var running = 0
            var nextToWrite = 0
            var bytesDone = 0
            var finished: [Int: Result<CorpusDocumentResult, CorpusIssue>] = [:]
            func submit() {
                while submitted < documents.count && submitted - nextToWrite < window {
                    let index = submitted
                    let document = documents[index]
                    if let result = learned.results.removeValue(forKey: document.name) {
                        finished[index] = result
                    } else {
                        guard running < jobs else { return }
                        group.addTask { (index, worker.process(document, lexicon: lexicon)) }
                        running += 1
                    }
                    submitted += 1
                }
            }
            while nextToWrite < documents.count {
                submit()
                if finished[nextToWrite] == nil {
                    guard let (index, result) = try await group.next() else { break }
                    running -= 1
                    finished[index] = result
                }
                while let result = finished.removeValue(forKey: nextToWrite) {
                    switch result {
                    case .success(let built):
                        let mark = CorpusTimings.threadCPU()
                        if writer == nil { writer = try TMXWriter(path: tmxPath, header: header) }
                        for unit in built.units {
                            try writer?.write(unit)
                            sample.add(unit)
                        }
                        report.timings.writing += CorpusTimings.threadCPU() - mark
                        report.timings.addDocumentStages(built.timings)
                        report.documents += 1
                        report.sourceParagraphs += built.sourceParagraphs
                        report.targetParagraphs += built.targetParagraphs
                        report.sourceSentences += built.sourceSentences
                        report.targetSentences += built.targetSentences
                        report.sentencePairs += built.units.count
                        report.lowConfidencePairs += built.units.filter {
                            ($0.confidence ?? 1) < options.lowConfidenceThreshold
                        }.count
                        report.unmatchedSentences += built.unmatchedSentences
                    case .failure(let issue):
                        report.skipped[issue.kind, default: 0] += 1
                        events(.skipped(issue))
                    }
                    bytesDone += documents[nextToWrite].byteCount
                    nextToWrite += 1
                    events(.progress(ProgressSnapshot(
                        documentsDone: nextToWrite, documentsTotal: documents.count, bytesDone: bytesDone,
                        bytesTotal: bytesTotal, sentencePairs: report.sentencePairs, skipped: report.skippedTotal,
                        elapsed: seconds(clock.now - start))))
                }
            }
            guard let finishedWriter = writer.take() else {
                throw CorpusError("none of the \(documents.count) documents could be built")
            }
            let mark = CorpusTimings.threadCPU()
            try finishedWriter.finish()
            report.timings.writing += CorpusTimings.threadCPU() - mark
        }
        report.timings.documentsWall = seconds(clock.now - start)
        report.timings.documentsCPU = CorpusTimings.processCPU() - cpuAtStart
        // The aligner spreads a document's paragraphs over helper threads, which its own thread's clock misses:
        // alignment gets what the other document stages do not account for.
        let accounted = report.timings.reading + report.timings.segmentation + report.timings.units
            + report.timings.writing
        report.timings.alignment = max(report.timings.alignment, report.timings.documentsCPU - accounted)
        report.outputs.append(tmxPath)

        if !options.glossaryFormats.isEmpty {
            let units = sample.units
            report.glossarySamplePairs = units.count
            events(.step(units.count == sample.seen
                ? "learning the glossary from \(units.count) sentence pairs"
                : "learning the glossary from a sample of \(units.count) of \(sample.seen) sentence pairs"))
            let glossaryStart = clock.now
            // The term learner runs both sides on two threads: the process's clock counts both.
            let cpuBeforeTerms = CorpusTimings.processCPU()
            let glossary = TermLearner(sourceLanguage: pair.0, targetLanguage: pair.1).learn(from: units)
            report.timings.termLearning = CorpusTimings.processCPU() - cpuBeforeTerms
            let mark = CorpusTimings.threadCPU()
            report.glossaryEntries = glossary.entries.count
            for format in options.glossaryFormats {
                let path = BuildPipeline.join(options.glossaryDirectory, "\(name).\(format.fileExtension)")
                try format.write(glossary, to: path, title: "\(name) (\(pair.0) → \(pair.1))")
                report.outputs.append(path)
            }
            report.timings.glossaryWriting = CorpusTimings.threadCPU() - mark
            report.timings.glossaryWall = seconds(clock.now - glossaryStart)
        }
        report.timings.processCPU = CorpusTimings.processCPU()
        return report
    }

    /// The corpus's name: `--name`, or the name of the one folder given.
    static func corpusName(_ options: BuildOptions) throws -> String {
        if let name = options.name, !name.isEmpty { return name }
        if options.inputs.count == 1 {
            let folder = URL(fileURLWithPath: options.inputs[0]).standardizedFileURL.lastPathComponent
            if !folder.isEmpty && folder != "/" && folder != "." { return folder }
        }
        throw CorpusError("several inputs make one corpus: name it with --name")
    }

    /// The language pair of the first document that can be read, when neither the options nor the file names
    /// tell it.
    static func probeLanguages(_ documents: [CorpusDocument], options: BuildOptions) -> (LanguageTag, LanguageTag)? {
        for entry in documents {
            guard case .bilingual(let path) = entry.source else { continue }
            var probe = BuildOptions(input: path)
            probe.sourceLanguage = options.sourceLanguage
            probe.targetLanguage = options.targetLanguage
            if let document = try? DocumentLoader.load(probe).document {
                return (document.sourceLanguage, document.targetLanguage)
            }
        }
        return nil
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
