/// Scores sentence beads inside one stretch of a document (`sources` × `targets`, global sentence indices)
/// from precomputed per-pair match masks: bit k of `sourceMask(s, t)` says that unit k of source sentence s
/// has a match (same key, or a lexicon translation) in target sentence t.
struct SentenceCostModel: BeadCostModel {
    let shapes = sentenceShapes
    let parameters: AlignmentParameters
    let lengths: LengthModel
    let sourceBase: Int
    let targetBase: Int
    let n: Int
    let m: Int
    /// Prefix sums of sentence lengths, local indices.
    private let sourceLengthSum: [Int]
    private let targetLengthSum: [Int]
    /// Weight of each mask bit (`64 * s + k`) and total weight per sentence, local indices.
    private let sourceBitWeight: [Double]
    private let targetBitWeight: [Double]
    private let sourceWeight: [Double]
    private let targetWeight: [Double]
    private let pairLo: [Int]
    private let pairHi: [Int]
    private let pairStart: [Int]
    private let sourceMasks: [UInt64]
    private let targetMasks: [UInt64]

    init(
        corpus: AlignmentCorpus, tables: MatchTables, sources: Range<Int>, targets: Range<Int>, band: SearchBand,
        lengths: LengthModel, parameters: AlignmentParameters
    ) {
        self.parameters = parameters
        self.lengths = lengths
        sourceBase = sources.lowerBound
        targetBase = targets.lowerBound
        n = sources.count
        m = targets.count
        var sum = [0]
        for s in sources { sum.append(sum[sum.count - 1] + corpus.source.lengths[s]) }
        sourceLengthSum = sum
        sum = [0]
        for t in targets { sum.append(sum[sum.count - 1] + corpus.target.lengths[t]) }
        targetLengthSum = sum
        (sourceBitWeight, sourceWeight) = Self.bitWeights(corpus.source, sources)
        (targetBitWeight, targetWeight) = Self.bitWeights(corpus.target, targets)

        var lo = [Int](repeating: 0, count: n)
        var hi = [Int](repeating: 0, count: n)
        var start = [Int](repeating: 0, count: n + 1)
        for s in 0..<n {
            lo[s] = max(0, band.lo[max(0, s - 3)] - 1)
            hi[s] = min(m, band.hi[min(n, s + 4)] + 1)
            start[s + 1] = start[s] + max(0, hi[s] - lo[s])
        }
        pairLo = lo
        pairHi = hi
        pairStart = start
        var sourceMasks = [UInt64](repeating: 0, count: start[n])
        var targetMasks = [UInt64](repeating: 0, count: start[n])
        var sourceStamp = [Int32](repeating: -1, count: corpus.idCount)
        var targetStamp = [Int32](repeating: -1, count: corpus.idCount)
        var counter: Int32 = 0
        for s in 0..<n {
            let gs = sourceBase + s
            for p in tables.sourcePresentStart[gs]..<tables.sourcePresentStart[gs + 1] {
                sourceStamp[Int(tables.sourcePresent[p])] = Int32(s)
            }
            let sourceUnitRange = corpus.source.units(of: gs)
            for t in lo[s]..<max(lo[s], hi[s]) {
                let gt = targetBase + t
                counter &+= 1
                if counter == Int32.max {
                    counter = 0
                    for k in targetStamp.indices { targetStamp[k] = -1 }
                }
                for p in tables.targetPresentStart[gt]..<tables.targetPresentStart[gt + 1] {
                    targetStamp[Int(tables.targetPresent[p])] = counter
                }
                var mask: UInt64 = 0
                for (k, u) in sourceUnitRange.enumerated() {
                    for c in tables.sourceCandidateStart[u]..<tables.sourceCandidateStart[u + 1]
                    where targetStamp[Int(tables.sourceCandidates[c])] == counter {
                        mask |= 1 << UInt64(k & 63)
                        break
                    }
                }
                var reverse: UInt64 = 0
                for (k, v) in corpus.target.units(of: gt).enumerated() {
                    for c in tables.targetCandidateStart[v]..<tables.targetCandidateStart[v + 1]
                    where sourceStamp[Int(tables.targetCandidates[c])] == Int32(s) {
                        reverse |= 1 << UInt64(k & 63)
                        break
                    }
                }
                sourceMasks[start[s] + t - lo[s]] = mask
                targetMasks[start[s] + t - lo[s]] = reverse
            }
            for p in tables.sourcePresentStart[gs]..<tables.sourcePresentStart[gs + 1] {
                sourceStamp[Int(tables.sourcePresent[p])] = -1
            }
        }
        self.sourceMasks = sourceMasks
        self.targetMasks = targetMasks
    }

