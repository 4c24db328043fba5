import Foundation
import TMAlign
import TMCore
import TMFormats

/// `tmkit align SOURCE_FOLDER TARGET_FOLDER`: every document of one folder aligned with its translation in the
/// other, in parallel, into one output; with a shard, only the documents of that part.
///
/// A source file pairs with the target file at the same path below the target folder, or at that path with the
/// source language tag in the file name replaced by the target's (`news/a.de.txt` ↔ `news/a.fr.txt`, `x.de` ↔
/// `x.fr`). The two folders may be one (`a.de.txt` beside `a.fr.txt`, as `tmkit build` corpora are laid out). Hidden files and folders are ignored; files without a partner, and documents that cannot be read or
/// aligned, are reported and skipped. A document is named by its source file's path below the folder, without a
/// `.txt` extension and the language tag (`news/a.de.txt` → `news/a`). Documents are written in the order of their
/// paths, whatever the number of jobs.
///
/// As in `tmkit build`, a corpus learns one alignment lexicon from its first documents (in path order, the whole
/// corpus's whatever the shard) until they give `lexiconPairs` confident pairs, and aligns every other document in
/// one pass with it; so every shard and every job count writes the same pairs as one run.
///
///     var corpus = AlignCorpusPipeline(sourceFolder: "de/", targetFolder: "fr/", sourceLanguage: de, targetLanguage: fr)
///     corpus.shard = try CorpusShard(parsing: "2/4")
///     let report = try await corpus.run(format: .jsonl, output: "part-2.jsonl") { event in … }
public struct AlignCorpusPipeline: Sendable {
    public var sourceFolder: String
    public var targetFolder: String
    public var sourceLanguage: LanguageTag
    public var targetLanguage: LanguageTag
    public var presegmented = false
    public var dictionaryPath: String?
    /// Only the documents of this part (`1 + FNV-1a(name) mod N`, as `tmkit build --shard`).
    public var shard: CorpusShard?
    /// Documents aligned at the same time.
    public var jobs = max(1, ProcessInfo.processInfo.activeProcessorCount)
    /// Confident pairs to learn the corpus lexicon from (0: every document learns its own, as `tmkit align` on
    /// two files does).
    public var lexiconPairs = BuildOptions.defaultLexiconPairs

    public init(sourceFolder: String, targetFolder: String, sourceLanguage: LanguageTag, targetLanguage: LanguageTag) {
        self.sourceFolder = sourceFolder
        self.targetFolder = targetFolder
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
    }

    /// One document: its name (path below the source folder) and its two files.
    public struct Document: Hashable, Sendable {
        public var name: String
        public var sourcePath: String
        public var targetPath: String
        public var byteCount: Int
    }

    /// What a run did.
    public struct Report: Sendable, Equatable {
        public var documents = 0
        public var skipped = 0
        /// Documents of the folders that belong to other shards.
        public var otherShards = 0
        public var pairs = 0
        public var lowConfidencePairs = 0
        /// Entries of the corpus lexicon, and the documents it was learned from (0: none was learned).
        public var lexiconEntries = 0
        public var lexiconDocuments = 0
    }

    /// The documents of this shard, in name order, and the files that were left out.
    public func documents() throws(AlignPipelineError) -> (documents: [Document], issues: [CorpusIssue], otherShards: Int) {
        let plan = try pairedDocuments()
        let documents = plan.documents.filter { document in shard.map { $0.contains(documentNamed: document.name) } ?? true }
        return (documents, plan.issues, plan.documents.count - documents.count)
    }

    /// Every paired document of the folders (all shards), in path order, and the files left out.
    func pairedDocuments() throws(AlignPipelineError) -> (documents: [Document], issues: [CorpusIssue]) {
        let sourceFiles = try Self.files(below: sourceFolder)
        let targetFiles = try Self.files(below: targetFolder)
        // One folder for both languages (`report.de.txt` beside `report.fr.txt`): a file pairs only with the file
        // of the other language tag, and only files tagged with the source language are sources.
        let oneFolder = URL(fileURLWithPath: sourceFolder).standardizedFileURL.path
            == URL(fileURLWithPath: targetFolder).standardizedFileURL.path
        let targetSet = Set(targetFiles.keys.filter { !oneFolder || hasTag(targetLanguage, $0) })
        var used = Set<String>()
        var documents: [Document] = []
        var issues: [CorpusIssue] = []
        for name in sourceFiles.keys.sorted(by: { $0.precedesInScalarOrder($1) })
        where !oneFolder || hasTag(sourceLanguage, name) {
            guard let partner = partner(of: name, in: targetSet), !(oneFolder && partner == name) else {
                issues.append(CorpusIssue(
                    .unpaired, "no translation at the same path below \(targetFolder)",
                    location: InputLocation(file: Self.join(sourceFolder, name))))
                continue
            }
            used.insert(partner)
            let documentName = self.documentName(name)
            documents.append(Document(
                name: documentName, sourcePath: Self.join(sourceFolder, name), targetPath: Self.join(targetFolder, partner),
                byteCount: (sourceFiles[name] ?? 0) + (targetFiles[partner] ?? 0)))
        }
        for name in targetSet.sorted(by: { $0.precedesInScalarOrder($1) })
        where !used.contains(name) {
            issues.append(CorpusIssue(
                .unpaired, "no source document at the same path below \(sourceFolder)",
                location: InputLocation(file: Self.join(targetFolder, name))))
        }
        return (documents, issues)
    }

