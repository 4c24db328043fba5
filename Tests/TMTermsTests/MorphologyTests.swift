import Testing
@testable import TMTerms

private func analyse(_ words: [String], language: String) -> [(key: String, display: String)] {
    var side = SideAnalyzer(language: language, sentences: [words.joined(separator: " ")])
    let tokens = side.analyse(words.joined(separator: " ")).filter { $0.kind == .word || $0.kind == .number }
    return tokens.map { (side.vocabulary.keys[Int($0.id)], String($0.display)) }
}

@Test(arguments: [
    ("Qazaxıstandakı", "qazaxıstan", "Qazaxıstan"),
    ("Qazaxıstanda", "qazaxıstan", "Qazaxıstan"),
    ("Tokayevin", "tokayev", "Tokayev"),
    ("Rusiyanın", "rusiya", "Rusiya"),
    ("KTMT-nin", "ktmt", "KTMT"),
    ("Ukraynanın", "ukrayna", "Ukrayna"),
    ("maddəsinə", "maddə", "maddə"),
    ("inqilablar", "inqilab", "inqilablar"),
    ("4-cü", "4", "4-cü"),
    ("Putin", "putin", "Putin"),
    ("Meydan", "meydan", "Meydan"),
    ("Moskva", "moskva", "Moskva"),
])
func azerbaijaniFormsFoldWithoutChangingLetters(word: String, key: String, display: String) {
    // The bare forms that the sample attests, so that the analyser can prefer them.
    let context = ["Qazaxıstan", "Tokayev", "Rusiya", "KTMT", "Putin"]
    let result = analyse(context + [word], language: "az").last
    #expect(result?.key == key)
    #expect(result?.display == display)
}

@Test(arguments: [
    ("revolutions", "revolution", "revolutions"),
    ("Ukraine’s", "ukraine", "Ukraine"),
    ("forces", "force", "forces"),
    ("Belarus", "belarus", "Belarus"),
    ("classes", "class", "classes"),
])
func englishPluralsAndPossessivesFold(word: String, key: String, display: String) {
    let result = analyse([word], language: "en").last
    #expect(result?.key == key)
    #expect(result?.display == display)
}

@Test func turkicCaseFolding() {
    #expect(CaseFolding.fold("İLK IŞIQ", turkic: true) == "ilk ışıq")
    #expect(CaseFolding.fold("INFO", turkic: false) == "info")
}

@Test func suffixAfterClosingQuoteIsDropped() {
    var side = SideAnalyzer(language: "az", sentences: ["qondarma “rəngli inqilablar”la devrilməsinə"])
    let words = side.analyse("qondarma “rəngli inqilablar”la devrilməsinə").filter { $0.kind == .word }
    #expect(words.map(\.surface) == ["qondarma", "rəngli", "inqilablar", "devrilməsinə"])
}

@Test func placeholdersOfSoftwareMessagesAreBoundaries() {
    let words = TermTokenizer.tokenize("Copy %s to %1$d files in %DISPLAY1% or $HOME\\n now, 100%% done")
        .filter { $0.kind == .word }.map(\.text)
    #expect(words == ["Copy", "to", "files", "in", "DISPLAY1", "or", "now", "done"])
}

@Test func lineAndColumnBreaksAreBoundaries() {
    let tokens = TermTokenizer.tokenize("Offset  Info\tType")
    #expect(tokens.map(\.text) == ["Offset", "\n", "Info", "\n", "Type"])
}

@Test(arguments: [
    ("Türkiye'nin", "türkiye", "Türkiye"),
    ("İstanbul'da", "istanbul", "İstanbul"),
    ("Ankara'dan", "ankara", "Ankara"),
    ("bilgisayarlar", "bilgisayar", "bilgisayarlar"),
])
func turkishNamesAndPluralsFold(word: String, key: String, display: String) {
    let result = analyse([word], language: "tr").last
    #expect(result?.key == key)
    #expect(result?.display == display)
}

@Test func spanishSingularAndPluralShareAKey() {
    let keys = analyse(["opción", "opciones", "archivo", "archivos"], language: "es").map(\.key)
    #expect(keys == ["opcion", "opcion", "archivo", "archivo"])
}
