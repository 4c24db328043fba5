import Foundation
import TMCore
import TMFormats

/// The inputs of `tmkit terms` as a list of items in a fixed order, and the sentence pairs of those items that
/// belong to one shard.
///
/// An item is a file given by name (a TMX file, a file of `source<TAB>target` lines, or a bilingual document), or a
/// document of a corpus: the files below a folder, and files paired by name (`report.az.txt` + `report.en.txt`,
/// `az/x.txt` + `en/x.txt`), found by `CorpusScanner` as for `tmkit build`. Files given by name come first, in the
/// order given, then the corpus's documents in the scanner's order.
///
/// Every pair has a key, (item, index in item), that does not depend on the shard: the pairs of all shards,
/// sorted by key, are the pairs of the unsharded run in its order, so that the learner sees the same input.
/// Sharding: a TMX or pair file is cut into N consecutive blocks of pairs (shard I keeps block I), a document goes
/// whole to the shard that `CorpusShard` gives its name (as in `tmkit build --shard`).
///
///     let corpus = try TermsCorpus(inputs: ["a.tsv", "corpus/"], sourceLanguage: nil, targetLanguage: nil)
///     let part = try corpus.load(shard: CorpusShard(index: 1, count: 2))
///     part.pairs.count   // the pairs of shard 1/2
struct TermsCorpus {
    enum Item {
        /// A file given by name; its kind is known once read.
        case file(path: String)
        /// A document of a corpus.
        case document(CorpusDocument)

        /// The name this item goes by in shard assignment and in the corpus fingerprint.
        var name: String {
            switch self {
            case .file(let path): path
            case .document(let document): document.name
            }
        }
    }

    /// What a shard read.
    struct Part {
        var pairs: [TermsPair]
        var sourceLanguage: LanguageTag
        var targetLanguage: LanguageTag
        var notes: [String]
    }

    let items: [Item]
    /// Files of the corpus left out (unpaired, other languages, unreadable), said before reading.
    let issues: [CorpusIssue]
    let givenSource: LanguageTag?
    let givenTarget: LanguageTag?
    /// Languages the corpus scanner found in file names.
    private let scannedSource: LanguageTag?
    private let scannedTarget: LanguageTag?

