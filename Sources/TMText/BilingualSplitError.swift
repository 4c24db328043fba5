import TMCore

/// Why a file could not be split into a source block and a target block.
public struct BilingualSplitError: LocatedError, Hashable {
    public enum Reason: Hashable, Sendable {
        /// Fewer than two paragraphs, or fewer than two with letters.
        case tooFewParagraphs(Int)
        /// No paragraph has letters in a script that a language profile covers.
        case noLanguageFound
        /// The whole file reads as one language.
        case singleLanguage(LanguageTag)
        /// Paragraphs (0-based) inside one block read confidently as another block's language, or as a third
        /// language for two paragraphs in a row.
        case moreThanTwoBlocks(languages: [LanguageTag], paragraphs: [Int])
        /// The forced source and target languages are one language, so the language cannot tell the blocks apart.
        case sameLanguage(LanguageTag)
        /// The forced languages have no profile, so no split point can be found for them.
        case unsupportedLanguages([LanguageTag])
    }

    public var reason: Reason
    /// The file, when the caller knows it (`BilingualSplit` itself only sees paragraph texts).
    public var location: InputLocation?

    public init(_ reason: Reason, location: InputLocation? = nil) {
        self.reason = reason
        self.location = location
    }

    public var message: String {
        switch reason {
        case .tooFewParagraphs(let count):
            return "a bilingual file needs at least two paragraphs with text; found \(count)"
        case .noLanguageFound:
            return "no paragraph is in a language tmkit can identify; give --source-lang and --target-lang"
        case .singleLanguage(let language):
            return "the whole file reads as one language (\(language)); expected a source block followed by its "
                + "translation, or give --target FILE"
        case .moreThanTwoBlocks(let languages, let paragraphs):
            let names = languages.map(\.description).joined(separator: ", ")
            let numbers = paragraphs.map { String($0 + 1) }.joined(separator: ", ")
            return "the file seems to hold more than two language blocks (\(names)): paragraph(s) \(numbers) "
                + "do not match their block"
        case .sameLanguage(let language):
            return "--source-lang and --target-lang name the same language (\(language)); the split point cannot be "
                + "found from the language, give --target FILE"
        case .unsupportedLanguages(let languages):
            let names = languages.map(\.description).joined(separator: ", ")
            return "cannot find the split point: no language profile for \(names)"
        }
    }
}
