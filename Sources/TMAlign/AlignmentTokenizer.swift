import Foundation

/// One matchable token of a sentence: a word (with its cognate keys) or an anchor such as a number.
struct AlignmentUnit: Hashable, Sendable {
    /// The word's stem (lower case, at most `stemLength` characters); nil for numbers and punctuation.
    var stem: String?
    /// Keys that survive translation and are compared across languages: `#5800` for numbers, `=kazak` for
    /// the folded spelling, `~kzks` for the consonant skeleton, `?` for question marks and the like.
    var keys: [String]
}

/// A sentence as the aligner sees it: its length and its matchable units.
struct TokenizedSentence: Hashable, Sendable {
    /// Characters other than white space.
    var length: Int
    var units: [AlignmentUnit]
}

/// Splits sentences into alignment units. Internal to TMAlign for now: the tokenizer, the number forms and
/// the transliteration keys belong in TMText, where the lead will consolidate them.
struct AlignmentTokenizer {
    static let stemLength = 4
    /// The transliteration table by scalar (its keys are single precomposed letters).
    private let table: [Unicode.Scalar: String]
    private var wordCache: [Substring: AlignmentUnit] = [:]
    /// Diacritic folding of the non-ASCII letters met so far (`é` → `e`).
    private var foldCache: [Unicode.Scalar: String] = [:]

    init(language: String) {
        var table: [Unicode.Scalar: String] = [:]
        for (letter, replacement) in TransliterationTable.table(for: language) {
            if let scalar = letter.unicodeScalars.first, letter.unicodeScalars.count == 1 { table[scalar] = replacement }
        }
        self.table = table
    }

    mutating func tokenize(_ sentence: String) -> TokenizedSentence {
        var length = 0
        var units: [AlignmentUnit] = []
        let scalars = sentence.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if Self.isWhitespace(scalar) {
                index = scalars.index(after: index)
                continue
            }
            if Self.isDigit(scalar) {
                var end = scalars.index(after: index)
                var lastGood = end
                while end < scalars.endIndex {
                    if Self.isDigit(scalars[end]) {
                        end = scalars.index(after: end)
                        lastGood = end
                    } else if Self.numberSeparators.contains(scalars[end]) {
                        let next = scalars.index(after: end)
                        guard next < scalars.endIndex, Self.isDigit(scalars[next]) else { break }
                        end = next
                    } else {
                        break
                    }
                }
                let raw = Substring(scalars[index..<lastGood])
                length += raw.unicodeScalars.count
                units.append(AlignmentUnit(stem: nil, keys: ["#" + Self.normalizedNumber(raw)]))
                index = lastGood
                continue
            }
            if Self.isLetter(scalar) {
                var end = scalars.index(after: index)
                while end < scalars.endIndex, Self.isLetter(scalars[end]) || Self.isMark(scalars[end]) {
                    end = scalars.index(after: end)
                }
                let word = Substring(scalars[index..<end])
                length += word.unicodeScalars.count
                units.append(unit(for: word))
                index = end
                continue
            }
            length += 1
            if let key = Self.punctuationKeys[scalar] {
                units.append(AlignmentUnit(stem: nil, keys: [key]))
            }
            index = scalars.index(after: index)
        }
        return TokenizedSentence(length: length, units: units)
    }

    // Scalar classes with an ASCII fast path: Character properties cost a grapheme break each.
    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 128 ? scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
            : scalar.properties.isWhitespace
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 48 && scalar.value <= 57 }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 128 { return (scalar.value | 0x20) >= 97 && (scalar.value | 0x20) <= 122 }
        return scalar.properties.isAlphabetic
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.value >= 0x300 else { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    private mutating func unit(for word: Substring) -> AlignmentUnit {
        if let cached = wordCache[word] { return cached }
        let lower = word.lowercased()
        let stem = String(lower.prefix(Self.stemLength))
        var folded = ""
        for scalar in lower.unicodeScalars {
            if let replacement = table[scalar] {
                folded += replacement
            } else if scalar.isASCII {
                folded.unicodeScalars.append(scalar)
            } else if let cached = foldCache[scalar] {
                folded += cached
            } else {
                let ascii = String(String.UnicodeScalarView(
                    String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.filter(\.isASCII)))
                foldCache[scalar] = ascii
                folded += ascii
            }
        }
        var keys: [String] = []
        if folded.count >= 4 {
            keys.append("=" + folded.prefix(5))
            if folded.count >= 5 { keys.append("-" + folded.prefix(4)) }
            let skeleton = Self.skeleton(folded)
            if skeleton.count >= 3 { keys.append("~" + skeleton.prefix(4)) }
        }
        let unit = AlignmentUnit(stem: stem, keys: keys)
        if wordCache.count < 200_000 { wordCache[word] = unit }
        return unit
    }

    /// The consonant skeleton of a folded word: the first letter, then the consonants with spelling
    /// variants merged (`c`/`q` → `k` before back vowels, `w` → `v`, `ph` → `f`, `h` dropped, doubles collapsed).
    static func skeleton(_ folded: String) -> String {
        let letters = Array(folded.unicodeScalars.filter { $0.value >= 97 && $0.value <= 122 })
        var out: [UInt8] = []
        var position = 0
        while position < letters.count {
            var c = UInt8(letters[position].value)
            let next: UInt8 = position + 1 < letters.count ? UInt8(letters[position + 1].value) : 0
            switch c {
            case UInt8(ascii: "c"):
                c = (next == UInt8(ascii: "e") || next == UInt8(ascii: "i") || next == UInt8(ascii: "y"))
                    ? UInt8(ascii: "s") : UInt8(ascii: "k")
            case UInt8(ascii: "q"): c = UInt8(ascii: "k")
            case UInt8(ascii: "w"): c = UInt8(ascii: "v")
            case UInt8(ascii: "x"): c = UInt8(ascii: "k")
            case UInt8(ascii: "p") where next == UInt8(ascii: "h"): c = UInt8(ascii: "f")
            default: break
            }
            let isVowel = "aeiouy".utf8.contains(c)
            if position == 0 {
                out.append(c)
            } else if !isVowel, c != UInt8(ascii: "h"), out.last != c {
                out.append(c)
            }
            position += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `5,800`, `5.800` and `5'800` → `5800`; `3,5` and `3.5` → `3.5`.
    static func normalizedNumber(_ raw: Substring) -> String {
        let scalars = raw.unicodeScalars
        guard scalars.contains(where: { !isDigit($0) }) else { return String(raw) }
        var groups: [String] = []
        var separators: Set<Unicode.Scalar> = []
        var group = String.UnicodeScalarView()
        for scalar in scalars {
            if numberSeparators.contains(scalar) {
                groups.append(String(group))
                separators.insert(scalar)
                group = String.UnicodeScalarView()
            } else {
                group.append(scalar)
            }
        }
        groups.append(String(group))
        if separators.count == 1, groups.dropFirst().allSatisfy({ $0.utf8.count == 3 }) {
            return groups.joined()
        }
        return groups.dropLast().joined() + "." + groups[groups.count - 1]
    }

    private static let numberSeparators: Set<Unicode.Scalar> = [",", ".", "'", "’", "\u{00A0}", "\u{202F}"]

    private static let punctuationKeys: [Unicode.Scalar: String] = [
        "?": "?", "¿": "?", "!": "!", "¡": "!", ":": ":", ";": ";", "%": "%",
        "\"": "\"", "“": "\"", "”": "\"", "„": "\"", "«": "\"", "»": "\"", "‹": "\"", "›": "\"", "「": "\"",
        "」": "\"", "(": "(", ")": "(", "[": "(", "]": "(",
    ]
}
