import Foundation
import TMCore

/// What `tmkit check` runs: which rules, at which severities, with which options and custom rules.
///
/// Read from a JSON file (`--config`), then narrowed by `--checks`:
///
///     {
///       "checks": ["numbers", "placeholder-mismatch", "terminology"],   // default: all rules
///       "disable": ["initial-case"],
///       "severities": {"double-space": "info", "untranslated": "error"},
///       "options": {"lengthRatioFactor": 3, "consistencyIgnoresNumbers": true},
///       "custom": [
///         {"id": "keep-brand", "source": "\\bAcme\\b", "target": "\\bAcme\\b",
///          "severity": "error", "message": "Acme must stay Acme"},
///         {"id": "no-du", "targetForbidden": "\\bdu\\b", "severity": "warning"}
///       ]
///     }
///
/// Check names are rule ids or group names (`numbers`, `markup`, `consistency`, `terminology`, `whitespace`,
/// `punctuation`, `style`, `all`).
public struct CheckConfiguration: Sendable {
    /// The rules to run (ids); nil runs every built-in rule.
    public var enabledRules: Set<String>?
    /// Severity per rule id, overriding the rule's default.
    public var severities: [String: Severity] = [:]
    public var options = CheckOptions()
    public var customRules: [CustomRule] = []

    public init(enabledRules: Set<String>? = nil, severities: [String: Severity] = [:],
                options: CheckOptions = CheckOptions(), customRules: [CustomRule] = [])
    {
        self.enabledRules = enabledRules
        self.severities = severities
        self.options = options
        self.customRules = customRules
    }

    /// Rule groups accepted by `--checks` and `"checks"`.
    public static let groups: [String: [String]] = [
        "consistency": ["inconsistent-target", "inconsistent-source"],
        "terminology": ["term-missing", "term-forbidden"],
        "numbers": ["number-mismatch"],
        "markup": ["placeholder-mismatch", "tag-mismatch", "url-mismatch"],
        "whitespace": ["edge-whitespace", "double-space", "nbsp-mismatch"],
        "punctuation": ["end-punctuation", "unbalanced-brackets"],
        "style": ["repeated-word", "initial-case", "length-ratio"],
        "completeness": ["empty-target", "untranslated"],
        "alignment": ["low-confidence"],
    ]

    /// Expands a comma-separated list of rule ids and group names, `-` in front of a name removing it.
    /// Throws on an unknown name.
    public static func expand(_ list: String) throws(CheckConfigurationError) -> Set<String> {
        var result = Set<String>()
        var sawPositive = false
        var removals = Set<String>()
        for raw in list.split(separator: ",") {
            var name = raw.trimmingCharacters(in: .whitespaces)
            if name.isEmpty { continue }
            let negative = name.hasPrefix("-")
            if negative { name.removeFirst() }
            let ids: [String]
            if name == "all" {
                ids = Checker.ruleIDs
            } else if let group = groups[name] {
                ids = group
            } else if Checker.ruleIDs.contains(name) {
                ids = [name]
            } else {
                throw CheckConfigurationError(message: "unknown check ‘\(name)’; known: all, "
                    + (groups.keys.sorted() + Checker.ruleIDs).joined(separator: ", "))
            }
            if negative {
                removals.formUnion(ids)
            } else {
                sawPositive = true
                result.formUnion(ids)
            }
        }
        if !sawPositive { result = Set(Checker.ruleIDs) }
        return result.subtracting(removals)
    }

    /// Parses a JSON configuration file's contents. `file` is used in error messages only.
    public static func parse(json: String, file: String) throws(CheckConfigurationError) -> CheckConfiguration {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(json.utf8))
        } catch {
            throw CheckConfigurationError(message: "not valid JSON: \(error.localizedDescription)", file: file)
        }
        guard let root = object as? [String: Any] else {
            throw CheckConfigurationError(message: "the configuration must be a JSON object", file: file)
        }
        var config = CheckConfiguration()
        for key in root.keys where !["checks", "disable", "severities", "options", "custom"].contains(key) {
            throw CheckConfigurationError(message: "unknown key ‘\(key)’", file: file)
        }
        do {
            if let checks = root["checks"] {
                guard let list = checks as? [String] else {
                    throw CheckConfigurationError(message: "‘checks’ must be a list of names", file: file)
                }
                config.enabledRules = try expand(list.joined(separator: ","))
            }
            if let disable = root["disable"] {
                guard let list = disable as? [String] else {
                    throw CheckConfigurationError(message: "‘disable’ must be a list of names", file: file)
                }
                let removed = try expand(list.joined(separator: ","))
                config.enabledRules = (config.enabledRules ?? Set(Checker.ruleIDs)).subtracting(removed)
            }
        } catch let error as CheckConfigurationError {
            throw CheckConfigurationError(message: error.message, file: file)
        } catch {
            throw CheckConfigurationError(message: "\(error)", file: file)
        }
        if let severities = root["severities"] {
            guard let map = severities as? [String: String] else {
                throw CheckConfigurationError(message: "‘severities’ must map rule ids to severities", file: file)
            }
            for (rule, value) in map {
                guard let severity = Severity(rawValue: value) else {
                    throw CheckConfigurationError(message: "unknown severity ‘\(value)’ for ‘\(rule)’", file: file)
                }
                config.severities[rule] = severity
            }
        }
        if let options = root["options"] {
            guard let map = options as? [String: Any] else {
                throw CheckConfigurationError(message: "‘options’ must be an object", file: file)
            }
            try config.options.apply(map, file: file)
        }
        if let custom = root["custom"] {
            guard let list = custom as? [[String: Any]] else {
                throw CheckConfigurationError(message: "‘custom’ must be a list of objects", file: file)
            }
            for (index, object) in list.enumerated() {
                config.customRules.append(try CustomRule(object, index: index, file: file))
            }
        }
        return config
    }
}

/// A problem in a configuration, `--checks` list or ignore file.
public struct CheckConfigurationError: LocatedError, Equatable {
    public var message: String
    public var location: InputLocation?

    public init(message: String, file: String? = nil, line: Int? = nil) {
        self.message = message
        self.location = file.map { InputLocation(file: $0, line: line) }
    }
}

extension CheckOptions {
    mutating func apply(_ map: [String: Any], file: String) throws(CheckConfigurationError) {
        func number(_ key: String) throws(CheckConfigurationError) -> Double {
            guard let value = map[key] as? NSNumber else {
                throw CheckConfigurationError(message: "option ‘\(key)’ must be a number", file: file)
            }
            return value.doubleValue
        }
        func flag(_ key: String) throws(CheckConfigurationError) -> Bool {
            guard let value = map[key] as? Bool else {
                throw CheckConfigurationError(message: "option ‘\(key)’ must be true or false", file: file)
            }
            return value
        }
        for key in map.keys.sorted() {
            switch key {
            case "lengthRatioFactor": lengthRatioFactor = try number(key)
            case "lengthRatioMinimumLength": lengthRatioMinimumLength = Int(try number(key))
            case "minimumConfidence": minimumConfidence = try number(key)
            case "consistencyIgnoresNumbers": consistencyIgnoresNumbers = try flag(key)
            case "consistencyIgnoresTags": consistencyIgnoresTags = try flag(key)
            case "untranslatedMinimumWords": untranslatedMinimumWords = Int(try number(key))
            default: throw CheckConfigurationError(message: "unknown option ‘\(key)’", file: file)
            }
        }
    }
}
