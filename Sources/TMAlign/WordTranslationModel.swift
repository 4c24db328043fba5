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
        var index: [Int64: Int32] = [:]
        index.reserveCapacity(pairs.reduce(0) { $0 + $1.source.count * $1.target.count } / 8)
        var entrySource: [Int32] = []
        var entryTarget: [Int32] = []
        var cooccurrences: [Int32] = []
        var links: [Int32] = []
        var pairStart: [Int] = [0]
        var shapes: [(s: Int, t: Int)] = []
        var words: [(source: [Int32], target: [Int32])] = []
        for pair in pairs {
            let source = uniqued(pair.source)
            let target = uniqued(pair.target)
            guard !source.isEmpty, !target.isEmpty else { continue }
            words.append((source, target))
            shapes.append((source.count, target.count))
            for f in target {
                for e in source {
                    let key = Int64(e) << 32 | Int64(f)
                    if let id = index[key] {
                        links.append(id)
                        cooccurrences[Int(id)] += 1
                    } else {
                        let id = Int32(entrySource.count)
                        index[key] = id
                        entrySource.append(e)
                        entryTarget.append(f)
                        cooccurrences.append(1)
                        links.append(id)
                    }
                }
            }
            pairStart.append(links.count)
        }
        let entries = entrySource.count
        guard entries > 0 else { return [] }
        let forward = train(links: links, pairStart: pairStart, shapes: shapes, entries: entries,
                            conditionedOn: entrySource, rowMajor: true, iterations: iterations)
        let backward = train(links: links, pairStart: pairStart, shapes: shapes, entries: entries,
                             conditionedOn: entryTarget, rowMajor: false, iterations: iterations)
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
        let given = conditionedOn.map(Int.init)
        let vocabulary = (given.max() ?? 0) + 1
        var totals = [Double](repeating: 0, count: vocabulary)
        for _ in 0..<max(1, iterations) {
            for k in 0..<entries { counts[k] = 0 }
            for p in shapes.indices {
                let base = pairStart[p]
                let (sCount, tCount) = shapes[p]
                // Each "generated" word is one row (target word) or one column (source word).
                let generated = rowMajor ? tCount : sCount
                let generators = rowMajor ? sCount : tCount
                for g in 0..<generated {
                    var denominator = nullProbability
                    for h in 0..<generators {
                        let link = rowMajor ? base + g * sCount + h : base + h * sCount + g
                        denominator += probability[Int(links[link])]
                    }
                    for h in 0..<generators {
                        let link = Int(links[rowMajor ? base + g * sCount + h : base + h * sCount + g])
                        counts[link] += probability[link] / denominator
                    }
                }
            }
            for v in 0..<vocabulary { totals[v] = 0 }
            for k in 0..<entries { totals[given[k]] += counts[k] }
            for k in 0..<entries {
                let total = totals[given[k]]
                probability[k] = total > 0 ? counts[k] / total : 0
            }
        }
        return probability
    }
}
