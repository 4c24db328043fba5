/// For every unit the ids it may match on the other side, and for every sentence the ids it offers.
struct MatchTables: Sendable {
    /// Candidates of source unit u: `sourceCandidates[sourceCandidateStart[u]..<sourceCandidateStart[u + 1]]`.
    var sourceCandidateStart: [Int] = [0]
    var sourceCandidates: [Int32] = []
    var targetCandidateStart: [Int] = [0]
    var targetCandidates: [Int32] = []
    /// Ids present in sentence s (its keys and its own words).
    var sourcePresentStart: [Int] = [0]
    var sourcePresent: [Int32] = []
    var targetPresentStart: [Int] = [0]
    var targetPresent: [Int32] = []

    init(corpus: AlignmentCorpus, lexicon: Lexicon) {
        let sourceBase = corpus.sourceWordBase
        let targetBase = corpus.targetWordBase
        Self.build(side: corpus.source, ownBase: sourceBase, otherBase: targetBase, translations: lexicon.targetsOfSource,
                   candidateStart: &sourceCandidateStart, candidates: &sourceCandidates,
                   presentStart: &sourcePresentStart, present: &sourcePresent)
        Self.build(side: corpus.target, ownBase: targetBase, otherBase: sourceBase, translations: lexicon.sourcesOfTarget,
                   candidateStart: &targetCandidateStart, candidates: &targetCandidates,
                   presentStart: &targetPresentStart, present: &targetPresent)
    }

    private static func build(
        side: InternedSide, ownBase: Int32, otherBase: Int32, translations: [[Int32]],
        candidateStart: inout [Int], candidates: inout [Int32], presentStart: inout [Int], present: inout [Int32]
    ) {
        for s in 0..<side.count {
            var ids: [Int32] = []
            for u in side.units(of: s) {
                for k in side.unitKeyStart[u]..<side.unitKeyStart[u + 1] {
                    candidates.append(side.unitKeys[k])
                    ids.append(side.unitKeys[k])
                }
                let word = side.unitWord[u]
                if word >= 0 {
                    ids.append(ownBase + word)
                    for translation in translations[Int(word)] { candidates.append(otherBase + translation) }
                }
                candidateStart.append(candidates.count)
            }
            ids.sort()
            var last: Int32 = -1
            for id in ids where id != last {
                present.append(id)
                last = id
            }
            presentStart.append(present.count)
        }
    }
}
