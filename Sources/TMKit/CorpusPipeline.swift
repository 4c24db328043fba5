import Foundation
import TMCore
import TMFormats
import TMTerms

/// `tmkit build` over a corpus: many documents in, one TMX and one glossary out.
///
/// Documents are read, segmented and aligned in parallel (`options.jobs` at a time, in a task group: only values
/// cross tasks), and their units are written to the TMX as soon as every document before them is written, so the
/// output is the same whatever the number of jobs, and memory holds a bounded window of documents, not the corpus.
/// The first documents of the corpus teach it an alignment lexicon (`CorpusLexicon`), with which every other
/// document is aligned in one pass. The glossary is learned from the pairs seen, or from a reproducible sample of
/// about `options.termSampleSize` pairs when there are more: in a large corpus, from documents chosen up front
/// (`CorpusTermDocuments`) and learned while the others are aligned. Files that cannot be used are reported through
/// `events` and skipped. Output files appear only when complete.
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
            documents: plan.allDocuments, worker: worker, jobs: jobs, targetPairs: options.lexiconPairs,
            keeps: { shard?.contains(documentNamed: $0.name) ?? true })
        report.timings.addDocumentStages(learned.timings)
        report.lexiconEntries = learned.lexicon?.entryCount ?? 0
        report.lexiconDocuments = learned.learningDocuments
        report.lexiconPairs = learned.pairs
        let lexicon = learned.lexicon

        // A large corpus's glossary is learned from documents chosen up front (built first), so that the term
        // learner can run while the other documents are aligned; a small one's from all its pairs at the end.
        let learner = TermLearner(sourceLanguage: pair.0, targetLanguage: pair.1)
        let sampleIndices = options.glossaryFormats.isEmpty ? nil : CorpusTermDocuments.choose(
            documents, capacity: options.termSampleSize, pairsPerByte: learned.pairsPerByte,
            built: Set(learned.results.keys))
        let sampleSet = Set(sampleIndices ?? [])
        var sampleUnits: [Int: [TranslationUnit]] = [:]
        var glossaryJob: CorpusGlossaryJob?
        var glossaryStart = clock.now
        var documentSample: CorpusTermSample?
        func sampleComplete() {
            var chosen = CorpusTermSample(capacity: options.termSampleSize)
            for index in sampleSet.sorted() {
                for unit in sampleUnits[index] ?? [] { chosen.add(unit) }
            }
            sampleUnits = [:]
            documentSample = chosen
            // With one job, documents and glossary take turns, as the single slot allows.
            guard jobs > 1 else { return }
            events(.step("learning the glossary from a sample of \(chosen.count) sentence pairs "
                + "(\(sampleSet.count) of \(documents.count) documents) while aligning the others"))
            glossaryStart = clock.now
            glossaryJob = CorpusGlossaryJob(learner: learner, units: chosen.units, threads: jobs)
        }

        try await withThrowingTaskGroup(of: (Int, Result<CorpusDocumentResult, CorpusIssue>).self) { group in
            var writer: TMXWriter?
            var running = 0
            var nextToWrite = 0
            var bytesDone = 0
            var finished: [Int: Result<CorpusDocumentResult, CorpusIssue>] = [:]
            // The glossary's documents first, then the others in order.
            let queue = (sampleIndices ?? []) + documents.indices.filter { !sampleSet.contains($0) }
            var queued = 0
            func arrive(_ index: Int, _ result: Result<CorpusDocumentResult, CorpusIssue>) {
                finished[index] = result
                guard sampleSet.contains(index) else { return }
                if case .success(let built) = result { sampleUnits[index] = built.units } else { sampleUnits[index] = [] }
                if sampleUnits.count == sampleSet.count { sampleComplete() }
            }
            func submit() {
                while queued < queue.count {
                    let index = queue[queued]
                    // Other documents wait for their turn to be written: memory holds at most `window` of them.
                    if !sampleSet.contains(index) && index - nextToWrite >= window { return }
                    let document = documents[index]
                    if let result = learned.results.removeValue(forKey: document.name) {
                        arrive(index, result)
                    } else {
                        // The term learner, while it runs, takes one of the job slots.
                        let slots = glossaryJob.map { $0.isFinished ? jobs : max(1, jobs - 1) } ?? jobs
                        guard running < slots else { return }
                        group.addTask { (index, worker.process(document, lexicon: lexicon)) }
                        running += 1
                    }
                    queued += 1
                }
            }
            while nextToWrite < documents.count {
                submit()
                if finished[nextToWrite] == nil {
                    guard let (index, result) = try await group.next() else { break }
                    running -= 1
                    arrive(index, result)
                    continue
                }
                while let result = finished.removeValue(forKey: nextToWrite) {
                    switch result {
                    case .success(let built):
                        let mark = CorpusTimings.threadCPU()
                        if writer == nil { writer = try TMXWriter(path: tmxPath, header: header) }
                        for unit in built.units {
                            try writer?.write(unit)
                            if sampleIndices == nil { sample.add(unit) }
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
        let documentsEnd = clock.now
        // The aligner spreads a document's paragraphs over helper threads, which its own thread's clock misses:
        // alignment gets what the other document stages do not account for.
        let accounted = report.timings.reading + report.timings.segmentation + report.timings.units
            + report.timings.writing
        report.timings.alignment = max(report.timings.alignment, report.timings.documentsCPU - accounted)
        report.outputs.append(tmxPath)

        if !options.glossaryFormats.isEmpty {
            let glossary: Glossary
            if let glossaryJob {
                // Learned alongside the documents: its thread's CPU is not the aligner's.
                glossary = await glossaryJob.result()
                report.glossarySamplePairs = documentSample?.count ?? 0
                report.timings.termLearning = glossaryJob.threadCPU
                // The process's CPU of the document phase includes the learner's while they overlapped (its
                // share of the learner's wall time): that part is not alignment.
                let overlap = glossaryJob.wall > 0
                    ? min(1, seconds(documentsEnd - glossaryStart) / glossaryJob.wall) : 0
                report.timings.alignment = max(0, report.timings.alignment - overlap * glossaryJob.threadCPU)
            } else {
                let units = documentSample?.units ?? sample.units
                report.glossarySamplePairs = units.count
                if let documentSample {
                    events(.step("learning the glossary from a sample of \(documentSample.count) sentence pairs "
                        + "(\(sampleSet.count) of \(documents.count) documents)"))
                } else {
                    events(.step(units.count == sample.seen
                        ? "learning the glossary from \(units.count) sentence pairs"
                        : "learning the glossary from a sample of \(units.count) of \(sample.seen) sentence pairs"))
                }
                glossaryStart = clock.now
                // The term learner runs on `jobs` threads: the process's clock counts them all.
                let cpuBeforeTerms = CorpusTimings.processCPU()
                glossary = learner.learn(from: units, threads: jobs)
                report.timings.termLearning = CorpusTimings.processCPU() - cpuBeforeTerms
            }
            let mark = CorpusTimings.threadCPU()
            let writingStart = clock.now
            report.glossaryEntries = glossary.entries.count
            for format in options.glossaryFormats {
                let path = BuildPipeline.join(options.glossaryDirectory, "\(name).\(format.fileExtension)")
                try format.write(glossary, to: path, title: "\(name) (\(pair.0) → \(pair.1))")
                report.outputs.append(path)
            }
            report.timings.glossaryWriting = CorpusTimings.threadCPU() - mark
            if let glossaryJob {
                report.timings.glossaryOverlapsDocuments = true
                report.timings.glossaryWall = glossaryJob.wall + seconds(clock.now - writingStart)
            } else {
                report.timings.glossaryWall = seconds(clock.now - glossaryStart)
            }
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
