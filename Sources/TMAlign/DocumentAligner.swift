import Foundation
import TMCore
import TMText

/// A source sentence group and the target sentence group it translates.
public struct AlignedSentencePair: Hashable, Sendable {
    public var source: String
    public var target: String
    /// 0-based indices of the sentences in the whole document (counted across paragraphs).
    public var sourceSentences: [Int]
    public var targetSentences: [Int]
    /// 0-based paragraph indices.
    public var sourceParagraphs: [Int]
    public var targetParagraphs: [Int]
    /// How sure the aligner is, from 0 (no evidence that the two sides are translations) to 1.
    public var confidence: Double
    /// Whether the pair lies in a low-confidence region (see `DocumentAlignment.lowConfidenceRegions`).
    public var isLowConfidence: Bool

    public init(
        source: String, target: String, sourceSentences: [Int], targetSentences: [Int],
        sourceParagraphs: [Int], targetParagraphs: [Int], confidence: Double, isLowConfidence: Bool = false
    ) {
        self.source = source
        self.target = target
        self.sourceSentences = sourceSentences
        self.targetSentences = targetSentences
        self.sourceParagraphs = sourceParagraphs
        self.targetParagraphs = targetParagraphs
        self.confidence = confidence
        self.isLowConfidence = isLowConfidence
    }
}

/// The result of aligning a document: paragraph beads and sentence beads.
public struct DocumentAlignment: Hashable, Sendable {
    public var paragraphBeads: [AlignmentBead]
    /// Sentence beads over the document's sentences (indices across paragraphs), including 1-0 and 0-1 beads.
    public var sentenceBeads: [AlignmentBead]
    /// The sentence beads that have both a source and a target, with their text.
    public var pairs: [AlignedSentencePair]
    /// Runs of consecutive pairs (indices into `pairs`) whose confidence is below the low-confidence threshold.
    public var lowConfidenceRegions: [Range<Int>]
    /// Mean confidence of the pairs (0 when there are none).
    public var meanConfidence: Double
    /// Entries in the bilingual lexicon learned from the document (plus the seed dictionary's).
    public var lexiconSize: Int

    public init(
        paragraphBeads: [AlignmentBead], sentenceBeads: [AlignmentBead], pairs: [AlignedSentencePair],
        lowConfidenceRegions: [Range<Int>] = [], meanConfidence: Double = 0, lexiconSize: Int = 0
    ) {
        self.paragraphBeads = paragraphBeads
        self.sentenceBeads = sentenceBeads
        self.pairs = pairs
        self.lowConfidenceRegions = lowConfidenceRegions
        self.meanConfidence = meanConfidence
        self.lexiconSize = lexiconSize
    }
}

/// Aligns a document's paragraphs, then the sentences inside each aligned paragraph group.
///
/// Sentences are aligned by dynamic programming over 0-1, 1-0, 1-1, 1-2, 2-1, 2-2, 1-3, 3-1, 1-4, 4-1, 2-3
/// and 3-2 beads inside a band that widens when the best path runs along its edge. A bead's cost combines a
/// length model (Gale–Church, with the character ratio of the document pair) and, per sentence, the
/// idf-weighted share of its tokens that find a counterpart on the other side: numbers in any locale form,
/// punctuation that survives translation, names and cognates through transliteration keys, and the
/// translations of a lexicon. The lexicon is learned from the document itself: a first pass without it
/// finds likely pairs, IBM Model 1 is trained on them in both directions, and a second pass realigns.
/// Lone sentences left between aligned beads are finally folded into the neighbour that fits them better.
///
///     let aligner = DocumentAligner(sourceLanguage: az, targetLanguage: en)
///     let result = aligner.align(source: [["Salam.", "Necəsən?"]], target: [["Hello.", "How are you?"]])
///     result.pairs.map(\.target)   // ["Hello.", "How are you?"]
public struct DocumentAligner: Sendable {
    public var sourceLanguage: LanguageTag
    public var targetLanguage: LanguageTag
    /// Word pairs known to be translations (a user's dictionary); they seed the learned lexicon.
    public var dictionary: [(source: String, target: String)]
    public var parameters: AlignmentParameters
    /// A lexicon learned for the whole corpus (`learnLexicon(from:…)`). With it, the aligner learns nothing from
    /// the document and aligns it in one pass (two for a long document without paragraphs: its chunked first
    /// pass, then the pass that measures the margins); without it, it learns its own lexicon as described above.
    public var lexicon: AlignmentLexicon?

