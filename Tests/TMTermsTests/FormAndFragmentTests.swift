import TMCore
import Testing
@testable import TMTerms

/// The rules of the ninth terms session: entries shown in forms that agree in number, glued punctuation,
/// names across initials and particles, credit lines, Roman numerals and adjectives on both sides.
@Suite struct FormAndFragmentTests {
    static let en = LanguageTag("en")!
    static let es = LanguageTag("es")!

    func units(_ pairs: [(String, String)]) -> [TranslationUnit] {
        pairs.enumerated().map { index, pair in
            TranslationUnit(id: "\(index)", source: pair.0, target: pair.1,
                            sourceLanguage: Self.en, targetLanguage: Self.es)
        }
    }

    func table(_ sentences: [String], language: String = "en") -> CandidateTable {
        candidateTable(sentences, language: language)
    }

    func id(_ key: String, in table: CandidateTable) throws -> Int32 { try candidateID(key, in: table) }

    /// `Note` is the preferred English form and `notas` the preferred Spanish one; the entry shows `nota`,
    /// which the corpus also writes, rather than a pair whose forms do not translate each other.
    @Test func anEntryIsShownInFormsThatAgreeInNumber() throws {
        var pairs = Array(repeating: ("Note", "Nota"), count: 3) + Array(repeating: ("note", "notas"), count: 6)
            + Array(repeating: ("Add a note", "Añadir una nota"), count: 2)
        pairs += (0..<40).map { ("Item \($0) of the list", "Elemento \($0) de la lista") }
        let glossary = TermLearner(sourceLanguage: Self.en, targetLanguage: Self.es).learn(from: units(pairs))
        let entry = try #require(glossary.entries.first { $0.sourceTerms.first?.text.lowercased() == "note" })
        let target = try #require(entry.targetTerms.first)
        #expect(target.text.lowercased() == "nota")
        #expect(target.variants.contains("notas"))  // the other forms stay as variants
    }

    @Test func punctuationBetweenTwoWordsGluesThemIntoOneCode() {
        func glued(_ text: String) -> [String] { TermTokenizer.tokenize(text).filter(\.isGlue).map(\.text) }
        #expect(glued("B/W Ilford Delta") == ["/"])
        #expect(glued("AT&T Laboratories, CCITT G.711") == ["&", "."])
        #expect(glued("PAL/NTSC and Europe/Rome").isEmpty)  // a slash between words separates alternatives
        #expect(glued("End. Next").isEmpty)
    }

    @Test func noTermStartsOrEndsBesideGluedPunctuation() {
        let table = table(["B/W Ilford Delta", "B/W Kodak T-Max", "CCITT G.711 codec", "AT&T Laboratories Boston"])
        for fragment in ["w ilford", "w", "ccitt g", "g", "t laboratories boston", "t"] {
            #expect(table.lookup(fragment) == nil, "\(fragment)")
        }
        #expect(table.lookup("ilford delta") != nil)
        // `Laboratories Boston` (keys are lemmas) is still a candidate; `T Laboratories Boston` is not.
        #expect(table.keys.contains { $0.hasSuffix(" boston") && $0.split(separator: " ").count == 2 })
    }

    @Test func aPhraseRightAfterANumberBelongsToIt() {
        let table = table(["Burn a 700 MB CD", "16 Bit PCM audio", "Version 2 of the file", "MB CD"])
        #expect(table.lookup("bit pcm") == nil)
        #expect(table.lookup("pcm") != nil && table.lookup("mb cd") != nil)  // single words and other sentences
    }

    @Test func identifiersInCapitalsSideBySideAreMetavariables() throws {
        let table = table(["Usage: svnadmin SUBCOMMAND REPOS_PATH", "DATA_SOURCE_ID FORMAT_STRING", "GPG KEY ID"])
        #expect(table.isFreePhrase[Int(try id("subcommand repos_path", in: table))])
        #expect(table.isFreePhrase[Int(try id("data_source_id format_string", in: table))])
        #expect(!table.isFreePhrase[Int(try id("gpg key id", in: table))])  // acronyms, none an identifier
    }

    /// A decomposed and a precomposed spelling are in no strict order under String's `<`; the variants are
    /// ordered by scalars, the same way whatever order the forms were seen in.
    @Test func variantsWithDecomposedAccentsHaveOneOrder() throws {
        let decomposed = "Mo\u{301}dulo x", precomposed = "M\u{F3}dulos y"
        let one = table(["módulos", "módulos", "módulos", decomposed, precomposed], language: "es")
        let two = table(["módulos", "módulos", "módulos", precomposed, decomposed], language: "es")
        let first = one.variants(try id("modulo", in: one)), second = two.variants(try id("modulo", in: two))
        #expect(first.map { Array($0.unicodeScalars) } == second.map { Array($0.unicodeScalars) })
        // In scalar order: the decomposed `Mo…` (o = 111) before the precomposed `Mó…` (ó = 243).
        let decomposedAt = try #require(first.firstIndex { $0.unicodeScalars.contains("\u{301}") })
        let precomposedAt = try #require(first.firstIndex { $0.unicodeScalars.first == "M" && $0.unicodeScalars.contains("\u{F3}") })
        #expect(decomposedAt < precomposedAt)
    }

