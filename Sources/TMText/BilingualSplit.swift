import Foundation
import TMCore

/// Where a single file's source-language block ends and its translation begins, and the two languages.
///
/// Each paragraph is scored against the candidate languages (those ranked near the top for any paragraph, plus
/// any forced ones). The split maximises the evidence that paragraphs before it are in language A and those from
/// it on are in language B. Scores per paragraph are capped, so a paragraph that looks like neither language
/// (a name, a number, a quotation) cannot pull the split; paragraphs without letters weigh nothing, and when they
/// sit at the boundary they go to the target block (like a heading of the translation).
///
///     let split = try BilingualSplit.detect(in: paragraphs)
///     split.splitIndex        // 8: paragraphs[..<8] are the source, paragraphs[8...] the target
///     split.source.language   // az
///     split.target.language   // en
public struct BilingualSplit: Hashable, Sendable {
    /// The number of source paragraphs: the target block starts at this 0-based index.
    public var splitIndex: Int
    /// The source language, with the mean confidence of its paragraphs (1 when forced).
    public var source: LanguageGuess
    /// The target language, with the mean confidence of its paragraphs (1 when forced).
    public var target: LanguageGuess

    public init(splitIndex: Int, source: LanguageGuess, target: LanguageGuess) {
        self.splitIndex = splitIndex
        self.source = source
        self.target = target
    }

    /// The largest penalty one paragraph can add against a language (in nats, after the evidence cap).
    static let cap = 15.0
    /// Below this many n-grams (about a dozen letters) a paragraph cannot contradict its block.
    static let minimumContradictingNGrams = 40

