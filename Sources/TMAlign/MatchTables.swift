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
    /// The sentences that offer id c, ascending: `sourcePostings[sourcePostingStart[c]..<sourcePostingStart[c + 1]]`.
    var sourcePostingStart: [Int] = []
    var sourcePostings: [Int32] = []
    var targetPostingStart: [Int] = []
    var targetPostings: [Int32] = []

    init(corpus: AlignmentCorpus, lexicon: Lexicon) {
        let sourceBase = corpus.sourceWordBase
        let targetBase = corpus.targetWordBase
        Self.build(side: corpus.source, ownBase: sourceBase, otherBase: targetBase, translations: lexicon.targetsOfSource,
                   candidateStart: &sourceCandidateStart, candidates: &sourceCandidates,
                   presentStart: &sourcePresentStart, present: &sourcePresent)
        Self.build(side: corpus.target, ownBase: targetBase, otherBase: sourceBase, translations: lexicon.sourcesOfTarget,
                   candidateStart: &targetCandidateStart, candidates: &targetCandidates,
                   presentStart: &targetPresentStart, present: &targetPresent)
        (sourcePostingStart, sourcePostings) = Self.postings(
            presentStart: sourcePresentStart, present: sourcePresent, idCount: corpus.idCount)
        (targetPostingStart, targetPostings) = Self.postings(
            presentStart: targetPresentStart, present: targetPresent, idCount: corpus.idCount)
    }

    /// Inverts the per-sentence id lists into per-id sentence lists (counting sort; sentences ascending).
    private static func postings(presentStart: [Int], present: [Int32], idCount: Int) -> ([Int], [Int32]) {
        var start = [Int](repeating: 0, count: idCount + 1)
        for id in present { start[Int(id) + 1] += 1 }
        for c in 0..<idCount { start[c + 1] += start[c] }
        var next = start
        var postings = [Int32](repeating: 0, count: present.count)
        for s in 0..<(presentStart.count - 1) {
            for p in presentStart[s]..<presentStart[s + 1] {
                let id = Int(present[p])
                postings[next[id]] = Int32(s)
                next[id] += 1
            }
        }
        return (start, postings)
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
