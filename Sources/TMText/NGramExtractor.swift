import Foundation

/// Turns text into the character n-grams that the language profiles count.
///
/// The definition must stay identical to `ngrams()` in `Scripts/build-langid-profiles.py`: NFC, `İ` → `i`,
/// lower case, final sigma → sigma; words are maximal runs of letters and combining marks, padded with one space
/// on each side; n-grams of 1 to 3 code points, the lone space excluded. Each n-gram is packed into a `UInt64`
/// (21 bits per code point), so lookups hash one integer instead of a string.
///
///     NGramExtractor.ngrams(in: "Əl")  // "ə", "l", " ə", "əl", "l ", " əl", "əl "
enum NGramExtractor {
    static let maxOrder = 3

    /// The normalised form of a text that n-grams are taken from.
    static func normalise(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping
            .replacingOccurrences(of: "İ", with: "i")
            .lowercased()
            .replacingOccurrences(of: "ς", with: "σ")
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }

    /// Packs up to three code points into one integer.
    @inline(__always)
    static func pack(_ scalars: ArraySlice<UInt32>) -> UInt64 {
        var key: UInt64 = 0
        for value in scalars { key = key << 21 | UInt64(value) }
        return key  // keys of different orders never collide: no code point is 0
    }

    /// Calls `body` with every n-gram key of `text` and its order (1...3).
    static func forEachNGram(in text: String, _ body: (UInt64, Int) -> Void) {
        var word: [UInt32] = [0x20]
        func flush() {
            guard word.count > 1 else { return }
            word.append(0x20)
            for order in 1...maxOrder where word.count >= order {
                for start in 0...(word.count - order) {
                    if order == 1, word[start] == 0x20 { continue }
                    body(pack(word[start..<(start + order)]), order)
                }
            }
            word.removeAll(keepingCapacity: true)
            word.append(0x20)
        }
        for scalar in normalise(text).unicodeScalars {
            if isWordScalar(scalar) {
                word.append(scalar.value)
            } else {
                flush()
            }
        }
        flush()
    }

    /// The key of an n-gram written as a string (as in the profile files); nil if it is empty or too long.
    static func key(of gram: Substring) -> UInt64? {
        let scalars = gram.unicodeScalars.map(\.value)
        guard (1...maxOrder).contains(scalars.count) else { return nil }
        return pack(scalars[...])
    }
}
