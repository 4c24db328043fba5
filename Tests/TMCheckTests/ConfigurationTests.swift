import Foundation
import Testing
import TMCore
@testable import TMCheck

@Test func checksListExpandsGroupsAndRemovals() throws {
    #expect(try CheckConfiguration.expand("numbers,markup") ==
        ["number-mismatch", "placeholder-mismatch", "tag-mismatch", "url-mismatch"])
    #expect(try CheckConfiguration.expand("all,-style") == Set(Checker.ruleIDs)
        .subtracting(["repeated-word", "initial-case", "length-ratio"]))
    #expect(throws: CheckConfigurationError.self) { try CheckConfiguration.expand("numbrs") }
}

@Test func configurationFileSetsChecksSeveritiesOptionsAndCustomRules() throws {
    let json = """
        {"checks": ["numbers", "completeness"], "disable": ["untranslated"],
         "severities": {"number-mismatch": "warning"},
         "options": {"minimumConfidence": 0.8},
         "custom": [{"id": "keep-acme", "source": "\\\\bAcme\\\\b", "target": "\\\\bAcme\\\\b",
                     "message": "Acme stays Acme"},
                    {"id": "no-du", "targetForbidden": "\\\\bdu\\\\b", "severity": "warning"}]}
        """
    let config = try CheckConfiguration.parse(json: json, file: "qa.json")
    #expect(config.enabledRules == ["number-mismatch", "empty-target"])
    #expect(config.options.minimumConfidence == 0.8)
    let findings = Checker(configuration: config).check([
        unit("Acme has 3 apps", "Acme hat 4 Apps", id: "1"),
        unit("Acme is here", "Die Firma ist da", id: "2"),
        unit("You are", "Du bist, du", id: "3"),
    ])
    #expect(findings.map(\.rule) == ["number-mismatch", "keep-acme", "no-du"])
    #expect(findings[0].severity == .warning)
    #expect(findings[1].message == "Acme stays Acme")
    #expect(findings[1].spans == [Span(side: .source, range: 0..<4)])
    #expect(findings[2].spans == [Span(side: .target, range: 9..<11)])
}

@Test(arguments: [
    ("{\"chekcs\": []}", "qa.json: unknown key ‘chekcs’"),
    ("{\"severities\": {\"x\": \"fatal\"}}", "qa.json: unknown severity ‘fatal’ for ‘x’"),
    ("{\"custom\": [{\"id\": \"x\", \"target\": \"(\"}]}", "qa.json: custom rule ‘x’: bad pattern"),
    ("[1]", "qa.json: the configuration must be a JSON object"),
])
func badConfigurationsSayWhy(json: String, message: String) {
    do {
        _ = try CheckConfiguration.parse(json: json, file: "qa.json")
        Issue.record("expected an error")
    } catch {
        #expect(error.description.hasPrefix(message), "\(error.description)")
    }
}

@Test func ignoreListSilencesAcceptedFindings() throws {
    let units = [unit("It has 5 lines.", "Es hat 6 Zeilen.", id: "1"), unit("Open", "", id: "2")]
    let findings = Checker().check(units)
    #expect(findings.count == 2)
    let text = IgnoreList.render([findings[0]])
    let list = try IgnoreList(contents: text, file: "ignore.txt")
    let (kept, ignored) = list.filter(Checker().check(units))
    #expect(kept.map(\.rule) == ["empty-target"])
    #expect(ignored == 1)
    // The fingerprint survives a renumbering of the units.
    let moved = [unit("Open", "", id: "1"), unit("It has 5 lines.", "Es hat 6 Zeilen.", id: "9")]
    #expect(list.filter(Checker().check(moved)).ignored == 1)
    #expect(throws: CheckConfigurationError.self) { try IgnoreList(contents: "nonsense\n", file: "ignore.txt") }
}

@Test func findingsComeInUnitThenRuleOrder() {
    let units = [unit("b  x", "b  x", id: "2"), unit("It has 5 lines", "Es hat 6 Zeilen.", id: "1")]
    let rules = Checker().check(units).map { "\($0.units[0]):\($0.rule)" }
    #expect(rules == ["1:number-mismatch", "1:end-punctuation"])
}
