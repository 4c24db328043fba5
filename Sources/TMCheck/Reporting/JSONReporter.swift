import Dispatch
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
        var all: [UInt8] = []
        all.reserveCapacity(256 + report.findings.count * 400)
        write(report) { all.append(contentsOf: $0) }
        return String(decoding: all, as: UTF8.self)
    }

    /// Streams the report as UTF-8 in pieces (the findings in batches of 4,096, rendered in parallel eight
    /// batches at a time), so a large report never sits whole in memory.
    public static func write(_ report: CheckReport, to sink: ([UInt8]) throws -> Void) rethrows {
        var out: [UInt8] = []
        func raw(_ text: String) { out.append(contentsOf: text.utf8) }
        raw("{\n  \"findings\": [")
        // Findings are rendered in parallel batches, then passed on in order.
        let batch = 4096
        let batchCount = (report.findings.count + batch - 1) / batch
        let window = 8
        var first = 0
        while first < batchCount {
            let count = min(window, batchCount - first)
            let rendered = SlotArray<[UInt8]>(count: count, initial: [])
            let start = first
            DispatchQueue.concurrentPerform(iterations: count) { k in
                let lo = (start + k) * batch
                let hi = min(report.findings.count, lo + batch)
                var bytes: [UInt8] = []
                bytes.reserveCapacity((hi - lo) * 400)
                for index in lo..<hi { appendFinding(report.findings[index], first: index == 0, to: &bytes) }
                rendered[k] = bytes
            }
            try sink(out)
            out.removeAll(keepingCapacity: true)
            for piece in rendered.values { try sink(piece) }
            first += count
        }
        raw(report.findings.isEmpty ? "],\n" : "\n  ],\n")
        var summary = "  \"summary\": {"
        summary += "\"units\": \(report.unitCount)"
        summary += ", \"findings\": \(report.findings.count)"
        summary += ", \"errors\": \(report.count(.error))"
        summary += ", \"warnings\": \(report.count(.warning))"
        summary += ", \"infos\": \(report.count(.info))"
        summary += ", \"ignored\": \(report.ignoredCount)"
        summary += ", \"byRule\": {" + report.countsByRule.map { string($0.rule) + ": \($0.count)" }
            .joined(separator: ", ") + "}"
        summary += ", \"inputs\": [" + report.inputs.map(string).joined(separator: ", ") + "]"
        summary += ", \"failOn\": " + string(report.failOn?.rawValue ?? "never")
        summary += ", \"failed\": \(report.failed)"
        summary += "}\n}\n"
        raw(summary)
        try sink(out)
    }

    /// Appends one finding's object (with the separator before it) to a UTF-8 buffer.
    static func appendFinding(_ f: Finding, first: Bool, to out: inout [UInt8]) {
        func raw(_ text: String) { out.append(contentsOf: text.utf8) }
        raw(first ? "\n    " : ",\n    ")
        raw("{\"rule\": ")
        appendString(f.rule, to: &out)
        raw(", \"severity\": ")
        appendString(f.severity.rawValue, to: &out)
        raw(", \"units\": [")
        for (n, u) in f.units.enumerated() {
            if n > 0 { raw(", ") }
            appendString(u, to: &out)
        }
        raw("], \"message\": ")
        appendString(f.message, to: &out)
        raw(", \"source\": ")
        appendString(f.source, to: &out)
        raw(", \"target\": ")
        appendString(f.target, to: &out)
        raw(", \"spans\": [")
        for (n, span) in f.spans.enumerated() {
            if n > 0 { raw(", ") }
            raw("{\"side\": \"\(span.side.rawValue)\", \"start\": \(span.range.lowerBound), \"end\": \(span.range.upperBound)}")
        }
        raw("], \"fingerprint\": \"")
        raw(f.fingerprint)
        raw("\"}")
    }

    /// Appends a JSON string literal to a UTF-8 buffer, escaping byte by byte (every byte that needs escaping is
    /// ASCII, except U+2028/U+2029, which JavaScript cannot take raw).
    static func appendString(_ text: String, to out: inout [UInt8]) {
        out.append(0x22)
        var tail: (UInt8, UInt8) = (0, 0)
        for byte in text.utf8 {
            switch byte {
            case 0x22: out.append(0x5C); out.append(0x22)
            case 0x5C: out.append(0x5C); out.append(0x5C)
            case 0x0A: out.append(0x5C); out.append(0x6E)
            case 0x0D: out.append(0x5C); out.append(0x72)
            case 0x09: out.append(0x5C); out.append(0x74)
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            case 0xA8, 0xA9:
                if tail.0 == 0xE2 && tail.1 == 0x80 {
                    out.removeLast(2)
                    out.append(contentsOf: Array("\\u202".utf8))
                    out.append(byte == 0xA8 ? 0x38 : 0x39)
                } else {
                    out.append(byte)
                }
            default:
                out.append(byte)
            }
            tail = (tail.1, byte)
        }
        out.append(0x22)
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
