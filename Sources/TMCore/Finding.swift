/// How serious a QA finding is. Ordered: `info < warning < error`.
public enum Severity: String, Hashable, Sendable, Comparable, CaseIterable {
    case info
    case warning
    case error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A stretch of a segment that a finding points at, as offsets in Unicode scalars from the segment's start.
public struct Span: Hashable, Sendable {
    public enum Side: String, Hashable, Sendable {
        case source
        case target
    }

    public var side: Side
    public var range: Range<Int>

    public init(side: Side, range: Range<Int>) {
        self.side = side
        self.range = range
    }
}

/// One problem found by a QA check.
public struct Finding: Hashable, Sendable {
    /// The rule's identifier, for example `inconsistent-target`.
    public var rule: String
    public var severity: Severity
    /// The ids of the units concerned (TMX `tuid`s, or 1-based line numbers for files without ids).
    public var units: [String]
    public var message: String
    public var source: String
    public var target: String
    public var spans: [Span]

    public init(
        rule: String, severity: Severity, units: [String], message: String, source: String, target: String,
        spans: [Span] = []
    ) {
        self.rule = rule
        self.severity = severity
        self.units = units
        self.message = message
        self.source = source
        self.target = target
        self.spans = spans
    }
}
