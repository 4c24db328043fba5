import TMAlign
import TMCore

/// The first step of a corpus build: learn one alignment lexicon for the whole corpus, so that every other
/// document is aligned in one pass instead of learning its own lexicon (two learning rounds, three passes).
///
/// The first documents of the corpus (in build order, the whole corpus's whatever the shard) are built the usual
/// way until their confident pairs reach `targetPairs` (`BuildOptions.lexiconPairs`, 5,000 by default; or until
/// `maximumDocuments` have been read); the lexicon is
/// learned from those pairs. Which documents these are depends only on the corpus, never on `--jobs` or
/// `--shard`, so every job count and every shard learns the same lexicon and writes the same units. The learning
/// documents keep the alignment they got here; a corpus too small to reach a fifth of `targetPairs` gets no lexicon
/// and is built as before, document by document.
struct CorpusLexicon {
    static let maximumDocuments = 250

    /// The rule by which a corpus command (`build`, `align` on folders) learns its lexicon: the alignments of the
    /// corpus's first documents are added in order until their confident pairs reach `targetPairs` (or
    /// `maximumDocuments` are used); a lexicon is learned only from at least a fifth of the target, and only when
    /// documents remain to use it on.
    struct Sample {
        let targetPairs: Int
        private(set) var alignments: [DocumentAlignment] = []
        private(set) var pairs = 0
        /// Documents added, aligned or not.
        private(set) var documents = 0

        init(targetPairs: Int) { self.targetPairs = targetPairs }

        var isComplete: Bool { pairs >= targetPairs }

        /// Counts the next document, with its alignment when it could be aligned.
        mutating func add(_ alignment: DocumentAlignment?) {
            documents += 1
            guard let alignment else { return }
            pairs += DocumentAligner.lexiconPairs(in: alignment)
            alignments.append(alignment)
        }

        /// The lexicon, or nil when the sample is too small or covers every one of `corpusDocuments`.
        func lexicon(corpusDocuments: Int, sourceLanguage: LanguageTag, targetLanguage: LanguageTag) -> AlignmentLexicon? {
            guard pairs >= max(1, targetPairs / 5), documents < corpusDocuments else { return nil }
            return DocumentAligner.learnLexicon(
                from: alignments, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
        }
    }

    /// The lexicon, or nil when the corpus is too small (or too poorly aligned) for one.
    var lexicon: AlignmentLexicon?
    /// How many of the corpus's first documents it was learned from; they are aligned without it.
    var learningDocuments: Int
    /// The confident pairs it was learned from.
    var pairs: Int
    /// The learning documents' results, by name, for the caller to write (those of other shards are dropped).
    var results: [String: Result<CorpusDocumentResult, CorpusIssue>]
    /// CPU seconds of the document stages of every document built here (other shards' included).
    var timings = CorpusTimings()
    /// Sentence pairs per byte of the learning documents (0 if none could be built): how many pairs the rest of
    /// the corpus will give, estimated before it is built.
    var pairsPerByte: Double = 0

    /// Builds the first documents of `documents` (`jobs` at a time) and learns the lexicon from them.
    /// `keeps` tells which documents' results the caller will write.
    /// `targetPairs`: confident pairs to learn from (`BuildOptions.lexiconPairs`); 0 learns nothing.
    static func learn(
        documents: [CorpusDocument], worker: CorpusWorker, jobs: Int, targetPairs: Int,
        keeps: (CorpusDocument) -> Bool
    ) async -> CorpusLexicon {
        guard targetPairs > 0 else {
            return CorpusLexicon(lexicon: nil, learningDocuments: 0, pairs: 0, results: [:])
        }
        let candidates = Array(documents.prefix(maximumDocuments))
        var sample = Sample(targetPairs: targetPairs)
        var results: [String: Result<CorpusDocumentResult, CorpusIssue>] = [:]
        var timings = CorpusTimings()
        var builtPairs = 0
        var builtBytes = 0
        await withTaskGroup(of: (Int, Result<CorpusDocumentResult, CorpusIssue>).self) { group in
            var submitted = 0
            var finished: [Int: Result<CorpusDocumentResult, CorpusIssue>] = [:]
            var done = false
            while !done {
                while submitted < candidates.count && submitted - sample.documents < max(1, jobs) {
                    let index = submitted
                    let document = candidates[index]
                    group.addTask { (index, worker.process(document, keepsAlignment: true)) }
                    submitted += 1
                }
                guard let (index, result) = await group.next() else { break }
                finished[index] = result
                // Documents count in order, so where learning stops does not depend on which job finished first.
                while !done, var result = finished.removeValue(forKey: sample.documents) {
                    let document = candidates[sample.documents]
                    if case .success(var built) = result {
                        timings.addDocumentStages(built.timings)
                        builtPairs += built.units.count
                        builtBytes += document.byteCount
                        sample.add(built.alignment)
                        built.alignment = nil
                        built.timings = CorpusTimings()  // counted here, not again when written
                        result = .success(built)
                    } else {
                        sample.add(nil)
                    }
                    if keeps(document) { results[document.name] = result }
                    done = sample.isComplete || sample.documents == candidates.count
                }
            }
            // Documents started beyond the last learning one are built again, with the lexicon.
            group.cancelAll()
            while let (_, result) = await group.next() {
                if case .success(let built) = result { timings.addDocumentStages(built.timings) }
            }
        }
        let pairsPerByte = builtBytes > 0 ? Double(builtPairs) / Double(builtBytes) : 0
        return CorpusLexicon(
            lexicon: sample.lexicon(
                corpusDocuments: documents.count, sourceLanguage: worker.sourceLanguage,
                targetLanguage: worker.targetLanguage),
            learningDocuments: sample.documents, pairs: sample.pairs, results: results, timings: timings,
            pairsPerByte: pairsPerByte)
    }
}
