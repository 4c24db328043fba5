import TMCore

/// Findings a reviewer has accepted, kept in a file so they stay quiet on the next run.
///
/// One finding per line: its fingerprint (`Finding.fingerprint`), then, for people reading the file, a tab,
/// the rule, the units and the message. Only the fingerprint counts. Blank lines and lines starting with `#`
/// are comments. `tmkit check --ignore FILE --accept` writes the current findings into the file.
public struct IgnoreList: Sendable {
    public private(set) var fingerprints: Set<String>

    public init(fingerprints: Set<String> = []) {
        self.fingerprints = fingerprints
    }

    /// Parses an ignore file. `file` is used in error messages.
    public init(contents: String, file: String) throws(CheckConfigurationError) {
        var set = Set<String>()
        var lineNumber = 0
        for line in contents.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let field = trimmed.prefix { $0 != "\t" && $0 != " " && $0 != "\r" }
            guard field.count == 16, field.allSatisfy({ $0.isHexDigit }) else {
                throw CheckConfigurationError(
                    message: "expected a 16-digit fingerprint at the start of the line, found ‘\(field)’",
                    file: file, line: lineNumber)
            }
            set.insert(field.lowercased())
        }
        fingerprints = set
    }

    public func contains(_ finding: Finding) -> Bool {
        fingerprints.contains(finding.fingerprint)
    }

    public mutating func insert(_ finding: Finding) {
        fingerprints.insert(finding.fingerprint)
    }

    /// The findings minus those on the list, and how many were dropped.
    public func filter(_ findings: [Finding]) -> (kept: [Finding], ignored: Int) {
        if fingerprints.isEmpty { return (findings, 0) }
        let kept = findings.filter { !contains($0) }
        return (kept, findings.count - kept.count)
    }

    /// The file text for `findings` (plus any `existing` lines kept as they were).
    public static func render(_ findings: [Finding], keeping existing: String = "") -> String {
        var out = existing
        if out.isEmpty {
            out = "# tmkit check ignore list: one accepted finding per line; only the first field counts.\n"
        } else if !out.hasSuffix("\n") {
            out += "\n"
        }
        var seen = Set<String>()
        if let old = try? IgnoreList(contents: existing, file: "") { seen = old.fingerprints }
        for f in findings where seen.insert(f.fingerprint).inserted {
            let message = f.message.map { $0 == "\n" || $0 == "\t" ? " " : $0 }
            out += "\(f.fingerprint)\t\(f.rule)\t\(f.units.joined(separator: ","))\t\(String(message))\n"
        }
        return out
    }
}
