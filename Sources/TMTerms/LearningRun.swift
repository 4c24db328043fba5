import Foundation
import TMCore

/// The state of one `TermLearner.learn(from:)` call.
struct LearningRun {
    private struct Side {
        var analyzer: SideAnalyzer
        var tokens = FlatRows<CompactToken>()
        var candidates = CandidateTable()
        var occurrences = FlatRows<CandidateTable.Occurrence>()
        var conceptFrequency: [Int32] = []
        var conceptHasAcronym: [Bool] = []
        /// Whether the side's phrases stand alone as labels often enough to judge unithood by it.
        var usesLabels = false

        init(language: String, sentences: [String]) {
            analyzer = SideAnalyzer(language: language, sentences: sentences)
            candidates.modifiersBefore = analyzer.resources.modifiersBefore
            let turkic = analyzer.resources.isTurkic
            tokens.reserveRows(sentences.count)
            occurrences.reserveRows(sentences.count)
            // One sentence at a time: its full analysis lives only until its candidates are counted.
            for index in sentences.indices {
                let sentence = analyzer.analyse(sentenceAt: index)
                for definition in AcronymDetector.definitions(in: sentence, fold: { CaseFolding.fold($0, turkic: turkic) }) {
                    let acronym = candidates.register(definition.acronym..<(definition.acronym + 1), in: sentence,
                                                      vocabulary: analyzer.vocabulary)
                    let longForm = candidates.register(definition.longForm, in: sentence,
                                                       vocabulary: analyzer.vocabulary)
                    candidates.join(acronym, longForm)
                }
                occurrences.append(row: candidates.add(sentence, vocabulary: analyzer.vocabulary))
                tokens.append(row: sentence.lazy.map(CompactToken.init))
            }
            tokens.shrinkToFit()
            occurrences.shrinkToFit()
            candidates.markSubsumed()
            usesLabels = candidates.phrasesStandAlone()
            conceptFrequency = [Int32](repeating: 0, count: candidates.count)
            conceptHasAcronym = [Bool](repeating: false, count: candidates.count)
            for id in 0..<Int32(candidates.count) where candidates.isAcronym[Int(id)] {
                conceptHasAcronym[Int(candidates.concept(id))] = true
            }
            for sentence in occurrences {
                var seen = Set<Int32>()
                for occurrence in sentence where seen.insert(candidates.concept(occurrence.candidate)).inserted {
                    conceptFrequency[Int(candidates.concept(occurrence.candidate))] += 1
                }
            }
            if sentences.count > LearningRun.smallInputLimit { pruneRarePhrases() }
        }

        /// Large inputs: a phrase seen in one sentence can only become an entry as a name (by its spelling) or
        /// with an acronym, so the occurrences of every other such phrase are dropped (most distinct n-grams of
        /// a corpus are seen once): memory and time then grow with the text, not with its n-grams.
        private mutating func pruneRarePhrases() {
            var forgotten = [Bool](repeating: false, count: candidates.count)
            occurrences.removeAll { occurrence in
                let id = occurrence.candidate
                let rare = candidates.wordCount[Int(id)] >= 2 && candidates.frequency[Int(id)] < 2
                    && candidates.nameCount[Int(id)] == 0 && !conceptHasAcronym[Int(candidates.concept(id))]
                if rare && !forgotten[Int(id)] {
                    forgotten[Int(id)] = true
                    candidates.forgetForms(id)
                }
                return rare
            }
        }

        func fold(_ text: String) -> String { CaseFolding.fold(text, turkic: analyzer.resources.isTurkic) }

        /// A concept's displayed forms by grammatical number: whether the preferred form's head is plural (nil:
        /// unknown, or an acronym), the preferred singular and plural forms, and how often each number is written.
        struct NumberForms {
            var isPlural: Bool?
            var singular: String?
            var plural: String?
            var singularCount: Int32 = 0
            var pluralCount: Int32 = 0

            /// The preferred form of the other number than the preferred form's, when the corpus writes it at
            /// least a quarter as often (`nota` beside `notas`; not a rare `dato` beside `datos`).
            var otherNumber: String? {
                guard let isPlural else { return nil }
                return isPlural ? (singularCount * 4 >= pluralCount ? singular : nil)
                    : (pluralCount * 4 >= singularCount ? plural : nil)
            }
        }

        private var numberForms: [Int32: NumberForms] = [:]

        /// The concept's forms by number (cached).
        mutating func numberForms(_ concept: Int32) -> NumberForms {
            if let hit = numberForms[concept] { return hit }
            var forms = NumberForms()
            // An acronym has no number (`headIsPlural` is nil); a word once written in capitals has.
            for (rank, display) in candidates.rankedDisplays(concept).enumerated() {
                guard let plural = analyzer.headIsPlural(display.text) else {
                    if rank == 0 { break }
                    continue
                }
                if rank == 0 { forms.isPlural = plural }
                if plural {
                    if forms.plural == nil { forms.plural = display.text }
                    forms.pluralCount += display.count
                } else {
                    if forms.singular == nil { forms.singular = display.text }
                    forms.singularCount += display.count
                }
            }
            numberForms[concept] = forms
            return forms
        }

        /// The transliteration key of a word id, cached in `cache` (one per thread).
        func translit(word id: Int32, cache: inout [Int32: [Character]]) -> [Character] {
            if let hit = cache[id] { return hit }
            let key = Transliteration.key(analyzer.vocabulary.keys[Int(id)], index: analyzer.resources.transliterationIndex)
            cache[id] = key
            return key
        }

        /// The transliteration key of a candidate, cached in `cache` (shared by the threads).
        func translit(candidate id: Int32, cache: SharedCache<[Character]>) -> [Character] {
            cache.value(UInt64(UInt32(id))) { translitOfText(candidates.keys[Int(id)]) }
        }

        func translitOfText(_ text: String) -> [Character] {
            Transliteration.key(fold(text), index: analyzer.resources.transliterationIndex)
        }

