import TMCore

/// Counts of findings by severity and by rule, kept while findings stream past.
public struct CheckTally: Sendable, Equatable {
    public var errors = 0
    public var warnings = 0
    public var infos = 0
    public var byRule: [String: Int] = [:]

    public init() {}

    public init(_ findings: [Finding]) {
        for f in findings { add(f) }
    }

    public mutating func add(_ finding: Finding) {
        switch finding.severity {
        case .error: errors += 1
        case .warning: warnings += 1
        case .info: infos += 1
        }
        byRule[finding.rule, default: 0] += 1
    }

    public var total: Int { errors + warnings + infos }

    public func count(_ severity: Severity) -> Int {
        switch severity {
        case .error: errors
        case .warning: warnings
        case .info: infos
        }
    }

    /// Findings per rule, rules in the order of `Checker.ruleIDs` (custom rules after, by name).
    public var countsByRule: [(rule: String, count: Int)] {
        let known = Checker.ruleIDs.filter { byRule[$0] != nil }
        let custom = byRule.keys.filter { !Checker.ruleIDs.contains($0) }.sorted()
        return (known + custom).map { ($0, byRule[$0] ?? 0) }
    }
}

/// The outcome of a check run, as the reporters render it.
///
/// A report built from findings counts them itself; a streamed run (`CheckPipeline.stream`) passes the findings
/// to the reporters as they come and hands over a report with the counts (`tally`) and only the findings it
/// kept (none, or the first ones for HTML: `omittedCount` says how many more there were).
public struct CheckReport: Sendable {
    public var findings: [Finding]
    /// How many units were checked.
    public var unitCount: Int
    /// Findings left out because the ignore list holds them.
    public var ignoredCount: Int
    /// The input files, as named on the command line.
    public var inputs: [String]
    /// The lowest severity that fails the run; nil for `--fail-on never`.
    public var failOn: Severity?
    /// The counts of a streamed run; nil when `findings` holds every finding (the counts are then theirs).
    public var tally: CheckTally?
    /// Findings counted in `tally` but not kept in `findings`.
    public var omittedCount: Int

    public init(findings: [Finding], unitCount: Int, ignoredCount: Int = 0, inputs: [String] = [],
                failOn: Severity? = .error, tally: CheckTally? = nil, omittedCount: Int = 0)
    {
        self.findings = findings
        self.unitCount = unitCount
        self.ignoredCount = ignoredCount
        self.inputs = inputs
        self.failOn = failOn
        self.tally = tally
        self.omittedCount = omittedCount
    }

    /// The counts: the streamed tally, or those of `findings`.
    public var counts: CheckTally { tally ?? CheckTally(findings) }

    /// How many findings the run had (kept or not).
    public var findingCount: Int { tally?.total ?? findings.count }

    /// Whether a finding at or above `failOn` exists: the command then exits with status 1.
    public var failed: Bool {
        guard let failOn else { return false }
        if let tally { return Severity.allCases.contains { $0 >= failOn && tally.count($0) > 0 } }
        return findings.contains { $0.severity >= failOn }
    }

    public func count(_ severity: Severity) -> Int {
        if let tally { return tally.count(severity) }
        return findings.reduce(0) { $0 + ($1.severity == severity ? 1 : 0) }
    }

    /// Findings per rule, rules in the order they first appear in `Checker.ruleIDs` (custom rules after).
    public var countsByRule: [(rule: String, count: Int)] { counts.countsByRule }
}

extension Finding {
    /// A stable identity for the ignore list: the rule, source and target (not the unit ids, which move when a
    /// file is edited), hashed with 64-bit FNV-1a and written as 16 hex digits.
    public var fingerprint: String {
        var hash = FNV1a()
        for text in [rule, source, target] {
            hash.combine(text)
            hash.combine(0xff)
        }
        let hex = String(hash.value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// Splits text at span boundaries so the reporters can mark the spans: each piece with whether it is marked.
func markedPieces(_ text: String, spans: [Span], side: Span.Side) -> [(text: String, marked: Bool)] {
    let scalars = Array(text.unicodeScalars)
    var marked = [Bool](repeating: false, count: scalars.count)
    for span in spans where span.side == side {
        let lo = max(0, min(span.range.lowerBound, scalars.count))
        let hi = max(lo, min(span.range.upperBound, scalars.count))
        for k in lo..<hi { marked[k] = true }
    }
    var pieces: [(text: String, marked: Bool)] = []
    var start = 0
    while start < scalars.count {
        var end = start + 1
        while end < scalars.count, marked[end] == marked[start] { end += 1 }
        pieces.append((ScalarTraits.string(scalars[start..<end]), marked[start]))
        start = end
    }
    return pieces
}
