import Testing
@testable import TMTerms

/// The candidate table of one language side of `sentences`, counted as the learner counts it.
func candidateTable(_ sentences: [String], language: String = "en") -> CandidateTable {
    var analyzer = SideAnalyzer(language: language, sentences: sentences)
    var table = CandidateTable()
    table.modifiersBefore = analyzer.resources.modifiersBefore
    for index in sentences.indices {
        _ = table.add(analyzer.analyse(sentenceAt: index), vocabulary: analyzer.vocabulary)
    }
    return table
}

/// The id of the candidate with `key` (lemma keys joined by spaces), or a test failure.
func candidateID(_ key: String, in table: CandidateTable) throws -> Int32 {
    try #require(table.lookup(key), "no candidate \(key)")
}
