/// What a corpus build tells its caller while it runs.
public enum CorpusEvent: Sendable {
    /// A file or document was left out (reported on stderr; never fatal).
    case skipped(CorpusIssue)
    /// Another document is done.
    case progress(ProgressSnapshot)
    /// A step after the documents: `learning the glossary from 100000 of 1000000 pairs`.
    case step(String)
}