    init(inputs: [String], sourceLanguage: LanguageTag?, targetLanguage: LanguageTag?) throws {
        givenSource = sourceLanguage
        givenTarget = targetLanguage
        let known = CorpusScanner.knownLanguages(adding: [sourceLanguage, targetLanguage])
        var files: [Item] = []
        var corpusInputs: [String] = []
        for input in inputs {
            var isDirectory: ObjCBool = false
            let exists = input != "-" && FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory)
            let lowered = input.lowercased()
            if exists && isDirectory.boolValue {
                corpusInputs.append(input)
            } else if exists, !lowered.hasSuffix(".tmx"), !lowered.hasSuffix(".tsv"),
                      case .language = CorpusScanner.classify((input as NSString).lastPathComponent, known: known) {
                // `report.az.txt`: a one-language file, paired with its translation by name (its folders are not
                // read as languages: `/work/wt/` is no Walloon folder).
                corpusInputs.append(input)
            } else {
                files.append(.file(path: input))
            }
        }
        var documents: [Item] = []
        var issues: [CorpusIssue] = []
        var scannedSource: LanguageTag?, scannedTarget: LanguageTag?
        if !corpusInputs.isEmpty {
            do {
                let plan = try CorpusScanner.scan(corpusInputs, sourceLanguage: sourceLanguage,
                                                  targetLanguage: targetLanguage)
                documents = plan.documents.map { .document($0) }
                issues = plan.issues
                scannedSource = plan.sourceLanguage
                scannedTarget = plan.targetLanguage
            } catch let error as CorpusError where !files.isEmpty {
                // Folders without documents beside files that have pairs: said, not fatal.
                issues.append(CorpusIssue(.unreadable, error.message, location: error.location))
            }
        }
        items = files + documents
        self.issues = issues
        self.scannedSource = scannedSource
        self.scannedTarget = scannedTarget
    }

    /// A fingerprint of the item list (names in order), the same in every shard of one corpus.
    var fingerprint: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for item in items {
            for byte in item.name.utf8 + [0] {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
        }
        return String(hash, radix: 16)
    }

    /// The pairs of `shard` (all pairs when nil) in key order, with the corpus's language pair.
    ///
    /// The language pair is the one given, else the first item's that has pairs (read even when it belongs to
    /// another shard, so that every shard settles on the same pair), else the one the corpus's file names give.
    func load(shard: CorpusShard?, jobs: Int = 1) throws -> Part {
        var source = givenSource
        var target = givenTarget
        var notes: [String] = []
        var pairs: [TermsPair] = []
        var loaded: [Int: [TranslationUnit]] = [:]
        // The languages: from the first item that has pairs, as the unsharded run takes them.
        if source == nil || target == nil {
            for (index, item) in items.enumerated() {
                if case .document = item, let scannedSource, let scannedTarget {
                    source = source ?? scannedSource
                    target = target ?? scannedTarget
                    break
                }
                guard let units = try? self.units(of: item, source: source, target: target, notes: &notes),
                      let first = units.first
                else { continue }
                source = source ?? first.sourceLanguage
                target = target ?? first.targetLanguage
                if keeps(item, shard: shard) { loaded[index] = units } else { notes.removeLast() }
                break
            }
        }
        guard let source, let target else {
            throw TermsPipeline.InputError("no sentence pairs in the input", file: items.first?.name)
        }
        if source.hasSameLanguage(as: target) {
            throw TermsPipeline.InputError("source and target are both \(source); give --source-lang and --target-lang",
                                           file: items.first?.name)
        }
        let worker = CorpusWorker(sourceLanguage: source, targetLanguage: target,
                                  forcedSource: givenSource, forcedTarget: givenTarget)
        var documentResults: [Int: Result<CorpusDocumentResult, CorpusIssue>] = [:]
        let wanted = items.indices.filter { index in
            if case .document(let document) = items[index] { return shard?.contains(documentNamed: document.name) ?? true }
            return false
        }
        if !wanted.isEmpty {
            documentResults = Self.process(wanted.compactMap { index -> (Int, CorpusDocument)? in
                if case .document(let document) = items[index] { return (index, document) }
                return nil
            }, worker: worker, jobs: jobs)
        }
        for (index, item) in items.enumerated() {
            switch item {
            case .file(let path):
                // A file of pairs (or a TMX file) is cut into consecutive blocks, one per shard; a bilingual
                // document goes whole to the shard of its name.
                var range: Range<Int>?
                if let shard, shard.count > 1 {
                    if !Self.isSplitByPairs(path) {
                        guard shard.contains(documentNamed: DocumentLoader.documentName(for: path)) else {
                            loaded[index] = nil
                            continue  // a bilingual document of another shard
                        }
                    } else {
                        range = 0..<0  // set below, once the pairs are counted
                    }
                }
                let units = try loaded.removeValue(forKey: index)
                    ?? self.units(of: item, source: source, target: target, notes: &notes)
                if range != nil, let shard { range = Self.block(shard, of: units.count) }
                for k in range ?? units.indices {
                    pairs.append(TermsPair(item: Int32(index), index: Int32(k), source: units[k].source,
                                           target: units[k].target))
                }
            case .document(let document):
                guard let result = documentResults.removeValue(forKey: index) else { continue }
                switch result {
                case .success(let built):
                    notes.append("\(document.name): document, \(built.units.count) aligned sentence pairs")
                    for (k, unit) in built.units.enumerated() {
                        pairs.append(TermsPair(item: Int32(index), index: Int32(k), source: unit.source,
                                               target: unit.target))
                    }
                case .failure(let issue):
                    notes.append("\(issue) (skipped)")
                }
            }
        }
        return Part(pairs: pairs, sourceLanguage: source, targetLanguage: target, notes: notes)
    }

    /// Whether an item is a file split by pairs: TMX files and files of `source<TAB>target` lines.
    private static func isSplitByPairs(_ path: String) -> Bool {
        if path.lowercased().hasSuffix(".tmx") { return true }
        guard path != "-", let text = try? PlainTextReader.text(atPath: path) else { return false }
        return TermsPipeline.kind(of: text) == .pairs
    }

    /// Whether `shard` reads pairs of `item` at all.
    private func keeps(_ item: Item, shard: CorpusShard?) -> Bool {
        guard let shard, shard.count > 1 else { return true }
        switch item {
        case .file(let path):
            return Self.isSplitByPairs(path) || shard.contains(documentNamed: DocumentLoader.documentName(for: path))
        case .document(let document):
            return shard.contains(documentNamed: document.name)
        }
    }

    /// Block `shard.index` of `shard.count` consecutive blocks of `count` pairs.
    static func block(_ shard: CorpusShard, of count: Int) -> Range<Int> {
        let lower = count * (shard.index - 1) / shard.count
        let upper = count * shard.index / shard.count
        return lower..<upper
    }

    private func units(of item: Item, source: LanguageTag?, target: LanguageTag?, notes: inout [String]) throws
        -> [TranslationUnit]
    {
        switch item {
        case .file(let path):
            let (units, note) = try TermsPipeline.units(of: path, sourceLanguage: source, targetLanguage: target)
            notes.append(note)
            return units
        case .document(let document):
            var probe = BuildOptions(input: document.primaryPath)
            probe.sourceLanguage = source
            probe.targetLanguage = target
            guard case .bilingual = document.source, let loaded = try? DocumentLoader.load(probe).document else {
                return []
            }
            let worker = CorpusWorker(sourceLanguage: loaded.sourceLanguage, targetLanguage: loaded.targetLanguage,
                                      forcedSource: source, forcedTarget: target)
            guard case .success(let built) = worker.process(document) else { return [] }
            notes.append("\(document.name): document, \(built.units.count) aligned sentence pairs")
            return built.units
        }
    }

    /// Reads, segments and aligns documents, `jobs` at a time; results by item index.
    private static func process(
        _ documents: [(Int, CorpusDocument)], worker: CorpusWorker, jobs: Int
    ) -> [Int: Result<CorpusDocumentResult, CorpusIssue>] {
        let results = ResultBox(count: documents.count)
        let next = Counter()
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, documents.count))) { _ in
            while let k = next.take(below: documents.count) {
                results.set(k, worker.process(documents[k].1))
            }
        }
        var byItem: [Int: Result<CorpusDocumentResult, CorpusIssue>] = [:]
        for (k, entry) in documents.enumerated() {
            if let result = results.get(k) { byItem[entry.0] = result }
        }
        return byItem
    }

    private final class ResultBox: @unchecked Sendable {
        private var values: [Result<CorpusDocumentResult, CorpusIssue>?]
        private let lock = NSLock()
        init(count: Int) { values = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ value: Result<CorpusDocumentResult, CorpusIssue>) {
            lock.lock(); values[index] = value; lock.unlock()
        }
        func get(_ index: Int) -> Result<CorpusDocumentResult, CorpusIssue>? {
            lock.lock(); defer { lock.unlock() }
            return values[index]
        }
    }

    private final class Counter: @unchecked Sendable {
        private var value = 0
        private let lock = NSLock()
        func take(below limit: Int) -> Int? {
            lock.lock(); defer { lock.unlock() }
            guard value < limit else { return nil }
            value += 1
            return value - 1
        }
    }
}

/// One sentence pair of the inputs of `tmkit terms`, with its place: the item it comes from and its index there.
struct TermsPair: Sendable {
    var item: Int32
    var index: Int32
    var source: String
    var target: String
}
