/// Tunable thresholds of the rules, settable in the configuration file's `options` object.
public struct CheckOptions: Hashable, Sendable {
    /// `length-ratio`: flag a unit whose target/source length ratio is this many times above or below the
    /// median ratio of its file set's language pair.
    public var lengthRatioFactor: Double = 2.5
    /// `length-ratio`: only units whose longer side has at least this many characters.
    public var lengthRatioMinimumLength: Int = 30
    /// `low-confidence`: flag units aligned with a confidence below this.
    public var minimumConfidence: Double = 0.5
    /// `inconsistent-*`: treat segments that differ only in their numbers as the same.
    public var consistencyIgnoresNumbers: Bool = false
    /// `inconsistent-*`: treat segments that differ only in their tags and placeholders as the same.
    public var consistencyIgnoresTags: Bool = false
    /// `untranslated`: a target equal to its source is reported only with at least this many translatable words
    /// (one-word cognates like `Error` → `Error` are normal).
    public var untranslatedMinimumWords: Int = 2

    public init() {}
}
