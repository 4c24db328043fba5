/// The weights of the alignment score. The defaults were tuned on the Text+Berg development document only.
public struct AlignmentParameters: Hashable, Sendable {
    /// Weight of the lexical dissimilarity `1 - similarity`, per sentence in the bead (averaged over sides).
    public var similarityWeight: Double = 6
    /// Weight of the Gale–Church length cost.
    public var lengthWeight: Double = 1
    /// Variance of the target length per source character (Gale and Church: 6.8).
    public var lengthVariance: Double = 6.8
    /// Cost of leaving one sentence unaligned (1-0 or 0-1 bead).
    public var skipPenalty: Double = 4.5
    /// Extra cost of each bead shape, in the order 1-1, 1-0, 0-1, 1-2, 2-1, 2-2, 1-3, 3-1 (1-0 and 0-1 unused).
    public var shapePenalties: [Double] = [0, 0, 0, 1.5, 1.5, 3.5, 4, 4]
    /// Half-width of the first search band around the diagonal; widened when the best path touches its edge.
    public var initialBandWidth: Int = 30
    /// Half-width of the band around the first pass's path in the second pass.
    public var refinementBandWidth: Int = 15
    /// Lexicon: minimum geometric mean of the two IBM Model 1 translation probabilities.
    public var lexiconThreshold: Double = 0.2
    /// Lexicon: minimum number of first-pass pairs in which both words occur.
    public var lexiconMinimumCount: Int = 2
    /// IBM Model 1 EM iterations in each direction.
    public var modelIterations: Int = 6
    /// Pairs below this confidence are reported as low-confidence regions.
    public var lowConfidence: Double = 0.3

    public init() {}
}

/// The bead shapes of sentence alignment, in the order of `AlignmentParameters.shapePenalties`.
let sentenceShapes: [(Int, Int)] = [(1, 1), (1, 0), (0, 1), (1, 2), (2, 1), (2, 2), (1, 3), (3, 1)]
/// The bead shapes of paragraph alignment (a prefix of `sentenceShapes`).
let paragraphShapes: [(Int, Int)] = [(1, 1), (1, 0), (0, 1), (1, 2), (2, 1), (2, 2)]
