/// The weights of the alignment score. The defaults were tuned on the Text+Berg development document only.
public struct AlignmentParameters: Hashable, Sendable {
    /// Weight of the lexical dissimilarity `1 - similarity`, per sentence in the bead (averaged over sides).
    public var similarityWeight: Double = 6
    /// Similarity weight of the first pass, which has only anchors and cognates (no learned lexicon).
    public var firstPassSimilarityWeight: Double = 2
    /// How many times the lexicon is learned from the previous pass's alignment before the final pass.
    public var learningRounds: Int = 2
    /// A lone (1-0 or 0-1) sentence joins the neighbouring bead when at least this share of it is matched there.
    public var mergeCoverage: Double = 0.35
    /// Whether a lone sentence between two aligned beads always joins one of them (whichever covers it better).
    public var mergesIsolated = true
    /// How much a better length fit (drop in length cost) adds to the case for such a merge.
    public var mergeLengthGain: Double = 0.2
    /// Added to a sentence's total unit weight when computing its coverage, so that a short sentence with
    /// one matched word is not "fully covered".
    public var coverageSmoothing: Double = 1
    /// Weight of the Gale–Church length cost.
    public var lengthWeight: Double = 1
    /// Variance of the target length per source character (Gale and Church: 6.8).
    public var lengthVariance: Double = 6.8
    /// Cost of leaving one sentence unaligned (1-0 or 0-1 bead).
    public var skipPenalty: Double = 4.5
    /// Extra cost of each bead shape, in the order of `sentenceShapes` (the 1-0 and 0-1 entries are unused).
    public var shapePenalties: [Double] = [0, 0, 0, 2.5, 2.5, 3.5, 4, 4, 6, 6, 6, 6]
    /// Half-width of the first search band around the diagonal; widened when the best path touches its edge.
    public var initialBandWidth: Int = 30
    /// Documents with more source sentences than this get their first pass chunk by chunk (see
    /// `DocumentAligner`), so that time and memory stay linear in their length.
    public var chunkLength: Int = 20_000
    /// Half-width of the first band of the paragraph search when aligning with a corpus lexicon (`DocumentAligner`
    /// searches a short document's whole paragraph grid otherwise); widened when the best path touches its edge.
    public var paragraphBandWidth: Int = 5
    /// Half-width of the band around the first pass's path in the second pass.
    public var refinementBandWidth: Int = 15
    /// Lexicon: minimum geometric mean of the two IBM Model 1 translation probabilities.
    public var lexiconThreshold: Double = 0.2
    /// Lexicon: minimum number of first-pass pairs in which both words occur.
    public var lexiconMinimumCount: Int = 2
    /// Lexicon: at most about this many of a pass's beads train IBM Model 1 (all of them below twice as many;
    /// otherwise a sample spread over the document, see `DocumentAligner`), so that its time stays bounded.
    public var lexiconTrainingBeads: Int = 6000
    /// IBM Model 1 EM iterations in each direction.
    public var modelIterations: Int = 6
    /// Pairs below this confidence (an estimated probability of being right) are reported as low-confidence
    /// regions: 0.5 flags the pairs that are more likely wrong than right.
    public var lowConfidence: Double = 0.5

    public init() {}
}

/// The bead shapes of sentence alignment, in the order of `AlignmentParameters.shapePenalties`.
let sentenceShapes: [(Int, Int)] = [
    (1, 1), (1, 0), (0, 1), (1, 2), (2, 1), (2, 2), (1, 3), (3, 1), (1, 4), (4, 1), (2, 3), (3, 2),
]
/// The bead shapes of paragraph alignment (a prefix of `sentenceShapes`).
let paragraphShapes: [(Int, Int)] = [(1, 1), (1, 0), (0, 1), (1, 2), (2, 1), (2, 2)]
