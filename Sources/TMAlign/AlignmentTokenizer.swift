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
    /// Whether the table replaces ASCII letters (Azerbaijani `x` → `kh`); if not, ASCII letters fold to themselves.
    private let hasASCIIReplacements: Bool

    init(language: String) {
        var table: [Unicode.Scalar: String] = [:]
        for (letter, replacement) in TransliterationTable.table(for: language) {
            if let scalar = letter.unicodeScalars.first, letter.unicodeScalars.count == 1 { table[scalar] = replacement }
        }
        self.table = table
        hasASCIIReplacements = table.keys.contains { $0.isASCII }
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

    /// Scans a sentence over its UTF-8 bytes, with the same tokens as `tokenize`: calls `word` with the bytes
    /// of every word and `anchor` with the unit of every number or punctuation mark that has a key, and
    /// returns the sentence length. The caller caches the units of words by their bytes, which avoids
    /// building and hashing a `String` per token.
    static func scan(
        _ sentence: String, word: (UnsafeBufferPointer<UInt8>) -> Void, anchor: (AlignmentUnit) -> Void
    ) -> Int {
        var text = sentence
        return text.withUTF8 { bytes -> Int in
            let count = bytes.count
            /// The scalar at byte `i` and its length in bytes (the bytes are valid UTF-8).
            @inline(__always) func decode(_ i: Int) -> (UInt32, Int) {
                let b0 = UInt32(bytes[i])
                if b0 < 0x80 { return (b0, 1) }
                if b0 < 0xE0 { return ((b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F), 2) }
                if b0 < 0xF0 {
                    return ((b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F), 3)
                }
                return ((b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                    | UInt32(bytes[i + 3] & 0x3F), 4)
            }
            @inline(__always) func scalars(_ range: Range<Int>) -> Int {
                var n = 0
                for i in range where bytes[i] & 0xC0 != 0x80 { n += 1 }
                return n
            }
            func scalar(_ value: UInt32) -> Unicode.Scalar { Unicode.Scalar(value) ?? " " }
            var length = 0
            var i = 0
            while i < count {
                let (value, size) = decode(i)
                if value < 128 ? value == 32 || value == 9 || value == 10 || value == 13
                    : isWhitespace(scalar(value)) {
                    i += size
                    continue
                }
                if value >= 48 && value <= 57 {
                    var end = i + 1
                    var lastGood = end
                    while end < count {
                        let (next, nextSize) = decode(end)
                        if next >= 48 && next <= 57 {
                            end += 1
                            lastGood = end
                        } else if next < 0x80 ? (next == 44 || next == 46 || next == 39)
                                    : numberSeparators.contains(scalar(next)) {
                            let after = end + nextSize
                            guard after < count, bytes[after] >= 48, bytes[after] <= 57 else { break }
                            end = after
                        } else {
                            break
                        }
                    }
                    let raw = String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<lastGood]), as: UTF8.self)
                    length += scalars(i..<lastGood)
                    anchor(AlignmentUnit(stem: nil, keys: ["#" + normalizedNumber(Substring(raw))]))
                    i = lastGood
                    continue
                }
                if value < 128 ? (value | 0x20) >= 97 && (value | 0x20) <= 122 : isLetter(scalar(value)) {
                    var end = i + size
                    while end < count {
                        let (next, nextSize) = decode(end)
                        let continues = next < 128
                            ? (next | 0x20) >= 97 && (next | 0x20) <= 122
                            : isLetter(scalar(next)) || isMark(scalar(next))
                        guard continues else { break }
                        end += nextSize
                    }
                    length += scalars(i..<end)
                    word(UnsafeBufferPointer(rebasing: bytes[i..<end]))
                    i = end
                    continue
                }
                length += 1
                if let key = punctuationKeys[scalar(value)] {
                    anchor(AlignmentUnit(stem: nil, keys: [key]))
                }
                i += size
            }
            return length
        }
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

    mutating func unit(for word: Substring) -> AlignmentUnit {
        if let cached = wordCache[word] { return cached }
        let unit = makeUnit(word)
        if wordCache.count < 200_000 { wordCache[word] = unit }
        return unit
    }

    /// The unit of a word, without the cache (the corpus caches units by their bytes).
    mutating func makeUnit(_ word: Substring) -> AlignmentUnit {
        let lower = word.lowercased()
        let stem = String(lower.prefix(Self.stemLength))
        // The folded spelling is ASCII: table replacements are ASCII, other letters lose their diacritics.
        var folded: [UInt8] = []
        folded.reserveCapacity(lower.utf8.count + 4)
        for scalar in lower.unicodeScalars {
            if scalar.isASCII, !hasASCIIReplacements {
                folded.append(UInt8(scalar.value))
            } else if let replacement = table[scalar] {
                folded.append(contentsOf: replacement.utf8)
            } else if scalar.isASCII {
                folded.append(UInt8(scalar.value))
            } else if let cached = foldCache[scalar] {
                folded.append(contentsOf: cached.utf8)
            } else {
                let ascii = String(String.UnicodeScalarView(
                    String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.filter(\.isASCII)))
                foldCache[scalar] = ascii
                folded.append(contentsOf: ascii.utf8)
            }
        }
        var keys: [String] = []
        if folded.count >= 4 {
            keys.append("=" + String(decoding: folded.prefix(5), as: UTF8.self))
            if folded.count >= 5 { keys.append("-" + String(decoding: folded.prefix(4), as: UTF8.self)) }
            let skeleton = Self.skeleton(bytes: folded)
            if skeleton.count >= 3 { keys.append("~" + String(decoding: skeleton.prefix(4), as: UTF8.self)) }
        }
        return AlignmentUnit(stem: stem, keys: keys)
    }

    /// The consonant skeleton of a folded word: the first letter, then the consonants with spelling
    /// variants merged (`c`/`q` → `k` before back vowels, `w` → `v`, `ph` → `f`, `h` dropped, doubles collapsed).
    static func skeleton(_ folded: String) -> String {
        String(decoding: skeleton(bytes: Array(folded.utf8)), as: UTF8.self)
    }

    /// `skeleton` over the bytes of an ASCII folded word.
    static func skeleton(bytes folded: [UInt8]) -> [UInt8] {
        let letters = folded.filter { $0 >= 97 && $0 <= 122 }
        var out: [UInt8] = []
        var position = 0
        while position < letters.count {
            var c = letters[position]
            let next: UInt8 = position + 1 < letters.count ? letters[position + 1] : 0
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
            let isVowel = c == 97 || c == 101 || c == 105 || c == 111 || c == 117 || c == 121
            if position == 0 {
                out.append(c)
            } else if !isVowel, c != UInt8(ascii: "h"), out.last != c {
                out.append(c)
            }
            position += 1
        }
        return out
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