    public init(
        sourceLanguage: LanguageTag, targetLanguage: LanguageTag,
        dictionary: [(source: String, target: String)] = [], parameters: AlignmentParameters = AlignmentParameters(),
        lexicon: AlignmentLexicon? = nil
    ) {
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.dictionary = dictionary
        self.parameters = parameters
        self.lexicon = lexicon
    }

    /// Aligns sentences given paragraph by paragraph: `source[p]` holds the sentences of source paragraph `p`.
    public func align(source: [[String]], target: [[String]]) -> DocumentAlignment {
        let sourceSentences = source.flatMap { $0 }
        let targetSentences = target.flatMap { $0 }
        let sourceParagraphStart = source.reduce(into: [0]) { $0.append($0[$0.count - 1] + $1.count) }
        let targetParagraphStart = target.reduce(into: [0]) { $0.append($0[$0.count - 1] + $1.count) }
        let corpus = AlignmentCorpus(
            source: sourceSentences, target: targetSentences,
            sourceLanguage: sourceLanguage.language, targetLanguage: targetLanguage.language)
        let n = corpus.source.count
        let m = corpus.target.count
        let lengths = LengthModel(ratio: Self.lengthRatio(corpus), variance: parameters.lengthVariance)

        let seed = seedLexicon(corpus: corpus)
        var lexicon = seed
        let paragraphed = source.count > 1 && target.count > 1
        var firstPass: [(source: Range<Int>, target: Range<Int>)]?
        if let corpusLexicon = self.lexicon {
            // One pass with the corpus's lexicon; only a long document without paragraphs gets a chunked pass first.
            corpusLexicon.add(to: &lexicon, corpus: corpus)
            let chunk = max(100, parameters.chunkLength)
            if !paragraphed && n > chunk + chunk / 2 {
                firstPass = alignInChunks(
                    corpus: corpus, tables: MatchTables(corpus: corpus, lexicon: lexicon), n: n, m: m,
                    lengths: lengths, parameters: parameters)
            }
        } else {
            firstPass = learnDocumentLexicon(corpus: corpus, seed: seed, lexicon: &lexicon, lengths: lengths)
        }
        let tables = MatchTables(corpus: corpus, lexicon: lexicon)
        let matcher = GroupMatcher(corpus: corpus, tables: tables)

        var paragraphBeads: [AlignmentBead] = []
        var sentencePath: [(source: Range<Int>, target: Range<Int>)] = []
        var margins: [GridPoint: Double] = [:]
        if paragraphed {
            let model = ParagraphCostModel(
                corpus: corpus, matcher: matcher, sourceParagraphStart: sourceParagraphStart,
                targetParagraphStart: targetParagraphStart, lengths: lengths, parameters: parameters)
            // Paragraph beads are costly to score (whole paragraphs compared) and the margins pass scores them
            // again: remember them (the same costs, so the same path and margins).
            // With a corpus lexicon (one pass, speed first) the search starts in a band of ±5 paragraphs, widened
            // as usual when the path runs along its edge, instead of the whole grid of a short document.
            let width = self.lexicon == nil ? nil : parameters.paragraphBandWidth
            let (paragraphPath, paragraphMargins) = (source.count + 1) * (target.count + 1)
                <= BeadCostCache<ParagraphCostModel>.maximumPoints
                ? adaptiveSearch(
                    n: source.count, m: target.count, around: nil, margins: true, initialWidth: width,
                    model: { [cache = BeadCostCache(model, n: source.count, m: target.count)] _ in cache })
                : adaptiveSearch(
                    n: source.count, m: target.count, around: nil, margins: true, initialWidth: width,
                    model: { _ in model })
            // A paragraph boundary is as reliable as the paragraph alignment makes it.
            var point = (0, 0)
            for (bead, margin) in zip(paragraphPath, paragraphMargins.dropFirst()) {
                point = (bead.source.upperBound, bead.target.upperBound)
                margins[GridPoint(source: sourceParagraphStart[point.0], target: targetParagraphStart[point.1])] = margin
            }
            let groups = paragraphPath.map {
                (sources: model.sentences(sourceParagraphs: $0.source), targets: model.sentences(targetParagraphs: $0.target))
            }
            for (bead, group) in zip(paragraphPath, groups) {
                let similarity = group.sources.isEmpty || group.targets.isEmpty
                    ? 0 : matcher.similarity(sources: group.sources, targets: group.targets)
                // Holds the raw similarity until `result` turns it into a confidence.
                paragraphBeads.append(AlignmentBead(source: bead.source, target: bead.target, confidence: similarity))
            }
            // The paragraph groups are independent: align their sentences in parallel.
            let results = ParallelResults<(path: [(source: Range<Int>, target: Range<Int>)], margins: [GridPoint: Double])>(
                count: groups.count)
            DispatchQueue.concurrentPerform(iterations: groups.count) { k in
                results[k] = alignStretch(
                    corpus: corpus, tables: tables, sources: groups[k].sources, targets: groups[k].targets,
                    around: nil, lengths: lengths, margins: true)
            }
            sentencePath = results.values.flatMap { $0?.path ?? [] }
            for result in results.values {
                for (point, margin) in result?.margins ?? [:] where margin < .infinity {
                    margins[point] = margin
                }
            }
        } else {
            paragraphBeads = [AlignmentBead(source: 0..<source.count, target: 0..<target.count, confidence: 0)]
            (sentencePath, margins) = alignStretch(
                corpus: corpus, tables: tables, sources: 0..<n, targets: 0..<m, around: firstPass, lengths: lengths,
                margins: true)
        }

        if parameters.mergeCoverage < 1 {
            sentencePath = mergeUnaligned(sentencePath, matcher: matcher, corpus: corpus, lengths: lengths)
        }
        return result(
            path: sentencePath, margins: margins, paragraphBeads: paragraphBeads, corpus: corpus, matcher: matcher,
            lengths: lengths,
            sourceSentences: sourceSentences, targetSentences: targetSentences,
            sourceParagraphStart: sourceParagraphStart, targetParagraphStart: targetParagraphStart,
            lexiconSize: lexicon.entryCount)
    }