    /// `create` in lower case is a word of instructions; `Export` with a capital is a command label.
    @Test func lowerCaseVerbsAreNoCommandLabels() throws {
        let english = table(["You can create it", "create the file", "Export", "Export the file", "file"])
        let spanish = table(["Puede crearlo", "crear el archivo", "Exportar", "Exportar el archivo", "archivo"],
                            language: "es")
        let en = LanguageResources.forLanguage("en"), es = LanguageResources.forLanguage("es")
        func verb(_ source: String, _ target: String) throws -> Bool {
            PhraseEvidence.isLowerCaseVerb(source: english, try id(source, in: english), en,
                                           target: spanish, try id(target, in: spanish), es)
        }
        #expect(try verb("create", "crear"))
        #expect(try !verb("export", "exportar"))
        #expect(try !verb("file", "archivo"))
        // A verb of the English list translated by a noun (`the update ↔ la actualización`) is no verb here.
        let nouns = table(["the update failed", "an update"]), nombres = table(["la actualización falló", "una actualización"], language: "es")
        #expect(!PhraseEvidence.isLowerCaseVerb(source: nouns, try id("update", in: nouns), en,
                                                target: nombres, try id("actualizacion", in: nombres), es))
    }

    /// `Schindelin` is always written after an initial, `Wight` after a link word: pieces of names.
    @Test func namesContinueAcrossInitialsAndParticles() throws {
        let table = table([
            "Johannes E. Schindelin", "Patches by Johannes E. Schindelin", "Johannes E. Schindelin wrote it",
            "Isle of Wight", "Ferries to the Isle of Wight", "Color palette", "Use the color palette.",
            "Kazakhstan", "Almaty, Kazakhstan. Astana is", "File. Open",
        ])
        #expect(table.isNameFragment(try id("schindelin", in: table)))
        #expect(table.isNameFragment(try id("wight", in: table)))
        #expect(!table.isNameFragment(try id("kazakhstan", in: table)))
    }

    @Test func creditLinesAndCompanyDesignatorsAreNoTerms() {
        let en = LanguageResources.forLanguage("en")
        #expect(en.isBoilerplate("Copyright (C) 2000, 2001 Eazel Inc."))
        #expect(en.isBoilerplate("(c) 2002-2015, Gaël de Chalendar"))
        #expect(!en.isBoilerplate("Copyright holder"))
        #expect(en.generalWords.contains("inc") && en.generalWords.contains("gmbh"))
    }

    @Test func romanNumeralsAreNumbersNotAcronyms() {
        for numeral in ["II", "III", "IV", "XIII"] { #expect(SideAnalyzer.isRomanNumeral(numeral), "\(numeral)") }
        for word in ["IIII", "VX", "I", "IX11", "XML", "Vi"] { #expect(!SideAnalyzer.isRomanNumeral(word), "\(word)") }
        var side = SideAnalyzer(language: "en", sentences: ["Quake III Arena", "Settlers II"])
        let quake = side.analyse(sentenceAt: 0)
        #expect(quake[1].isGeneral && !quake[1].isAcronym)
    }

    /// `main` modifies the next word and `principal` the word before it in most of their sentences: an
    /// adjective on both sides ranks lower; `window ↔ ventana` and a copied name do not.
    @Test func adjectivesOnBothSidesRankLower() throws {
        let english = table([
            "Main window", "The main window", "main menu", "Main toolbar", "Open the main file", "Window",
            "Close the window", "OpenPGP key", "OpenPGP key", "OpenPGP key", "OpenPGP key", "OpenPGP key",
        ])
        let spanish = table([
            "Ventana principal", "La ventana principal", "menú principal", "Barra principal",
            "Abrir el archivo principal", "Ventana", "Cerrar la ventana", "clave OpenPGP", "clave OpenPGP",
            "clave OpenPGP", "clave OpenPGP", "clave OpenPGP",
        ], language: "es")
        func factor(_ source: String, _ target: String) throws -> Double {
            PhraseEvidence.attributiveFactor(source: english, try id(source, in: english),
                                             target: spanish, try id(target, in: spanish))
        }
        #expect(try factor("main", "principal") == PhraseEvidence.attributive)
        #expect(try factor("window", "ventana") == 1)
        #expect(try factor("openpgp", "openpgp") == 1)
        #expect(PhraseEvidence.attributive < 1)
    }
}
