import Testing
@testable import TMTerms

private func longForms(_ sentence: String, language: String) -> [String] {
    var side = SideAnalyzer(language: language, sentences: [sentence])
    let tokens = side.analyse(sentence)
    return AcronymDetector.definitions(in: tokens, fold: { $0.lowercased() }).map { definition in
        tokens[definition.acronym].surface + " = "
            + definition.longForm.map { tokens[$0].surface }.joined(separator: " ")
    }
}

@Test func schwartzHearstFindsLongFormBeforeAcronym() {
    #expect(longForms("Leaders of the Collective Security Treaty Organization (CSTO) met.", language: "en")
        == ["CSTO = Collective Security Treaty Organization"])
}

@Test func acronymBeforeLongFormIsFound() {
    #expect(longForms("The CSTO (Collective Security Treaty Organization) met.", language: "en")
        == ["CSTO = Collective Security Treaty Organization"])
}

@Test func relaxedMatchAcceptsCapitalisedRunOfAnotherWording() {
    #expect(longForms("Rusiyanın rəhbərlik etdiyi Kollektiv Thlükəsizlik Alyansının (KTMT) liderləri", language: "az")
        == ["KTMT = Kollektiv Thlükəsizlik Alyansının"])
}

@Test func parenthesisWithoutDefinitionIsIgnored() {
    #expect(longForms("He met the leaders (CSTO) yesterday.", language: "en").isEmpty)
}

@Test(arguments: [
    ("az", "qazaxıstan", "en", "kazakhstan", 0.85),
    ("az", "meydan", "en", "maidan", 0.8),
    ("az", "tacikistan", "en", "tajikistan", 0.99),
    ("az", "moskva", "en", "moscow", 0.6),
    ("az", "rusiya", "en", "russia", 0.95),
])
func transliterationFindsCognates(_ a: String, _ wordA: String, _ b: String, _ wordB: String, minimum: Double) {
    let keyA = Transliteration.key(wordA, table: LanguageResources.forLanguage(a).transliteration)
    let keyB = Transliteration.key(wordB, table: LanguageResources.forLanguage(b).transliteration)
    #expect(Transliteration.similarity(keyA, keyB) >= minimum)
}

@Test func unrelatedWordsAreNotCognates() {
    let az = LanguageResources.forLanguage("az").transliteration
    let en = LanguageResources.forLanguage("en").transliteration
    #expect(Transliteration.similarity(Transliteration.key("təlim", table: az), Transliteration.key("abroad", table: en)) < 0.5)
}

@Test func cyrillicNamesMatchLatin() {
    let ru = LanguageResources.forLanguage("ru").transliteration
    let en = LanguageResources.forLanguage("en").transliteration
    #expect(Transliteration.similarity(Transliteration.key("москва", table: ru),
                                       Transliteration.key("moskva", table: en)) == 1)
}
