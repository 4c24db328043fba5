import Foundation

/// Word alignment of sentence pairs: IBM Model 1 with a diagonal distortion prior (as fast_align), trained by
/// EM in both directions and symmetrised with grow-diag-final-and.
///
/// Translation tables live in flat arrays indexed by the distinct word pairs of the corpus, so that memory
/// grows with the number of distinct co-occurring pairs and each EM iteration is a pass over flat arrays.
/// A cognate prior (names, numbers and identical strings) makes tiny inputs align their names.
struct WordAligner {
    /// Word ids of the alignable tokens of one sentence pair, and the pair slots of each (source, target) cell.
    struct Pair {
        var source: FlatRows<Int32>.Row
        var target: FlatRows<Int32>.Row
        /// Slot of cell (i, j) at `i * target.count + j`.
        var slots: FlatRows<Int32>.Row
    }

    /// The pairs of a corpus in a few flat arrays (no allocation per pair).
    struct Pairs: RandomAccessCollection {
        private var sources = FlatRows<Int32>()
        private var targets = FlatRows<Int32>()
        /// The slots of the cells of all pairs, pair after pair: their count is known before they are numbered,
        /// so they are allocated once, at their size, and numbered in place by several threads.
        private var cells: [Int32] = []
        /// Where the cells of each pair start in `cells`, and where the last pair's end.
        private var cellStarts: [Int] = [0]

        var startIndex: Int { 0 }
        var endIndex: Int { sources.count }
        subscript(k: Int) -> Pair {
            Pair(source: sources[k], target: targets[k], slots: FlatRows<Int32>.Row(cells[cellRange(k)]))
        }

        /// The words of a pair (also while its cells are lent by `withCells`).
        func source(_ k: Int) -> FlatRows<Int32>.Row { sources[k] }
        func target(_ k: Int) -> FlatRows<Int32>.Row { targets[k] }

        /// The place of a pair's cells among the cells of all pairs.
        func cellRange(_ k: Int) -> Range<Int> { cellStarts[k]..<cellStarts[k + 1] }

        mutating func reserveCapacity(_ count: Int) {
            sources.reserveRows(count)
            targets.reserveRows(count)
            cellStarts.reserveCapacity(count + 1)
        }

        /// Adds a pair with room for `cells` slots (`source.count × target.count`, or 0: not aligned).
        mutating func append<S: Collection, T: Collection>(source: S, target: T, cells count: Int)
        where S.Element == Int32, T.Element == Int32 {
            sources.append(row: source)
            targets.append(row: target)
            cellStarts.append(cellStarts[cellStarts.count - 1] + count)
        }

        /// Adds a pair with its slots already numbered (`source.count × target.count` of them, or none).
        mutating func append<S: Collection, T: Collection>(source: S, target: T, slots: [Int32])
        where S.Element == Int32, T.Element == Int32 {
            let end = cellStarts[cellStarts.count - 1]
            if cells.count < end { cells += repeatElement(0, count: end - cells.count) }
            append(source: source, target: target, cells: slots.count)
            cells += slots
        }

        mutating func shrinkToFit() {
            sources.shrinkToFit()
            targets.shrinkToFit()
        }

        /// Gives `body` the cells of all pairs to write (those not given yet allocated as zeros) and the pairs
        /// to read their words and `cellRange`s (not their slots: their cells are lent to `body`).
        mutating func withCells<R>(_ body: (UnsafeMutableBufferPointer<Int32>, Pairs) -> R) -> R {
            var storage = cells
            cells = []
            let total = cellStarts[cellStarts.count - 1]
            if storage.isEmpty {
                storage = [Int32](repeating: 0, count: total)
            } else if storage.count < total {
                storage += repeatElement(0, count: total - storage.count)
            }
            let result = storage.withUnsafeMutableBufferPointer { body($0, self) }
            cells = storage
            return result
        }
    }

    var iterations = 5
    var diagonalTension = 4.0

    /// Translation probabilities t(target | source) and t(source | target) per slot, after training.
    private(set) var forward: [Float] = []
    private(set) var backward: [Float] = []

    /// Trains both directions. `prior(slot)` multiplies a cell's weight (cognates); it is fixed.
    /// `slotSource[s]` and `slotTarget[s]` are the word ids of slot `s`.
    mutating func train(
        _ pairs: Pairs, slotSource: [Int32], slotTarget: [Int32], sourceVocabulary: Int, targetVocabulary: Int,
        prior: [Float], pool: WorkerPool = WorkerPool(threads: 2)
    ) {
        forward = [Float](repeating: 1, count: slotSource.count)
        backward = [Float](repeating: 1, count: slotSource.count)
        for _ in 0..<iterations {
            let (newForward, newBackward) = pool.inParallel(
                { iterate(pairs, table: forward, prior: prior, sourceToTarget: true,
                          conditioningOfSlot: slotSource, vocabularySize: sourceVocabulary) },
                { iterate(pairs, table: backward, prior: prior, sourceToTarget: false,
                          conditioningOfSlot: slotTarget, vocabularySize: targetVocabulary) })
            forward = newForward
            backward = newBackward
        }
    }

    private func diagonal(_ i: Int, _ m: Int, _ j: Int, _ n: Int) -> Float {
        let distance = abs((Double(i) + 0.5) / Double(m) - (Double(j) + 0.5) / Double(n))
        return Float(exp(-diagonalTension * distance))
    }

