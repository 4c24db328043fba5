import Dispatch
import Foundation

/// IBM Model 1 trained in both directions on sentence pairs of one document, from which a small bilingual
/// lexicon is read off (Moore 2002; hunalign's realign step).
struct WordTranslationModel {
    /// Probability mass given to "no translation" for every word, so that words without a counterpart
    /// do not force a match onto whatever is present.
    private static let nullProbability = 0.05

    /// The word pairs whose translation probabilities in both directions have a geometric mean of at least
    /// `threshold` and that occur together in at least `minimumCount` pairs.
    static func learn(
        pairs: [(source: [Int32], target: [Int32])], iterations: Int, threshold: Double, minimumCount: Int
    ) -> [(source: Int32, target: Int32)] {
        // Sized for three quarters of the word pairs being distinct (about what a document shows), so that the
        // table of a document seldom grows, but at most 200,000 entries to begin with: a large text repeats
        // its pairs, and the table then grows to what it needs. The id of a pair does not depend on the size.
        let linkBound = pairs.reduce(0) { $0 + $1.source.count * $1.target.count }
        let index = PairTable(capacity: min(linkBound * 3 / 4, 200_000))
        var entrySource: [Int32] = []
        var entryTarget: [Int32] = []
        var cooccurrences: [Int32] = []
        var links = [Int32](repeating: 0, count: linkBound)
        var linkCount = 0
        var pairStart: [Int] = [0]
        var shapes: [(s: Int, t: Int)] = []
        links.withUnsafeMutableBufferPointer { links in
            for pair in pairs {
                let source = uniqued(pair.source)
                let target = uniqued(pair.target)
                guard !source.isEmpty, !target.isEmpty else { continue }
                shapes.append((source.count, target.count))
                for f in target {
                    for e in source {
                        let next = Int32(entrySource.count)
                        let id = index.id(source: e, target: f, next: next)
                        links[linkCount] = id
                        linkCount += 1
                        if id == next {
                            entrySource.append(e)
                            entryTarget.append(f)
                            cooccurrences.append(1)
                        } else {
                            cooccurrences.withUnsafeMutableBufferPointer { $0[Int(id)] += 1 }
                        }
                    }
                }
                pairStart.append(linkCount)
            }
        }
        links.removeSubrange(linkCount...)
        let entries = entrySource.count
        guard entries > 0 else { return [] }
        // The two directions are independent: train them at the same time (each in its own core's cache).
        let directions = TrainedDirections()
        let (allLinks, starts, pairShapes, sources, targets) = (links, pairStart, shapes, entrySource, entryTarget)
        DispatchQueue.concurrentPerform(iterations: 2) { direction in
            let probabilities = train(
                links: allLinks, pairStart: starts, shapes: pairShapes, entries: entries,
                conditionedOn: direction == 0 ? sources : targets, rowMajor: direction == 0,
                iterations: iterations)
            directions.set(direction, probabilities)
        }
        let forward = directions.forward
        let backward = directions.backward
        var result: [(source: Int32, target: Int32)] = []
        for k in 0..<entries where Int(cooccurrences[k]) >= minimumCount {
            if (forward[k] * backward[k]).squareRoot() >= threshold {
                result.append((entrySource[k], entryTarget[k]))
            }
        }
        return result
    }

    private static func uniqued(_ words: [Int32]) -> [Int32] {
        var sorted = words.sorted()
        var last = 0
        for k in sorted.indices where k == 0 || sorted[k] != sorted[last] {
            if k != 0 { last += 1 }
            sorted[last] = sorted[k]
        }
        return sorted.isEmpty ? [] : Array(sorted[...last])
    }

