import TMCore

/// A learned entry before it becomes a `TermEntry`: the example is a unit index.
struct LearnedEntry {
    var sourceTerms: [Term]
    var targetTerms: [Term]
    var frequency: Int
    var confidence: Double
    var example: Int?
}
