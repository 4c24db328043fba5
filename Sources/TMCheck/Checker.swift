import Dispatch
import TMCore

/// Runs the selected QA rules over translation units and returns the findings in a deterministic order.
///
///     let checker = Checker(configuration: CheckConfiguration(enabledRules: ["number-mismatch"]))
///     let findings = checker.check(units, glossary: glossary)
///
/// Unit rules run in parallel over chunks of units; the rules that compare units with each other
/// (`inconsistent-*`, `length-ratio`) run afterwards on key hashes and lengths gathered in the same pass
/// (`CheckRun`). Findings of the unit rules come first, in input order (per unit in the rule order of
/// `Checker.ruleIDs`), then the corpus rules' findings, ordered by their first unit.
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
        LengthRatioRule.id, InconsistencyRule.target.id, InconsistencyRule.source.id,
    ]

    /// The default severity of each built-in rule.
    public static let defaultSeverities: [String: Severity] = {
        var map: [String: Severity] = [:]
        for rule in unitRules { map[rule.id] = rule.defaultSeverity }
        map[LengthRatioRule.id] = LengthRatioRule.defaultSeverity
        map[InconsistencyRule.target.id] = InconsistencyRule.target.defaultSeverity
        map[InconsistencyRule.source.id] = InconsistencyRule.source.defaultSeverity
        return map
    }()

    /// Runs the enabled rules over `units` (one TM or several files' units together): first the findings of the
    /// unit rules (and custom rules) in input order, then those of the corpus rules (`length-ratio`,
    /// `inconsistent-*`) by their first unit. For a stream too large for memory, use `CheckRun`.
    public func check(_ units: [TranslationUnit], glossary: Glossary? = nil) -> [Finding] {
        let run = CheckRun(checker: self, glossary: glossary)
        var findings: [Finding] = []
        let chunk = 16_384
        var start = 0
        while start < units.count {
            let end = min(units.count, start + chunk)
            findings += run.check(Array(units[start..<end]))
            start = end
        }
        findings += run.finish(units: units)
        return findings
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

    /// The slots themselves, to copy from once the writers are done.
    var buffer: UnsafeMutableBufferPointer<Element> { storage }
}
