import TMCore

/// Renders a report as JSON; the schema is documented in `Docs/check-json.md`.
///
///     {"findings": [{"rule": "number-mismatch", "severity": "error", "units": ["12"], "message": "…",
///                    "source": "…", "target": "…", "spans": [{"side": "target", "start": 4, "end": 8}],
///                    "fingerprint": "…"}],
///      "summary": {…}}
///
/// Keys come in a fixed order and findings in the checker's order, so the output is byte-for-byte stable.
public enum JSONReporter {
    public static func render(_ report: CheckReport) -> String {
        var out = "{\n  \"findings\": ["
        for (k, f) in report.findings.enumerated() {
            out += k == 0 ? "\n    " : ",\n    "
            out += "{\"rule\": " + string(f.rule)
            out += ", \"severity\": " + string(f.severity.rawValue)
            out += ", \"units\": [" + f.units.map(string).joined(separator: ", ") + "]"
            out += ", \"message\": " + string(f.message)
            out += ", \"source\": " + string(f.source)
            out += ", \"target\": " + string(f.target)
            out += ", \"spans\": [" + f.spans.map { span in
                "{\"side\": \"\(span.side.rawValue)\", \"start\": \(span.range.lowerBound), "
                    + "\"end\": \(span.range.upperBound)}"
            }.joined(separator: ", ") + "]"
            out += ", \"fingerprint\": " + string(f.fingerprint) + "}"
        }
        out += report.findings.isEmpty ? "],\n" : "\n  ],\n"
        out += "  \"summary\": {"
        out += "\"units\": \(report.unitCount)"
        out += ", \"findings\": \(report.findings.count)"
        out += ", \"errors\": \(report.count(.error))"
        out += ", \"warnings\": \(report.count(.warning))"
        out += ", \"infos\": \(report.count(.info))"
        out += ", \"ignored\": \(report.ignoredCount)"
        out += ", \"byRule\": {" + report.countsByRule.map { string($0.rule) + ": \($0.count)" }
            .joined(separator: ", ") + "}"
        out += ", \"inputs\": [" + report.inputs.map(string).joined(separator: ", ") + "]"
        out += ", \"failOn\": " + string(report.failOn?.rawValue ?? "never")
        out += ", \"failed\": \(report.failed)"
        out += "}\n}\n"
        return out
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped, everything else as UTF-8.
    static func string(_ text: String) -> String {
        // Most segments need no escaping: copy them whole.
        var plain = true
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x22 || byte == 0x5C
                || (beforePrevious == 0xE2 && previous == 0x80 && (byte == 0xA8 || byte == 0xA9))
            {
                plain = false
                break
            }
            beforePrevious = previous
            previous = byte
        }
        if plain {
            var out = "\""
            out.reserveCapacity(text.utf8.count + 2)
            out += text
            out += "\""
            return out
        }
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for c in text.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if c.value < 0x20 {
                    let hex = String(c.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        out += "\""
        return out
    }
}
