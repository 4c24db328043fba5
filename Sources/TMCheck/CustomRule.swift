import Foundation
import TMCore

/// A rule from the configuration file: when the source matches `source` (or always, without it), the target
/// must match `target` and must not match `targetForbidden`. Patterns are ICU regular expressions.
public struct CustomRule: Sendable {
    public var id: String
    public var severity: Severity
    public var message: String?
    let source: Pattern?
    let target: Pattern?
    let targetForbidden: Pattern?

    /// `NSRegularExpression` is immutable and documented as thread-safe.
    struct Pattern: @unchecked Sendable {
        let text: String
        let regex: NSRegularExpression

        init(_ text: String) throws {
            self.text = text
            self.regex = try NSRegularExpression(pattern: text)
        }

        func firstMatch(in string: String) -> Range<Int>? {
            let ns = string as NSString
            let r = regex.rangeOfFirstMatch(in: string, range: NSRange(location: 0, length: ns.length))
            guard r.location != NSNotFound else { return nil }
            // UTF-16 offsets to scalar offsets.
            let utf16 = string.utf16
            guard let lo = utf16.index(utf16.startIndex, offsetBy: r.location, limitedBy: utf16.endIndex),
                  let hi = utf16.index(lo, offsetBy: r.length, limitedBy: utf16.endIndex)
            else { return nil }
            let scalars = string.unicodeScalars
            let a = scalars.distance(from: scalars.startIndex, to: lo)
            let b = scalars.distance(from: scalars.startIndex, to: hi)
            return a..<b
        }
    }

    public init(id: String, severity: Severity = .error, message: String? = nil, source: String? = nil,
                target: String? = nil, targetForbidden: String? = nil) throws
    {
        self.id = id
        self.severity = severity
        self.message = message
        self.source = try source.map(Pattern.init)
        self.target = try target.map(Pattern.init)
        self.targetForbidden = try targetForbidden.map(Pattern.init)
    }

    init(_ object: [String: Any], index: Int, file: String) throws(CheckConfigurationError) {
        func string(_ key: String) throws(CheckConfigurationError) -> String? {
            guard let value = object[key] else { return nil }
            guard let text = value as? String else {
                throw CheckConfigurationError(message: "custom rule \(index + 1): ‘\(key)’ must be a string",
                                              file: file)
            }
            return text
        }
        for key in object.keys where !["id", "severity", "message", "source", "target", "targetForbidden"]
            .contains(key)
        {
            throw CheckConfigurationError(message: "custom rule \(index + 1): unknown key ‘\(key)’", file: file)
        }
        guard let id = try string("id"), !id.isEmpty else {
            throw CheckConfigurationError(message: "custom rule \(index + 1) has no ‘id’", file: file)
        }
        var severity = Severity.error
        if let text = try string("severity") {
            guard let s = Severity(rawValue: text) else {
                throw CheckConfigurationError(message: "custom rule ‘\(id)’: unknown severity ‘\(text)’", file: file)
            }
            severity = s
        }
        let target = try string("target")
        let forbidden = try string("targetForbidden")
        guard target != nil || forbidden != nil else {
            throw CheckConfigurationError(
                message: "custom rule ‘\(id)’ needs ‘target’ or ‘targetForbidden’", file: file)
        }
        do {
            try self.init(id: id, severity: severity, message: try string("message"), source: try string("source"),
                          target: target, targetForbidden: forbidden)
        } catch let error as CheckConfigurationError {
            throw error
        } catch {
            throw CheckConfigurationError(message: "custom rule ‘\(id)’: bad pattern: \(error)", file: file)
        }
    }

    func check(_ unit: TranslationUnit) -> Finding? {
        var spans: [Span] = []
        if let source {
            guard let r = source.firstMatch(in: unit.source) else { return nil }
            spans.append(Span(side: .source, range: r))
        }
        if let target, target.firstMatch(in: unit.target) == nil {
            let text = message ?? "the target does not match \(target.text)"
            return Finding(rule: id, severity: severity, units: [unit.id], message: text, source: unit.source,
                           target: unit.target, spans: spans)
        }
        if let targetForbidden, let r = targetForbidden.firstMatch(in: unit.target) {
            spans.append(Span(side: .target, range: r))
            let text = message ?? "the target matches the forbidden pattern \(targetForbidden.text)"
            return Finding(rule: id, severity: severity, units: [unit.id], message: text, source: unit.source,
                           target: unit.target, spans: spans)
        }
        return nil
    }
}