        /// Termhood of a concept in 0...1: acronyms and names high, general words low.
        func termhood(_ concept: Int32) -> Double {
            if conceptHasAcronym[Int(concept)] { return 1 }
            let index = Int(concept)
            let frequency = max(1, Int(candidates.frequency[index]))
            let nameRatio = Double(candidates.nameCount[index]) / Double(frequency)
            let multiword = candidates.wordCount[index] >= 2
            let general = candidates.isGeneral[index]
            let subsumed = (candidates.isSubsumed[index] ? 0.6 : 1) * (candidates.hasNumber[index] ? 0.75 : 1)
            // Free and verb phrases (`particular value`, `PARTITION COMMANDS`, `Preformateando DVD`) rank low even
            // when their other words are names or acronyms.
            if multiword, candidates.isFreePhrase[index] || candidates.isVerbPhrase[index] { return 0.3 * subsumed }
            if nameRatio >= 0.5 { return (general ? 0.7 : 0.95) * subsumed }
            if multiword {
                if candidates.isMixedCase[index] { return 0.35 }
                if candidates.isVerbPhrase[index] { return 0.3 * subsumed }
                return (general || candidates.endsGeneral[index] ? 0.45 : 0.85) * subsumed
            }
            return (general ? 0.25 : 0.7) * subsumed
        }
    }

    private struct Evidence {
        var linked: Int32 = 0
        var aligned: Int32 = 0
        var cognate: Int32 = 0
        var acronym: Int32 = 0
        var cooccurrence: Int32 = 0
        var example: Int32 = -1
    }

    private struct Flags: OptionSet {
        let rawValue: UInt8
        static let aligned = Flags(rawValue: 1)
        static let cognate = Flags(rawValue: 2)
        static let acronym = Flags(rawValue: 4)
        static let cooccurrence = Flags(rawValue: 8)
    }

    private var source: Side
    private var target: Side
    private let options: TermLearnerOptions
    private var evidence: [UInt64: Evidence] = [:]
    private let pool: WorkerPool
    /// Made for the alignment phase and kept for scoring.
    private var spelling = SpellingCaches(threads: 1)
    private let cpuAtStart: Double
    /// Below this many pairs, co-occurrence of repeated candidates counts as evidence.
    static let smallInputLimit = 3000
    /// Sentence pairs with more (source word × target word) cells are not word-aligned.
    static let maxAlignedCells = 1600
    /// … from this many pairs on (smaller corpora align every pair).
    static let longPairCutoffFrom = 200_000
    private var smallInput: Bool { source.tokens.count <= Self.smallInputLimit }
    private let debug = ProcessInfo.processInfo.environment["TMTERMS_DEBUG"] == "alignment"
    private let timing = ProcessInfo.processInfo.environment["TMTERMS_DEBUG"] == "timing"

    init(sourceLanguage: String, targetLanguage: String, sources: [String], targets: [String],
         options: TermLearnerOptions) {
        // The alignment trace is printed pair by pair, in order: one thread.
        let tracing = ProcessInfo.processInfo.environment["TMTERMS_DEBUG"] == "alignment"
        let timed = ProcessInfo.processInfo.environment["TMTERMS_DEBUG"] == "timing"
        cpuAtStart = CriticalPath.processCPU()
        pool = WorkerPool(threads: tracing ? 1 : TermLearningThreads.resolved, account: timed ? CriticalPath() : nil)
        func side(_ language: String, _ sentences: [String]) -> Side {
            let clock = ContinuousClock(), started = clock.now
            let side = Side(language: language, sentences: sentences)
            if timed { FileHandle.standardError.write(Data("side \(language): \(clock.now - started)\n".utf8)) }
            return side
        }
        (source, target) = pool.inParallel({ side(sourceLanguage, sources) }, { side(targetLanguage, targets) })
        self.options = options
    }

    func sourceFold(_ text: String) -> String { source.fold(text) }
    func targetFold(_ text: String) -> String { target.fold(text) }

    private static func pairKey(_ s: Int32, _ t: Int32) -> UInt64 { UInt64(UInt32(s)) << 32 | UInt64(UInt32(t)) }