    /// Learns the document's own lexicon into `lexicon` (which holds `seed`): a first pass with anchors, cognates
    /// and the seed dictionary only (length weighs more), IBM Model 1 on its pairs, and a realignment with the
    /// result (`learningRounds` times). Returns the last pass's path.
    private func learnDocumentLexicon(
        corpus: AlignmentCorpus, seed: Lexicon, lexicon: inout Lexicon, lengths: LengthModel
    ) -> [(source: Range<Int>, target: Range<Int>)] {
        let n = corpus.source.count
        let m = corpus.target.count
        var firstParameters = parameters
        firstParameters.similarityWeight = parameters.firstPassSimilarityWeight
        var firstPass = alignInChunks(
            corpus: corpus, tables: MatchTables(corpus: corpus, lexicon: lexicon), n: n, m: m, lengths: lengths,
            parameters: firstParameters)
        for pass in 0..<max(1, parameters.learningRounds) {
            lexicon = seed
            let learned = WordTranslationModel.learn(
                pairs: trainingPairs(firstPass, corpus: corpus), iterations: parameters.modelIterations,
                threshold: parameters.lexiconThreshold, minimumCount: parameters.lexiconMinimumCount)
            for entry in learned { lexicon.add(source: entry.source, target: entry.target) }
            if pass + 1 < parameters.learningRounds {
                firstPass = alignStretch(
                    corpus: corpus, tables: MatchTables(corpus: corpus, lexicon: lexicon), sources: 0..<n,
                    targets: 0..<m, around: firstPass, lengths: lengths, parameters: parameters)
            }
        }
        return firstPass
    }

