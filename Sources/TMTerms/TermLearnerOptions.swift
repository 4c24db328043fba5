import TMCore

/// Settings of the term learner.
public struct TermLearnerOptions: Sendable {
    /// Entries seen in fewer aligned sentence pairs are dropped.
    public var minCount: Int
    /// Entries below this confidence (0...1) are dropped.
    public var minConfidence: Double
    /// At most this many learned entries (seed entries come on top); nil: no limit.
    public var limit: Int?
    /// A glossary the user already has: its entries are always kept, and learned entries that repeat one of
    /// its terms are left out.
    public var seedGlossary: Glossary?
    /// EM iterations of the word aligner in each direction.
    public var alignmentIterations: Int

    public init(
        minCount: Int = 1, minConfidence: Double = 0.3, limit: Int? = nil, seedGlossary: Glossary? = nil,
        alignmentIterations: Int = 5
    ) {
        self.minCount = minCount
        self.minConfidence = minConfidence
        self.limit = limit
        self.seedGlossary = seedGlossary
        self.alignmentIterations = alignmentIterations
    }
}
