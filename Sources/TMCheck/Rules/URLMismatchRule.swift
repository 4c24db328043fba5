import TMCore

/// `url-mismatch`: a URL or e-mail address of the source missing or changed in the target.
struct URLMismatchRule: UnitRule {
    let id = "url-mismatch"
    let defaultSeverity = Severity.error

    func check(_ unit: UnitAnalysis, context: CheckContext, into findings: inout [Finding]) {
        if unit.target.isBlank { return }
        let source = unit.source.codes.filter { $0.kind == .url || $0.kind == .email }
        let target = unit.target.codes.filter { $0.kind == .url || $0.kind == .email }
        if source.isEmpty && target.isEmpty { return }
        let comparison = CodeComparison(source: source, target: target, key: Self.key)
        if comparison.isEmpty { return }
        let noun = (comparison.missing + comparison.extra).allSatisfy { $0.kind == .email } ? "e-mail address" : "URL"
        let (message, spans) = comparison.describe(noun)
        findings.append(finding(unit, message, spans: spans))
    }

    /// Scheme and host are case-insensitive, and a trailing slash does not change the address.
    static func key(_ code: InlineCode) -> String {
        if code.kind == .email { return code.text.lowercased() }
        var text = code.text
        if text.hasSuffix("/") { text.removeLast() }
        let scalars = Array(text.unicodeScalars)
        var hostStart = 0
        if let k = scalars.indices.dropLast().first(where: { scalars[$0] == "/" && scalars[$0 + 1] == "/" }) {
            hostStart = k + 2
        }
        var hostEnd = hostStart
        while hostEnd < scalars.count, scalars[hostEnd] != "/" { hostEnd += 1 }
        return ScalarTraits.string(scalars[..<hostEnd]).lowercased()
            + ScalarTraits.string(scalars[hostEnd...])
    }
}