    /// EM for one direction. `rowMajor`: links are laid out target-major (row = target word), and the model
    /// is t(target | source); otherwise t(source | target) over columns.
    private static func train(
        links: [Int32], pairStart: [Int], shapes: [(s: Int, t: Int)], entries: Int, conditionedOn: [Int32],
        rowMajor: Bool, iterations: Int
    ) -> [Double] {
        var probability = [Double](repeating: 1, count: entries)
        var counts = [Double](repeating: 0, count: entries)
        let given = conditionedOn
        let vocabulary = Int(given.max() ?? 0) + 1
        var totals = [Double](repeating: 0, count: vocabulary)
        probability.withUnsafeMutableBufferPointer { probability in
        counts.withUnsafeMutableBufferPointer { counts in
        totals.withUnsafeMutableBufferPointer { totals in
        links.withUnsafeBufferPointer { links in
        given.withUnsafeBufferPointer { given in
            for _ in 0..<max(1, iterations) {
                counts.update(repeating: 0)
                for p in shapes.indices {
                    let base = pairStart[p]
                    let (sCount, tCount) = shapes[p]
                    // Each "generated" word is one row (target word) or one column (source word).
                    let generated = rowMajor ? tCount : sCount
                    let generators = rowMajor ? sCount : tCount
                    let generatorStride = rowMajor ? 1 : sCount
                    let generatedStride = rowMajor ? sCount : 1
                    for g in 0..<generated {
                        let first = base + g * generatedStride
                        var denominator = nullProbability
                        var link = first
                        for _ in 0..<generators {
                            denominator += probability[Int(links[link])]
                            link += generatorStride
                        }
                        link = first
                        for _ in 0..<generators {
                            let entry = Int(links[link])
                            counts[entry] += probability[entry] / denominator
                            link += generatorStride
                        }
                    }
                }
                totals.update(repeating: 0)
                for k in 0..<entries { totals[Int(given[k])] += counts[k] }
                for k in 0..<entries {
                    let total = totals[Int(given[k])]
                    probability[k] = total > 0 ? counts[k] / total : 0
                }
            }
        }}}}}
        return probability
    }
}

/// The two directions' probabilities, each written once by its own thread.
private final class TrainedDirections: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [[Double]] = [[], []]

    func set(_ direction: Int, _ probabilities: [Double]) {
        lock.withLock { values[direction] = probabilities }
    }

    var forward: [Double] { lock.withLock { values[0] } }
    var backward: [Double] { lock.withLock { values[1] } }
}

/// An open-addressing table from (source word, target word) to an entry id: the co-occurrence index of
/// `WordTranslationModel.learn`, looked up once per word pair of every training pair. The slots hold ids
/// (4 bytes); the keys are kept once per entry. Manually managed buffers: the lookup runs once per link and
/// array uniqueness checks were a good part of it.
final class PairTable {
    private var keys: UnsafeMutablePointer<UInt64>
    private var keyCapacity: Int
    private var count = 0
    private var slots: UnsafeMutablePointer<Int32>
    private var mask: Int

    /// `capacity`: the number of distinct pairs expected; the table grows beyond it.
    init(capacity: Int) {
        var size = 1024
        while size * 7 < capacity * 10 { size *= 2 }
        slots = .allocate(capacity: size)
        slots.initialize(repeating: -1, count: size)
        mask = size - 1
        keyCapacity = max(16, capacity)
        keys = .allocate(capacity: keyCapacity)
    }

    deinit {
        slots.deallocate()
        keys.deallocate()
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// The id of the pair, or `next` (= the number of pairs so far) after inserting it when it is new.
    @inline(__always)
    func id(source: Int32, target: Int32, next: Int32) -> Int32 {
        let key = UInt64(UInt32(bitPattern: source)) << 32 | UInt64(UInt32(bitPattern: target))
        let mask = mask
        var slot = Self.slot(key, mask)
        while true {
            let id = slots[slot]
            if id < 0 { break }
            if keys[Int(id)] == key { return id }
            slot = (slot + 1) & mask
        }
        slots[slot] = next
        if count == keyCapacity {
            let larger = UnsafeMutablePointer<UInt64>.allocate(capacity: 2 * keyCapacity)
            larger.moveInitialize(from: keys, count: count)
            keys.deallocate()
            keys = larger
            keyCapacity *= 2
        }
        keys[count] = key
        count += 1
        if count * 10 > (mask + 1) * 7 { grow() }
        return next
    }

    private func grow() {
        let size = 2 * (mask + 1)
        slots.deallocate()
        slots = .allocate(capacity: size)
        slots.initialize(repeating: -1, count: size)
        mask = size - 1
        for id in 0..<count {
            var slot = Self.slot(keys[id], mask)
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id)
        }
    }
}