    /// Whether a file name has `language` as one of its dot-separated parts after the first (`a.de.txt`, `a.de`).
    private func hasTag(_ language: LanguageTag, _ path: String) -> Bool {
        let fileName = path.split(separator: "/").last ?? Substring(path)
        let tag = language.description.lowercased()
        return fileName.split(separator: ".", omittingEmptySubsequences: false).dropFirst().contains { $0.lowercased() == tag }
    }

    /// A source file's document name: its path below the folder without a `.txt`/`.text` extension and without
    /// the source language tag (`news/a.de.txt` → `news/a`, `test0.de` → `test0`).
    func documentName(_ path: String) -> String {
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        var parts = path[slash...].split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if parts.count > 1, ["txt", "text"].contains(parts[parts.count - 1].lowercased()) { parts.removeLast() }
        if parts.count > 1, parts[parts.count - 1].lowercased() == sourceLanguage.description.lowercased() {
            parts.removeLast()
        }
        let name = parts.joined(separator: ".")
        return String(path[..<slash]) + (name.isEmpty ? String(path[slash...]) : name)
    }

    /// The target file for the source file `name`: the same path, or the path with the language tag swapped.
    func partner(of name: String, in targets: Set<String>) -> String? {
        if targets.contains(name) { return name }
        let slash = name.lastIndex(of: "/").map { name.index(after: $0) } ?? name.startIndex
        let folder = name[..<slash]
        var parts = name[slash...].split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let tag = sourceLanguage.description.lowercased()
        for index in parts.indices.dropFirst() where parts[index].lowercased() == tag {
            parts[index] = targetLanguage.description
            for candidate in [parts.joined(separator: "."), parts.joined(separator: ".").lowercased()]
            where targets.contains(folder + candidate) {
                return folder + candidate
            }
            parts[index] = tag
        }
        return nil
    }

    /// Aligns the documents and writes them to `output` (`-` or nil: standard output), atomically.
    public func run(
        format: AlignOutputFormat, output: String?, events: @escaping @Sendable (CorpusEvent) -> Void = { _ in }
    ) async throws -> Report {
        let plan = try pairedDocuments()
        for issue in plan.issues { events(.skipped(issue)) }
        var report = Report()
        report.skipped = plan.issues.count
        let documents = plan.documents.filter { document in shard.map { $0.contains(documentNamed: document.name) } ?? true }
        report.otherShards = plan.documents.count - documents.count
        guard !documents.isEmpty else {
            throw AlignPipelineError(location: InputLocation(file: sourceFolder), message: shard.map {
                "no document of the folders falls in shard \($0)"
            } ?? "no document in the folder has a translation in \(targetFolder)")
        }
        let learned = await learnLexicon(plan.documents)
        if let lexicon = learned.lexicon {
            report.lexiconEntries = lexicon.entryCount
            report.lexiconDocuments = learned.documents
            events(.step("learned an alignment lexicon of \(lexicon.entryCount) entries from the first "
                + "\(learned.documents) documents"))
        }
        let pipelines = documents.map { document in
            var pipeline = pipeline(for: document)
            pipeline.lexicon = learned.lexicon
            return pipeline
        }
        let known = learned.results
        var sink = try AlignCorpusSink(format: format, path: output ?? "-", sourceLanguage: sourceLanguage)
        let jobs = max(1, jobs)
        let window = max(2 * jobs, 8)
        let bytesTotal = documents.reduce(0) { $0 + $1.byteCount }
        let clock = ContinuousClock()
        let start = clock.now
        try await withThrowingTaskGroup(of: (Int, Result<AlignPipeline.Result, AlignPipelineError>).self) { group in
            var submitted = 0
            var running = 0
            var nextToWrite = 0
            var bytesDone = 0
            var finished: [Int: Result<AlignPipeline.Result, AlignPipelineError>] = [:]
            func submit() {
                while submitted < documents.count && running < jobs && submitted - nextToWrite < window {
                    let index = submitted
                    let pipeline = pipelines[index]
                    if let result = known[documents[index].name] {
                        group.addTask { (index, result) }
                    } else {
                        group.addTask { (index, Result { () throws(AlignPipelineError) in try pipeline.run() }) }
                    }
                    submitted += 1
                    running += 1
                }
            }
            submit()
            while let (index, result) = try await group.next() {
                running -= 1
                finished[index] = result
                while let result = finished.removeValue(forKey: nextToWrite) {
                    let document = documents[nextToWrite]
                    switch result {
                    case .success(let aligned):
                        for warning in aligned.warnings { events(.step(warning)) }
                        try sink.write(aligned, document: document.name)
                        report.documents += 1
                        report.pairs += aligned.alignment.pairs.count
                        report.lowConfidencePairs += aligned.alignment.lowConfidenceRegions.reduce(0) { $0 + $1.count }
                    case .failure(let error):
                        report.skipped += 1
                        events(.skipped(CorpusIssue(
                            .unreadable, error.message, location: error.location ?? InputLocation(file: document.sourcePath))))
                    }
                    bytesDone += document.byteCount
                    nextToWrite += 1
                    events(.progress(ProgressSnapshot(
                        documentsDone: nextToWrite, documentsTotal: documents.count, bytesDone: bytesDone,
                        bytesTotal: bytesTotal, sentencePairs: report.pairs, skipped: report.skipped,
                        elapsed: Self.seconds(clock.now - start))))
                }
                submit()
            }
        }
        guard report.documents > 0 else {
            throw AlignPipelineError(
                location: InputLocation(file: sourceFolder), message: "none of the \(documents.count) documents could be aligned")
        }
        try sink.finish()
        return report
    }