    /// Folds 1-0 and 0-1 beads into a neighbouring bead when the lone sentence is well covered by that bead's
    /// other side, or when it sits between two aligned beads (alone or with one more lone sentence of its side).
    /// This recovers the many-to-many beads beyond the search's shapes (1-5, 3-3, ...) and the short fragments
    /// that carry no lexical evidence; genuine insertions (captions, notes) tend to come in longer runs.
    private func mergeUnaligned(
        _ path: [(source: Range<Int>, target: Range<Int>)], matcher: GroupMatcher, corpus: AlignmentCorpus,
        lengths: LengthModel
    ) -> [(source: Range<Int>, target: Range<Int>)] {
        func lengthCost(_ sources: Range<Int>, _ targets: Range<Int>) -> Double {
            lengths.cost(source: sources.reduce(0) { $0 + corpus.source.lengths[$1] },
                         target: targets.reduce(0) { $0 + corpus.target.lengths[$1] })
        }
        func union(_ a: Range<Int>, _ b: Range<Int>) -> Range<Int> {
            if a.isEmpty { return b }
            if b.isEmpty { return a }
            return min(a.lowerBound, b.lowerBound)..<max(a.upperBound, b.upperBound)
        }
        var beads = path
        func isAligned(_ index: Int) -> Bool {
            index >= 0 && index < beads.count && !beads[index].source.isEmpty && !beads[index].target.isEmpty
        }
        func isLone(_ index: Int) -> Bool {
            index >= 0 && index < beads.count && beads[index].source.isEmpty != beads[index].target.isEmpty
                && beads[index].source.count + beads[index].target.count == 1
        }
        /// How well lone bead `lone` fits aligned bead `neighbour`: coverage plus the gain in length fit.
        func fit(_ lone: Int, _ neighbour: Int) -> Double {
            let bead = beads[lone]
            let isSource = bead.target.isEmpty
            let sentence = isSource ? bead.source.lowerBound : bead.target.lowerBound
            let others = isSource ? beads[neighbour].target : beads[neighbour].source
            let coverage = matcher.coverage(
                of: sentence, isSource: isSource, in: others, smoothing: parameters.coverageSmoothing)
            let before = lengthCost(beads[neighbour].source, beads[neighbour].target)
            let after = lengthCost(union(beads[neighbour].source, bead.source), union(beads[neighbour].target, bead.target))
            return coverage + parameters.mergeLengthGain * max(0, before - after)
        }
        func join(_ lone: Int, into neighbour: Int) {
            beads[neighbour] = (source: union(beads[neighbour].source, beads[lone].source),
                                target: union(beads[neighbour].target, beads[lone].target))
        }
        // Two lone sentences of one side between aligned beads: split them between the neighbours as they fit.
        if parameters.mergesIsolated {
            var k = 1
            while k + 2 < beads.count {
                guard isAligned(k - 1), isLone(k), isLone(k + 1), isAligned(k + 2),
                      beads[k].source.isEmpty == beads[k + 1].source.isEmpty else {
                    k += 1
                    continue
                }
                let options = [
                    (fit(k, k - 1) + fit(k + 1, k - 1), 0), (fit(k, k + 2) + fit(k + 1, k + 2), 1),
                    (fit(k, k - 1) + fit(k + 1, k + 2), 2),
                ]
                let choice = options.max { $0.0 < $1.0 }?.1 ?? 2
                join(k, into: choice == 1 ? k + 2 : k - 1)
                join(k + 1, into: choice == 0 ? k - 1 : k + 2)
                beads.removeSubrange(k...(k + 1))
            }
        }
        // A lone sentence next to an aligned bead that covers it well, or between two aligned beads.
        var k = 0
        while k < beads.count {
            guard isLone(k) else {
                k += 1
                continue
            }
            let before = isAligned(k - 1) ? fit(k, k - 1) : -1
            let after = isAligned(k + 1) ? fit(k, k + 1) : -1
            let isolated = before >= 0 && after >= 0
            guard max(before, after) >= parameters.mergeCoverage || (isolated && parameters.mergesIsolated) else {
                k += 1
                continue
            }
            let neighbour = before >= after ? k - 1 : k + 1
            join(k, into: neighbour)
            beads.remove(at: k)
            if neighbour < k { k -= 1 }
        }
        return beads
    }

    /// Target characters per source character. Taken from sentence pairs that share an anchor found nowhere
    /// else in the document (a number, a name) when there are enough of them, so that a side with extra
    /// material does not skew it; otherwise from the totals.
    static func lengthRatio(_ corpus: AlignmentCorpus) -> Double {
        let sourceTotal = corpus.source.lengths.reduce(0, +)
        let targetTotal = corpus.target.lengths.reduce(0, +)
        let overall = sourceTotal > 0 && targetTotal > 0 ? Double(targetTotal) / Double(sourceTotal) : 1
        func uniqueSentence(_ side: InternedSide) -> [Int] {
            var sentence = [Int](repeating: -1, count: corpus.keyCount)
            for s in 0..<side.count {
                for u in side.units(of: s) {
                    for k in side.unitKeyStart[u]..<side.unitKeyStart[u + 1] {
                        let key = Int(side.unitKeys[k])
                        sentence[key] = sentence[key] == -1 || sentence[key] == s ? s : -2
                    }
                }
            }
            return sentence
        }
        let sourceSentence = uniqueSentence(corpus.source)
        let targetSentence = uniqueSentence(corpus.target)
        var sourceSum = 0
        var targetSum = 0
        var pairs = 0
        var seen = Set<Int>()
        for key in 0..<corpus.keyCount where sourceSentence[key] >= 0 && targetSentence[key] >= 0 {
            let s = sourceSentence[key]
            let t = targetSentence[key]
            guard seen.insert(s &* 1_000_003 &+ t).inserted else { continue }
            sourceSum += corpus.source.lengths[s]
            targetSum += corpus.target.lengths[t]
            pairs += 1
        }
        guard pairs >= 5, sourceSum > 0, targetSum > 0 else { return overall }
        let anchored = Double(targetSum) / Double(sourceSum)
        return max(anchored, overall) / min(anchored, overall) > 1.3 ? anchored : overall
    }

