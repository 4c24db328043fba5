import TMCore

/// A QA rule that looks at one unit at a time. One file per rule under `Rules/`.
protocol UnitRule: Sendable {
    /// The rule's identifier in findings, `--checks` and configuration files, for example `number-mismatch`.
    var id: String { get }
    var defaultSeverity: Severity { get }
    /// Appends the rule's findings for `unit` to `findings`.
    func check(_ unit: UnitAnalysis, context: CheckContext, into findings: inout [Finding])
}

extension UnitRule {
    /// A finding for one unit with this rule's id and default severity (the checker applies overrides).
    func finding(_ unit: UnitAnalysis, _ message: String, spans: [Span] = []) -> Finding {
        Finding(rule: id, severity: defaultSeverity, units: [unit.unit.id], message: message,
                source: unit.unit.source, target: unit.unit.target, spans: spans)
    }
}

/// What every rule may consult besides the unit: options and the prepared glossary.
struct CheckContext: Sendable {
    var options: CheckOptions
    var glossary: PreparedGlossary?
}

/// Quotes a piece of segment text for a message: `“%s”`.
@inline(__always)
func quoted(_ text: String) -> String { "“" + text + "”" }
