import Testing
@testable import TMAlign

// The aligner's speed shortcuts must not change a decision: each is checked against the computation it skips.

/// `surelyCosts` may only say yes when the length cost really reaches the level (else the search would
/// discard a bead it should have kept).
@Test(arguments: [(1.0, 6.8), (1.12, 6.8), (0.87, 6.8), (1.3, 2.0)])
func lengthShortcutNeverDiscardsACheaperBead(ratio: Double, variance: Double) {
    let model = LengthModel(ratio: ratio, variance: variance)
    var confirmed = 0
    var checked = 0
    for source in stride(from: 0, through: 900, by: 7) {
        for target in stride(from: 0, through: 900, by: 11) {
            let cost = model.cost(source: source, target: target)
            for level in stride(from: -1.0, through: 26.0, by: 0.37) {
                checked += 1
                if model.surelyCosts(source: source, target: target, atLeast: level) {
                    confirmed += 1
                    #expect(cost >= level, "source \(source), target \(target), level \(level): cost \(cost)")
                }
            }
        }
    }
    // It must also be useful: most pairs far from the expected ratio are recognised.
    #expect(confirmed > checked / 4)
}

@Test func lengthShortcutRecognisesAClearMismatch() {
    let model = LengthModel(ratio: 1.1, variance: 6.8)
    #expect(model.cost(source: 20, target: 400) > 10)
    #expect(model.surelyCosts(source: 20, target: 400, atLeast: 10))
    #expect(!model.surelyCosts(source: 100, target: 110, atLeast: 1))
    #expect(!model.surelyCosts(source: 20, target: 400, atLeast: .infinity))
}

/// The pair index gives ids in order of first appearance, whatever its initial size and however often it grows.
@Test(arguments: [0, 10, 100_000])
func pairIndexNumbersPairsInOrderOfFirstAppearance(capacity: Int) {
    let index = PairTable(capacity: capacity)
    var expected: [UInt64: Int32] = [:]
    var state: UInt64 = 12345
    for _ in 0..<5000 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        let source = Int32(truncatingIfNeeded: (state >> 33) % 90)
        let target = Int32(truncatingIfNeeded: (state >> 45) % 70)
        let key = UInt64(UInt32(source)) << 32 | UInt64(UInt32(target))
        let next = Int32(expected.count)
        let id = index.id(source: source, target: target, next: next)
        if let known = expected[key] {
            #expect(id == known)
        } else {
            #expect(id == next)
            expected[key] = next
        }
    }
    #expect(expected.count > 3000)
}

/// IBM Model 1 on a toy corpus: the words that always occur together are learned as translations.
@Test func modelOneLearnsTheConsistentPairs() {
    // Source words 1...4, target words 101...104; word k translates as 100 + k; 9 and 109 are noise.
    let pairs: [(source: [Int32], target: [Int32])] = [
        ([1, 2], [101, 102]), ([1, 3], [103, 101]), ([2, 3, 9], [102, 103]), ([4, 1], [101, 104, 109]),
        ([4, 2], [104, 102]), ([3, 4], [103, 104]),
    ]
    let learned = WordTranslationModel.learn(pairs: pairs, iterations: 6, threshold: 0.2, minimumCount: 2)
    let found = Set(learned.map { "\($0.source)-\($0.target)" })
    #expect(found.isSuperset(of: ["1-101", "2-102", "3-103", "4-104"]))
    #expect(!found.contains("9-109"))
}

/// A cost model with pseudo-random bead costs that, like `SentenceCostModel`, answers with a lower bound of the
/// cost (at least `bound`) as soon as the cost is known to reach `bound`.
private struct ScrambledCostModel: BeadCostModel {
    let shapes: [(Int, Int)] = [(1, 1), (1, 0), (0, 1), (1, 2), (2, 1), (2, 2)]
    let seed: UInt64

    func fullCost(_ i: Int, _ j: Int, _ shape: Int) -> Double {
        var state = seed ^ UInt64(i) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(j) &* 0xC2B2_AE3D_27D4_EB4F ^ UInt64(shape)
        state = (state ^ (state >> 29)) &* 0xBF58_476D_1CE4_E5B9
        let noise = Double(state >> 11) / Double(1 << 53)
        let offDiagonal = Double(abs(i - j)) * 0.3
        return Double(shape) * 0.7 + offDiagonal + 3 * noise
    }

    func cost(sourceEnd i: Int, targetEnd j: Int, shape: Int, bound: Double) -> Double {
        let cost = fullCost(i, j, shape)
        return cost >= bound ? max(bound, cost * 0.8) : cost
    }

    func lowerBound(shape: Int) -> Double { Double(shape) * 0.7 }
}

/// The margins computed with the forward pass's kept costs are those computed by scoring every bead again.
@Test(arguments: [(40, 44, 3, 1 as UInt64), (60, 50, 6, 2), (25, 25, 30, 3)])
func marginsReusingForwardCostsAreTheSame(n: Int, m: Int, width: Int, seed: UInt64) {
    let model = ScrambledCostModel(seed: seed)
    let band = SearchBand.diagonal(n: n, m: m, width: width)
    let forward = BeadSearch.forward(n: n, m: m, band: band, model: model)
    #expect(forward.costs.count == forward.total.count * model.shapes.count)
    var rescoring = forward
    rescoring.costs = []
    let reused = BeadSearch.margins(n: n, m: m, band: band, model: model, forward: forward)
    let rescored = BeadSearch.margins(n: n, m: m, band: band, model: model, forward: rescoring)
    #expect(reused == rescored)
    #expect(reused.count == forward.path.count + 1)
    #expect(reused.contains { $0 > 0 && $0 < .infinity })
}