    private func trainingPairs(
        _ path: [(source: Range<Int>, target: Range<Int>)], corpus: AlignmentCorpus
    ) -> [(source: [Int32], target: [Int32])] {
        Self.trainingSample(count: path.count, limit: parameters.lexiconTrainingBeads).compactMap {
            k -> (source: [Int32], target: [Int32])? in
            let bead = path[k]
            guard !bead.source.isEmpty, !bead.target.isEmpty, bead.source.count + bead.target.count <= 3 else {
                return nil
            }
            return (words(corpus.source, bead.source), words(corpus.target, bead.target))
        }
    }

    /// The indices of the beads (of `count`) that train the lexicon: all of them below twice `limit`, otherwise
    /// `limit` beads, one at a pseudo-random place (fixed, so the result is reproducible) in each of `limit`
    /// equal stretches of the path. A fixed stride would keep picking the same sentences of a document that
    /// repeats itself with a period dividing the stride (boilerplate, concatenated copies): 1,000 copies of the
    /// seven Text+Berg test documents (954 beads each, stride 159 = 954 / 6) gave 5 distinct training pairs.
    static func trainingSample(count: Int, limit: Int) -> [Int] {
        let limit = max(1, limit)
        guard count / 2 >= limit else { return Array(0..<count) }  // (no overflow for a limit of Int.max)
        return (0..<limit).map { k in
            let start = k * count / limit
            let end = (k + 1) * count / limit
            // SplitMix64's output function of k: a well-mixed, platform-independent pseudo-random number.
            var z = UInt64(k) &+ 0x9E37_79B9_7F4A_7C15
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            return start + Int(z % UInt64(end - start))
        }
    }

    private func words(_ side: InternedSide, _ sentences: Range<Int>) -> [Int32] {
        guard let first = sentences.first, let last = sentences.last else { return [] }
        return side.unitWord[side.unitStart[first]..<side.unitStart[last + 1]].filter { $0 >= 0 }
    }

    private func seedLexicon(corpus: AlignmentCorpus) -> Lexicon {
        var lexicon = Lexicon(
            sourceVocabularySize: corpus.source.vocabulary.count, targetVocabularySize: corpus.target.vocabulary.count)
        guard !dictionary.isEmpty else { return lexicon }
        var sourceTokenizer = AlignmentTokenizer(language: sourceLanguage.language)
        var targetTokenizer = AlignmentTokenizer(language: targetLanguage.language)
        for entry in dictionary {
            let sourceStems = sourceTokenizer.tokenize(entry.source).units.compactMap(\.stem)
            let targetStems = targetTokenizer.tokenize(entry.target).units.compactMap(\.stem)
            for sourceStem in sourceStems {
                guard let s = corpus.source.vocabulary[sourceStem] else { continue }
                for targetStem in targetStems {
                    if let t = corpus.target.vocabulary[targetStem] { lexicon.add(source: s, target: t) }
                }
            }
        }
        return lexicon
    }

    /// The first pass over the whole document. A long document is searched chunk by chunk along the line
    /// of the remaining length ratio: each chunk of `chunkLength` source sentences is aligned with a free end,
    /// its first three quarters are kept, and the next chunk starts where they end. Time and memory then grow
    /// linearly with the document, however far its path drifts from the straight diagonal.
    private func alignInChunks(
        corpus: AlignmentCorpus, tables: MatchTables, n: Int, m: Int, lengths: LengthModel,
        parameters: AlignmentParameters
    ) -> [(source: Range<Int>, target: Range<Int>)] {
        let chunk = max(100, parameters.chunkLength)
        var path: [(source: Range<Int>, target: Range<Int>)] = []
        var s0 = 0
        var t0 = 0
        while n - s0 > chunk + chunk / 2, m - t0 > chunk / 2 {
            let slope = Double(m - t0) / Double(n - s0)
            let t1 = min(m, t0 + Int(Double(chunk) * slope * 1.25) + 2 * parameters.initialBandWidth)
            let sources = s0..<(s0 + chunk)
            let targets = t0..<t1
            let (piece, _) = adaptiveSearch(
                n: chunk, m: t1 - t0, around: nil, margins: false, slope: slope, freeEnd: true
            ) { band in
                SentenceCostModel(
                    corpus: corpus, tables: tables, sources: sources, targets: targets, band: band, lengths: lengths,
                    parameters: parameters)
            }
            var kept = 0
            while kept < piece.count, kept == 0 || piece[kept].source.upperBound <= (3 * chunk) / 4 { kept += 1 }
            for bead in piece[..<kept] {
                path.append((source: (bead.source.lowerBound + s0)..<(bead.source.upperBound + s0),
                             target: (bead.target.lowerBound + t0)..<(bead.target.upperBound + t0)))
            }
            guard let last = path.last else { break }
            s0 = last.source.upperBound
            t0 = last.target.upperBound
        }
        return path + alignStretch(
            corpus: corpus, tables: tables, sources: s0..<n, targets: t0..<m, around: nil, lengths: lengths,
            parameters: parameters)
    }

