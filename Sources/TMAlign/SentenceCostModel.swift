/// Scores sentence beads inside one stretch of a document (`sources` × `targets`, global sentence indices)
/// from precomputed per-pair match masks: bit k of `sourceMask(s, t)` says that unit k of source sentence s
/// has a match (same key, or a lexicon translation) in target sentence t.
///
/// The tables live in manually managed buffers: `cost` runs for every band cell and bead shape, several
/// times per document, and array bounds checks were a large share of the search.
final class SentenceCostModel: BeadCostModel {
    let shapes = sentenceShapes
    let lengths: LengthModel
    let sourceBase: Int
    let targetBase: Int
    let n: Int
    let m: Int
    private let skipPenalty: Double
    private let lengthWeight: Double
    private let inverseLengthWeight: Double
    private let similarityWeight: Double
    private let smoothing: Double
    private let shapePenalty: UnsafeMutableBufferPointer<Double>
    private let shapeSource: UnsafeMutableBufferPointer<Int>
    private let shapeTarget: UnsafeMutableBufferPointer<Int>
    /// Prefix sums of sentence lengths, local indices.
    private let sourceLengthSum: UnsafeMutableBufferPointer<Int>
    private let targetLengthSum: UnsafeMutableBufferPointer<Int>
    /// Weight of each mask bit (`bitStart[s] + k`, at most 64 per sentence), local indices.
    private let sourceBitWeight: UnsafeMutableBufferPointer<Double>
    private let targetBitWeight: UnsafeMutableBufferPointer<Double>
    private let sourceBitStart: UnsafeMutableBufferPointer<Int>
    private let targetBitStart: UnsafeMutableBufferPointer<Int>
    /// Total weight + smoothing per sentence.
    private let sourceScale: UnsafeMutableBufferPointer<Double>
    private let targetScale: UnsafeMutableBufferPointer<Double>
    private let pairLo: UnsafeMutableBufferPointer<Int>
    private let pairHi: UnsafeMutableBufferPointer<Int>
    private let pairStart: UnsafeMutableBufferPointer<Int>
    private let sourceMasks: UnsafeMutableBufferPointer<UInt64>
    private let targetMasks: UnsafeMutableBufferPointer<UInt64>

    init(
        corpus: AlignmentCorpus, tables: MatchTables, sources: Range<Int>, targets: Range<Int>, band: SearchBand,
        lengths: LengthModel, parameters: AlignmentParameters
    ) {
        self.lengths = lengths
        sourceBase = sources.lowerBound
        targetBase = targets.lowerBound
        n = sources.count
        m = targets.count
        skipPenalty = parameters.skipPenalty
        lengthWeight = parameters.lengthWeight
        inverseLengthWeight = 1 / parameters.lengthWeight
        similarityWeight = parameters.similarityWeight
        smoothing = parameters.coverageSmoothing
        shapePenalty = .allocate(capacity: sentenceShapes.count)
        shapeSource = .allocate(capacity: sentenceShapes.count)
        shapeTarget = .allocate(capacity: sentenceShapes.count)
        for (k, shape) in sentenceShapes.enumerated() {
            shapePenalty[k] = k < parameters.shapePenalties.count ? parameters.shapePenalties[k] : 0
            shapeSource[k] = shape.0
            shapeTarget[k] = shape.1
        }
        sourceLengthSum = Self.prefixSums(corpus.source.lengths, sources)
        targetLengthSum = Self.prefixSums(corpus.target.lengths, targets)
        (sourceBitWeight, sourceBitStart, sourceScale) = Self.bitWeights(corpus.source, sources, smoothing: smoothing)
        (targetBitWeight, targetBitStart, targetScale) = Self.bitWeights(corpus.target, targets, smoothing: smoothing)

        let n = n
        let m = m
        pairLo = .allocate(capacity: max(1, n))
        pairHi = .allocate(capacity: max(1, n))
        pairStart = .allocate(capacity: n + 1)
        pairStart[0] = 0
        for s in 0..<n {
            pairLo[s] = max(0, band.lo[max(0, s - 3)] - 1)
            pairHi[s] = min(m, band.hi[min(n, s + 4)] + 1)
            pairStart[s + 1] = pairStart[s] + max(0, pairHi[s] - pairLo[s])
        }
        let cells = pairStart[n]
        sourceMasks = .allocate(capacity: max(1, cells))
        targetMasks = .allocate(capacity: max(1, cells))
        Self.fillMasks(
            corpus: corpus, tables: tables, sourceBase: sourceBase, targetBase: targetBase, n: n,
            pairLo: pairLo, pairHi: pairHi, pairStart: pairStart, sourceMasks: sourceMasks, targetMasks: targetMasks)
    }

