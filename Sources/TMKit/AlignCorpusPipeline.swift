import Foundation
import TMCore
import TMFormats

/// `tmkit align SOURCE_FOLDER TARGET_FOLDER`: every document of one folder aligned with its translation in the
/// other, in parallel, into one output; with a shard, only the documents of that part.
///
/// A source file pairs with the target file at the same path below the target folder, or at that path with the
/// source language tag in the file name replaced by the target's (`news/a.de.txt` ↔ `news/a.fr.txt`, `x.de` ↔
/// `x.fr`). Hidden files and folders are ignored; files without a partner, and documents that cannot be read or
/// aligned, are reported and skipped. A document is named by its source file's path below the folder, without a
/// `.txt` extension and the language tag (`news/a.de.txt` → `news/a`). Documents are written in the order of their
/// paths, whatever the number of jobs.
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
    }

    /// The documents of this shard, in name order, and the files that were left out.
    public func documents() throws(AlignPipelineError) -> (documents: [Document], issues: [CorpusIssue], otherShards: Int) {
        let sourceFiles = try Self.files(below: sourceFolder)
        let targetFiles = try Self.files(below: targetFolder)
        let targetSet = Set(targetFiles.keys)
        var used = Set<String>()
        var documents: [Document] = []
        var issues: [CorpusIssue] = []
        var otherShards = 0
        for name in sourceFiles.keys.sorted(by: { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }) {
            guard let partner = partner(of: name, in: targetSet) else {
                issues.append(CorpusIssue(
                    .unpaired, "no translation at the same path below \(targetFolder)",
                    location: InputLocation(file: Self.join(sourceFolder, name))))
                continue
            }
            used.insert(partner)
            let documentName = self.documentName(name)
            if let shard, !shard.contains(documentNamed: documentName) {
                otherShards += 1
                continue
            }
            documents.append(Document(
                name: documentName, sourcePath: Self.join(sourceFolder, name), targetPath: Self.join(targetFolder, partner),
                byteCount: (sourceFiles[name] ?? 0) + (targetFiles[partner] ?? 0)))
        }
        for name in targetFiles.keys.sorted(by: { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) })
        where !used.contains(name) {
            issues.append(CorpusIssue(
                .unpaired, "no source document at the same path below \(sourceFolder)",
                location: InputLocation(file: Self.join(targetFolder, name))))
        }
        return (documents, issues, otherShards)
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
        let plan = try documents()
        for issue in plan.issues { events(.skipped(issue)) }
        var report = Report()
        report.skipped = plan.issues.count
        report.otherShards = plan.otherShards
        guard !plan.documents.isEmpty else {
            throw AlignPipelineError(location: InputLocation(file: sourceFolder), message: shard.map {
                "no document of the folders falls in shard \($0)"
            } ?? "no document in the folder has a translation in \(targetFolder)")
        }
        let documents = plan.documents
        let pipelines = documents.map { document in
            AlignPipeline(
                sourcePath: document.sourcePath, targetPath: document.targetPath, sourceLanguage: sourceLanguage,
                targetLanguage: targetLanguage, presegmented: presegmented, dictionaryPath: dictionaryPath,
                documentName: document.name)
        }
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
                    group.addTask { (index, Result { () throws(AlignPipelineError) in try pipeline.run() }) }
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

    /// Regular, non-hidden files below `folder` (any depth), by path below it, with their sizes.
    static func files(below folder: String) throws(AlignPipelineError) -> [String: Int] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw AlignPipelineError(location: InputLocation(file: folder), message: "not a folder")
        }
        let root = URL(fileURLWithPath: folder)
        guard let walker = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isRegularFileKey, .fileSizeKey],
            options: [.skipsHiddenFiles])
        else {
            throw AlignPipelineError(location: InputLocation(file: folder), message: "cannot read the folder")
        }
        let rootPath = root.standardizedFileURL.path
        var files: [String: Int] = [:]
        for case let url as URL in walker {
            guard let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .fileSizeKey]),
                  values.isRegularFile == true else { continue }
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(rootPath) else { continue }
            let relative = path.dropFirst(rootPath.count).drop { $0 == "/" }
            files[String(relative)] = values.fileSize ?? 0
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
