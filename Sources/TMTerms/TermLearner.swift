import TMCore
import TMText

/// Learns bilingual term entries from aligned sentence pairs. (Skeleton: replaced by the term learner.)
public struct TermLearner: Sendable {
    public var sourceLanguage: LanguageTag
    public var targetLanguage: LanguageTag

    public init(sourceLanguage: LanguageTag, targetLanguage: LanguageTag) {
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
    }

    /// The glossary learned from `units` (their `source` and `target` texts).
    public func learn(from units: [TranslationUnit]) -> Glossary {
        Glossary(sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
    }
}
