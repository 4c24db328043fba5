import Foundation
import TMCore
import TMText

/// Learns bilingual term entries (a glossary) from aligned sentence pairs.
///
///     let learner = TermLearner(sourceLanguage: az, targetLanguage: en)
///     let glossary = learner.learn(from: units)   // KTMT + Kollektiv … Alyansı ↔ CSTO + collective security alliance, …
///
/// The steps: each side is tokenised and its inflected forms folded (`WordAnalyzer`); candidates of one to
/// five words are collected (`CandidateTable`), acronyms joined with their long forms (`AcronymDetector`);
/// words are aligned in both directions (`WordAligner`, IBM Model 1 with a diagonal and a cognate prior)
/// and candidate pairs are extracted where the alignment is consistent, or where names and acronyms match
/// (`Transliteration`); pairs are scored from Dice, alignment support, cognate similarity and termhood, and
/// linked one to one, best first (competitive linking).
public struct TermLearner: Sendable {
    public var sourceLanguage: LanguageTag
    public var targetLanguage: LanguageTag
    public var options: TermLearnerOptions

    public init(sourceLanguage: LanguageTag, targetLanguage: LanguageTag, options: TermLearnerOptions = .init()) {
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.options = options
    }

    /// The glossary learned from `units` (their `source` and `target` texts), sorted by confidence.
    public func learn(from units: [TranslationUnit]) -> Glossary {
        let clock = ContinuousClock()
        let started = clock.now
        if ProcessInfo.processInfo.environment["TMTERMS_DEBUG"] == "timing" {
            FileHandle.standardError.write(Data("input: \(units.count) pairs, \(LearningRun.residentMegabytes()) MB\n".utf8))
        }
        // Licence boilerplate (`WITHOUT ANY WARRANTY`) is no text of the domain: such pairs stay in place (the
        // examples are indices) but are learned from as empty.
        let sourceResources = LanguageResources.forLanguage(sourceLanguage.language)
        let targetResources = LanguageResources.forLanguage(targetLanguage.language)
        var sources = units.map(\.source), targets = units.map(\.target)
        for index in units.indices
        where sourceResources.isBoilerplate(sources[index]) || targetResources.isBoilerplate(targets[index]) {
            sources[index] = ""
            targets[index] = ""
        }
        var run = LearningRun(
            sourceLanguage: sourceLanguage.language, targetLanguage: targetLanguage.language,
            sources: sources, targets: targets, options: options)
        if ProcessInfo.processInfo.environment["TMTERMS_DEBUG"] == "timing" {
            FileHandle.standardError.write(Data("analysis: \(clock.now - started)\n".utf8))
        }
        let learned = run.entries()
        var entries: [TermEntry] = []
        var seedKeys = Set<String>()
        if let seed = options.seedGlossary {
            for entry in seed.entries {
                entries.append(entry)
                for term in entry.sourceTerms { seedKeys.insert("s:" + run.sourceFold(term.text)) }
                for term in entry.targetTerms { seedKeys.insert("t:" + run.targetFold(term.text)) }
            }
        }
        var added = 0
        for candidate in learned {
            if let limit = options.limit, added >= limit { break }
            let repeatsSeed = candidate.sourceTerms.contains { seedKeys.contains("s:" + run.sourceFold($0.text)) }
                || candidate.targetTerms.contains { seedKeys.contains("t:" + run.targetFold($0.text)) }
            if repeatsSeed { continue }
            added += 1
            entries.append(TermEntry(
                id: "t\(added)", sourceTerms: candidate.sourceTerms, targetTerms: candidate.targetTerms,
                frequency: candidate.frequency, confidence: candidate.confidence,
                example: candidate.example.map { (units[$0].source, units[$0].target) }))
        }
        return Glossary(sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, entries: entries)
    }
}