    /// One EM iteration of t(generated | conditioning); `sourceToTarget` generates target words from source.
    private func iterate(
        _ pairs: Pairs, table: [Float], prior: [Float], sourceToTarget: Bool, conditioningOfSlot: [Int32],
        vocabularySize: Int
    ) -> [Float] {
        var counts = [Float](repeating: 0, count: table.count)
        var totals = [Float](repeating: 0, count: vocabularySize)
        var weights: [Float] = []
        for pair in pairs {
            let m = pair.source.count, n = pair.target.count
            // A pair without slots (too long to align) takes no part in training.
            guard m > 0, n > 0, pair.slots.count == m * n else { continue }
            let generatedCount = sourceToTarget ? n : m
            let conditioningCount = sourceToTarget ? m : n
            for g in 0..<generatedCount {
                weights.removeAll(keepingCapacity: true)
                var sum: Float = 0
                for c in 0..<conditioningCount {
                    let (i, j) = sourceToTarget ? (c, g) : (g, c)
                    let slot = Int(pair.slots[i * n + j])
                    let w = table[slot] * prior[slot] * diagonal(c, conditioningCount, g, generatedCount)
                    weights.append(w)
                    sum += w
                }
                guard sum > 0 else { continue }
                for c in 0..<conditioningCount {
                    let (i, j) = sourceToTarget ? (c, g) : (g, c)
                    let slot = Int(pair.slots[i * n + j])
                    let posterior = weights[c] / sum
                    counts[slot] += posterior
                    let conditioning = sourceToTarget ? pair.source[i] : pair.target[j]
                    totals[Int(conditioning)] += posterior
                }
            }
        }
        // Normalise per conditioning word.
        var result = counts
        for slot in result.indices {
            let total = totals[Int(conditioningOfSlot[slot])]
            if total > 0 { result[slot] = counts[slot] / total }
        }
        return result
    }

    /// Posterior link probability from both directions, for the cell (i, j) of a pair.
    func linkProbabilities(_ pair: Pair, prior: [Float]) -> (forward: [Float], backward: [Float]) {
        let m = pair.source.count, n = pair.target.count
        var fwd = [Float](repeating: 0, count: m * n)
        var bwd = [Float](repeating: 0, count: m * n)
        for j in 0..<n {
            var sum: Float = 0
            for i in 0..<m {
                let slot = Int(pair.slots[i * n + j])
                let w = forward[slot] * prior[slot] * diagonal(i, m, j, n)
                fwd[i * n + j] = w
                sum += w
            }
            if sum > 0 { for i in 0..<m { fwd[i * n + j] /= sum } }
        }
        for i in 0..<m {
            var sum: Float = 0
            for j in 0..<n {
                let slot = Int(pair.slots[i * n + j])
                let w = backward[slot] * prior[slot] * diagonal(j, n, i, m)
                bwd[i * n + j] = w
                sum += w
            }
            if sum > 0 { for j in 0..<n { bwd[i * n + j] /= sum } }
        }
        return (fwd, bwd)
    }

    /// Symmetrised links (grow-diag-final-and) of a pair as a flat m×n boolean matrix.
    func align(_ pair: Pair, prior: [Float]) -> [Bool] {
        let m = pair.source.count, n = pair.target.count
        guard m > 0, n > 0 else { return [] }
        let (fwd, bwd) = linkProbabilities(pair, prior: prior)
        var forwardLinks = [Bool](repeating: false, count: m * n)
        var backwardLinks = [Bool](repeating: false, count: m * n)
        for j in 0..<n {
            var best = 0
            for i in 1..<m where fwd[i * n + j] > fwd[best * n + j] { best = i }
            if fwd[best * n + j] >= 0.2 { forwardLinks[best * n + j] = true }
        }
        for i in 0..<m {
            var best = 0
            for j in 1..<n where bwd[i * n + j] > bwd[i * n + best] { best = j }
            if bwd[i * n + best] >= 0.2 { backwardLinks[i * n + best] = true }
        }
        var links = zip(forwardLinks, backwardLinks).map { $0 && $1 }
        var sourceAligned = [Bool](repeating: false, count: m)
        var targetAligned = [Bool](repeating: false, count: n)
        for i in 0..<m { for j in 0..<n where links[i * n + j] { sourceAligned[i] = true; targetAligned[j] = true } }
        // grow-diag
        var grew = true
        while grew {
            grew = false
            for i in 0..<m {
                for j in 0..<n where links[i * n + j] {
                    for (di, dj) in [(-1, 0), (0, -1), (1, 0), (0, 1), (-1, -1), (-1, 1), (1, -1), (1, 1)] {
                        let a = i + di, b = j + dj
                        guard a >= 0, a < m, b >= 0, b < n, !links[a * n + b] else { continue }
                        guard forwardLinks[a * n + b] || backwardLinks[a * n + b] else { continue }
                        guard !sourceAligned[a] || !targetAligned[b] else { continue }
                        links[a * n + b] = true
                        sourceAligned[a] = true
                        targetAligned[b] = true
                        grew = true
                    }
                }
            }
        }
        // final-and
        for i in 0..<m {
            for j in 0..<n where (forwardLinks[i * n + j] && backwardLinks[i * n + j]) == false
                && (forwardLinks[i * n + j] || backwardLinks[i * n + j]) {
                if !sourceAligned[i] && !targetAligned[j] {
                    links[i * n + j] = true
                    sourceAligned[i] = true
                    targetAligned[j] = true
                }
            }
        }
        return links
    }
}
