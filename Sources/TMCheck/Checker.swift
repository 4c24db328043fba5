import TMCore
import TMText

/// Runs QA rules over translation units. (Skeleton: replaced by the rule set.)
public struct Checker: Sendable {
    public init() {}

    public func check(_ units: [TranslationUnit], glossary: Glossary? = nil) -> [Finding] {
        []
    }
}
