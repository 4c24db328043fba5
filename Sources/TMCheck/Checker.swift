import Dispatch
import TMCore

/// Runs the selected QA rules over translation units and returns the findings in a deterministic order.
///
///     let checker = Checker(configuration: CheckConfiguration(enabledRules: ["number-mismatch"]))
///     let findings = checker.check(units, glossary: glossary)
///
/// Unit rules run in parallel over chunks of units; the rules that compare units with each other
/// (`inconsistent-*`, `length-ratio`) run afterwards on keys and lengths gathered in the same pass. Findings are
/// ordered by the position of their (first) unit, then by the rule order of `Checker.ruleIDs`.
public struct Checker: Sendable {
    public var configuration: CheckConfiguration

    public init(configuration: CheckConfiguration = CheckConfiguration()) {
        self.configuration = configuration
    }

    static let unitRules: [any UnitRule] = [
        EmptyTargetRule(), UntranslatedRule(), NumberMismatchRule(), PlaceholderMismatchRule(), TagMismatchRule(),
        URLMismatchRule(), TermMissingRule(), TermForbiddenRule(), EdgeWhitespaceRule(), DoubleSpaceRule(),
        NoBreakSpaceRule(), RepeatedWordRule(), EndPunctuationRule(), UnbalancedBracketsRule(), InitialCaseRule(),
        LowConfidenceRule(),
    ]

    /// Every built-in rule id, in report order.
    public static let ruleIDs: [String] = unitRules.map(\.id) + [
        LengthRatioRule().id, InconsistencyRule.target.id, InconsistencyRule.source.id,
    ]

    /// The default severity of each built-in rule.
    public static let defaultSeverities: [String: Severity] = {
        var map: [String: Severity] = [:]
        for rule in unitRules { map[rule.id] = rule.defaultSeverity }
        map[LengthRatioRule().id] = LengthRatioRule().defaultSeverity
        map[InconsistencyRule.target.id] = InconsistencyRule.target.defaultSeverity
        map[InconsistencyRule.source.id] = InconsistencyRule.source.defaultSeverity
        return map
    }()

    /// Runs the enabled rules over `units` (one TM or several files' units together).
    public func check(_ units: [TranslationUnit], glossary: Glossary? = nil) -> [Finding] {
        let enabled = configuration.enabledRules ?? Set(Self.ruleIDs)
        let rules = Self.unitRules.filter { enabled.contains($0.id) }
        let context = CheckContext(options: configuration.options, glossary: glossary.map(PreparedGlossary.init))
        let wantsConsistency = enabled.contains(InconsistencyRule.target.id)
            || enabled.contains(InconsistencyRule.source.id)
        let wantsLength = enabled.contains(LengthRatioRule().id)
        let custom = configuration.customRules
        let options = configuration.options

        // One pass over the units, in parallel chunks; each chunk writes only its own slots.
        let chunkSize = 2048
        let chunkCount = (units.count + chunkSize - 1) / chunkSize
        let perChunk = SlotArray<[(Int, Finding)]>(count: chunkCount, initial: [])
        let keys = SlotArray<(ConsistencyKey.Key, ConsistencyKey.Key)?>(count: wantsConsistency ? units.count : 0, initial: nil)
        let lengths = SlotArray<(Int, Int)?>(count: wantsLength ? units.count : 0, initial: nil)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            var local: [(Int, Finding)] = []
            var buffer: [Finding] = []
            let range = (chunk * chunkSize)..<min(units.count, (chunk + 1) * chunkSize)
            for index in range {
                let analysis = UnitAnalysis(units[index])
                buffer.removeAll(keepingCapacity: true)
                let blankTarget = analysis.target.isBlank
                for rule in rules {
                    // With no translation, only the rules about emptiness have something to say.
                    if blankTarget, rule.id != "empty-target", rule.id != "low-confidence" { continue }
                    rule.check(analysis, context: context, into: &buffer)
                }
                for rule in custom where !blankTarget {
                    if let f = rule.check(analysis.unit) { buffer.append(f) }
                }
                for f in buffer { local.append((index, f)) }
                if wantsConsistency, !blankTarget {
                    keys[index] = (
                        ConsistencyKey.make(analysis.source, ignoringNumbers: options.consistencyIgnoresNumbers,
                                            ignoringCodes: options.consistencyIgnoresTags),
                        ConsistencyKey.make(analysis.target, ignoringNumbers: options.consistencyIgnoresNumbers,
                                            ignoringCodes: options.consistencyIgnoresTags))
                }
                if wantsLength, let sb = analysis.source.trimmedBounds, let tb = analysis.target.trimmedBounds {
                    lengths[index] = (sb.count, tb.count)
                }
            }
            perChunk[chunk] = local
        }

        // The rules that compare units with each other are independent: run them side by side.
        var corpusRules: [@Sendable () -> [(Int, Finding)]] = []
        if wantsLength {
            let lengthValues = lengths.values
            corpusRules.append { LengthRatioRule().findings(units: units, lengths: lengthValues, options: options) }
        }
        if wantsConsistency {
            let keyValues = keys.values
            for rule in [InconsistencyRule.target, InconsistencyRule.source] where enabled.contains(rule.id) {
                corpusRules.append { rule.findings(units: units, keys: keyValues) }
            }
        }
        let corpusFindings = SlotArray<[(Int, Finding)]>(count: corpusRules.count, initial: [])
        let tasks = corpusRules
        DispatchQueue.concurrentPerform(iterations: tasks.count) { k in corpusFindings[k] = tasks[k]() }
        var all: [(Int, Finding)] = perChunk.values.flatMap { $0 }
        for found in corpusFindings.values { all += found }
        let order = Dictionary(uniqueKeysWithValues: Self.ruleIDs.enumerated().map { ($1, $0) })
        let customOrder = Dictionary(custom.enumerated().map { ($1.id, Self.ruleIDs.count + $0) },
                                     uniquingKeysWith: { a, _ in a })
        // Rank each finding once, then sort by (unit position, rule rank, emission order).
        let ranked = all.enumerated().map { position, pair in
            (unit: pair.0, rank: order[pair.1.rule] ?? customOrder[pair.1.rule] ?? Int.max, position: position,
             finding: pair.1)
        }
        let sorted = ranked.sorted { a, b in
            if a.unit != b.unit { return a.unit < b.unit }
            if a.rank != b.rank { return a.rank < b.rank }
            return a.position < b.position
        }
        return sorted.map { item in
            var finding = item.finding
            if let severity = configuration.severities[finding.rule] { finding.severity = severity }
            return finding
        }
    }
}

/// A fixed-size array whose distinct slots may be written from different threads at once.
final class SlotArray<Element>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Element>

    init(count: Int, initial: Element) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: initial)
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    subscript(index: Int) -> Element {
        get { storage[index] }
        set { storage[index] = newValue }
    }

    var values: [Element] { Array(storage) }
}