    deinit {
        for buffer in [sourceLengthSum, targetLengthSum, pairLo, pairHi, pairStart, shapeSource, shapeTarget,
                       sourceBitStart, targetBitStart] {
            buffer.deallocate()
        }
        for buffer in [shapePenalty, sourceBitWeight, targetBitWeight, sourceScale, targetScale] { buffer.deallocate() }
        sourceMasks.deallocate()
        targetMasks.deallocate()
    }

    private static func prefixSums(_ lengths: [Int], _ range: Range<Int>) -> UnsafeMutableBufferPointer<Int> {
        let sums = UnsafeMutableBufferPointer<Int>.allocate(capacity: range.count + 1)
        sums[0] = 0
        for (k, s) in range.enumerated() { sums[k + 1] = sums[k] + lengths[s] }
        return sums
    }

    /// For every (s, t) in the pair ranges: which units of s have a match in t, and which units of t in s.
    /// Built from the id postings: for every unit and candidate id, the sentences of the other side in range
    /// that offer the id (work in proportion to the matches, not to cells × units).
    private static func fillMasks(
        corpus: AlignmentCorpus, tables: MatchTables, sourceBase: Int, targetBase: Int, n: Int,
        pairLo: UnsafeMutableBufferPointer<Int>, pairHi: UnsafeMutableBufferPointer<Int>,
        pairStart: UnsafeMutableBufferPointer<Int>, sourceMasks: UnsafeMutableBufferPointer<UInt64>,
        targetMasks: UnsafeMutableBufferPointer<UInt64>
    ) {
        sourceMasks.initialize(repeating: 0)
        targetMasks.initialize(repeating: 0)
        guard n > 0 else { return }
        /// Visits the entries of `list[range]` in `lo..<hi` (the list is ascending).
        @inline(__always) func forEach(
            _ list: UnsafeBufferPointer<Int32>, _ range: Range<Int>, in lo: Int, _ hi: Int, _ body: (Int) -> Void
        ) {
            var first = range.lowerBound
            var last = range.upperBound
            while first < last {
                let middle = (first + last) / 2
                if Int(list[middle]) < lo { first = middle + 1 } else { last = middle }
            }
            while first < range.upperBound {
                let value = Int(list[first])
                if value >= hi { break }
                body(value)
                first += 1
            }
        }
        tables.sourcePostingStart.withUnsafeBufferPointer { sourcePostingStart in
        tables.sourcePostings.withUnsafeBufferPointer { sourcePostings in
        tables.targetPostingStart.withUnsafeBufferPointer { targetPostingStart in
        tables.targetPostings.withUnsafeBufferPointer { targetPostings in
        tables.sourceCandidateStart.withUnsafeBufferPointer { sourceCandidateStart in
        tables.sourceCandidates.withUnsafeBufferPointer { sourceCandidates in
        tables.targetCandidateStart.withUnsafeBufferPointer { targetCandidateStart in
        tables.targetCandidates.withUnsafeBufferPointer { targetCandidates in
        corpus.source.unitStart.withUnsafeBufferPointer { sourceUnitStart in
        corpus.target.unitStart.withUnsafeBufferPointer { targetUnitStart in
            // Source masks, row by row.
            for s in 0..<n {
                let lo = pairLo[s]
                let hi = pairHi[s]
                guard hi > lo else { continue }
                let row = pairStart[s] - lo - targetBase
                let gs = sourceBase + s
                var bit: UInt64 = 1
                for u in sourceUnitStart[gs]..<sourceUnitStart[gs + 1] {
                    for c in sourceCandidateStart[u]..<sourceCandidateStart[u + 1] {
                        let id = Int(sourceCandidates[c])
                        forEach(targetPostings, targetPostingStart[id]..<targetPostingStart[id + 1],
                                in: targetBase + lo, targetBase + hi) { gt in sourceMasks[row + gt] |= bit }
                    }
                    bit = bit == 1 << 63 ? 1 : bit << 1
                }
            }
            // Target masks, column by column: the rows whose range holds column t are contiguous.
            var first = 0
            var last = 0
            let m = pairHi[n - 1]
            for t in 0..<m {
                while first < n, pairHi[first] <= t { first += 1 }
                while last < n, pairLo[last] <= t { last += 1 }
                guard first < last else { continue }
                let gt = targetBase + t
                var bit: UInt64 = 1
                for v in targetUnitStart[gt]..<targetUnitStart[gt + 1] {
                    for c in targetCandidateStart[v]..<targetCandidateStart[v + 1] {
                        let id = Int(targetCandidates[c])
                        forEach(sourcePostings, sourcePostingStart[id]..<sourcePostingStart[id + 1],
                                in: sourceBase + first, sourceBase + last) { gs in
                            let s = gs - sourceBase
                            targetMasks[pairStart[s] + t - pairLo[s]] |= bit
                        }
                    }
                    bit = bit == 1 << 63 ? 1 : bit << 1
                }
            }
        }}}}}}}}}}
    }

