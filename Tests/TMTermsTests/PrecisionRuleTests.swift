import TMCore
import Testing
@testable import TMTerms

/// The precision rules of the third session: placeholders, accelerators, licence text, free phrases, status
/// gerunds, one key per inflected word, and ties the evidence cannot break.
@Suite struct PrecisionRuleTests {
    static let en = LanguageTag("en")!
    static let es = LanguageTag("es")!

    /// The words of a sentence as the learner sees them (placeholders and punctuation are boundaries).
    func words(_ text: String) -> [String] {
        TermTokenizer.tokenize(text).filter { $0.kind == .word }.map(\.text)
    }

    /// The multi-word candidates of one sentence with a flag set.
    func flagged(_ sentence: String, language: String, _ flag: (CandidateTable, Int) -> Bool) -> Set<String> {
        var analyzer = SideAnalyzer(language: language, sentences: [sentence])
        var table = CandidateTable()
        let occurrences = table.add(analyzer.analyse(sentenceAt: 0), vocabulary: analyzer.vocabulary)
        return Set(occurrences.filter { flag(table, Int($0.candidate)) }.map { table.keys[Int($0.candidate)] })
    }

    @Test func printfPlaceholdersLeaveNoRemnants() {
        #expect(words("%(n2)6d citations in %(n3)6d secs") == ["citations", "in", "secs"])
        #expect(words("%'d file operation active") == ["file", "operation", "active"])
        #expect(words("%Id items, %(name)s and %(count)d") == ["items", "and"])
        #expect(words("%DISPLAY1% is set") == ["DISPLAY1", "is", "set"])
        #expect(words("Send %1DCC to %2") == ["Send", "DCC", "to"])  // Qt's %1 is a placeholder whatever follows
        #expect(words("Delete %1 remote folders?") == ["Delete", "remote", "folders"])
        #expect(TermTokenizer.tokenize("%12 of %3").filter { $0.kind == .number }.isEmpty)
    }

    @Test func urlsAndFilePathsAreNoText() {
        #expect(words("See http://www.gnu.org/licenses/ for details") == ["See", "for", "details"])
        #expect(words("Edit /etc/fstab now") == ["Edit", "now"])
        #expect(words("Put it in User/Load/GraphicsMods/ please") == ["Put", "it", "in", "please"])
        #expect(words("Read ~/.config/app.conf.") == ["Read"])
        #expect(words("Choose PAL/NTSC and/or Europe/Rome") == ["Choose", "PAL", "NTSC", "and", "or", "Europe", "Rome"])
        // Text written without spaces is never taken for an address.
        #expect(words("打开/关闭文件/文件夹 设置") == ["打开", "关闭文件", "文件夹", "设置"])
    }

    @Test func acceleratorInsideAWordIsDroppedWhenTheWordIsWrittenWithoutIt() {
        var side = SideAnalyzer(language: "en", sentences: ["Mi_nimum age", "Minimum width", "Sho_w file_name"])
        let surfaces = (0..<3).map { side.analyse(sentenceAt: $0).filter { $0.kind == .word }.map(\.surface) }
        #expect(surfaces[0] == ["Minimum", "age"])
        // `Show` is never written plainly here, and `file_name` is an identifier: both are kept as written.
        #expect(surfaces[2] == ["Sho_w", "file_name"])
    }

    @Test func licenceBoilerplateIsData() {
        let en = LanguageResources.forLanguage("en"), es = LanguageResources.forLanguage("es")
        #expect(en.isBoilerplate("This program is distributed WITHOUT ANY WARRANTY; without even the implied warranty"))
        #expect(es.isBoilerplate("Este programa se distribuye SIN NINGUNA GARANTÍA"))
        #expect(!en.isBoilerplate("The warranty period of the printer"))
    }

    @Test func licencePairsAreNotLearnedFrom() {
        let licence = ("This program is distributed in the hope that it will be useful, but WITHOUT ANY WARRANTY.",
                       "Este programa se distribuye con la esperanza de que sea útil, pero SIN NINGUNA GARANTÍA.")
        let units = (0..<6).map { index in
            TranslationUnit(id: "\(index)", source: licence.0, target: licence.1,
                            sourceLanguage: Self.en, targetLanguage: Self.es)
        }
        let glossary = TermLearner(sourceLanguage: Self.en, targetLanguage: Self.es).learn(from: units)
        #expect(glossary.entries.isEmpty, "\(glossary.entries.map { $0.sourceTerms.map(\.text) })")
    }

