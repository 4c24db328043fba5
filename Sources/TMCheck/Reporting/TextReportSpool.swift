import Dispatch
import TMCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Collects the text report of a streamed run, which is grouped by rule while findings arrive in input order:
/// each finding is rendered at once into its rule's buffer, and a buffer that grows past `spillThreshold`
/// bytes is spilled to an anonymous temporary file (`tmpfile`), so memory stays bounded by the number of rules
/// times the threshold. `write` then sends the groups in rule order.
public final class TextReportSpool {
    public let colour: Bool
    let spillThreshold: Int
    private var buffers: [String: [UInt8]] = [:]
    private var spills: [String: UnsafeMutablePointer<FILE>] = [:]
    private var failedSpill = false

    public init(colour: Bool, spillThreshold: Int = 4 << 20) {
        self.colour = colour
        self.spillThreshold = spillThreshold
    }

    deinit {
        for file in spills.values { fclose(file) }
    }

    /// Renders findings (in parallel for large batches) and files each under its rule.
    public func add(_ findings: [Finding]) {
        guard !findings.isEmpty else { return }
        let pieceCount = findings.count < 256 ? 1 : min(16, findings.count / 128)
        let rendered = SlotArray<[(String, [UInt8])]>(count: pieceCount, initial: [])
        let colour = self.colour
        DispatchQueue.concurrentPerform(iterations: pieceCount) { k in
            let lo = findings.count * k / pieceCount
            let hi = findings.count * (k + 1) / pieceCount
            var out: [(String, [UInt8])] = []
            out.reserveCapacity(hi - lo)
            for f in findings[lo..<hi] {
                out.append((f.rule, Array(TextReporter.renderFinding(f, colour: colour).utf8)))
            }
            rendered[k] = out
        }
        for piece in rendered.buffer {
            for (rule, bytes) in piece {
                buffers[rule, default: []].append(contentsOf: bytes)
                if let count = buffers[rule]?.count, count >= spillThreshold { spill(rule) }
            }
        }
    }

    private func spill(_ rule: String) {
        guard !failedSpill, let bytes = buffers[rule], !bytes.isEmpty else { return }
        guard let file = spills[rule] ?? tmpfile() else {
            failedSpill = true  // no temporary files: keep everything in memory
            return
        }
        spills[rule] = file
        let written = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
        guard written == bytes.count else {
            failedSpill = true
            return
        }
        buffers[rule] = []
    }

    /// Sends the report: for each rule with findings (in `report.countsByRule` order) its heading and findings,
    /// then the summary line.
    public func write(_ report: CheckReport, to sink: ([UInt8]) throws -> Void) rethrows {
        for (rule, count) in report.countsByRule {
            try sink(Array(TextReporter.heading(rule, count: count, colour: colour).utf8))
            if let file = spills[rule] {
                fflush(file)
                rewind(file)
                var chunk = [UInt8](repeating: 0, count: 1 << 20)
                while true {
                    let n = chunk.withUnsafeMutableBufferPointer { fread($0.baseAddress, 1, $0.count, file) }
                    if n <= 0 { break }
                    try sink(Array(chunk[0..<n]))
                }
            }
            if let bytes = buffers[rule], !bytes.isEmpty { try sink(bytes) }
            try sink([0x0A])
        }
        try sink(Array(TextReporter.summaryLine(report).utf8))
    }
}
