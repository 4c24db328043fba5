import Testing
import TMCore

@Test(arguments: [
    ("en_US", "en-US"), ("en-us", "en-US"), ("AZ", "az"), ("az-latn-az", "az-Latn-AZ"), ("es-419", "es-419"),
    ("zh_Hant_TW", "zh-Hant-TW"),
])
func languageTagIsCanonical(input: String, expected: String) {
    #expect(LanguageTag(input)?.description == expected)
}

@Test(arguments: ["", "e", "en--US", "en US", "12", "en-toolongsubtag"])
func languageTagRejectsMalformed(input: String) {
    #expect(LanguageTag(input) == nil)
}

@Test func sameLanguageIgnoresRegion() throws {
    let a = try #require(LanguageTag("en-GB"))
    let b = try #require(LanguageTag("en-US"))
    #expect(a.hasSameLanguage(as: b))
    #expect(a.language == "en")
}

@Test func beadNotationMatchesGoldFormat() {
    #expect(AlignmentBead(source: 0..<2, target: 2..<3, confidence: 1).beadNotation == "[0, 1]:[2]")
    #expect(AlignmentBead(source: 3..<3, target: 4..<5, confidence: 1).beadNotation == "[]:[4]")
}

@Test func locatedErrorPrintsFileLineColumn() {
    struct Sample: LocatedError {
        var location: InputLocation?
        var message: String
    }
    #expect(Sample(location: InputLocation(file: "a.txt", line: 3, column: 7), message: "bad").description
        == "a.txt:3:7: bad")
    #expect(Sample(location: nil, message: "bad").description == "bad")
}

@Test func severitiesAreOrdered() {
    #expect(Severity.info < .warning)
    #expect(Severity.warning < .error)
}
