/// Scores paragraph beads: paragraph lengths and the lexical similarity of the paragraphs' sentences.
struct ParagraphCostModel: BeadCostModel {
    let shapes = paragraphShapes
    let matcher: GroupMatcher
    let parameters: AlignmentParameters
    let lengths: LengthModel
    /// `sourceParagraphStart[p]..<sourceParagraphStart[p + 1]` are the sentences of source paragraph p.
    let sourceParagraphStart: [Int]
    let targetParagraphStart: [Int]
    let sourceLengthSum: [Int]
    let targetLengthSum: [Int]

    init(corpus: AlignmentCorpus, matcher: GroupMatcher, sourceParagraphStart: [Int], targetParagraphStart: [Int],
         lengths: LengthModel, parameters: AlignmentParameters) {
        self.matcher = matcher
        self.parameters = parameters
        self.lengths = lengths
        self.sourceParagraphStart = sourceParagraphStart
        self.targetParagraphStart = targetParagraphStart
        var sum = [0]
        for length in corpus.source.lengths { sum.append(sum[sum.count - 1] + length) }
        sourceLengthSum = sum
        sum = [0]
        for length in corpus.target.lengths { sum.append(sum[sum.count - 1] + length) }
        targetLengthSum = sum
    }

    func sentences(sourceParagraphs: Range<Int>) -> Range<Int> {
        sourceParagraphStart[sourceParagraphs.lowerBound]..<sourceParagraphStart[sourceParagraphs.upperBound]
    }

    func sentences(targetParagraphs: Range<Int>) -> Range<Int> {
        targetParagraphStart[targetParagraphs.lowerBound]..<targetParagraphStart[targetParagraphs.upperBound]
    }

    func cost(sourceEnd i: Int, targetEnd j: Int, shape: Int, bound: Double) -> Double {
        let (a, b) = shapes[shape]
        if a == 0 || b == 0 { return parameters.skipPenalty * Double(a + b) }
        let sources = sentences(sourceParagraphs: (i - a)..<i)
        let targets = sentences(targetParagraphs: (j - b)..<j)
        let lengthCost = lengths.cost(
            source: sourceLengthSum[sources.upperBound] - sourceLengthSum[sources.lowerBound],
            target: targetLengthSum[targets.upperBound] - targetLengthSum[targets.lowerBound])
        let partial = parameters.shapePenalties[shape] + parameters.lengthWeight * lengthCost
        if partial >= bound { return partial }
        let similarity = matcher.similarity(sources: sources, targets: targets)
        return partial + parameters.similarityWeight * (1 - similarity) * Double(a + b) / 2
    }
}
