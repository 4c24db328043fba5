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

    /// Appends the lowercase form of `s`, encoded as UTF-8, to `out`.
    @inline(__always)
    static func appendFoldedUTF8(_ s: Unicode.Scalar, turkic: Bool, to out: inout [UInt8]) {
        if s.value < 0x80 {
            let v = UInt8(s.value)
            if v >= 0x41 && v <= 0x5A {
                if turkic && v == 0x49 {
                    out.append(0xC4)  // ı
                    out.append(0xB1)
                } else {
                    out.append(v + 0x20)
                }
            } else {
                out.append(v)
            }
            return
        }
        if s.value == 0x130 {
            out.append(0x69)
            return
        }
        if s.value == 0x307, turkic { return }
        if !s.properties.changesWhenLowercased {
            UTF8.encode(s) { out.append($0) }
            return
        }
        for m in s.properties.lowercaseMapping.unicodeScalars { UTF8.encode(m) { out.append($0) } }
    }

    /// Appends the lowercase form of `s` to a scalar array.
    @inline(__always)
    static func appendFoldedScalars(_ s: Unicode.Scalar, turkic: Bool, to out: inout [Unicode.Scalar]) {
        if s.value < 0x80 {
            if s.value >= 0x41 && s.value <= 0x5A {
                out.append(turkic && s == "I" ? "\u{131}" : Unicode.Scalar(UInt8(s.value + 0x20)))
            } else {
                out.append(s)
            }
            return
        }
        if s.value == 0x130 {
            out.append("i")
            return
        }
        if s.value == 0x307, turkic { return }
        if !s.properties.changesWhenLowercased {
            out.append(s)
            return
        }
        out.append(contentsOf: s.properties.lowercaseMapping.unicodeScalars)
    }

    /// The case-folded scalars of a slice of scalars.
    static func foldedScalars(_ scalars: ArraySlice<Unicode.Scalar>, turkic: Bool) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(scalars.count)
        for s in scalars { appendFoldedScalars(s, turkic: turkic, to: &out) }
        return out
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