    private func pipeline(for document: Document) -> AlignPipeline {
        AlignPipeline(
            sourcePath: document.sourcePath, targetPath: document.targetPath, sourceLanguage: sourceLanguage,
            targetLanguage: targetLanguage, presegmented: presegmented, dictionaryPath: dictionaryPath,
            documentName: document.name)
    }

    /// Aligns the first documents of the whole corpus (each learning its own lexicon) until their confident pairs
    /// reach `lexiconPairs`, and learns the corpus lexicon from them; nil when the corpus is too small for one (a
    /// fifth of the target, or every document used up). Documents count in path order, whatever finishes first.
    private func learnLexicon(_ all: [Document]) async
        -> (lexicon: AlignmentLexicon?, documents: Int, results: [String: Result<AlignPipeline.Result, AlignPipelineError>])
    {
        guard lexiconPairs > 0 else { return (nil, 0, [:]) }
        let candidates = Array(all.prefix(CorpusLexicon.maximumDocuments))
        var sample = CorpusLexicon.Sample(targetPairs: lexiconPairs)
        var results: [String: Result<AlignPipeline.Result, AlignPipelineError>] = [:]
        while sample.documents < candidates.count && !sample.isComplete {
            let used = sample.documents
            let batch = Array(candidates[used..<min(candidates.count, used + max(1, jobs))])
            let aligned = await withTaskGroup(of: (Int, Result<AlignPipeline.Result, AlignPipelineError>).self) { group in
                for (k, document) in batch.enumerated() {
                    let pipeline = pipeline(for: document)
                    group.addTask { (k, Result { () throws(AlignPipelineError) in try pipeline.run() }) }
                }
                var out = [Result<AlignPipeline.Result, AlignPipelineError>?](repeating: nil, count: batch.count)
                for await (k, result) in group { out[k] = result }
                return out
            }
            for (document, result) in zip(batch, aligned) where !sample.isComplete {
                guard let result else { continue }
                if shard.map({ $0.contains(documentNamed: document.name) }) ?? true { results[document.name] = result }
                sample.add(try? result.get().alignment)
            }
        }
        let lexicon = sample.lexicon(
            corpusDocuments: all.count, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
        return (lexicon, sample.documents, results)
    }

    /// The non-hidden files below `folder` (any depth), by path below it, with their sizes.
    static func files(below folder: String) throws(AlignPipelineError) -> [String: Int] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw AlignPipelineError(location: InputLocation(file: folder), message: "not a folder")
        }
        var files: [String: Int] = [:]
        for relative in CorpusScanner.files(below: folder, extensions: nil) {
            files[relative] = CorpusScanner.byteCount(join(folder, relative))
        }
        return files
    }

    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

/// Writes the documents of a folder alignment one after the other, in one of the `align` formats; the file
/// appears only when `finish()` is called.
struct AlignCorpusSink: ~Copyable {
    let format: AlignOutputFormat
    private var text: AtomicFileWriter?
    private var tmx: TMXWriter?

    init(format: AlignOutputFormat, path: String, sourceLanguage: LanguageTag) throws(AlignPipelineError) {
        self.format = format
        do {
            if format == .tmx {
                tmx = try TMXWriter(
                    path: path,
                    header: TMXHeader(sourceLanguage: sourceLanguage, creationToolVersion: TMKitVersion.current))
            } else {
                text = try AtomicFileWriter(path: path)
            }
        } catch {
            throw AlignPipelineError(location: error.location, message: error.message)
        }
    }

    mutating func write(_ result: AlignPipeline.Result, document: String) throws(AlignPipelineError) {
        do {
            switch format {
            case .tmx:
                for unit in result.translationUnits { try tmx?.write(unit) }
            case .beads:
                try text?.write("# " + document + "\n" + AlignPipeline.render(result, format: .beads, document: nil))
            case .tsv, .jsonl:
                try text?.write(AlignPipeline.render(result, format: format, document: document))
            }
        } catch {
            throw AlignPipelineError(location: error.location, message: error.message)
        }
    }

    consuming func finish() throws(AlignPipelineError) {
        do {
            if let writer = tmx.take() { try writer.finish() }
            if let writer = text.take() { try writer.commit() }
        } catch {
            throw AlignPipelineError(location: error.location, message: error.message)
        }
    }
}
