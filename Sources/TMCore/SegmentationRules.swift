/// Segmentation rules read from an SRX 2.0 file (Segmentation Rules eXchange, LISA/GALA).
///
/// A plain value: regular expressions are kept as text (ICU/Java syntax) and compiled by the segmenter,
/// so this type needs no Foundation. `TMFormats.SRXReader` produces it; `TMSegment` consumes it.
///
///     <languagerule languagerulename="English">
///       <rule break="no"><beforebreak>\bMr\.</beforebreak><afterbreak>\s</afterbreak></rule>
///     </languagerule>
///     <languagemap languagepattern="en.*" languagerulename="English"/>
public struct SegmentationRules: Hashable, Sendable {
    /// One `<rule>`: a break (or no-break) point where `before` matches up to it and `after` matches from it.
    public struct Rule: Hashable, Sendable {
        public var isBreak: Bool
        /// Regex for the text before the break point (may be empty: matches everywhere).
        public var before: String
        /// Regex for the text after the break point (may be empty: matches everywhere).
        public var after: String
        /// Where the rule is written, for error messages.
        public var location: InputLocation?

        public init(isBreak: Bool, before: String, after: String, location: InputLocation? = nil) {
            self.isBreak = isBreak
            self.before = before
            self.after = after
            self.location = location
        }
    }

    /// One `<languagerule>`: an ordered list of rules under a name.
    public struct LanguageRule: Hashable, Sendable {
        public var name: String
        public var rules: [Rule]

        public init(name: String, rules: [Rule]) {
            self.name = name
            self.rules = rules
        }
    }

    /// One `<languagemap>`: language codes matching `pattern` (a regex over the code) use the named rules.
    public struct LanguageMap: Hashable, Sendable {
        public var pattern: String
        public var ruleName: String
        public var location: InputLocation?

        public init(pattern: String, ruleName: String, location: InputLocation? = nil) {
            self.pattern = pattern
            self.ruleName = ruleName
            self.location = location
        }
    }

    /// `cascade="yes"`: every matching language map contributes its rules, in map order; otherwise only the first.
    public var cascade: Bool
    /// Whether text inside inline codes is segmented (kept for fidelity; tmkit has no inline codes here).
    public var segmentSubflows: Bool
    public var languageRules: [LanguageRule]
    public var languageMaps: [LanguageMap]
    /// The file the rules came from.
    public var source: String

    public init(cascade: Bool = false, segmentSubflows: Bool = true, languageRules: [LanguageRule] = [],
                languageMaps: [LanguageMap] = [], source: String = "") {
        self.cascade = cascade
        self.segmentSubflows = segmentSubflows
        self.languageRules = languageRules
        self.languageMaps = languageMaps
        self.source = source
    }

    /// The named language rule, if the file defines it.
    public func languageRule(named name: String) -> LanguageRule? {
        languageRules.first { $0.name == name }
    }
}
