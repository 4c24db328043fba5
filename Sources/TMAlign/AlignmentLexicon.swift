import TMCore

/// A bilingual lexicon of word stems learned once for a corpus, to align its documents in one pass.
///
/// `DocumentAligner` on its own learns a lexicon from each document (a first pass without one, IBM Model 1 on the
/// pass's pairs, realignment). In a corpus the documents share their vocabulary, so the lexicon can be learned
/// once, from the confident pairs of the first documents aligned that way, and handed to the aligner of every
/// other document, which then needs a single pass:
///
///     let first = documents.prefix(50).map { DocumentAligner(sourceLanguage: de, targetLanguage: fr).align(…) }
///     let lexicon = DocumentAligner.learnLexicon(from: first, sourceLanguage: de, targetLanguage: fr)
///     let aligner = DocumentAligner(sourceLanguage: de, targetLanguage: fr, lexicon: lexicon)
///
/// Entries are stems as the aligner's tokenizer makes them (lower case, at most four letters), so the value is
/// independent of any document's word ids; it is immutable and `Sendable`, shared by all the aligners of a run.
public struct AlignmentLexicon: Hashable, Sendable {
    public let sourceLanguage: LanguageTag
    public let targetLanguage: LanguageTag
    /// The target stems that translate each source stem, in the order learned.
    let targetsOfSource: [String: [String]]
    /// The sentence pairs the lexicon was learned from.
    public let trainingPairs: Int

    init(sourceLanguage: LanguageTag, targetLanguage: LanguageTag, targetsOfSource: [String: [String]],
         trainingPairs: Int) {
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.targetsOfSource = targetsOfSource
        self.trainingPairs = trainingPairs
    }

    /// Word pairs in the lexicon.
    public var entryCount: Int { targetsOfSource.values.reduce(0) { $0 + $1.count } }

    /// Whether `target` is listed as a translation of `source` (both stems as the aligner makes them).
    public func contains(source: String, target: String) -> Bool {
        targetsOfSource[source]?.contains(target) ?? false
    }

    /// Adds the entries whose two stems occur in `corpus` to `lexicon` (over the corpus's word ids), source words
    /// in id order so that the result does not depend on hashing.
    func add(to lexicon: inout Lexicon, corpus: AlignmentCorpus) {
        var sourceStems = [String](repeating: "", count: corpus.source.vocabulary.count)
        for (stem, id) in corpus.source.vocabulary { sourceStems[Int(id)] = stem }
        for (id, stem) in sourceStems.enumerated() {
            guard let targets = targetsOfSource[stem] else { continue }
            for target in targets {
                if let t = corpus.target.vocabulary[target] { lexicon.add(source: Int32(id), target: t) }
            }
        }
    }
}

extension DocumentAligner {
    /// A pair counts as confident enough to learn from at this confidence (the low-confidence line).
    public static let lexiconPairConfidence = 0.5

    /// The pairs of `alignment` that `learnLexicon` learns from: confident 1-1, 1-2 and 2-1 pairs.
    public static func lexiconPairs(in alignment: DocumentAlignment) -> Int {
        alignment.pairs.filter(isLexiconPair).count
    }

    private static func isLexiconPair(_ pair: AlignedSentencePair) -> Bool {
        pair.confidence >= lexiconPairConfidence && !pair.isLowConfidence
            && pair.sourceSentences.count + pair.targetSentences.count <= 3
    }

    /// Learns a corpus lexicon from documents aligned without one: IBM Model 1 in both directions on their
    /// confident pairs (`lexiconPairs(in:)`), with the thresholds of `parameters`, as `align` does for one
    /// document. The result depends only on the alignments and their order.
    public static func learnLexicon(
        from alignments: [DocumentAlignment], sourceLanguage: LanguageTag, targetLanguage: LanguageTag,
        parameters: AlignmentParameters = AlignmentParameters()
    ) -> AlignmentLexicon {
        var sources: [String] = []
        var targets: [String] = []
        for alignment in alignments {
            for pair in alignment.pairs where isLexiconPair(pair) {
                sources.append(pair.source)
                targets.append(pair.target)
            }
        }
        // Each pair becomes one "sentence" of a corpus, so that its words get ids in one vocabulary per side.
        let corpus = AlignmentCorpus(
            source: sources, target: targets,
            sourceLanguage: sourceLanguage.language, targetLanguage: targetLanguage.language)
        func words(_ side: InternedSide, _ s: Int) -> [Int32] {
            side.unitWord[side.unitStart[s]..<side.unitStart[s + 1]].filter { $0 >= 0 }
        }
        let pairs = (0..<sources.count).map { (source: words(corpus.source, $0), target: words(corpus.target, $0)) }
        let learned = WordTranslationModel.learn(
            pairs: pairs, iterations: parameters.modelIterations, threshold: parameters.lexiconThreshold,
            minimumCount: parameters.lexiconMinimumCount)
        func stems(_ side: InternedSide) -> [String] {
            var stems = [String](repeating: "", count: side.vocabulary.count)
            for (stem, id) in side.vocabulary { stems[Int(id)] = stem }
            return stems
        }
        let sourceStems = stems(corpus.source)
        let targetStems = stems(corpus.target)
        var targetsOfSource: [String: [String]] = [:]
        for entry in learned {
            targetsOfSource[sourceStems[Int(entry.source)], default: []].append(targetStems[Int(entry.target)])
        }
        return AlignmentLexicon(
            sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, targetsOfSource: targetsOfSource,
            trainingPairs: sources.count)
    }
}