    @inline(__always)
    private func masks(_ s: Int, _ t: Int) -> (UInt64, UInt64) {
        guard t >= pairLo[s], t < pairHi[s] else { return (0, 0) }
        let k = pairStart[s] + t - pairLo[s]
        return (sourceMasks[k], targetMasks[k])
    }

    private static func bitWeights(_ side: InternedSide, _ sentences: Range<Int>) -> ([Double], [Double]) {
        var bits = [Double](repeating: 0, count: 64 * sentences.count)
        var totals = [Double](repeating: 0, count: sentences.count)
        for (local, s) in sentences.enumerated() {
            for (k, u) in side.units(of: s).enumerated() {
                bits[64 * local + (k & 63)] += side.unitWeight[u]
                totals[local] += side.unitWeight[u]
            }
        }
        return (bits, totals)
    }

    @inline(__always)
    private func matchedWeight(_ mask: UInt64, _ weights: [Double], _ sentence: Int) -> Double {
        var bits = mask
        var total = 0.0
        let base = 64 * sentence
        while bits != 0 {
            total += weights[base + bits.trailingZeroBitCount]
            bits &= bits - 1
        }
        return total
    }

    /// Weighted share of the units of both groups that have a match on the other side (local indices).
    func similarity(sources: Range<Int>, targets: Range<Int>) -> Double {
        var matched = 0.0
        var total = 0.0
        for s in sources {
            var union: UInt64 = 0
            for t in targets { union |= masks(s, t).0 }
            matched += matchedWeight(union, sourceBitWeight, s)
            total += sourceWeight[s]
        }
        for t in targets {
            var union: UInt64 = 0
            for s in sources { union |= masks(s, t).1 }
            matched += matchedWeight(union, targetBitWeight, t)
            total += targetWeight[t]
        }
        return total == 0 ? 0 : matched / total
    }

    /// Sum over the bead's sentences of the weighted share of each sentence's units left without a match.
    func unmatched(sources: Range<Int>, targets: Range<Int>) -> Double {
        let smoothing = parameters.coverageSmoothing
        var cost = 0.0
        for s in sources {
            var union: UInt64 = 0
            for t in targets { union |= masks(s, t).0 }
            cost += 1 - matchedWeight(union, sourceBitWeight, s) / (sourceWeight[s] + smoothing)
        }
        for t in targets {
            var union: UInt64 = 0
            for s in sources { union |= masks(s, t).1 }
            cost += 1 - matchedWeight(union, targetBitWeight, t) / (targetWeight[t] + smoothing)
        }
        return cost
    }

    func lengthCost(sources: Range<Int>, targets: Range<Int>) -> Double {
        lengths.cost(
            source: sourceLengthSum[sources.upperBound] - sourceLengthSum[sources.lowerBound],
            target: targetLengthSum[targets.upperBound] - targetLengthSum[targets.lowerBound])
    }

    func cost(sourceEnd i: Int, targetEnd j: Int, shape: Int, bound: Double) -> Double {
        let (a, b) = shapes[shape]
        if a == 0 || b == 0 { return parameters.skipPenalty * Double(a + b) }
        let sources = (i - a)..<i
        let targets = (j - b)..<j
        let partial = parameters.shapePenalties[shape]
            + parameters.lengthWeight * lengthCost(sources: sources, targets: targets)
        if partial >= bound { return partial }
        return partial + parameters.similarityWeight * unmatched(sources: sources, targets: targets) / 2
    }
}