    /// Finds the split point and the two languages of a file's paragraphs.
    ///
    /// - Parameters:
    ///   - paragraphs: the file's paragraphs in order.
    ///   - sourceLanguage: forces the source language (`--source-lang`); found when nil.
    ///   - targetLanguage: forces the target language (`--target-lang`); found when nil.
    /// - Throws: `BilingualSplitError` when the file has one language, more than two blocks, or too little text.
    public static func detect(
        in paragraphs: [String],
        sourceLanguage: LanguageTag? = nil,
        targetLanguage: LanguageTag? = nil,
        identifier: LanguageIdentifier = LanguageIdentifier()
    ) throws(BilingualSplitError) -> BilingualSplit {
        let profiles = identifier.profiles
        let shares = paragraphs.map(LanguageIdentifier.scriptShares(of:))
        let informative = shares.filter { !$0.isEmpty }.count
        guard paragraphs.count >= 2, informative >= 2 else {
            throw BilingualSplitError(.tooFewParagraphs(informative))
        }

        // Candidate languages: the top three of every paragraph, plus forced ones that have a profile.
        var columns: [Int] = []
        func add(_ column: Int) { if !columns.contains(column) { columns.append(column) } }
        for text in paragraphs {
            for guess in identifier.rankedGuesses(for: text, limit: 3) {
                if let column = profiles.index(of: guess.language) { add(column) }
            }
        }
        let forcedSource = sourceLanguage.map { (tag: $0, column: profiles.index(of: $0)) }
        let forcedTarget = targetLanguage.map { (tag: $0, column: profiles.index(of: $0)) }
        for forced in [forcedSource, forcedTarget] { if let column = forced?.column { add(column) } }
        if let forcedSource, let forcedTarget, forcedSource.column == nil, forcedTarget.column == nil {
            throw BilingualSplitError(.unsupportedLanguages([forcedSource.tag, forcedTarget.tag]))
        }
        guard !columns.isEmpty else { throw BilingualSplitError(.noLanguageFound) }
        if let forcedSource, let forcedTarget, forcedSource.column == forcedTarget.column {
            throw BilingualSplitError(.sameLanguage(forcedSource.tag))
        }

        // Per paragraph and language: capped log posterior (0 = best), posterior, n-gram count.
        var logPosterior = [[Double]](), posterior = [[Double]](), ngrams = [Int]()
        for (text, share) in zip(paragraphs, shares) {
            if share.isEmpty {
                logPosterior.append(columns.map { _ in 0 })
                posterior.append(columns.map { _ in 0 })
                ngrams.append(0)
                continue
            }
            let evidence = identifier.evaluate(text, columns: columns, shares: share)
            logPosterior.append(evidence.logPosteriors.map { max($0, -cap) })
            posterior.append(evidence.posteriors)
            ngrams.append(evidence.ngramCount)
        }
        // A forced language without a profile scores half the cap everywhere: better than a language that is
        // clearly absent, worse than one that is clearly present.
        let unknownSlot = columns.count
        func score(_ paragraph: Int, _ slot: Int) -> Double {
            if slot == unknownSlot { return ngrams[paragraph] == 0 ? 0 : -cap / 2 }
            return logPosterior[paragraph][slot]
        }
        func slots(for forced: (tag: LanguageTag, column: Int?)?) -> [Int] {
            guard let forced else { return Array(columns.indices) }
            guard let column = forced.column, let slot = columns.firstIndex(of: column) else { return [unknownSlot] }
            return [slot]
        }

        // Best (A, split, B): prefix sums make each candidate pair linear in the number of paragraphs.
        let count = paragraphs.count
        var best: (total: Double, a: Int, b: Int, split: Int)?
        for a in slots(for: forcedSource) {
            for b in slots(for: forcedTarget) where a != b {
                var prefix = [0.0], suffix = [Double](repeating: 0, count: count + 1)
                for index in 0..<count { prefix.append(prefix[index] + score(index, a)) }
                for index in stride(from: count - 1, through: 0, by: -1) {
                    suffix[index] = suffix[index + 1] + score(index, b)
                }
                for split in 1..<count {
                    let total = prefix[split] + suffix[split]
                    if best == nil || total > (best?.total ?? 0) + 1e-9 { best = (total, a, b, split) }
                }
            }
        }
        guard var chosen = best else { throw BilingualSplitError(.noLanguageFound) }
        // Paragraphs without letters at the boundary go to the target block.
        while chosen.split > 1, ngrams[chosen.split - 1] == 0 { chosen.split -= 1 }

        func tag(_ slot: Int, forced: (tag: LanguageTag, column: Int?)?) -> LanguageTag {
            if let forced { return forced.tag }
            return profiles.profiles[columns[slot]].language
        }
        let sourceTag = tag(chosen.a, forced: forcedSource)
        let targetTag = tag(chosen.b, forced: forcedTarget)

        // One language only: a single-language reading explains the file nearly as well as the split does.
        if forcedSource == nil || forcedTarget == nil {
            let single = columns.indices.map { slot in (0..<count).reduce(0.0) { $0 + score($1, slot) } }
            if let bestSingle = single.indices.max(by: { single[$0] < single[$1] }),
               chosen.total - single[bestSingle] < 0.8 * cap
            {
                throw BilingualSplitError(.singleLanguage(profiles.profiles[columns[bestSingle]].language))
            }
        }

        // More than two blocks: a paragraph that confidently reads as the other block's language, or two
        // paragraphs in a row that confidently read as the same third language.
        var strays: [Int] = [], strayLanguages: [LanguageTag] = []
        var previousThird: (index: Int, slot: Int)?
        for index in 0..<count where ngrams[index] >= minimumContradictingNGrams {
            let own = index < chosen.split ? chosen.a : chosen.b
            let other = index < chosen.split ? chosen.b : chosen.a
            guard score(index, own) <= -0.8 * cap,
                  let top = logPosterior[index].indices.max(by: { logPosterior[index][$0] < logPosterior[index][$1] })
            else { previousThird = nil; continue }
            if top == other {
                strays.append(index)
                strayLanguages.append(index < chosen.split ? targetTag : sourceTag)
            } else if let previous = previousThird, previous.slot == top, previous.index == index - 1 {
                strays += [previous.index, index]
                strayLanguages.append(profiles.profiles[columns[top]].language)
            }
            previousThird = top == other ? nil : (index, top)
        }
        if !strays.isEmpty {
            var languages = [sourceTag, targetTag]
            for language in strayLanguages where !languages.contains(language) { languages.append(language) }
            throw BilingualSplitError(
                .moreThanTwoBlocks(languages: languages, paragraphs: Array(Set(strays)).sorted()))
        }

        func confidence(_ slot: Int, _ range: Range<Int>, forced: Bool) -> Double {
            if forced || slot == unknownSlot { return 1 }
            var weighted = 0.0, weights = 0.0
            for index in range where ngrams[index] > 0 {
                let weight = min(Double(ngrams[index]), LanguageIdentifier.evidenceLimit)
                weighted += posterior[index][slot] * weight
                weights += weight
            }
            return weights > 0 ? weighted / weights : 0
        }
        return BilingualSplit(
            splitIndex: chosen.split,
            source: LanguageGuess(
                language: sourceTag, confidence: confidence(chosen.a, 0..<chosen.split, forced: forcedSource != nil)),
            target: LanguageGuess(
                language: targetTag,
                confidence: confidence(chosen.b, chosen.split..<count, forced: forcedTarget != nil))
        )
    }

    /// The same over paragraphs as read from a file; see `detect(in:sourceLanguage:targetLanguage:identifier:)`.
    public static func detect(
        in paragraphs: [Paragraph],
        sourceLanguage: LanguageTag? = nil,
        targetLanguage: LanguageTag? = nil,
        identifier: LanguageIdentifier = LanguageIdentifier()
    ) throws(BilingualSplitError) -> BilingualSplit {
        try detect(
            in: paragraphs.map(\.text), sourceLanguage: sourceLanguage, targetLanguage: targetLanguage,
            identifier: identifier)
    }
}
