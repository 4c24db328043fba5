import Testing
@testable import TMText

@Suite struct NGramExtractorTests {
    /// The same list as `ngrams("Əl İŞ, ΟΔΟΣ 2x")` in Scripts/build-langid-profiles.py: profiles and texts must
    /// be cut into n-grams the same way.
    @Test func matchesTheProfileBuilder() {
        let expected = ["ə", "l", " ə", "əl", "l ", " əl", "əl ", "i", "ş", " i", "iş", "ş ", " iş", "iş ", "ο", "δ",
                        "ο", "σ", " ο", "οδ", "δο", "οσ", "σ ", " οδ", "οδο", "δοσ", "οσ ", "x", " x", "x ", " x "]
        var keys: [UInt64] = []
        NGramExtractor.forEachNGram(in: "Əl İŞ, ΟΔΟΣ 2x") { key, _ in keys.append(key) }
        #expect(keys == expected.compactMap { NGramExtractor.key(of: Substring($0)) })
        #expect(keys.count == expected.count)
    }
}
