import TMCore

/// The outcome of a check run, as the reporters render it.
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

    public init(findings: [Finding], unitCount: Int, ignoredCount: Int = 0, inputs: [String] = [],
                failOn: Severity? = .error)
    {
        self.findings = findings
        self.unitCount = unitCount
        self.ignoredCount = ignoredCount
        self.inputs = inputs
        self.failOn = failOn
    }

    /// Whether a finding at or above `failOn` exists: the command then exits with status 1.
    public var failed: Bool {
        guard let failOn else { return false }
        return findings.contains { $0.severity >= failOn }
    }

    public func count(_ severity: Severity) -> Int {
        findings.reduce(0) { $0 + ($1.severity == severity ? 1 : 0) }
    }

    /// Findings per rule, rules in the order they first appear in `Checker.ruleIDs` (custom rules after).
    public var countsByRule: [(rule: String, count: Int)] {
        var counts: [String: Int] = [:]
        for f in findings { counts[f.rule, default: 0] += 1 }
        let known = Checker.ruleIDs.filter { counts[$0] != nil }
        let custom = counts.keys.filter { !Checker.ruleIDs.contains($0) }.sorted()
        return (known + custom).map { ($0, counts[$0] ?? 0) }
    }
}

extension Finding {
    /// A stable identity for the ignore list: the rule, source and target (not the unit ids, which move when a
    /// file is edited), hashed with 64-bit FNV-1a and written as 16 hex digits.
    public var fingerprint: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ text: String) {
            for byte in text.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
            hash ^= 0xff
            hash = hash &* 0x0000_0100_0000_01b3
        }
        mix(rule)
        mix(source)
        mix(target)
        let hex = String(hash, radix: 16)
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
        pieces.append((String(String.UnicodeScalarView(scalars[start..<end])), marked[start]))
        start = end
    }
    return pieces
}