    /// Aligns the sentences `sources` × `targets` (global indices); returns beads in global indices.
    private func alignStretch(
        corpus: AlignmentCorpus, tables: MatchTables, sources: Range<Int>, targets: Range<Int>,
        around previous: [(source: Range<Int>, target: Range<Int>)]?, lengths: LengthModel,
        parameters: AlignmentParameters? = nil
    ) -> [(source: Range<Int>, target: Range<Int>)] {
        alignStretch(
            corpus: corpus, tables: tables, sources: sources, targets: targets, around: previous, lengths: lengths,
            parameters: parameters, margins: false
        ).path
    }

    /// `alignStretch`, also returning the margins of the path's points (global grid points).
    private func alignStretch(
        corpus: AlignmentCorpus, tables: MatchTables, sources: Range<Int>, targets: Range<Int>,
        around previous: [(source: Range<Int>, target: Range<Int>)]?, lengths: LengthModel,
        parameters: AlignmentParameters? = nil, margins: Bool
    ) -> (path: [(source: Range<Int>, target: Range<Int>)], margins: [GridPoint: Double]) {
        let parameters = parameters ?? self.parameters
        let n = sources.count
        let m = targets.count
        if n == 0 || m == 0 {
            return (sources.map { ($0..<$0 + 1, targets.lowerBound..<targets.lowerBound) }
                + targets.map { (sources.upperBound..<sources.upperBound, $0..<$0 + 1) }, [:])
        }
        let local = previous.map { path in
            path.map { (source: ($0.source.lowerBound - sources.lowerBound)..<($0.source.upperBound - sources.lowerBound),
                        target: ($0.target.lowerBound - targets.lowerBound)..<($0.target.upperBound - targets.lowerBound)) }
        }
        let (path, localMargins) = adaptiveSearch(n: n, m: m, around: local, margins: margins) { band in
            SentenceCostModel(
                corpus: corpus, tables: tables, sources: sources, targets: targets, band: band, lengths: lengths,
                parameters: parameters)
        }
        var pointMargins: [GridPoint: Double] = [:]
        if margins {
            var point = GridPoint(source: sources.lowerBound, target: targets.lowerBound)
            pointMargins[point] = localMargins[0]
            for (bead, margin) in zip(path, localMargins.dropFirst()) {
                point = GridPoint(source: bead.source.upperBound + sources.lowerBound,
                                  target: bead.target.upperBound + targets.lowerBound)
                pointMargins[point] = margin
            }
        }
        return (path.map {
            (source: ($0.source.lowerBound + sources.lowerBound)..<($0.source.upperBound + sources.lowerBound),
             target: ($0.target.lowerBound + targets.lowerBound)..<($0.target.upperBound + targets.lowerBound))
        }, pointMargins)
    }

    /// Searches inside a band, widening it while the best path runs along its edge.
    private func adaptiveSearch<Model: BeadCostModel>(
        n: Int, m: Int, around previous: [(source: Range<Int>, target: Range<Int>)]?,
        model makeModel: (SearchBand) -> Model
    ) -> [(source: Range<Int>, target: Range<Int>)] {
        adaptiveSearch(n: n, m: m, around: previous, margins: false, model: makeModel).path
    }

