import TMCore

/// A file or document of a corpus that was left out, and why. Reported on stderr as `FILE[:LINE]: message`;
/// never fatal for the rest of the corpus.
public struct CorpusIssue: LocatedError, Hashable {
    /// What went wrong, for the summary's counts.
    public enum Kind: String, Hashable, Sendable {
        /// A one-language file with no translation beside it.
        case unpaired
        /// A file that could not be read or turned into a bilingual document (missing, binary, one language…).
        case unreadable
        /// A document in another language pair than the corpus's.
        case otherLanguages = "other languages"
    }

    public var kind: Kind
    public var location: InputLocation?
    public var message: String

    public init(_ kind: Kind, _ message: String, location: InputLocation?) {
        self.kind = kind
        self.message = message
        self.location = location
    }

    /// The issue for an error met while reading or aligning `document`: located errors keep their place.
    init(reading document: CorpusDocument, error: any Error) {
        if let located = error as? any LocatedError {
            self.init(.unreadable, located.message,
                      location: located.location ?? InputLocation(file: document.primaryPath))
        } else {
            self.init(.unreadable, String(describing: error), location: InputLocation(file: document.primaryPath))
        }
    }
}
