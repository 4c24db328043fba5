import Testing
import TMCore
@testable import TMCheck

private func glossary(_ source: String, _ target: String, _ pairs: [(String, String, String?)]) -> Glossary {
    Glossary(sourceLanguage: tag(source), targetLanguage: tag(target), entries: pairs.enumerated().map { k, pair in
        TermEntry(id: "c\(k + 1)", sourceTerms: [Term(text: pair.0)],
                  targetTerms: [Term(text: pair.1, administrativeStatus: pair.2)])
    })
}

@Test(arguments: [
    ("Qazaxıstanda etirazlar", "protests in Kazakhstan"),
    ("QAZAXISTANIN rəsmiləri", "Kazakhstan's officials"),
    ("Qazaxıstan'da", "in Kazakhstan"),
])
func azerbaijaniInflectionsFindTheSourceTerm(source: String, target: String) {
    let g = glossary("az", "en", [("Qazaxıstan", "Kazakhstan", nil)])
    #expect(run("term-missing", [unit(source, target, "az", "en")], glossary: g).isEmpty)
    // …and without the translation the term is reported.
    let missing = run("term-missing", [unit(source, "protests in the country", "az", "en")], glossary: g)
    #expect(missing.count == 1)
    #expect(missing.first?.spans.first?.side == .source)
}

@Test(arguments: [
    ("colour revolutions", "rəngli inqilablar"),
    ("the revolution", "“rəngli inqilablar”la"),
    ("revolutions", "inqilabın"),
])
func inflectedTargetsSatisfyTheGlossary(source: String, target: String) {
    let g = glossary("en", "az", [("revolution", "inqilab", nil)])
    #expect(run("term-missing", [unit(source, target, "en", "az")], glossary: g).isEmpty)
}

@Test func turkishSofteningIsAnInflection() {
    let g = glossary("en", "tr", [("book", "kitap", nil)])
    #expect(run("term-missing", [unit("the book", "kitabı okudum", "en", "tr")], glossary: g).isEmpty)
    #expect(run("term-missing", [unit("the book", "defteri okudum", "en", "tr")], glossary: g).count == 1)
}

@Test func englishPluralsMatchTheLemma() {
    let g = glossary("en", "de", [("policy", "Richtlinie", nil), ("file", "Datei", nil)])
    let units = [unit("two policies", "zwei Richtlinien"), unit("the files", "die Dateien", id: "2")]
    #expect(run("term-missing", units, glossary: g).isEmpty)
}

@Test func missingTermIsReportedWithItsSpan() {
    let g = glossary("en", "de", [("directory", "Verzeichnis", nil)])
    let findings = run("term-missing", [unit("Remove the directory", "Den Ordner entfernen")], glossary: g)
    #expect(findings.count == 1)
    #expect(findings.first?.message == "glossary term “directory” is not translated as “Verzeichnis”")
    #expect(findings.first?.spans == [Span(side: .source, range: 11..<20)])
}

@Test func deprecatedTermIsForbiddenInAnyForm() {
    let g = Glossary(sourceLanguage: tag("en"), targetLanguage: tag("de"), entries: [
        TermEntry(id: "c1", sourceTerms: [Term(text: "directory")],
                  targetTerms: [Term(text: "Verzeichnis", administrativeStatus: "preferredTerm-admn-sts"),
                                Term(text: "Ordner", administrativeStatus: "deprecatedTerm-admn-sts")]),
    ])
    let findings = Checker(configuration: CheckConfiguration(enabledRules: ["term-missing", "term-forbidden"]))
        .check([unit("Two directories", "Zwei Ordnern")], glossary: g)
    #expect(findings.map(\.rule) == ["term-missing", "term-forbidden"])
    #expect(findings.last?.severity == .error)
    #expect(findings.last?.spans == [Span(side: .target, range: 5..<12)])
}

@Test func turkicCaseFolding() {
    #expect(CaseFolding.fold("İSTANBUL", language: "tr") == "istanbul")
    #expect(CaseFolding.fold("QAZAXISTAN", language: "az") == "qazaxıstan")
    #expect(CaseFolding.fold("ISTANBUL", language: "en") == "istanbul")
}

@Test(arguments: ["Die Dateinamen prüfen", "Spezialdateien werden nicht unterstützt", "Die Arbeitsdateien"])
func germanCompoundsHoldTheTerm(target: String) {
    let g = glossary("en", "de", [("file", "Datei", nil)])
    #expect(run("term-missing", [unit("the file", target)], glossary: g).isEmpty)
}