    /// The resident memory of the process in MB (Linux; 0 elsewhere), for `TMTERMS_DEBUG=timing`.
    static func residentMegabytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
              let pages = text.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
        else { return 0 }
        return pages * 4096 / 1_048_576
    }

    // MARK: Alignment

    private mutating func alignAndCollect() {
        var pairs = WordAligner.Pairs()
        pairs.reserveCapacity(source.tokens.count)
        for k in source.tokens.indices {
            let sourceTokens = source.tokens[k], targetTokens = target.tokens[k]
            let sourcePositions = sourceTokens.indices.filter { sourceTokens[$0].isAlignable }
            let targetPositions = targetTokens.indices.filter { targetTokens[$0].isAlignable }
            // Long pairs (multi-paragraph help texts) hold most cells of a corpus (under 1% of the pairs of the
            // Debian catalogs hold half): in large corpora they are not aligned, and give only spelling and
            // acronym evidence.
            let tooLong = source.tokens.count > Self.longPairCutoffFrom
                && sourcePositions.count * targetPositions.count > Self.maxAlignedCells
            pairs.append(source: sourcePositions.lazy.map { sourceTokens[$0].id },
                         target: targetPositions.lazy.map { targetTokens[$0].id },
                         cells: tooLong ? 0 : sourcePositions.count * targetPositions.count)
        }
        pairs.shrinkToFit()
        let (slotSource, slotTarget, prior) = numberSlots(of: &pairs)
        if timing {
            FileHandle.standardError.write(Data("slots \(slotSource.count), \(Self.residentMegabytes()) MB\n".utf8))
        }
        var aligner = WordAligner()
        aligner.iterations = options.alignmentIterations
        aligner.train(pairs, slotSource: slotSource, slotTarget: slotTarget,
                      sourceVocabulary: source.analyzer.vocabulary.keys.count,
                      targetVocabulary: target.analyzer.vocabulary.keys.count, prior: prior, pool: pool)
        // Pairs are aligned and their evidence collected in chunks on all threads; the per-thread tallies are
        // merged with sums and minima, so the evidence does not depend on the threads.
        let chunks = WorkerPool.ranges(of: pairs.count, size: 128)
        let source = self.source, target = self.target, smallInput = self.smallInput, debug = self.debug
        let trained = aligner, alignedPairs = pairs, priors = prior
        spelling = SpellingCaches(threads: pool.threads)
        let caches = spelling
        let tallies = pool.run(tasks: chunks.count, state: { Collector(caches: caches) }) { collector, task in
            for k in chunks[task] {
                let pair = alignedPairs[k]
                let cells = pair.source.count * pair.target.count
                let links = pair.slots.count == cells ? trained.align(pair, prior: priors)
                    : [Bool](repeating: false, count: cells)
                // Positions are found again rather than kept: a million pairs would hold two arrays each.
                let positions = (source: source.tokens[k].indices.filter { source.tokens[k][$0].isAlignable },
                                 target: target.tokens[k].indices.filter { target.tokens[k][$0].isAlignable })
                Self.collect(unit: k, pair: pair, links: links, positions: positions, source: source, target: target,
                             smallInput: smallInput, debug: debug, into: &collector)
            }
        }
        for tally in tallies {
            if evidence.isEmpty {
                evidence = tally.evidence
                continue
            }
            for (key, record) in tally.evidence {
                guard var merged = evidence[key] else {
                    evidence[key] = record
                    continue
                }
                merged.linked += record.linked
                merged.aligned += record.aligned
                merged.cognate += record.cognate
                merged.acronym += record.acronym
                merged.cooccurrence += record.cooccurrence
                merged.example = min(merged.example, record.example)
                evidence[key] = merged
            }
        }
    }

    /// What one thread collects: the evidence of its sentence pairs and its caches.
    private struct Collector {
        var evidence: [UInt64: Evidence] = [:]
        let caches: SpellingCaches
    }

    /// The transliteration keys of candidates and the similarities of candidate pairs, shared by the threads.
    private struct SpellingCaches {
        let source: SharedCache<[Character]>
        let target: SharedCache<[Character]>
        let similarity: SharedCache<Float>

        init(threads: Int) {
            source = SharedCache(threads: threads)
            target = SharedCache(threads: threads)
            similarity = SharedCache(threads: threads)
        }
    }

    /// Gives every distinct (source word, target word) pair of the cells a slot, writes the slot of each cell, and
    /// returns the words and the cognate prior of each slot. The word pairs are split among the threads by a hash
    /// of the pair; each thread reads the cells in corpus order, so the prior is judged on the first occurrence of
    /// its word pairs, as one thread would. Slots are numbered thread by thread: the aligner's sums per slot run
    /// over the pairs in corpus order whatever the numbering, so its tables do not depend on the threads.
    private func numberSlots(of pairs: inout WordAligner.Pairs) -> (source: [Int32], target: [Int32], prior: [Float]) {
        let shards = pool.threads
        let source = self.source, target = self.target
        struct Shard {
            var source: [Int32] = []
            var target: [Int32] = []
            var prior: [Float] = []
        }
        // The top 32 bits of a multiplicative hash, scaled to 0..<shards (no division: every thread hashes every cell).
        func shard(of key: UInt64) -> Int {
            // Parenthesised in full: `>>` binds tighter than `&*` in Swift.
            shards == 1 ? 0 : Int((((key &* 0x9E37_79B9_7F4A_7C15) >> 32) &* UInt64(shards)) >> 32)
        }
        let numbered: [Shard] = pairs.withCells { cells, pairs in
            nonisolated(unsafe) let cells = cells
            return pool.map(tasks: shards) { index in
                var result = Shard()
                var slotIndex: [UInt64: Int32] = [:]
                var sourceTranslit: [Int32: [Character]] = [:], targetTranslit: [Int32: [Character]] = [:]
                for k in pairs.indices {
                    let n = pairs.target(k).count, range = pairs.cellRange(k)
                    guard range.count == pairs.source(k).count * n, n > 0 else { continue }
                    let start = range.lowerBound
                    let sourceTokens = source.tokens[k], targetTokens = target.tokens[k]
                    var i = 0
                    for s in sourceTokens where s.isAlignable {
                        var j = 0
                        for t in targetTokens where t.isAlignable {
                            defer { j += 1 }
                            let key = Self.pairKey(s.id, t.id)
                            guard shard(of: key) == index else { continue }
                            let slot: Int32
                            if let existing = slotIndex[key] {
                                slot = existing
                            } else {
                                slot = Int32(result.source.count)
                                slotIndex[key] = slot
                                result.source.append(s.id)
                                result.target.append(t.id)
                                result.prior.append(Self.cognatePrior(
                                    s, t, source: source, target: target, sourceTranslit: &sourceTranslit,
                                    targetTranslit: &targetTranslit))
                            }
                            cells[start + i * n + j] = slot
                        }
                        i += 1
                    }
                }
                return result
            }
        }
        guard shards > 1 else { return (numbered[0].source, numbered[0].target, numbered[0].prior) }
        var offsets: [Int32] = []
        var total = 0
        for part in numbered {
            offsets.append(Int32(total))
            total += part.source.count
        }
        var slotSource: [Int32] = [], slotTarget: [Int32] = [], prior: [Float] = []
        slotSource.reserveCapacity(total)
        slotTarget.reserveCapacity(total)
        prior.reserveCapacity(total)
        for part in numbered {
            slotSource += part.source
            slotTarget += part.target
            prior += part.prior
        }
        // Local slots → slots of the whole table.
        let chunks = WorkerPool.ranges(of: pairs.count, size: 512)
        pairs.withCells { cells, pairs in
            nonisolated(unsafe) let cells = cells
            pool.run(tasks: chunks.count) { _, task in
                for k in chunks[task] {
                    let sourceWords = pairs.source(k), targetWords = pairs.target(k)
                    let n = targetWords.count, range = pairs.cellRange(k)
                    guard range.count == sourceWords.count * n, n > 0 else { continue }
                    let start = range.lowerBound
                    for i in 0..<sourceWords.count {
                        for j in 0..<n {
                            let key = Self.pairKey(sourceWords[i], targetWords[j])
                            cells[start + i * n + j] += offsets[shard(of: key)]
                        }
                    }
                }
            }
        }
        return (slotSource, slotTarget, prior)
    }

    /// Prior weight of a word pair: identical numbers, names that transliterate alike, identical words.
    private static func cognatePrior(
        _ s: CompactToken, _ t: CompactToken, source: Side, target: Side,
        sourceTranslit: inout [Int32: [Character]], targetTranslit: inout [Int32: [Character]]
    ) -> Float {
        if s.kind == .number || t.kind == .number {
            return s.kind == t.kind && source.analyzer.vocabulary.keys[Int(s.id)]
                == target.analyzer.vocabulary.keys[Int(t.id)] ? 9 : 1
        }
        let nameLike = (s.isCapitalised || s.isAcronym) && (t.isCapitalised || t.isAcronym)
        if !nameLike {
            if !s.isStop, !t.isStop,
               source.analyzer.vocabulary.keys[Int(s.id)] == target.analyzer.vocabulary.keys[Int(t.id)],
               source.analyzer.vocabulary.keys[Int(s.id)].count >= 4 {
                return 4
            }
            return 1
        }
        let similarity = Transliteration.similarity(source.translit(word: s.id, cache: &sourceTranslit),
                                                    target.translit(word: t.id, cache: &targetTranslit))
        return similarity >= 0.6 ? Float(1 + 8 * (similarity - 0.6) / 0.4) : 1
    }

    /// Records the candidate pairs of one sentence pair.
    private static func collect(
        unit k: Int, pair: WordAligner.Pair, links: [Bool], positions: (source: [Int], target: [Int]),
        source: Side, target: Side, smallInput: Bool, debug: Bool, into collector: inout Collector
    ) {
        let m = pair.source.count, n = pair.target.count
        guard m > 0, n > 0 else { return }
        // Token index → alignable index.
        var sourceAlign = [Int](repeating: -1, count: source.tokens[k].count)
        for (a, position) in positions.source.enumerated() { sourceAlign[position] = a }
        var targetAlign = [Int](repeating: -1, count: target.tokens[k].count)
        for (b, position) in positions.target.enumerated() { targetAlign[position] = b }
        func alignRange(_ range: Range<Int>, _ map: [Int]) -> ClosedRange<Int>? {
            let inside = range.map { map[$0] }.filter { $0 >= 0 }
            guard let low = inside.min(), let high = inside.max() else { return nil }
            return low...high
        }
        if debug {
            var line = "\(k):"
            for i in 0..<m {
                let linked = (0..<n).filter { links[i * n + $0] }
                    .map { target.analyzer.vocabulary.keys[Int(target.tokens[k][positions.target[$0]].id)] }
                let word = source.analyzer.vocabulary.keys[Int(source.tokens[k][positions.source[i]].id)]
                if !linked.isEmpty { line += " \(word)=\(linked.joined(separator: "+"))" }
            }
            print(line)
        }
        var targetAligned = [Bool](repeating: false, count: n)
        for i in 0..<m { for j in 0..<n where links[i * n + j] { targetAligned[j] = true } }
        let targetOccurrences = target.occurrences[k].compactMap { occurrence in
            alignRange(occurrence.range, targetAlign).map { (occurrence, $0) }
        }
        var found: [UInt64: Flags] = [:]
        for occurrence in source.occurrences[k] {
            guard let span = alignRange(occurrence.range, sourceAlign) else { continue }
            var low = Int.max, high = -1
            for i in span { for j in 0..<n where links[i * n + j] { low = min(low, j); high = max(high, j) } }
            guard high >= 0 else { continue }
            var consistent = true
            check: for j in low...high {
                for i in 0..<m where links[i * n + j] && !span.contains(i) {
                    consistent = false
                    break check
                }
            }
            guard consistent else { continue }
            let sourceConcept = source.candidates.concept(occurrence.candidate)
            for (targetOccurrence, targetSpan) in targetOccurrences
                where targetSpan.lowerBound <= low && targetSpan.upperBound >= high {
                let extraAligned = (targetSpan.lowerBound..<low).contains { targetAligned[$0] }
                    || ((high + 1)..<(targetSpan.upperBound + 1)).contains { targetAligned[$0] }
                if extraAligned { continue }
                let key = Self.pairKey(sourceConcept, target.candidates.concept(targetOccurrence.candidate))
                found[key, default: []].insert(.aligned)
            }
        }
        // Names and acronyms: transliteration and acronym evidence, independent of the alignment.
        let sourceNames = source.occurrences[k].filter { isNameLike($0, side: source, sentence: k) }
        let targetNames = target.occurrences[k].filter { isNameLike($0, side: target, sentence: k) }
        // An acronym written identically on the other side (ARG1 … ARG1) pairs with that, not with others.
        let sourceKeys = Set(sourceNames.map { source.candidates.keys[Int($0.candidate)] })
        let targetKeys = Set(targetNames.map { target.candidates.keys[Int($0.candidate)] })
        for s in sourceNames {
            let sourceConcept = source.candidates.concept(s.candidate)
            let sourceIsAcronym = source.conceptHasAcronym[Int(sourceConcept)]
                && !targetKeys.contains(source.candidates.keys[Int(s.candidate)])
            let sourceKey = source.translit(candidate: s.candidate, cache: collector.caches.source)
            for t in targetNames {
                let targetConcept = target.candidates.concept(t.candidate)
                let key = Self.pairKey(sourceConcept, targetConcept)
                if sourceIsAcronym, target.conceptHasAcronym[Int(targetConcept)],
                   !sourceKeys.contains(target.candidates.keys[Int(t.candidate)]),
                   source.candidates.isAcronym[Int(s.candidate)] || target.candidates.isAcronym[Int(t.candidate)] {
                    found[key, default: []].insert(.acronym)
                }
                let similarity = collector.caches.similarity.value(Self.pairKey(s.candidate, t.candidate)) {
                    Float(Transliteration.similarity(
                        sourceKey, target.translit(candidate: t.candidate, cache: collector.caches.target)))
                }
                if similarity >= 0.62 {
                    found[key, default: []].insert(.cognate)
                }
            }
        }
        // Small inputs: every pair of repeated candidates that occur together is evidence (EM cannot learn
        // from a few sentences; repeated co-occurrence and competitive linking can).
        if smallInput {
            let sourceRepeated = Set(source.occurrences[k].map { source.candidates.concept($0.candidate) }
                .filter { source.conceptFrequency[Int($0)] >= 2 })
            let targetRepeated = Set(target.occurrences[k].map { target.candidates.concept($0.candidate) }
                .filter { target.conceptFrequency[Int($0)] >= 2 })
            for s in sourceRepeated {
                for t in targetRepeated { found[Self.pairKey(s, t), default: []].insert(.cooccurrence) }
            }
        }
        for (key, flags) in found {
            var record = collector.evidence[key, default: Evidence()]
            record.linked += 1
            if flags.contains(.aligned) { record.aligned += 1 }
            if flags.contains(.cognate) { record.cognate += 1 }
            if flags.contains(.acronym) { record.acronym += 1 }
            if flags.contains(.cooccurrence) { record.cooccurrence += 1 }
            if record.example < 0 || Int(record.example) > k { record.example = Int32(k) }
            collector.evidence[key] = record
        }
    }

    private static func isNameLike(_ occurrence: CandidateTable.Occurrence, side: Side, sentence: Int) -> Bool {
        let tokens = side.tokens[sentence]
        let words = occurrence.range.filter { tokens[$0].kind == .word }
        guard !words.isEmpty, words.count <= 4 else { return false }
        return words.allSatisfy { tokens[$0].isCapitalised || tokens[$0].isAcronym || tokens[$0].isStop }
            && (words.count > 1 || !tokens[words[0]].isSentenceInitial || tokens[words[0]].isAcronym
                || side.candidates.nameCount[Int(occurrence.candidate)] > 0)
    }

    // MARK: Scoring and linking

    private struct Scored {
        var source: Int32
        var target: Int32
        var confidence: Double
        var linked: Int32
        var example: Int32
    }

    mutating func entries() -> [LearnedEntry] {
        let clock = ContinuousClock()
        let started = clock.now
        func lap(_ label: String) {
            if timing {
                FileHandle.standardError.write(Data("\(label): \(clock.now - started), \(Self.residentMegabytes()) MB\n".utf8))
            }
        }
        lap("analysed (candidates \(source.candidates.count) + \(target.candidates.count), words "
            + "\(source.analyzer.vocabulary.keys.count) + \(target.analyzer.vocabulary.keys.count))")
        alignAndCollect()
        lap("aligned and collected \(evidence.count) pairs")
        defer {
            lap("linked")
            if let account = pool.account {
                let cpu = CriticalPath.processCPU() - cpuAtStart
                let path = cpu - account.parallelCPU + account.span
                FileHandle.standardError.write(Data(String(
                    format: "threads %d: CPU %.2f s, of which %.2f s in parallel sections; on idle cores %.2f s\n",
                    pool.threads, cpu, account.parallelCPU, path).utf8))
            }
        }
        // Pairs are scored on all threads (each with its caches), in chunks of a list in the evidence's order;
        // the number cut below is the same on every thread count, and the list is sorted after.
        var counted: [(key: UInt64, record: Evidence)] = []
        counted.reserveCapacity(evidence.count)
        for (key, record) in evidence where Int(record.linked) >= options.minCount { counted.append((key, record)) }
        evidence = [:]
        let chunks = WorkerPool.ranges(of: counted.count, size: 2048)
        let sourceSide = source, targetSide = target, minConfidence = options.minConfidence, cache = spelling
        let scoredChunks = pool.map(tasks: chunks.count) { task in
            chunks[task].compactMap { index -> (Int, Double)? in
                let (key, record) = counted[index]
                let s = Int32(truncatingIfNeeded: key >> 32), t = Int32(truncatingIfNeeded: key & 0xFFFF_FFFF)
                let confidence = Self.score(s, t, record, source: sourceSide, target: targetSide, cache: cache)
                return confidence >= minConfidence ? (index, confidence) : nil
            }
        }
        var scored: [Scored] = []
        for (index, first) in scoredChunks.joined() {
            let (key, record) = counted[index]
            let s = Int32(truncatingIfNeeded: key >> 32), t = Int32(truncatingIfNeeded: key & 0xFFFF_FFFF)
            var confidence = first
            // A plural on one side and a singular on the other, in every form the corpus writes, is a noun
            // against a verb (`setting controls ↔ parámetro controla`) or a pair that does not translate; where
            // the other number is written, the entry shows it instead (`Note ↔ nota`, not `notas`).
            if confidence >= options.minConfidence, case .disagree = shownForms(s, t) {
                confidence *= 0.6
            }
            // Unithood from the corpus (`PhraseEvidence`): multi-word pairs never standing alone, fragments and
            // translated phrases from one sentence pair rank lower.
            if !source.conceptHasAcronym[Int(s)], !target.conceptHasAcronym[Int(t)] {
                confidence *= PhraseEvidence.factor(
                    source: source.candidates, s, sourceUsesLabels: source.usesLabels,
                    target: target.candidates, t, targetUsesLabels: target.usesLabels, pairs: record.linked,
                    smallInput: smallInput)
            }
            confidence *= PhraseEvidence.attributiveFactor(source: source.candidates, s, target: target.candidates, t)
            if PhraseEvidence.isLowerCaseVerb(source: source.candidates, s, source.analyzer.resources,
                                              target: target.candidates, t, target.analyzer.resources) {
                confidence *= PhraseEvidence.lowerCaseVerb
            }
            guard confidence >= options.minConfidence else { continue }
            scored.append(Scored(source: s, target: t, confidence: confidence, linked: record.linked,
                                 example: record.example))
        }
        scored.sort(by: ranksBefore)
        // Competitive linking: each concept in at most one entry, best pairs first.
        var usedSource = Set<Int32>(), usedTarget = Set<Int32>()
        var accepted: [Scored] = []
        for (index, pair) in scored.enumerated()
        where !usedSource.contains(pair.source) && !usedTarget.contains(pair.target) {
            usedSource.insert(pair.source)
            usedTarget.insert(pair.target)
            // A tie the evidence cannot break (`təlim` and `xaricdə` occur in the same two pairs as `abroad`):
            // no guess; both concepts stay unlinked.
            if isTied(pair, after: index, in: scored, usedSource: usedSource, usedTarget: usedTarget) { continue }
            // Parts that never occur outside the linked terms are spent with them (`revolutions`).
            for member in source.candidates.members(of: pair.source) {
                usedSource.formUnion(source.candidates.nestedSameFrequency(member).map(source.candidates.concept))
            }
            for member in target.candidates.members(of: pair.target) {
                usedTarget.formUnion(target.candidates.nestedSameFrequency(member).map(target.candidates.concept))
            }
            accepted.append(pair)
        }
        accepted = dropNested(accepted)
        accepted += headExtensions(of: accepted, usedSource: &usedSource, usedTarget: &usedTarget)
        // A term copied unchanged (an acronym, a product name) is right but tells a translator little: after
        // linking, it ranks below translated terms of the same strength.
        for index in accepted.indices
        where source.candidates.keys[Int(accepted[index].source)] == target.candidates.keys[Int(accepted[index].target)] {
            accepted[index].confidence *= 0.75
        }
        accepted = accepted.filter { $0.confidence >= options.minConfidence }
        accepted.sort(by: ranksBefore)
        var result: [LearnedEntry] = []
        for pair in accepted {
            var shown: (source: String?, target: String?) = (nil, nil)
            if case .agree(let sourceForm, let targetForm) = shownForms(pair.source, pair.target) {
                shown = (sourceForm, targetForm)
            }
            var sourceTerms = terms(of: pair.source, side: source, shown: shown.source)
            var targetTerms = terms(of: pair.target, side: target, shown: shown.target)
            if source.candidates.members(of: pair.source).count > 1, targetTerms.count == 1 {
                targetTerms += longFormPartners(pair.source, from: source, in: target, used: usedTarget)
            }
            if target.candidates.members(of: pair.target).count > 1, sourceTerms.count == 1 {
                sourceTerms += longFormPartners(pair.target, from: target, in: source, used: usedSource)
            }
            result.append(LearnedEntry(
                sourceTerms: sourceTerms, targetTerms: targetTerms,
                frequency: Int(pair.linked), confidence: (pair.confidence * 1000).rounded() / 1000,
                example: pair.example >= 0 ? Int(pair.example) : nil))
        }
        return result
    }

    /// Whether an equally scored pair further down offers the same target another free source concept (or the
    /// same source another free target): the pairs are sorted, so equal ones follow `index` directly.
    private func isTied(
        _ pair: Scored, after index: Int, in scored: [Scored], usedSource: Set<Int32>, usedTarget: Set<Int32>
    ) -> Bool {
        var next = index + 1
        while next < scored.count, scored[next].confidence == pair.confidence, scored[next].linked == pair.linked {
            let other = scored[next]
            if other.target == pair.target, other.source != pair.source, !usedSource.contains(other.source) { return true }
            if other.source == pair.source, other.target != pair.target, !usedTarget.contains(other.target) { return true }
            next += 1
        }
        return false
    }

    /// Small inputs: a multi-word term seen in a single sentence pair (`təhlükəsizlik qüvvələri ↔ security forces`)
    /// is learned when its head is already linked (`qüvvələr ↔ forces`) and both phrases are the one shortest
    /// extension of that head in the sentence pair, by the same number of words at one end, made of words that
    /// no other entry explains and that are no stop, general, verb or adjective forms (`dağıdıcı qüvvələr ↔
    /// external forces` is refused: free adjectives, and the word orders differ).
    private func headExtensions(
        of accepted: [Scored], usedSource: inout Set<Int32>, usedTarget: inout Set<Int32>
    ) -> [Scored] {
        guard smallInput else { return [] }
        var headLinks: [Int32: Scored] = [:]
        for pair in accepted
        where source.candidates.wordCount[Int(pair.source)] == 1 && target.candidates.wordCount[Int(pair.target)] == 1 {
            headLinks[pair.source] = pair
        }
        let explainedSource = Set(accepted.map(\.source)), explainedTarget = Set(accepted.map(\.target))
        var found: [UInt64: Scored] = [:]
        var order: [UInt64] = []
        for k in source.occurrences.indices {
            for head in source.occurrences[k] {
                let headConcept = source.candidates.concept(head.candidate)
                guard source.candidates.wordCount[Int(head.candidate)] == 1, let link = headLinks[headConcept],
                      let targetHead = target.occurrences[k].first(where: {
                          target.candidates.wordCount[Int($0.candidate)] == 1
                              && target.candidates.concept($0.candidate) == link.target
                      })
                else { continue }
                let sourceOptions = Self.extensions(of: head, side: source, sentence: k, explained: explainedSource,
                                                    used: usedSource)
                let targetOptions = Self.extensions(of: targetHead, side: target, sentence: k,
                                                    explained: explainedTarget, used: usedTarget)
                guard let shortest = sourceOptions.map(\.words).min(),
                      targetOptions.map(\.words).min() == shortest
                else { continue }
                let sourceBest = sourceOptions.filter { $0.words == shortest }
                let targetBest = targetOptions.filter { $0.words == shortest }
                guard sourceBest.count == 1, targetBest.count == 1 else { continue }
                let s = sourceBest[0].concept, t = targetBest[0].concept
                let key = Self.pairKey(s, t)
                if var pair = found[key] {
                    pair.linked += 1
                    found[key] = pair
                } else {
                    found[key] = Scored(source: s, target: t, confidence: link.confidence, linked: 1, example: Int32(k))
                    order.append(key)
                }
            }
        }
        var result: [Scored] = []
        for key in order {
            guard var pair = found[key], Int(pair.linked) >= options.minCount,
                  !usedSource.contains(pair.source), !usedTarget.contains(pair.target)
            else { continue }
            // One sentence pair: 0.8 of the head's confidence; more pairs, closer to it.
            pair.confidence *= min(1, 0.7 + 0.1 * Double(pair.linked))
            usedSource.insert(pair.source)
            usedTarget.insert(pair.target)
            result.append(pair)
        }
        return result
    }

    /// The multi-word candidates of a sentence that extend `head` at one end with term-like words.
    private static func extensions(
        of head: CandidateTable.Occurrence, side: Side, sentence k: Int, explained: Set<Int32>, used: Set<Int32>
    ) -> [(concept: Int32, words: Int)] {
        let tokens = side.tokens[k]
        let resources = side.analyzer.resources
        var result: [(concept: Int32, words: Int)] = []
        let before = resources.modifiersBefore
        for occurrence in side.occurrences[k] where occurrence.range.count > head.range.count
            && ((before != true && occurrence.range.lowerBound == head.range.lowerBound)
                || (before != false && occurrence.range.upperBound == head.range.upperBound))
            && occurrence.range.contains(head.range.lowerBound) && occurrence.range.contains(head.range.upperBound - 1)
        {
            let id = Int(occurrence.candidate)
            let concept = side.candidates.concept(occurrence.candidate)
            guard !used.contains(concept), !explained.contains(concept), !side.candidates.isGeneral[id],
                  !side.candidates.isMixedCase[id], !side.candidates.hasNumber[id], !side.candidates.isAcronym[id]
            else { continue }
            let added = occurrence.range.filter { !head.range.contains($0) }
            var words = 0
            var termLike = true
            for index in added where tokens[index].kind == .word && !tokens[index].isStop {
                words += 1
                let key = side.analyzer.vocabulary.keys[Int(tokens[index].id)]
                if resources.generalWords.contains(key) || resources.looksLikeVerb(key)
                    || resources.looksLikeAdjective(key) {
                    termLike = false
                }
            }
            guard termLike, words > 0 else { continue }
            let addedRange = (added.min() ?? 0)..<((added.max() ?? 0) + 1)
            let explainedInside = side.occurrences[k].contains { other in
                other.range.clamped(to: addedRange) == other.range && explained.contains(side.candidates.concept(other.candidate))
            }
            if explainedInside { continue }
            result.append((concept, words))
        }
        return result
    }

    private static func score(
        _ s: Int32, _ t: Int32, _ record: Evidence, source: Side, target: Side, cache: SpellingCaches
    ) -> Double {
        let fs = Double(source.conceptFrequency[Int(s)]), ft = Double(target.conceptFrequency[Int(t)])
        let linked = Double(record.linked)
        let dice = min(1, 2 * linked / max(1, fs + ft))
        var support = 0.85 * Double(record.aligned) / linked
        // One sentence pair is evidence only for names, cognates and acronyms.
        if record.linked == 1 && record.cognate == 0 && record.acronym == 0 { return 0 }
        if record.cooccurrence > 0 {
            support = max(support, 0.7 * Double(record.cooccurrence) / linked)
            // Words that occur in the same few pairs are told apart by spelling when one pair is a cognate
            // (`terrorçular` ~ `terrorists`, not `təlim` ~ `terrorists`); unlike spellings stay tied.
            if record.cognate == 0 {
                let similarity = Transliteration.similarity(source.translit(candidate: s, cache: cache.source),
                                                        target.translit(candidate: t, cache: cache.target))
                if similarity >= 0.6 { support *= 1 + 0.05 * similarity }
            }
        }
        if record.cognate > 0 {
            let similarity = Transliteration.similarity(source.translit(candidate: s, cache: cache.source),
                                                        target.translit(candidate: t, cache: cache.target))
            support = max(support, similarity * (0.6 + 0.4 * Double(record.cognate) / linked))
            // Between near-identical rivals (MIPS ISA II ~ MIPS ISA I), the closer spelling wins.
            support *= 0.95 + 0.05 * similarity
        }
        if record.acronym > 0 { support = max(support, 0.6 + 0.3 * Double(record.acronym) / linked) }
        let termhood = (source.termhood(s) * target.termhood(t)).squareRoot()
        let ws = Double(source.candidates.wordCount[Int(s)]), wt = Double(target.candidates.wordCount[Int(t)])
        let lengthFactor = max(0.6, 1 - 0.15 * abs(ws - wt))
        // More sentence pairs, more certainty: 0.7 for one, 0.8 for three, 1 from fifteen on.
        let countFactor = min(1, 0.6 + 0.1 * log2(linked + 1))
        return dice.squareRoot() * support * termhood * lengthFactor * countFactor
    }

    /// Drops a pair nested in a longer accepted pair when the shorter never occurs outside the longer one.
    private func dropNested(_ pairs: [Scored]) -> [Scored] {
        var accepted = Set(pairs.map { Self.pairKey($0.source, $0.target) })
        for pair in pairs {
            let sourceParts = source.candidates.members(of: pair.source).flatMap(source.candidates.nestedAll)
            let targetParts = target.candidates.members(of: pair.target).flatMap(target.candidates.nestedAll)
            guard !sourceParts.isEmpty, !targetParts.isEmpty else { continue }
            for s in sourceParts where source.candidates.frequency[Int(s)] <= source.conceptFrequency[Int(pair.source)] {
                for t in targetParts {
                    accepted.remove(Self.pairKey(source.candidates.concept(s), target.candidates.concept(t)))
                }
            }
        }
        return pairs.filter { accepted.contains(Self.pairKey($0.source, $0.target)) }
    }

    /// The order of scored pairs: higher confidence first, then more sentence pairs, then by the terms' keys.
    private func ranksBefore(_ a: Scored, _ b: Scored) -> Bool {
        if a.confidence != b.confidence { return a.confidence > b.confidence }
        if a.linked != b.linked { return a.linked > b.linked }
        if a.source != b.source {
            return source.candidates.keys[Int(a.source)].precedesInScalarOrder(source.candidates.keys[Int(b.source)])
        }
        return target.candidates.keys[Int(a.target)].precedesInScalarOrder(target.candidates.keys[Int(b.target)])
    }

    private enum ShownForms {
        /// The forms agree in number, or the number is unknown; a form other than the preferred one is given
        /// where the preferred forms disagree but the other number is written on one side.
        case agree(source: String?, target: String?)
        case disagree
    }

    /// The forms a pair is shown in: the preferred forms when they agree in grammatical number; otherwise the
    /// plural side's singular, as glossaries write nouns (`Note ↔ nota`, where `notas` is the more frequent
    /// form), or else the singular side's plural; `disagree` when neither side writes the other number.
    private mutating func shownForms(_ s: Int32, _ t: Int32) -> ShownForms {
        let sf = source.numberForms(s), tf = target.numberForms(t)
        guard let sp = sf.isPlural, let tp = tf.isPlural, sp != tp,
              source.candidates.preferredDisplay(s) != target.candidates.preferredDisplay(t)  // copied: as written
        else { return .agree(source: nil, target: nil) }
        // The plural side's singular first: glossaries write nouns in the singular.
        if sp, let form = sf.otherNumber { return .agree(source: form, target: nil) }
        if tp, let form = tf.otherNumber { return .agree(source: nil, target: form) }
        if let form = sf.otherNumber { return .agree(source: form, target: nil) }
        if let form = tf.otherNumber { return .agree(source: nil, target: form) }
        // A word that is also an acronym of the corpus (written in capitals) keeps its forms unjudged.
        if source.conceptHasAcronym[Int(s)] || target.conceptHasAcronym[Int(t)] { return .agree(source: nil, target: nil) }
        return .disagree
    }

    /// The terms of a concept: the acronym first, then long forms, each with its inflected variants; `shown`
    /// replaces the concept's own preferred form.
    private func terms(of concept: Int32, side: Side, shown: String? = nil) -> [Term] {
        let members = side.candidates.members(of: concept)
            .filter { side.candidates.frequency[Int($0)] > 0 || $0 == concept }
            .sorted { a, b in
                let ka = (side.candidates.isAcronym[Int(a)] ? 0 : 1, -side.candidates.frequency[Int(a)], a)
                let kb = (side.candidates.isAcronym[Int(b)] ? 0 : 1, -side.candidates.frequency[Int(b)], b)
                return ka < kb
            }
        return members.map { member in
            let text = member == concept ? shown ?? side.candidates.preferredDisplay(member)
                : side.candidates.preferredDisplay(member)
            return Term(text: text, variants: side.candidates.variants(member, main: text))
        }
    }

    /// Phrases of the other language that translate the long form of an acronym concept, for one entry:
    /// KTMT + `Kollektiv Thlükəsizlik Alyansı` ↔ CSTO gains `collective security alliance`, which occurs
    /// with the long form and shares its cognates (kollektiv ~ collective, alyansı ~ alliance).
    private func longFormPartners(_ concept: Int32, from side: Side, in other: Side, used: Set<Int32>) -> [Term] {
        let longForms = side.candidates.members(of: concept).filter { side.candidates.wordCount[Int($0)] >= 2 }
        guard !longForms.isEmpty else { return [] }
        var best: (score: Double, frequency: Int32, key: String, id: Int32)?
        var seen = Set<Int32>()
        for k in side.occurrences.indices {
            guard let occurrence = side.occurrences[k].first(where: { longForms.contains($0.candidate) }) else { continue }
            let longWords = side.candidates.keys[Int(occurrence.candidate)].split(separator: " ")
                .map { side.translitOfText(String($0)) }
            for partner in other.occurrences[k] where seen.insert(partner.candidate).inserted {
                let id = partner.candidate
                let concept = other.candidates.concept(id)
                guard other.candidates.wordCount[Int(id)] >= 2, !used.contains(concept),
                      !other.candidates.isMixedCase[Int(id)] else { continue }
                let words = other.candidates.keys[Int(id)].split(separator: " ").map { other.translitOfText(String($0)) }
                let matched = longWords.filter { word in
                    words.contains { Transliteration.similarity(word, $0) >= 0.75 }
                }.count
                let score = Double(matched) / Double(max(longWords.count, words.count))
                guard matched * 2 >= longWords.count, matched >= 1 else { continue }
                let key = other.candidates.keys[Int(id)]
                let frequency = other.candidates.frequency[Int(id)]
                if let current = best,
                   (current.score, current.frequency, current.key) >= (score, frequency, key) && current.score >= score {
                    continue
                }
                best = (score, frequency, key, id)
            }
        }
        guard let chosen = best else { return [] }
        return [Term(text: other.candidates.preferredDisplay(chosen.id), variants: other.candidates.variants(chosen.id))]
    }
}
