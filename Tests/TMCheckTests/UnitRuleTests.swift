import Testing
import TMCore
@testable import TMCheck

/// One row per case: the rule, source and target with the expected spans marked `⟦…⟧`, the languages, and
/// whether the rule must report (a row with no marks and `reports: false` must stay quiet).
struct RuleCase: CustomTestStringConvertible, Sendable {
    var rule: String
    var source: String
    var target: String
    var languages: (String, String) = ("en", "de")
    var reports: Bool
    var testDescription: String { "\(rule): \(source) → \(target)" }
}

let ruleCases: [RuleCase] = [
    // numbers: values, not spellings
    RuleCase(rule: "number-mismatch", source: "It has 5,800 lines.", target: "Es hat 5.800 Zeilen.", reports: false),
    RuleCase(rule: "number-mismatch", source: "It has 5800 lines.", target: "Il a 5\u{A0}800 lignes.",
             languages: ("en", "fr"), reports: false),
    RuleCase(rule: "number-mismatch", source: "It has 5,800 lines.", target: "Il a 5\u{202F}800 lignes.",
             languages: ("en", "fr"), reports: false),
    RuleCase(rule: "number-mismatch", source: "Rate 5.8 percent", target: "Rate 5,8 Prozent", reports: false),
    RuleCase(rule: "number-mismatch", source: "1,234.5 m", target: "1.234,5 m", languages: ("en", "es"),
             reports: false),
    RuleCase(rule: "number-mismatch", source: "5800 nəfər həbs edilib", target: "5,800 people were arrested",
             languages: ("az", "en"), reports: false),
    RuleCase(rule: "number-mismatch", source: "Version 2.4.1 and %1$d files", target: "Version 2.4.1 und %1$d Dateien",
             reports: false),
    RuleCase(rule: "number-mismatch", source: "It has ⟦5,800⟧ lines.", target: "Es hat ⟦5.900⟧ Zeilen.", reports: true),
    RuleCase(rule: "number-mismatch", source: "Rate ⟦5.8⟧ percent", target: "Rate ⟦5,9⟧ Prozent", reports: true),
    RuleCase(rule: "number-mismatch", source: "164 killed, ⟦4⟧ children", target: "164 Tote, Kinder", reports: true),
    // placeholders
    RuleCase(rule: "placeholder-mismatch", source: "Copy %s to %d places", target: "%2$d Orte für %1$s",
             reports: false),
    RuleCase(rule: "placeholder-mismatch", source: "Hello {name}, {0} new", target: "Hallo {name}, {0} neu",
             reports: false),
    RuleCase(rule: "placeholder-mismatch", source: "Pad ⟦{0,-10}⟧ and {1:N2}", target: "Auffüllen ⟦{0}⟧ und {1:N2}",
             reports: true),
    RuleCase(rule: "placeholder-mismatch", source: "conv={ascii,ebcdic}", target: "conv={ASCII,EBCDIC}",
             reports: false),
    RuleCase(rule: "placeholder-mismatch", source: "50% done", target: "50 % erledigt", reports: false),
    RuleCase(rule: "placeholder-mismatch", source: "Delete ⟦%d⟧ files?", target: "⟦%s⟧ Dateien löschen?",
             reports: true),
    RuleCase(rule: "placeholder-mismatch", source: "Open ⟦{0}⟧ now", target: "Jetzt öffnen", reports: true),
    RuleCase(rule: "placeholder-mismatch", source: "Value ⟦%(count)s⟧", target: "Wert ⟦%(anzahl)s⟧", reports: true),
    RuleCase(rule: "placeholder-mismatch", source: "Path ⟦${HOME}⟧", target: "Pfad", reports: true),
    RuleCase(rule: "placeholder-mismatch", source: "50% discount", target: "%50 indirim", languages: ("en", "tr"),
             reports: false),
    RuleCase(rule: "number-mismatch", source: "50% discount", target: "%50 indirim", languages: ("en", "tr"),
             reports: false),
    // markup
    RuleCase(rule: "tag-mismatch", source: "Click <b>here</b>", target: "Klicken Sie <b>hier</b>", reports: false),
    RuleCase(rule: "tag-mismatch", source: "Line<br />break", target: "Zeilen<br/>umbruch", reports: false),
    RuleCase(rule: "tag-mismatch", source: "Usage: cp <FILE> <DIR>", target: "Aufruf: cp <DATEI> <VERZ>",
             reports: false),
    RuleCase(rule: "tag-mismatch", source: "Click <b>here⟦</b>⟧", target: "Klicken Sie <b>hier", reports: true),
    RuleCase(rule: "tag-mismatch", source: "⟦<a href=\"x.html\">⟧go</a>", target: "⟦<a href=\"y.html\">⟧los</a>",
             reports: true),
    // URLs and e-mail
    RuleCase(rule: "url-mismatch", source: "See https://example.org/help.", target: "Siehe https://EXAMPLE.org/help.",
             reports: false),
    RuleCase(rule: "url-mismatch", source: "See ⟦https://example.org/help⟧.",
             target: "Siehe ⟦https://example.org/hilfe⟧.", reports: true),
    RuleCase(rule: "url-mismatch", source: "Write to ⟦bugs@example.org⟧.", target: "Schreiben Sie an ⟦bug@example.org⟧.",
             reports: true),
    // completeness
    RuleCase(rule: "untranslated", source: "Open the selected file now", target: "⟦Open the selected file now⟧",
             reports: true),
    RuleCase(rule: "untranslated", source: "Error", target: "Error", languages: ("en", "es"), reports: false),
    RuleCase(rule: "untranslated", source: "GNU GPL %s 3.0", target: "GNU GPL %s 3.0", reports: false),
    RuleCase(rule: "untranslated", source: "Debian Linux", target: "Debian Linux", reports: false),
    RuleCase(rule: "empty-target", source: "Open", target: "  ", reports: true),
    RuleCase(rule: "empty-target", source: "", target: "", reports: false),
    // whitespace
    RuleCase(rule: "edge-whitespace", source: "Name:⟦ ⟧", target: "Name:", reports: true),
    RuleCase(rule: "edge-whitespace", source: "Done\n", target: "Fertig\n", reports: false),
    RuleCase(rule: "double-space", source: "Open the file", target: "Öffnen Sie⟦  ⟧die Datei", reports: true),
    RuleCase(rule: "double-space", source: "  -a    all", target: "  -a     alle", reports: false),
    RuleCase(rule: "nbsp-mismatch", source: "Really?", target: "Vraiment\u{A0}?", languages: ("en", "fr"),
             reports: false),
    RuleCase(rule: "nbsp-mismatch", source: "a real package", target: "un véritable⟦\u{A0}⟧paquet",
             languages: ("en", "fr"), reports: true),
    // repeated words
    RuleCase(rule: "repeated-word", source: "the house of the king", target: "la casa de del rey",
             languages: ("en", "es"), reports: false),
    RuleCase(rule: "repeated-word", source: "the house of the king", target: "la casa ⟦de de⟧ el rey",
             languages: ("en", "es"), reports: true),
    RuleCase(rule: "repeated-word", source: "Please fix them", target: "Bitte beheben Sie sie", reports: false),
    RuleCase(rule: "repeated-word", source: "the link that the file uses",
             target: "die Verknüpfung, auf die die Datei zeigt", reports: false),
    RuleCase(rule: "repeated-word", source: "despite the authenticity check",
             target: "malgré le contrôle ⟦d'authenticité authenticité⟧", languages: ("en", "fr"), reports: true),
    RuleCase(rule: "repeated-word", source: "bye bye", target: "tschüss tschüss", reports: false),
    RuleCase(rule: "repeated-word", source: "cat-file file", target: "cat-file Datei", reports: false),
    RuleCase(rule: "repeated-word", source: "cat-file file and the same setup",
             target: "cat-file Datei und die ⟦gleiche gleiche⟧ Einrichtung", reports: true),
    // punctuation
    RuleCase(rule: "end-punctuation", source: "Open the file.", target: "Datei öffne⟦n⟧", reports: true),
    RuleCase(rule: "end-punctuation", source: "Really?", target: "Vraiment ?", languages: ("en", "fr"),
             reports: false),
    RuleCase(rule: "end-punctuation", source: "Done.", target: "完成。", languages: ("en", "zh"), reports: false),
    RuleCase(rule: "end-punctuation", source: "Why?", target: "Γιατί;", languages: ("en", "el"), reports: false),
    RuleCase(rule: "end-punctuation", source: "Wait...", target: "Warten Sie…", reports: false),
    RuleCase(rule: "end-punctuation", source: "He said “go.”", target: "Er sagte „geh.“", reports: false),
    RuleCase(rule: "unbalanced-brackets", source: "Save (all)", target: "Alle speichern ⟦(⟧alle", reports: true),
    RuleCase(rule: "unbalanced-brackets", source: "a) first", target: "a) erstens", reports: false),
    RuleCase(rule: "unbalanced-brackets", source: "say \"hi\"", target: "sag ⟦\"⟧hallo", reports: true),
    // case
    RuleCase(rule: "initial-case", source: "Open the file", target: "⟦d⟧atei öffnen", reports: true),
    RuleCase(rule: "initial-case", source: "file not found", target: "Datei nicht gefunden", reports: false),
    RuleCase(rule: "initial-case", source: "file not found", target: "⟦F⟧ichier introuvable",
             languages: ("en", "fr"), reports: true),
    RuleCase(rule: "initial-case", source: "%s: not found", target: "%s: introuvable", languages: ("en", "fr"),
             reports: false),
]

