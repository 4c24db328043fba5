import TMCore
import TMText

/// Splits text into sentences with the rules of one language. (Skeleton: replaced by the rule-driven segmenter.)
public struct SentenceSegmenter: Sendable {
    public let language: LanguageTag

    public init(language: LanguageTag) {
        self.language = language
    }

    /// The sentences of `text` as ranges into it; the text itself is never altered.
    public func sentenceRanges(in text: String) -> [Range<String.Index>] {
        text.isEmpty ? [] : [text.startIndex..<text.endIndex]
    }

    /// The sentences of `text`, leading and trailing white space trimmed.
    public func sentences(in text: String) -> [Substring] {
        sentenceRanges(in: text).map { text[$0] }
    }
}
