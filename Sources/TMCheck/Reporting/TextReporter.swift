import TMCore

/// Renders a report for a terminal or a CI log: findings grouped by rule, each with its unit ids, message,
/// source and target, the offending spans marked (bold red on a terminal; `⟦…⟧` without colour).
/// A streamed run renders findings as they come into a `TextReportSpool`, which groups them by rule.
public enum TextReporter {
    public static func render(_ report: CheckReport, colour: Bool) -> String {
        let spool = TextReportSpool(colour: colour, spillThreshold: Int.max)
        spool.add(report.findings)
        var out: [UInt8] = []
        spool.write(report) { out.append(contentsOf: $0) }
        return String(decoding: out, as: UTF8.self)
    }

    /// One finding's lines: severity, units and message, then the source and the target with spans marked.
    static func renderFinding(_ f: Finding, colour: Bool) -> String {
        let label = "[\(f.severity.rawValue)]"
        let severityStyle: String? = colour ? (f.severity == .error ? "\u{1B}[31m" : f.severity == .warning
            ? "\u{1B}[33m" : "\u{1B}[36m") : nil
        let unitLabel = f.units.count == 1 ? "unit " : "units "
        var out = "  " + style(label, severityStyle) + " " + unitLabel + f.units.joined(separator: ", ") + ": "
            + f.message + "\n"
        out += "    source: " + marked(f.source, f.spans, .source, colour) + "\n"
        out += "    target: " + marked(f.target, f.spans, .target, colour) + "\n"
        return out
    }

    /// A rule's heading line.
    static func heading(_ rule: String, count: Int, colour: Bool) -> String {
        style("\(rule) (\(count))", colour ? "\u{1B}[1m" : nil) + "\n"
    }

    /// The last line: the counts.
    static func summaryLine(_ report: CheckReport) -> String {
        var out = "\(report.unitCount) units checked: \(report.count(.error)) errors, "
            + "\(report.count(.warning)) warnings, \(report.count(.info)) infos"
        if report.ignoredCount > 0 { out += ", \(report.ignoredCount) ignored" }
        return out + "\n"
    }

    private static func style(_ text: String, _ code: String?) -> String {
        guard let code else { return text }
        return code + text + "\u{1B}[0m"
    }

    /// Control characters shown visibly, so a finding stays on its lines.
    private static func visible(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }) else { return text }
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
        // Most findings mark one side only: the other is shown as it is.
        guard spans.contains(where: { $0.side == side }) else { return visible(text) }
        return markedPieces(text, spans: spans, side: side).map { piece in
            let shown = visible(piece.text)
            guard piece.marked else { return shown }
            return colour ? "\u{1B}[1;4;31m" + shown + "\u{1B}[0m" : "⟦" + shown + "⟧"
        }.joined()
    }
}
