import Testing
@testable import TMAlign

@Test(arguments: [
    ("5800", "5800"), ("5,800", "5800"), ("5.800", "5800"), ("5'800", "5800"), ("1,234,567", "1234567"),
    ("3,5", "3.5"), ("3.5", "3.5"), ("8839,8", "8839.8"), ("1,234.5", "1234.5"), ("1.234,5", "1234.5"),
])
func numbersHaveOneFormAcrossLocales(raw: String, normalized: String) {
    #expect(AlignmentTokenizer.normalizedNumber(Substring(raw)) == normalized)
}

@Test(arguments: [
    ("az", "Qazaxıstan", "en", "Kazakhstan"), ("az", "Moskva", "en", "Moscow"), ("az", "Tokayev", "en", "Tokayev"),
    ("az", "Tacikistan", "en", "Tajikistan"), ("az", "Qırğızıstan", "en", "Kyrgyzstan"),
    ("de", "Kommission", "fr", "commission"), ("ru", "Москва", "en", "Moscow"),
])
func namesShareACognateKey(sourceLanguage: String, source: String, targetLanguage: String, target: String) {
    var sourceTokenizer = AlignmentTokenizer(language: sourceLanguage)
    var targetTokenizer = AlignmentTokenizer(language: targetLanguage)
    let sourceKeys = Set(sourceTokenizer.tokenize(source).units.flatMap(\.keys))
    let targetKeys = Set(targetTokenizer.tokenize(target).units.flatMap(\.keys))
    #expect(!sourceKeys.isDisjoint(with: targetKeys), "\(sourceKeys) vs \(targetKeys)")
}

@Test func unrelatedWordsDoNotShareKeys() {
    var de = AlignmentTokenizer(language: "de")
    var fr = AlignmentTokenizer(language: "fr")
    let sourceKeys = Set(de.tokenize("Gletscher Sonne Wolken").units.flatMap(\.keys))
    let targetKeys = Set(fr.tokenize("glacier soleil nuages").units.flatMap(\.keys))
    #expect(sourceKeys.isDisjoint(with: targetKeys))
}

@Test func tokenizerKeepsAnchorsAndCountsCharacters() {
    var tokenizer = AlignmentTokenizer(language: "en")
    let sentence = tokenizer.tokenize("Authorities say 5,800 people (?)")
    #expect(sentence.length == 28)
    #expect(sentence.units.map { $0.stem ?? $0.keys.joined() } == ["auth", "say", "#5800", "peop", "(", "?", "("])
}