@Test(arguments: ruleCases)
func ruleReportsWhatItShould(_ row: RuleCase) {
    let (findings, expected) = runMarked(row.rule, row.source, row.target, row.languages.0, row.languages.1)
    if row.reports {
        #expect(findings.count == 1)
        if let finding = findings.first {
            #expect(finding.rule == row.rule)
            #expect(finding.units == ["1"])
            #expect(Set(finding.spans) == Set(expected))
        }
    } else {
        #expect(findings.isEmpty, "\(findings.map(\.message))")
    }
}

@Test func numberMessageNamesBothSides() {
    let findings = run("number-mismatch", [unit("It has 5,800 lines.", "Es hat 5.900 Zeilen.")])
    #expect(findings.first?.message == "number changed: “5,800” → “5.900”")
    #expect(findings.first?.severity == .error)
}

@Test func lowConfidenceUsesTheThreshold() {
    let units = [unit("a", "b", id: "1", confidence: 0.2), unit("c", "d", id: "2", confidence: 0.9),
                 unit("e", "f", id: "3")]
    let findings = run("low-confidence", units)
    #expect(findings.map(\.units) == [["1"]])
    #expect(findings.first?.message == "alignment confidence 0.2 is below 0.5")
}

@Test func blankTargetsOnlyReportEmptiness() {
    let findings = Checker().check([unit("Open %s at 5 o'clock.", "")])
    #expect(findings.map(\.rule) == ["empty-target"])
}
