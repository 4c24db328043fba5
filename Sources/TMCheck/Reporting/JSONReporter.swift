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

    /// Streams the report as UTF-8 in pieces (the findings rendered in parallel batches), so a large report
    /// never sits whole in memory.
    public static func write(_ report: CheckReport, to sink: ([UInt8]) throws -> Void) rethrows {
        try sink(opening)
        var start = 0
        let window = 8 * 4096
        while start < report.findings.count {
            let end = min(report.findings.count, start + window)
            try sink(renderFindings(report.findings[start..<end], first: start == 0))
            start = end
        }
        try sink(closing(report))
    }

    /// The start of the document, before the first finding.
    public static var opening: [UInt8] { Array("{\n  \"findings\": [".utf8) }

    /// The findings' objects with their separators; `first` when they begin the list. Large batches are
    /// rendered in parallel pieces.
    public static func renderFindings(_ findings: ArraySlice<Finding>, first: Bool) -> [UInt8] {
        if findings.isEmpty { return [] }
        let base = findings.startIndex
        let pieceCount = findings.count < 512 ? 1 : min(16, findings.count / 256)
        let pieces = SlotArray<[UInt8]>(count: pieceCount, initial: [])
        DispatchQueue.concurrentPerform(iterations: pieceCount) { k in
            let lo = base + findings.count * k / pieceCount
            let hi = base + findings.count * (k + 1) / pieceCount
            var bytes: [UInt8] = []
            bytes.reserveCapacity((hi - lo) * 400)
            for index in lo..<hi { appendFinding(findings[index], first: first && index == base, to: &bytes) }
            pieces[k] = bytes
        }
        if pieceCount == 1 { return pieces[0] }
        var out: [UInt8] = []
        out.reserveCapacity(pieces.buffer.reduce(0) { $0 + $1.count })
        for piece in pieces.buffer { out.append(contentsOf: piece) }
        return out
    }

    /// The end of the document: the summary (the counts come from `report`, not from its kept findings).
    public static func closing(_ report: CheckReport) -> [UInt8] {
        let counts = report.counts
        var summary = counts.total == 0 ? "],\n" : "\n  ],\n"
        summary += "  \"summary\": {"
        summary += "\"units\": \(report.unitCount)"
        summary += ", \"findings\": \(counts.total)"
        summary += ", \"errors\": \(counts.errors)"
        summary += ", \"warnings\": \(counts.warnings)"
        summary += ", \"infos\": \(counts.infos)"
        summary += ", \"ignored\": \(report.ignoredCount)"
        summary += ", \"byRule\": {" + counts.countsByRule.map { string($0.rule) + ": \($0.count)" }
            .joined(separator: ", ") + "}"
        summary += ", \"inputs\": [" + report.inputs.map(string).joined(separator: ", ") + "]"
        summary += ", \"failOn\": " + string(report.failOn?.rawValue ?? "never")
        summary += ", \"failed\": \(report.failed)"
        summary += "}\n}\n"
        return Array(summary.utf8)
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
        var text = text
        text.withUTF8 { bytes in
            out.append(0x22)
            let n = bytes.count
            var runStart = 0
            var i = 0
            func flush(_ end: Int) {
                if end > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<end])) }
            }
            while i < n {
                let byte = bytes[i]
                if byte >= 0x20 && byte != 0x22 && byte != 0x5C && byte != 0xE2 {
                    i += 1
                    continue
                }
                if byte == 0xE2 {
                    // U+2028 and U+2029 (E2 80 A8/A9), which JavaScript cannot take raw.
                    if i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 {
                        flush(i)
                        out.append(contentsOf: Array("\\u202".utf8))
                        out.append(bytes[i + 2] == 0xA8 ? 0x38 : 0x39)
                        i += 3
                        runStart = i
                    } else {
                        i += 1
                    }
                    continue
                }
                flush(i)
                switch byte {
                case 0x22: out.append(0x5C); out.append(0x22)
                case 0x5C: out.append(0x5C); out.append(0x5C)
                case 0x0A: out.append(0x5C); out.append(0x6E)
                case 0x0D: out.append(0x5C); out.append(0x72)
                case 0x09: out.append(0x5C); out.append(0x74)
                default:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
                }
                i += 1
                runStart = i
            }
            flush(n)
            out.append(0x22)
        }
    }

    /// A JSON string literal (`JSONString.quoted`).
    static func string(_ text: String) -> String {
        JSONString.quoted(text)
    }
}