    /// Searches inside a band, widening it while the best path runs along its edge; with `margins`, also
    /// returns the margin of every path point (see `BeadSearch.bestPathWithMargins`).
    /// `slope`: the first band follows the line j = slope × i instead of the diagonal to (n, m).
    /// `freeEnd`: the path ends at the best point of the last row instead of (n, m).
    /// `initialWidth`: the first band's half-width, instead of the parameters' (or the whole grid when small).
    private func adaptiveSearch<Model: BeadCostModel>(
        n: Int, m: Int, around previous: [(source: Range<Int>, target: Range<Int>)]?, margins: Bool,
        slope: Double? = nil, freeEnd: Bool = false, initialWidth: Int? = nil, model makeModel: (SearchBand) -> Model
    ) -> (path: [(source: Range<Int>, target: Range<Int>)], margins: [Double]) {
        let cellBudget = 40_000_000
        let full = max(n, m)
        var width = previous == nil ? parameters.initialBandWidth : parameters.refinementBandWidth
        if (n + 1) * (m + 1) <= 10_000 { width = full }
        if let initialWidth { width = min(full, max(1, initialWidth)) }
        var band = previous.map { SearchBand.around($0, n: n, m: m, width: width) }
            ?? SearchBand.diagonal(n: n, m: m, width: width, slope: slope)
        while true {
            let model = makeModel(band)
            let forward = BeadSearch.forward(n: n, m: m, band: band, model: model, freeEnd: freeEnd)
            let path = forward.path
            let widerCells = (n + 1) * (4 * width + 1)
            if width >= full || widerCells > cellBudget || !band.isTight(path, m: m, margin: 3) {
                guard margins else { return (path, []) }
                return (path, BeadSearch.margins(n: n, m: m, band: band, model: model, forward: forward))
            }
            width *= 2
            band = SearchBand.around(path, n: n, m: m, width: width)
        }
    }

    // MARK: - Result and confidence

    private func result(
        path: [(source: Range<Int>, target: Range<Int>)], margins: [GridPoint: Double], paragraphBeads: [AlignmentBead],
        corpus: AlignmentCorpus,
        matcher: GroupMatcher, lengths: LengthModel, sourceSentences: [String], targetSentences: [String],
        sourceParagraphStart: [Int], targetParagraphStart: [Int], lexiconSize: Int
    ) -> DocumentAlignment {
        let baseline = baselineSimilarity(path: path, matcher: matcher, m: targetSentences.count)
        let sourceParagraph = paragraphIndex(sourceParagraphStart)
        let targetParagraph = paragraphIndex(targetParagraphStart)
        var beads: [AlignmentBead] = []
        var pairs: [AlignedSentencePair] = []
        var contrasts: [Double] = []
        for bead in path {
            guard !bead.source.isEmpty, !bead.target.isEmpty else {
                beads.append(AlignmentBead(source: bead.source, target: bead.target, confidence: 0.5))
                continue
            }
            let similarity = matcher.similarity(sources: bead.source, targets: bead.target)
            let sourceLength = bead.source.reduce(0) { $0 + corpus.source.lengths[$1] }
            let targetLength = bead.target.reduce(0) { $0 + corpus.target.lengths[$1] }
            let lengthProbability = lengths.probability(source: sourceLength, target: targetLength)
            let startMargin = margins[GridPoint(source: bead.source.lowerBound, target: bead.target.lowerBound)]
            let endMargin = margins[GridPoint(source: bead.source.upperBound, target: bead.target.upperBound)]
            let confidence = Self.translationProbability(
                lengthCost: lengths.cost(source: sourceLength, target: targetLength),
                margin: min(startMargin ?? .infinity, endMargin ?? .infinity),
                isManyToMany: bead.source.count + bead.target.count > 2)
            contrasts.append(Self.contrast(similarity: similarity, baseline: baseline))
            beads.append(AlignmentBead(source: bead.source, target: bead.target, confidence: confidence))
            pairs.append(AlignedSentencePair(
                source: bead.source.map { sourceSentences[$0] }.joined(separator: " "),
                target: bead.target.map { targetSentences[$0] }.joined(separator: " "),
                sourceSentences: Array(bead.source), targetSentences: Array(bead.target),
                sourceParagraphs: Array(Set(bead.source.map { sourceParagraph[$0] })).sorted(),
                targetParagraphs: Array(Set(bead.target.map { targetParagraph[$0] })).sorted(),
                confidence: confidence))
        }
        // The probability above assumes that the two sides are translations; where the lexical evidence of
        // the surrounding pairs is no better than that of unrelated sentences, they are not.
        let window = 5
        let documentContrast = contrasts.isEmpty ? 0 : contrasts.reduce(0, +) / Double(contrasts.count)
        let documentGate = min(1, max(0, (documentContrast - 0.2) / 0.2))
        var contrastSum = [0.0]
        for value in contrasts { contrastSum.append(contrastSum[contrastSum.count - 1] + value) }
        var beadOfPair: [Int] = []
        for (k, bead) in beads.enumerated() where !bead.source.isEmpty && !bead.target.isEmpty { beadOfPair.append(k) }
        for k in pairs.indices {
            let lo = max(0, k - window)
            let hi = min(pairs.count, k + window + 1)
            let local = (contrastSum[hi] - contrastSum[lo]) / Double(hi - lo)
            let gate = min(1, max(0, (local - 0.1) / 0.2)) * documentGate
            pairs[k].confidence *= gate
            beads[beadOfPair[k]].confidence = pairs[k].confidence
        }
        var regions: [Range<Int>] = []
        var start: Int?
        for (k, pair) in pairs.enumerated() {
            if pair.confidence < parameters.lowConfidence {
                pairs[k].isLowConfidence = true
                if start == nil { start = k }
            } else if let first = start {
                regions.append(first..<k)
                start = nil
            }
        }
        if let first = start { regions.append(first..<pairs.count) }
        var paragraphs = paragraphBeads
        for k in paragraphs.indices {
            paragraphs[k].confidence = confidenceScore(
                similarity: paragraphs[k].confidence, baseline: baseline, lengthProbability: 1)
        }
        let mean = pairs.isEmpty ? 0 : pairs.reduce(0) { $0 + $1.confidence } / Double(pairs.count)
        return DocumentAlignment(
            paragraphBeads: paragraphs, sentenceBeads: beads, pairs: pairs, lowConfidenceRegions: regions,
            meanConfidence: mean, lexiconSize: lexiconSize)
    }

