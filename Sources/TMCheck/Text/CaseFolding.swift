/// Case folding with the Turkic dotted and dotless i (`İ`→`i`, `I`→`ı` in Azerbaijani, Turkish, Tatar,
/// Kazakh in Latin script), which the default Unicode mapping gets wrong for these languages.
enum CaseFolding {
    /// Languages whose `I` lowercases to dotless `ı`.
    static let turkicLanguages: Set<String> = ["az", "tr", "tt", "crh", "kk", "gag"]

    static func isTurkic(_ language: String) -> Bool {
        turkicLanguages.contains(language)
    }

    /// Appends the lowercase form of `s` to `out`.
    @inline(__always)
    static func appendFolded(_ s: Unicode.Scalar, turkic: Bool, to out: inout String.UnicodeScalarView) {
        if s.value < 0x80 {
            if s.value >= 0x41 && s.value <= 0x5A {
                if turkic && s == "I" {
                    out.append("\u{131}")
                } else {
                    out.append(Unicode.Scalar(UInt8(s.value + 0x20)))
                }
            } else {
                out.append(s)
            }
            return
        }
        if s.value == 0x130 {  // İ
            out.append(turkic ? "i" : "i")
            return
        }
        if s.value == 0x307, turkic {
            return  // combining dot above left over from a decomposed İ
        }
        if !s.properties.changesWhenLowercased {
            out.append(s)
            return
        }
        out.append(contentsOf: s.properties.lowercaseMapping.unicodeScalars)
    }

    /// The case-folded form of a slice of scalars.
    static func fold<C: Collection>(_ scalars: C, language: String) -> String where C.Element == Unicode.Scalar {
        let turkic = isTurkic(language)
        var out = String.UnicodeScalarView()
        for s in scalars { appendFolded(s, turkic: turkic, to: &out) }
        return String(out)
    }

    /// The case-folded form of a string.
    static func fold(_ text: String, language: String) -> String {
        fold(text.unicodeScalars, language: language)
    }
}
