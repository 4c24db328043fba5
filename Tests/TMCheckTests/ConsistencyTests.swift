import Testing
import TMCore
@testable import TMCheck

@Test func sameSourceTranslatedTwoWaysIsReportedOnce() {
    let units = [
        unit("Open the file.", "Datei öffnen.", id: "1"),
        unit("open the  file", "datei öffnen", id: "2"),  // same after case, spaces, punctuation
        unit("Open the file.", "Öffnen Sie die Datei.", id: "3"),
        unit("Close", "Schließen", id: "4"),
    ]
    let findings = run("inconsistent-target", units)
    #expect(findings.count == 1)
    #expect(findings.first?.units == ["1", "2", "3"])
    #expect(findings.first?.message.hasPrefix("the same source is translated 2 ways: “Datei öffnen.” (units 1, 2)")
        == true)
}

@Test func sameTargetForDifferentSources() {
    let units = [unit("Close", "Schließen", id: "a"), unit("Quit", "Schließen", id: "b"),
                 unit("Close", "Schließen", id: "c")]
    let findings = run("inconsistent-source", units)
    #expect(findings.map(\.units) == [["a", "b", "c"]])
}

@Test func numbersAndTagsCanBeIgnored() {
    let units = [unit("Page 1 of <b>2</b>", "Seite 1 von <b>2</b>", id: "1"),
                 unit("Page 3 of 4", "Blatt 3 von 4", id: "2")]
    #expect(run("inconsistent-target", units).isEmpty)
    var options = CheckOptions()
    options.consistencyIgnoresNumbers = true
    options.consistencyIgnoresTags = true
    let checker = Checker(configuration: CheckConfiguration(enabledRules: ["inconsistent-target"], options: options))
    #expect(checker.check(units).map(\.units) == [["1", "2"]])
}

@Test func lengthRatioComparesWithTheMedian() {
    var units = (0..<30).map { k in unit("Source sentence number \(k) here", "Zielsatz Nummer \(k) hier ok", id: "\(k)") }
    units.append(unit("Short source text here", String(repeating: "Sehr langer Zieltext ", count: 6), id: "long"))
    let findings = run("length-ratio", units)
    #expect(findings.map(\.units) == [["long"]])
}
