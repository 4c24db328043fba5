import TMCore
@testable import TMCheck

/// Text with the spans a finding should point at marked as `⟦…⟧`, as in swift-format's marked-text tests.
struct MarkedText {
    let text: String
    let spans: [Range<Int>]

    init(_ marked: String) {
        var scalars = String.UnicodeScalarView()
        var spans: [Range<Int>] = []
        var open: Int? = nil
        for c in marked.unicodeScalars {
            if c == "⟦" {
                open = scalars.count
            } else if c == "⟧", let start = open {
                spans.append(start..<scalars.count)
                open = nil
            } else {
                scalars.append(c)
            }
        }
        text = String(scalars)
        self.spans = spans
    }
}

func tag(_ text: String) -> LanguageTag {
    LanguageTag(text) ?? LanguageTag("und")!
}

func unit(_ source: String, _ target: String, _ sourceLanguage: String = "en", _ targetLanguage: String = "de",
          id: String = "1", confidence: Double? = nil) -> TranslationUnit
{
    TranslationUnit(id: id, source: source, target: target, sourceLanguage: tag(sourceLanguage),
                    targetLanguage: tag(targetLanguage), confidence: confidence)
}

/// Runs one rule over units.
func run(_ rule: String, _ units: [TranslationUnit], glossary: Glossary? = nil) -> [Finding] {
    Checker(configuration: CheckConfiguration(enabledRules: [rule])).check(units, glossary: glossary)
}

/// Runs one rule over one unit given as marked texts; returns the findings and the expected spans.
func runMarked(_ rule: String, _ source: String, _ target: String, _ sourceLanguage: String = "en",
               _ targetLanguage: String = "de") -> (findings: [Finding], expected: [Span])
{
    let s = MarkedText(source)
    let t = MarkedText(target)
    let findings = run(rule, [unit(s.text, t.text, sourceLanguage, targetLanguage)])
    let expected = s.spans.map { Span(side: .source, range: $0) } + t.spans.map { Span(side: .target, range: $0) }
    return (findings, expected)
}
