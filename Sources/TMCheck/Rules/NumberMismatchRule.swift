import TMCore

/// `number-mismatch`: a number of the source is missing from the target, or the target has one more.
///
/// Numbers are compared as values read with each language's conventions, so `5,800` = `5.800` = `5 800`
/// and `5.8` = `5,8` where the languages write them so; a changed digit is reported, a format variant not.
struct NumberMismatchRule: UnitRule {
    let id = "number-mismatch"
    let defaultSeverity = Severity.error

    func check(_ unit: UnitAnalysis, context: CheckContext, into findings: inout [Finding]) {
        if unit.target.isBlank { return }
        // Fast path: the same runs of digits in the same order differ at most in their separators, which is the
        // ground of format variants; the value comparison below would accept them too.
        if Self.sameDigitRuns(unit.source.scalars, unit.target.scalars) { return }
        let source = unit.sourceNumbers
        let target = unit.targetNumbers
        if source.isEmpty && target.isEmpty { return }
        var used = [Bool](repeating: false, count: target.count)
        var missing: [NumberToken] = []
        // Exact text first, then by value: `5,800 … 5.8` must pair each with its own reading.
        var pending: [NumberToken] = []
        for number in source {
            if let k = target.indices.first(where: { !used[$0] && target[$0].text == number.text }) {
                used[k] = true
            } else {
                pending.append(number)
            }
        }
        for number in pending {
            if let k = target.indices.first(where: { !used[$0] && number.matches(target[$0]) }) {
                used[k] = true
            } else {
                missing.append(number)
            }
        }
        let extra = target.indices.filter { !used[$0] }.map { target[$0] }
        if missing.isEmpty && extra.isEmpty { return }
        var spans = missing.map { Span(side: .source, range: $0.range) }
        spans += extra.map { Span(side: .target, range: $0.range) }
        let message: String
        if !missing.isEmpty && !extra.isEmpty {
            message = "number changed: " + missing.map { quoted($0.text) }.joined(separator: ", ") + " → "
                + extra.map { quoted($0.text) }.joined(separator: ", ")
        } else if !missing.isEmpty {
            message = "number missing from the target: " + missing.map { quoted($0.text) }.joined(separator: ", ")
        } else {
            message = "number not in the source: " + extra.map { quoted($0.text) }.joined(separator: ", ")
        }
        findings.append(finding(unit, message, spans: spans))
    }

    static func sameDigitRuns(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Bool {
        var i = 0
        var j = 0
        while true {
            while i < a.count, !ScalarTraits.isDigit(a[i]) { i += 1 }
            while j < b.count, !ScalarTraits.isDigit(b[j]) { j += 1 }
            if i == a.count || j == b.count { return i == a.count && j == b.count }
            while i < a.count, j < b.count, ScalarTraits.isDigit(a[i]), a[i] == b[j] {
                i += 1
                j += 1
            }
            let aInRun = i < a.count && ScalarTraits.isDigit(a[i])
            let bInRun = j < b.count && ScalarTraits.isDigit(b[j])
            if aInRun || bInRun { return false }
        }
    }
}