    @inline(__always)
    private func masks(_ s: Int, _ t: Int) -> (UInt64, UInt64) {
        let lo = pairLo[s]
        guard t >= lo, t < pairHi[s] else { return (0, 0) }
        let k = pairStart[s] + t - lo
        return (sourceMasks[k], targetMasks[k])
    }

    private static func bitWeights(
        _ side: InternedSide, _ sentences: Range<Int>, smoothing: Double
    ) -> (UnsafeMutableBufferPointer<Double>, UnsafeMutableBufferPointer<Int>, UnsafeMutableBufferPointer<Double>) {
        let start = UnsafeMutableBufferPointer<Int>.allocate(capacity: sentences.count + 1)
        start[0] = 0
        for (local, s) in sentences.enumerated() { start[local + 1] = start[local] + min(64, side.units(of: s).count) }
        let bits = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(1, start[sentences.count]))
        bits.initialize(repeating: 0)
        let scale = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(1, sentences.count))
        for (local, s) in sentences.enumerated() {
            var total = 0.0
            for (k, u) in side.units(of: s).enumerated() {
                bits[start[local] + (k & 63)] += side.unitWeight[u]
                total += side.unitWeight[u]
            }
            scale[local] = total + smoothing
        }
        return (bits, start, scale)
    }

    @inline(__always)
    private func matchedWeight(
        _ mask: UInt64, _ weights: UnsafeMutableBufferPointer<Double>, _ base: Int
    ) -> Double {
        var bits = mask
        var total = 0.0
        while bits != 0 {
            total += weights[base + bits.trailingZeroBitCount]
            bits &= bits - 1
        }
        return total
    }

    /// Sum over the bead's sentences of the weighted share of each sentence's units left without a match
    /// (sources first, then targets). `stop` sees the running sum after each sentence: when it says so, the sum so
    /// far is returned (a lower bound of the whole, since every share is at least 0).
    @inline(__always)
    func unmatched(sources: Range<Int>, targets: Range<Int>, stop: (Double) -> Bool = { _ in false }) -> Double {
        var cost = 0.0
        for s in sources {
            var union: UInt64 = 0
            for t in targets { union |= masks(s, t).0 }
            cost += 1 - matchedWeight(union, sourceBitWeight, sourceBitStart[s]) / sourceScale[s]
            if stop(cost) { return cost }
        }
        for t in targets {
            var union: UInt64 = 0
            for s in sources { union |= masks(s, t).1 }
            cost += 1 - matchedWeight(union, targetBitWeight, targetBitStart[t]) / targetScale[t]
            if stop(cost) { return cost }
        }
        return cost
    }

    @inline(__always)
    func lengthCost(sources: Range<Int>, targets: Range<Int>) -> Double {
        lengths.cost(
            source: sourceLengthSum[sources.upperBound] - sourceLengthSum[sources.lowerBound],
            target: targetLengthSum[targets.upperBound] - targetLengthSum[targets.lowerBound])
    }

    func lowerBound(shape: Int) -> Double {
        shapeSource[shape] == 0 || shapeTarget[shape] == 0
            ? skipPenalty * Double(shapeSource[shape] + shapeTarget[shape]) : shapePenalty[shape]
    }

    func cost(sourceEnd i: Int, targetEnd j: Int, shape: Int, bound: Double) -> Double {
        let a = shapeSource[shape]
        let b = shapeTarget[shape]
        if a == 0 || b == 0 { return skipPenalty * Double(a + b) }
        let sources = (i - a)..<i
        let targets = (j - b)..<j
        if lengthWeight > 0 {
            // Most beads are discarded on their length cost alone: see that without computing it when it is
            // certain. The length cost then exceeds need + 1/400 (see `surelyCosts`), so the bead costs more
            // than bound + lengthWeight / 800 even after rounding: a lower bound that still discards it.
            let need = (bound - shapePenalty[shape]) * inverseLengthWeight
            if lengths.surelyCosts(
                source: sourceLengthSum[i] - sourceLengthSum[i - a], target: targetLengthSum[j] - targetLengthSum[j - b],
                atLeast: need) {
                return bound + lengthWeight / 800
            }
        }
        let partial = shapePenalty[shape] + lengthWeight * lengthCost(sources: sources, targets: targets)
        if partial >= bound { return partial }
        guard similarityWeight > 0, bound < .infinity else {
            return partial + similarityWeight * unmatched(sources: sources, targets: targets) / 2
        }
        // Stop as soon as the sentences summed so far put the bead clearly above the bound: that partial sum is a
        // lower bound of the cost that discards the bead.
        let clearly = bound + 1e-9 * max(1, abs(bound))
        let cost = unmatched(sources: sources, targets: targets) { partial + similarityWeight * $0 / 2 > clearly }
        return partial + similarityWeight * cost / 2
    }
}
