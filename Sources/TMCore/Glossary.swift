/// A term with its variants in one language, inside a concept entry.
public struct Term: Hashable, Sendable {
    /// The form shown to translators, for example `Qazaxıstan`.
    public var text: String
    /// Other forms folded into this term: inflections (`Qazaxıstanda`), acronym or long form.
    public var variants: [String]
    /// `preferredTerm-admn-sts`, `admittedTerm-admn-sts`, `deprecatedTerm-admn-sts` as in TBX; nil when unknown.
    public var administrativeStatus: String?

    public init(text: String, variants: [String] = [], administrativeStatus: String? = nil) {
        self.text = text
        self.variants = variants
        self.administrativeStatus = administrativeStatus
    }
}

/// One concept: its terms in the source and target languages, as a TBX `termEntry`.
public struct TermEntry: Hashable, Sendable {
    public var id: String
    public var sourceTerms: [Term]
    public var targetTerms: [Term]
    /// How often the pair was seen in the aligned text.
    public var frequency: Int
    /// How sure the term learner is, from 0 to 1.
    public var confidence: Double
    /// An example source and target sentence in which the pair occurs.
    public var example: (source: String, target: String)?
    public var note: String?

    public init(
        id: String, sourceTerms: [Term], targetTerms: [Term], frequency: Int = 1, confidence: Double = 1,
        example: (source: String, target: String)? = nil, note: String? = nil
    ) {
        self.id = id
        self.sourceTerms = sourceTerms
        self.targetTerms = targetTerms
        self.frequency = frequency
        self.confidence = confidence
        self.example = example
        self.note = note
    }

    public static func == (lhs: TermEntry, rhs: TermEntry) -> Bool {
        lhs.id == rhs.id && lhs.sourceTerms == rhs.sourceTerms && lhs.targetTerms == rhs.targetTerms
            && lhs.frequency == rhs.frequency && lhs.confidence == rhs.confidence
            && lhs.example?.source == rhs.example?.source && lhs.example?.target == rhs.example?.target
            && lhs.note == rhs.note
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(sourceTerms)
        hasher.combine(targetTerms)
    }
}

/// A bilingual glossary: concept entries for one language pair.
public struct Glossary: Hashable, Sendable {
    public var sourceLanguage: LanguageTag
    public var targetLanguage: LanguageTag
    public var entries: [TermEntry]

    public init(sourceLanguage: LanguageTag, targetLanguage: LanguageTag, entries: [TermEntry] = []) {
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.entries = entries
    }
}
