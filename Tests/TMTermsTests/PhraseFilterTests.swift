import Testing
@testable import TMTerms

/// Verb phrases and free adjective phrases are told from terms by data, not by a tagger.
@Suite struct PhraseFilterTests {
    /// The multi-word candidates of one sentence that are flagged as verb phrases.
    func verbPhrases(_ sentence: String, language: String) -> Set<String> {
        var analyzer = SideAnalyzer(language: language, sentences: [sentence])
        var table = CandidateTable()
        let occurrences = table.add(analyzer.analyse(sentenceAt: 0), vocabulary: analyzer.vocabulary)
        return Set(occurrences.filter { table.isVerbPhrase[Int($0.candidate)] }.map { table.keys[Int($0.candidate)] })
    }

    @Test(arguments: [
        ("en", "adjust alpha", true), ("en", "Use YUVA", true), ("en", "the extension requires", true),
        ("en", "Change Permissions", false), ("en", "regular expression", false),
        ("es", "ajustar alfa", true), ("es", "Añade soporte", true),
        ("es", "lugar de trabajo", false), ("es", "expresión regular", false),
    ])
    func verbPhrasesAreFlagged(language: String, phrase: String, isVerbPhrase: Bool) {
        let flagged = verbPhrases(phrase, language: language)
        #expect(!flagged.isEmpty == isVerbPhrase, "\(phrase): \(flagged)")
    }

    @Test func adjectiveEndingsAndModifierOrderAreData() {
        let az = LanguageResources.forLanguage("az"), en = LanguageResources.forLanguage("en")
        #expect(az.looksLikeAdjective("dağıdıcı"))
        #expect(!az.looksLikeAdjective("təhlükəsizlik"))
        #expect(en.looksLikeAdjective("destructive") && en.looksLikeAdjective("external"))
        #expect(!en.looksLikeAdjective("security"))
        #expect(az.modifiersBefore == true)
        #expect(LanguageResources.forLanguage("es").modifiersBefore == false)
        #expect(LanguageResources.forLanguage("xx").modifiersBefore == nil)
    }
}
