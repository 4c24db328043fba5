import Foundation
import Testing
import TMCore
@testable import TMCheck

private func sampleReport() -> CheckReport {
    let units = [
        unit("It has 5,800 lines.", "Es hat 5.900 Zeilen.", id: "7"),
        unit("Say <b>\"hi\"</b> & go", "Sag <i>\"hallo\"</i> & geh", id: "8"),
        unit("Line one\nline two", "", id: "9"),
    ]
    return CheckReport(findings: Checker().check(units), unitCount: 3, inputs: ["a.tsv"])
}

@Test func jsonFollowsTheDocumentedSchema() throws {
    let text = JSONReporter.render(sampleReport())
    let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let findings = try #require(object["findings"] as? [[String: Any]])
    let first = try #require(findings.first)
    #expect(Set(first.keys) == ["rule", "severity", "units", "message", "source", "target", "spans", "fingerprint"])
    #expect(first["rule"] as? String == "number-mismatch")
    #expect(first["units"] as? [String] == ["7"])
    let spans = try #require(first["spans"] as? [[String: Any]])
    #expect(spans.first?["side"] as? String == "source")
    #expect(spans.first?["start"] as? Int == 7)
    #expect(spans.first?["end"] as? Int == 12)
    let summary = try #require(object["summary"] as? [String: Any])
    #expect(summary["units"] as? Int == 3)
    #expect(summary["errors"] as? Int == 3)
    #expect(summary["failed"] as? Bool == true)
    #expect((summary["byRule"] as? [String: Int])?["tag-mismatch"] == 1)
}

@Test func textReportMarksSpansWithoutColour() {
    let text = TextReporter.render(sampleReport(), colour: false)
    #expect(text.contains("number-mismatch (1)\n  [error] unit 7: number changed: “5,800” → “5.900”\n"
        + "    source: It has ⟦5,800⟧ lines.\n    target: Es hat ⟦5.900⟧ Zeilen.\n"))
    #expect(text.contains("    source: Line one⏎line two\n"))
    #expect(!text.contains("\u{1B}["))
    #expect(text.hasSuffix("3 units checked: 3 errors, 0 warnings, 0 infos\n"))
}

@Test func textReportUsesColourOnATerminal() {
    let text = TextReporter.render(sampleReport(), colour: true)
    #expect(text.contains("\u{1B}[1;4;31m5,800\u{1B}[0m"))
}

@Test func htmlIsSelfContainedAndEscaped() {
    let html = HTMLReporter.render(sampleReport())
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(html.contains("<mark>5,800</mark>"))
    #expect(html.contains("Say <mark>&lt;b&gt;</mark>&quot;hi&quot;<mark>&lt;/b&gt;</mark> &amp; go"))
    #expect(!html.contains("src=\"http"))
    #expect(!html.contains("href=\"http"))
    #expect(html.contains("data-rule=\"tag-mismatch\" data-severity=\"error\""))
}

@Test func jsonEscapesWhatJSONAndJavaScriptCannotTakeRaw() {
    var out: [UInt8] = []
    JSONReporter.appendString("a\"b\\c\nd\te\u{1}f\u{2028}g – é", to: &out)
    #expect(String(decoding: out, as: UTF8.self) == "\"a\\\"b\\\\c\\nd\\te\\u0001f\\u2028g – é\"")
}
