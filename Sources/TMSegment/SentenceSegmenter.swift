import Foundation
import TMCore

/// Splits text into sentences with the rules of one language.
///
/// The rules are data (`Resources/<lang>.seg`: abbreviations, titles, sentence starters, options) read once per
/// language and driven by a language-independent hand scanner; an SRX 2.0 file can replace or extend them.
/// The text is never altered: the segmenter returns ranges into it.
///
///     let segmenter = SentenceSegmenter(language: LanguageTag("en")!)
///     segmenter.sentences(in: "I live in the U.S. How about you?")
///     // ["I live in the U.S.", "How about you?"]
public struct SentenceSegmenter: Sendable {
    public let language: LanguageTag
    /// How single line breaks inside a paragraph are read.
    public var lineBreaks: LineBreakMode
    let rules: LanguageRules
    var data: LanguageSegmentationData { rules.data }
    let srx: SRXSegmenter?

    /// A segmenter with the built-in rules of `language` (the core alone when the language has no rule data).
    public init(language: LanguageTag) {
        self.language = language
        self.lineBreaks = .heuristic
        self.rules = LanguageRules(LanguageSegmentationData.builtIn(for: language))
        self.srx = nil
    }

    /// A segmenter with the built-in rules of `language`, extended by a user's abbreviations and, where `rules`
    /// map the language, SRX rules. SRX rules come first; with `cascade="yes"` the built-in rules decide
    /// everywhere the SRX rules say nothing, with `cascade="no"` the SRX rules replace them.
    public init(language: LanguageTag, rules: SegmentationRules? = nil, abbreviations: String? = nil,
                abbreviationsFile: String = "abbreviations", lineBreaks: LineBreakMode = .heuristic)
        throws(SegmentationError)
    {
        self.language = language
        self.lineBreaks = lineBreaks
        var data = LanguageSegmentationData.builtIn(for: language)
        if let abbreviations {
            do {
                let extra = try LanguageSegmentationData(parsing: abbreviations, file: abbreviationsFile,
                                                         defaultSection: "abbreviations", turkic: data.turkicCase)
                data.merge(extra)
            } catch {
                throw .data(error)
            }
        }
        self.rules = LanguageRules(data)
        if let rules {
            self.srx = try SRXSegmenter(rules: rules, language: language)
        } else {
            self.srx = nil
        }
    }

    /// The sentences of `text` as ranges into it, each trimmed of surrounding white space.
    public func sentenceRanges(in text: String) -> [Range<String.Index>] {
        // Scan a contiguous UTF-8 copy (free for native strings), then index the caller's string itself.
        var contiguous = text
        contiguous.makeContiguousUTF8()
        let byteRanges = contiguous.utf8.withContiguousStorageIfAvailable { sentenceByteRanges($0) } ?? []
        let utf8 = text.utf8
        return byteRanges.map { r in
            utf8.index(utf8.startIndex, offsetBy: r.lowerBound) ..< utf8.index(utf8.startIndex, offsetBy: r.upperBound)
        }
    }

    /// The sentences of `text`, leading and trailing white space trimmed.
    public func sentences(in text: String) -> [Substring] {
        sentenceRanges(in: text).map { text[$0] }
    }

    /// Sentence ranges as UTF-8 byte offsets into `bytes`.
    public func sentenceByteRanges(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        let scanner = SentenceScanner(rules: rules, lineBreaks: lineBreaks)
        guard let srx, srx.applies else { return scanner.sentenceByteRanges(bytes) }
        return srx.sentenceByteRanges(bytes, builtIn: scanner)
    }
}

/// Why a segmenter could not be built from the user's files.
public enum SegmentationError: LocatedError, Equatable {
    /// A rule-data or abbreviation file is malformed.
    case data(SegmentationDataError)
    /// An SRX rule's regular expression does not compile, or a language map's pattern is invalid.
    case invalidRule(location: InputLocation?, rule: String, reason: String)

    public var location: InputLocation? {
        switch self {
        case .data(let error): error.location
        case .invalidRule(let location, _, _): location
        }
    }

    public var message: String {
        switch self {
        case .data(let error): error.message
        case .invalidRule(_, let rule, let reason): "\(rule): \(reason)"
        }
    }
}
