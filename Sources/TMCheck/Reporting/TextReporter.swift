import TMCore

/// Renders a report for a terminal or a CI log: findings grouped by rule, each with its unit ids, message,
/// source and target, the offending spans marked (bold red on a terminal; `⟦…⟧` without colour).
public enum TextReporter {
    public static func render(_ report: CheckReport, colour: Bool) -> String {
        var out = ""
        var byRule: [String: [Finding]] = [:]
        for f in report.findings { byRule[f.rule, default: []].append(f) }
        for (rule, count) in report.countsByRule {
            let findings = byRule[rule] ?? []
            out += style("\(rule) (\(count))", colour ? "\u{1B}[1m" : nil) + "\n"
            for f in findings {
                let label = "[\(f.severity.rawValue)]"
                let severityStyle: String? = colour ? (f.severity == .error ? "\u{1B}[31m" : f.severity == .warning
                    ? "\u{1B}[33m" : "\u{1B}[36m") : nil
                let unitLabel = f.units.count == 1 ? "unit " : "units "
                out += "  " + style(label, severityStyle) + " " + unitLabel + f.units.joined(separator: ", ") + ": "
                    + f.message + "\n"
                out += "    source: " + marked(f.source, f.spans, .source, colour) + "\n"
                out += "    target: " + marked(f.target, f.spans, .target, colour) + "\n"
            }
            out += "\n"
        }
        out += "\(report.unitCount) units checked: \(report.count(.error)) errors, \(report.count(.warning)) warnings, "
            + "\(report.count(.info)) infos"
        if report.ignoredCount > 0 { out += ", \(report.ignoredCount) ignored" }
        out += "\n"
        return out
    }

    private static func style(_ text: String, _ code: String?) -> String {
        guard let code else { return text }
        return code + text + "\u{1B}[0m"
    }

    /// Control characters shown visibly, so a finding stays on its lines.
    private static func visible(_ text: String) -> String {
        var out = ""
        for c in text.unicodeScalars {
            switch c {
            case "\n": out += "⏎"
            case "\t": out += "⇥"
            case "\r": out += "␍"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    static func marked(_ text: String, _ spans: [Span], _ side: Span.Side, _ colour: Bool) -> String {
        markedPieces(text, spans: spans, side: side).map { piece in
            let shown = visible(piece.text)
            guard piece.marked else { return shown }
            return colour ? "\u{1B}[1;4;31m" + shown + "\u{1B}[0m" : "⟦" + shown + "⟧"
        }.joined()
    }
}
