/// Counts matched units between any two groups of sentences directly, without precomputed masks.
/// Used for paragraphs (too many units for a 64-bit mask) and for the confidence baseline.
final class GroupMatcher {
    private let corpus: AlignmentCorpus
    private let tables: MatchTables
    private var stamp: [Int32]
    private var counter: Int32 = 0

    init(corpus: AlignmentCorpus, tables: MatchTables) {
        self.corpus = corpus
        self.tables = tables
        stamp = [Int32](repeating: 0, count: corpus.idCount)
    }

    private func nextStamp() -> Int32 {
        if counter == Int32.max - 1 {
            counter = 0
            for k in stamp.indices { stamp[k] = 0 }
        }
        counter += 1
        return counter
    }

    /// Share of the units of both groups (global sentence ranges) that have a match on the other side.
    func similarity(sources: Range<Int>, targets: Range<Int>) -> Double {
        var matched = 0.0
        var units = 0.0
        var mark = nextStamp()
        for t in targets {
            for p in tables.targetPresentStart[t]..<tables.targetPresentStart[t + 1] {
                stamp[Int(tables.targetPresent[p])] = mark
            }
        }
        for s in sources {
            for u in corpus.source.units(of: s) {
                units += corpus.source.unitWeight[u]
                for c in tables.sourceCandidateStart[u]..<tables.sourceCandidateStart[u + 1]
                where stamp[Int(tables.sourceCandidates[c])] == mark {
                    matched += corpus.source.unitWeight[u]
                    break
                }
            }
        }
        mark = nextStamp()
        for s in sources {
            for p in tables.sourcePresentStart[s]..<tables.sourcePresentStart[s + 1] {
                stamp[Int(tables.sourcePresent[p])] = mark
            }
        }
        for t in targets {
            for v in corpus.target.units(of: t) {
                units += corpus.target.unitWeight[v]
                for c in tables.targetCandidateStart[v]..<tables.targetCandidateStart[v + 1]
                where stamp[Int(tables.targetCandidates[c])] == mark {
                    matched += corpus.target.unitWeight[v]
                    break
                }
            }
        }
        return units == 0 ? 0 : matched / units
    }
}

extension GroupMatcher {
    /// Weighted share of the units of `sentence` (on the source side when `isSource`) that have a match in
    /// the sentences `others` of the other side, smoothed like the sentence cost.
    func coverage(of sentence: Int, isSource: Bool, in others: Range<Int>, smoothing: Double) -> Double {
        let mark = nextStamp()
        let (presentStart, present) = isSource
            ? (tables.targetPresentStart, tables.targetPresent) : (tables.sourcePresentStart, tables.sourcePresent)
        for other in others {
            for p in presentStart[other]..<presentStart[other + 1] { stamp[Int(present[p])] = mark }
        }
        let side = isSource ? corpus.source : corpus.target
        let (candidateStart, candidates) = isSource
            ? (tables.sourceCandidateStart, tables.sourceCandidates)
            : (tables.targetCandidateStart, tables.targetCandidates)
        var matched = 0.0
        var total = 0.0
        for u in side.units(of: sentence) {
            total += side.unitWeight[u]
            if (candidateStart[u]..<candidateStart[u + 1]).contains(where: { stamp[Int(candidates[$0])] == mark }) {
                matched += side.unitWeight[u]
            }
        }
        return matched / (total + smoothing)
    }
}
