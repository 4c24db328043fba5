import TMCore

/// What `tmkit terms` did.
public struct TermsReport: Sendable {
    public var glossary: Glossary
    public var sentencePairs: Int
    /// One line per input: its kind, size and languages.
    public var notes: [String]
}