    @Test(arguments: [
        ("en", "Enter a particular value", true), ("en", "Read the following message", true),
        ("en", "It has multiple entries", true), ("en", "Add two elements", true),
        ("en", "Enter the default value", false), ("en", "Open the current file", false),
        ("es", "Introduzca un valor particular", true), ("es", "Lea el siguiente mensaje", true),
        ("es", "Introduzca el valor predeterminado", false),
        ("en", "Unknown option given", true), ("en", "List the available plugins", true),
        ("es", "Opción desconocida", true), ("es", "Complementos disponibles", true),
        ("en", "Illegal value given", true), ("en", "Insufficient access rights", true),
        ("es", "Valor ilegal", true), ("es", "Comentario defectuoso", true),
    ])
    func evaluativeAndQuantifyingModifiersMakeFreePhrases(language: String, sentence: String, free: Bool) {
        let phrases = flagged(sentence, language: language) { $0.isFreePhrase[$1] }
        #expect(phrases.isEmpty != free, "\(sentence): \(phrases)")
    }

    @Test func ordinaryWordsInCapitalsSideBySideAreNoTerm() {
        let sentence = "Usage: PARTITION COMMANDS and PGP KEY; partition commands are listed, keys too"
        let free = flagged(sentence, language: "en") { $0.isFreePhrase[$1] }
        #expect(free.contains("partition commands"), "\(free)")
        #expect(!free.contains("pgp key"), "PGP is an acronym, key is not written in lower case here: \(free)")
    }

    @Test func headsOfDisplayedTermsHaveANumber() {
        var en = SideAnalyzer(language: "en", sentences: ["remote folders", "list of possibilities", "PDF"])
        var es = SideAnalyzer(language: "es", sentences: ["carpeta remota", "archivos compatibles"])
        #expect(en.headIsPlural("remote folders") == true)
        #expect(en.headIsPlural("list of possibilities") == false)
        #expect(en.headIsPlural("PDF") == nil)
        #expect(es.headIsPlural("carpeta remota") == false)
        #expect(es.headIsPlural("archivos compatibles") == true)
        var az = SideAnalyzer(language: "az", sentences: ["bazar ertəsi", "rəngli inqilablar"])
        #expect(az.headIsPlural("bazar ertəsi") == false)  // a possessive, not a plural
        #expect(az.headIsPlural("rəngli inqilablar") == true)
    }

    @Test func spanishGerundsOpenStatusMessagesNotTerms() {
        #expect(!flagged("Grabando imagen", language: "es") { $0.isVerbPhrase[$1] }.isEmpty)
        #expect(flagged("Ejecutar comando externo", language: "es") { $0.isVerbPhrase[$1] }
            .allSatisfy { !$0.hasPrefix("comando") })
        // A capital that only starts the sentence does not make a gerund a name: it is a verb form.
        var side = SideAnalyzer(language: "es", sentences: ["Habilitando"])
        #expect(side.analyse(sentenceAt: 0).first?.isGeneral == true)
    }

    @Test func aWordThatFoldsToAnAttestedInflectedFormGetsItsKey() {
        // `xaricdəki` = `xaricdə` + -ki, and `xaricdə` = `xaric` + -də: one key for both forms.
        var side = SideAnalyzer(language: "az", sentences: ["xaricdə təlim", "xaricdəki düşərgələr"])
        let first = side.analyse(sentenceAt: 0)[0], second = side.analyse(sentenceAt: 1)[0]
        #expect(first.id == second.id)
    }

    /// `təlim` (training) and `xaricdə` (abroad) occur in the same two sentence pairs as `abroad`: nothing
    /// tells them apart, so neither is linked to it by a guess; `iğtişaş` keeps only `unrest`.
    @Test func sampleTiesAreNotGuessed() throws {
        let glossary = try Sample.glossary()
        let pairs = Set(glossary.entries.map { ($0.sourceTerms[0].text + " = " + $0.targetTerms[0].text) })
        #expect(!pairs.contains("təlim = abroad"))
        #expect(pairs.contains("iğtişaş = unrest"))
        #expect(pairs.contains("terrorçular = terrorists"))
        #expect(glossary.entries.count == 27)
    }
}
