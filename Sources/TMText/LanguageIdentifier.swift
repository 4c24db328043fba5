import TMCore

/// A guess at the language of a text.
public struct LanguageGuess: Hashable, Sendable {
    public var language: LanguageTag
    /// From 0 (no idea) to 1 (certain).
    public var confidence: Double

    public init(language: LanguageTag, confidence: Double) {
        self.language = language
        self.confidence = confidence
    }
}

/// Identifies the language of a paragraph. (Skeleton: replaced by the n-gram identifier.)
public struct LanguageIdentifier: Sendable {
    public init() {}

    /// The most likely language of `text`, or nil when the text has no letters.
    public func identify(_ text: String) -> LanguageGuess? {
        nil
    }
}
