import Testing
@testable import TMTerms

/// Unithood from the corpus itself: standalone use as a label, fragments of longer expressions, and how the
/// two rank a multi-word pair.
@Suite struct PhraseEvidenceTests {
    func table(_ sentences: [String], language: String = "en") -> CandidateTable {
        candidateTable(sentences, language: language)
    }

    func id(_ key: String, in table: CandidateTable) throws -> Int32 { try candidateID(key, in: table) }

    @Test func aPhraseStandsAloneAsAMessageOrALineOfOne() throws {
        let sentences = [
            "Color palette", "Open the color palette now.", "Name:  Color palette", "Palette:\nColor palette",
            "Stopped for an unknown reason.", "Unknown reason given by the server",
        ]
        let table = table(sentences)
        #expect(table.standaloneCount[Int(try id("color palette", in: table))] == 3)
        #expect(table.standaloneCount[Int(try id("unknown reason", in: table))] == 0)
        #expect(table.frequency[Int(try id("unknown reason", in: table))] == 2)
    }

    @Test func labelsMakeStandaloneUseMeaningfulButProseDoesNot() {
        let labels = table(["Color palette", "Use the color palette.", "Brush size", "Set the brush size"])
        #expect(labels.phrasesStandAlone())
        let prose = table([
            "The security forces arrived on Monday.", "Security forces and protesters met in the square.",
        ])
        #expect(!prose.phrasesStandAlone())
    }

    @Test func aPhraseAlwaysFollowedByTheSameWordIsAFragment() throws {
        let table = table([
            "Units of the International System of Units.", "The International System of Units (SI).",
            "International System of Units", "Use the color palette.", "Color palette", "The color palette of GIMP",
            "A kind of magic.", "This kind of magic.",
        ])
        #expect(table.isFragment(try id("international system", in: table)))
        #expect(!table.isFragment(try id("color palette", in: table)))
        // Two sentences with the same next word are no evidence.
        #expect(!table.isFragment(try id("kind", in: table)))
    }

    @Test func aPhraseUsedOnlyInsideSentencesRanksLowerThanALabel() throws {
        let english = table([
            "Color palette", "Open the color palette.", "Stopped for an unknown reason.",
            "Failed for an unknown reason", "Windows Vista is old.", "Runs on Windows Vista too.",
        ])
        let spanish = table([
            "Paleta de colores", "Abre la paleta de colores.", "Se detuvo por una razón desconocida.",
            "Falló por una razón desconocida", "Windows Vista es viejo.", "Funciona también en Windows Vista.",
        ], language: "es")
        func factor(_ source: String, _ target: String, pairs: Int32 = 2, smallInput: Bool = false) throws -> Double {
            PhraseEvidence.factor(
                source: english, try id(source, in: english), sourceUsesLabels: english.phrasesStandAlone(),
                target: spanish, try id(target, in: spanish), targetUsesLabels: spanish.phrasesStandAlone(),
                pairs: pairs, smallInput: smallInput)
        }
        #expect(try factor("color palette", "paleta de color") == 1)
        #expect(try factor("unknown reason", "razon desconocida") == PhraseEvidence.insideOnly)
        #expect(try factor("unknown reason", "razon desconocida") < factor("color palette", "paleta de color"))
        #expect(try factor("window vista", "windows vista") == 1)  // a name is a unit by its capitals
        // A translated multi-word pair from one sentence pair has only spelling evidence (not on small inputs).
        #expect(try factor("color palette", "paleta de color", pairs: 1) == PhraseEvidence.singlePair)
        #expect(PhraseEvidence.singlePair < 1)
        #expect(try factor("color palette", "paleta de color", pairs: 1, smallInput: true) == 1)
    }

    /// Place names of a weather catalog and credits: `Bay` and `Charles` only occur inside longer names, while
    /// `Kazakhstan` is a name used alone, `File` is also written in lower case and stands alone as a label, and
    /// `Canon` stands before model codes.
    @Test func aSingleWordUsedOnlyInsideLongerNamesIsAFragment() throws {
        let english = table([
            "Hudson Bay", "Botany Bay", "Thunder Bay", "Flights over Hudson Bay", "Albert Einstein",
            "Translated by Albert Camus", "Kazakhstan", "Almaty, Kazakhstan", "Kazakhstan Tenge",
            "Open File", "File", "Save the file first.", "Canon EOS 5D", "Canon PowerShot G2",
            "Color palette", "Use the color palette.",
        ])
        #expect(english.isNameFragment(try id("bay", in: english)))
        #expect(english.isNameFragment(try id("albert", in: english)))
        #expect(!english.isNameFragment(try id("kazakhstan", in: english)))
        #expect(!english.isNameFragment(try id("file", in: english)))
        #expect(!english.isNameFragment(try id("canon", in: english)))
        #expect(!english.isNameFragment(try id("hudson bay", in: english)))  // the whole name is no fragment
        let spanish = table([
            "Bahía de Hudson", "Bahía Botánica", "Bahía del Trueno", "Vuelos sobre la bahía de Hudson",
            "Albert Einstein", "Traducido por Albert Camus", "Kazajistán", "Almaty, Kazajistán",
            "Tenge de Kazajistán", "Abrir archivo", "Archivo", "Guarde el archivo antes.", "Canon EOS 5D",
            "Canon PowerShot G2", "Paleta de colores", "Use la paleta de colores.",
        ], language: "es")
        func factor(_ source: String, _ target: String, labels: Bool = true) throws -> Double {
            PhraseEvidence.factor(
                source: english, try id(source, in: english), sourceUsesLabels: labels,
                target: spanish, try id(target, in: spanish), targetUsesLabels: labels, pairs: 3, smallInput: false)
        }
        #expect(try factor("bay", "bahia") == PhraseEvidence.nameFragment)
        #expect(try factor("albert", "albert") == PhraseEvidence.nameFragment)
        #expect(try factor("kazakhstan", "kazajistan") == 1)
        #expect(try factor("file", "archivo") == 1)
        // In prose nothing stands alone and a name beside another capitalised word tells nothing.
        #expect(try factor("albert", "albert", labels: false) == 1)
        #expect(PhraseEvidence.nameFragment < PhraseEvidence.insideOnly)
    }
}