    /// How similar sentences that are not translations of each other look in this document: the mean
    /// similarity of source sentences paired with far-away target sentences.
    private func baselineSimilarity(
        path: [(source: Range<Int>, target: Range<Int>)], matcher: GroupMatcher, m: Int
    ) -> Double {
        let ones = path.filter { $0.source.count == 1 && $0.target.count == 1 }
        guard m >= 4, !ones.isEmpty else { return 0.1 }
        let step = max(1, ones.count / 500)
        var total = 0.0
        var count = 0
        for k in stride(from: 0, to: ones.count, by: step) {
            let s = ones[k].source.lowerBound
            let t = ones[k].target.lowerBound
            // The offsets vary from pair to pair, so that a document that repeats itself with a fixed period
            // (boilerplate, concatenated copies) does not pair sentences with their own translations.
            let jitter = (k &* 7919) % max(1, m / 6)
            for offset in [m / 3 + jitter, (2 * m) / 3 - jitter] {
                let other = (t + max(2, offset)) % m
                total += matcher.similarity(sources: s..<s + 1, targets: other..<other + 1)
                count += 1
            }
        }
        return count == 0 ? 0.1 : total / Double(count)
    }

    private func confidenceScore(similarity: Double, baseline: Double, lengthProbability: Double) -> Double {
        Self.contrast(similarity: similarity, baseline: baseline) * (0.6 + 0.4 * lengthProbability)
    }

    /// Lexical similarity above that of unrelated sentences, scaled to 0...1.
    static func contrast(similarity: Double, baseline: Double) -> Double {
        min(1, max(0, (similarity - baseline) / max(0.1, 0.5 * (1 - baseline))))
    }

    /// The probability that a bead of a translated document is exactly right, from the length fit, the
    /// margin of its boundaries over the best competing paths, and its shape: a logistic model fitted on
    /// the Text+Berg development document and its test-sized pieces (`Benchmarks/align/calibrate.sh`).
    /// Lexical similarity does not help to tell right from wrong beads within a translation (the wrong
    /// ones are mostly merges and splits of related sentences); it decides whether the text is one.
    static func translationProbability(lengthCost: Double, margin: Double, isManyToMany: Bool) -> Double {
        let z = 1.399 - 0.116 * lengthCost + 0.835 * log1p(min(margin, 20)) - 0.918 * (isManyToMany ? 1 : 0)
        return 1 / (1 + exp(-z))
    }

    private func paragraphIndex(_ start: [Int]) -> [Int] {
        var index: [Int] = []
        for p in 0..<(start.count - 1) {
            for _ in start[p]..<start[p + 1] { index.append(p) }
        }
        return index
    }
}

/// A point of the alignment grid: a boundary after `source` source sentences and `target` target sentences.
struct GridPoint: Hashable, Sendable {
    var source: Int
    var target: Int
}

/// Results written by concurrent iterations, each to its own slot.
private final class ParallelResults<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [Value?]

    init(count: Int) { values = Array(repeating: nil, count: count) }

    subscript(index: Int) -> Value? {
        get { lock.withLock { values[index] } }
        set { lock.withLock { values[index] = newValue } }
    }
}
