import Testing
@testable import TMTerms

/// Unithood from the corpus itself: standalone use as a label, fragments of longer expressions, and how the
/// two rank a multi-word pair.
@Suite struct PhraseEvidenceTests {
    /// The candidate table of one side of `sentences`.
    func table(_ sentences: [String], language: String = "en") -> CandidateTable {
        var analyzer = SideAnalyzer(language: language, sentences: sentences)
        var table = CandidateTable()
        for index in sentences.indices {
            _ = table.add(analyzer.analyse(sentenceAt: index), vocabulary: analyzer.vocabulary)
        }
        return table
    }

    func id(_ key: String, in table: CandidateTable) throws -> Int32 {
        try #require(table.lookup(key), "no candidate \(key)")
    }

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
}
