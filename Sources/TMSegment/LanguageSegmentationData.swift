import Foundation
import TMCore

/// The linguistic knowledge the segmenter needs for one language, read from `Resources/<lang>.seg`.
///
/// The file is plain text, one entry per line, in sections (`#` starts a comment):
///
///     [options]
///     quotes = keep            # keep | split: may a quoted passage be split into sentences?
///     lowercase-starts = yes   # may a sentence begin with a lower-case word after a full stop?
///     case = turkic            # case folding for abbreviation look-up (İ/i, I/ı)
///     ordinal-dot = yes        # "3. Mai": a number with a full stop is an ordinal
///     word-final-letters = ς   # letters that only end a complete word: a full stop after them is no
///                              # abbreviation's, so it ends the sentence even before a lower-case word
///     [abbreviations]          # a full stop after these rarely ends a sentence
///     e.g.
///     [sentence-final]         # may end a sentence: break before a capitalised word
///     etc.
///     [titles]                 # honorifics and titles before a name: never break after them
///     Mr.
///     [numeric]                # no break when a number follows: p. 5, No. 5
///     p.
///     [after-number]           # units after a number may end a sentence ("15 мин. Докладчик"); elsewhere
///     мин.                     # they are ordinary abbreviations
///     [starters]               # words that usually begin a sentence (break after an abbreviation)
///     The
///     [exceptions]             # words whose ! ? or . never ends a sentence
///     Yahoo!
///     [terminators]            # extra characters that end a sentence like ? (Greek ;)
///     ;
///
/// Entries may hold several words (`və s.`); look-up ignores case (Turkic rules where the options say so).
public struct LanguageSegmentationData: Sendable {
    enum AbbreviationKind: Sendable {
        case general, sentenceFinal, title, numeric, afterNumber
    }

    /// An abbreviation whose last word is the key of the table; `preceding` holds the words before it, if any.
    struct Abbreviation: Sendable {
        var kind: AbbreviationKind
        var preceding: [Key]
    }

    var keepQuotesWhole = false
    var lowercaseStarts = false
    var turkicCase = false
    var ordinalDot = false
    /// Letters written only at the end of a complete word (Greek final sigma `ς`).
    var wordFinalLetters: Set<Unicode.Scalar> = []
    /// A folded word as UTF-8 bytes: hashing bytes is much cheaper than hashing a String (no normalisation).
    typealias Key = [UInt8]
    /// Last word (folded, without its final full stop) → entries ending with it.
    var abbreviations: [Key: [Abbreviation]] = [:]
    var starters: Set<Key> = []
    var exceptions: Set<Key> = []
    var extraTerminators: Set<Unicode.Scalar> = []

    static let sections: Set = ["options", "abbreviations", "sentence-final", "titles", "numeric", "after-number", "starters",
                                "exceptions", "terminators"]

    /// The core alone: no abbreviations, no language options.
    public static let core = LanguageSegmentationData()

    init() {}

    /// Parses rule data in the format described above. `file` names the source in error messages.
    public init(parsing text: String, file: String, defaultSection: String = "", turkic: Bool = false)
        throws(SegmentationDataError)
    {
        self.turkicCase = turkic
        var section = defaultSection
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = Substring(rawLine)
            // `#` starts a comment at the start of a line or after white space, so `N°#` style entries survive.
            if line.first == "#" {
                line = ""
            } else if let hash = line.range(of: " #") ?? line.range(of: "\t#") {
                line = line[..<hash.lowerBound]
            }
            let entry = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if entry.isEmpty { continue }
            let location = InputLocation(file: file, line: number + 1, column: 1)
            if entry.hasPrefix("["), entry.hasSuffix("]") {
                section = String(entry.dropFirst().dropLast())
                guard Self.sections.contains(section) else {
                    throw SegmentationDataError(location: location, message: "unknown section `[\(section)]`")
                }
                continue
            }
            switch section {
            case "options":
                let parts = entry.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2 else { throw SegmentationDataError(location: location, message: "expected `name = value`, found `\(entry)`") }
                let yes = ["yes", "true", "keep", "turkic"].contains(parts[1])
                switch parts[0] {
                case "quotes": keepQuotesWhole = parts[1] == "keep"
                case "lowercase-starts": lowercaseStarts = yes
                case "case": turkicCase = parts[1] == "turkic"
                case "ordinal-dot": ordinalDot = yes
                case "word-final-letters": wordFinalLetters = Set(parts[1].unicodeScalars.filter { !$0.properties.isWhitespace })
                default: throw SegmentationDataError(location: location, message: "unknown option `\(parts[0])`")
                }
            case "abbreviations": add(entry, .general)
            case "sentence-final": add(entry, .sentenceFinal)
            case "titles": add(entry, .title)
            case "numeric": add(entry, .numeric)
            case "after-number": add(entry, .afterNumber)
            case "starters": starters.insert(key(entry))
            case "exceptions": exceptions.insert(key(entry))
            case "terminators": extraTerminators.formUnion(entry.unicodeScalars.filter { !$0.properties.isWhitespace })
            default:
                throw SegmentationDataError(location: location, message: "entry `\(entry)` outside a known section")
            }
        }
    }

    /// Adds the abbreviations of another list (a user's `--abbreviations` file: one per line, any section).
    mutating func merge(_ other: LanguageSegmentationData) {
        for (key, entries) in other.abbreviations { abbreviations[key, default: []].append(contentsOf: entries) }
        starters.formUnion(other.starters)
        exceptions.formUnion(other.exceptions)
        extraTerminators.formUnion(other.extraTerminators)
    }

    private mutating func add(_ entry: String, _ kind: AbbreviationKind) {
        var words = entry.split(whereSeparator: { $0 == " " || $0 == "\t" }).map {
            fold($0).precomposedStringWithCanonicalMapping
        }
        guard var last = words.popLast() else { return }
        while last.hasSuffix(".") { last.removeLast() }
        guard !last.isEmpty else { return }
        abbreviations[Array(last.utf8), default: []].append(Abbreviation(kind: kind, preceding: words.map { Array($0.utf8) }))
    }

    /// The look-up key of a word of the rule data.
    /// Keys are in NFC, so "é" typed as e + U+0301 finds "é".
    func key<S: StringProtocol>(_ word: S) -> Key { Array(fold(word).precomposedStringWithCanonicalMapping.utf8) }

    /// The look-up key of the word in `t[range]`, equal to `key(String(decoding: t[range]))`: ASCII and basic
    /// Cyrillic are folded byte by byte, letters that lower-casing leaves alone are copied, anything else
    /// (capitals outside ASCII and Cyrillic, combining diacritics) takes the String route.
    func key(_ t: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Key {
        var out = Key()
        out.reserveCapacity(range.count)
        var k = range.lowerBound
        while k < range.upperBound {
            let b = t[k]
            if b < 0x80 {
                if b >= 0x41, b <= 0x5A {
                    if turkicCase, b == 0x49 { out.append(0xC4); out.append(0xB1) } else { out.append(b | 0x20) }
                } else {
                    out.append(b)
                }
                k += 1
                continue
            }
            let (s, length) = UTF8Text.decode(t, k)
            let v = s.value
            if v >= 0x400, v <= 0x42F {
                let lower = v < 0x410 ? v + 0x50 : v + 0x20       // Ѐ–Џ → ѐ–џ, А–Я → а–я
                out.append(UInt8(0xC0 | (lower >> 6)))
                out.append(UInt8(0x80 | (lower & 0x3F)))
            } else if v >= 0x300, v <= 0x36F {
                return key(String(decoding: UnsafeBufferPointer(rebasing: t[range]), as: UTF8.self))  // combining marks
            } else if (v >= 0x430 && v <= 0x45F) || (v >= 0xDF && v <= 0xFF && v != 0xF7) || (v >= 0x250 && v <= 0x2AF)
                        || !(s.properties.changesWhenLowercased || (turkicCase && v == 0x307)) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: t[k..<(k + length)]))
            } else {
                return key(String(decoding: UnsafeBufferPointer(rebasing: t[range]), as: UTF8.self))
            }
            k += length
        }
        return out
    }

    /// Case folding for look-up: lower case, with the Turkic dotted and dotless i where the language has them.
    func fold<S: StringProtocol>(_ word: S) -> String {
        if turkicCase, word.unicodeScalars.contains(where: { $0 == "I" || $0 == "İ" || $0 == "\u{307}" }) {
            var out = String.UnicodeScalarView()
            for scalar in word.unicodeScalars {
                switch scalar {
                case "I": out.append("ı")
                case "İ": out.append("i")
                case "\u{307}": continue  // combining dot above after I
                default: out.append(scalar)
                }
            }
            return String(out).lowercased()
        }
        return word.lowercased()
    }

    /// Reads the rule data bundled for a language (`az` for `az-Latn-AZ`); the core when there is none.
    public static func builtIn(for language: LanguageTag) -> LanguageSegmentationData {
        Cache.shared.data(for: language.language)
    }

    /// The language codes that have bundled rule data.
    public static var builtInLanguages: [String] {
        guard let folder = Bundle.module.url(forResource: "Resources", withExtension: nil),
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
        else { return [] }
        return names.filter { $0.hasSuffix(".seg") }.map { String($0.dropLast(4)) }.sorted()
    }

    /// The text of the bundled rule file for a language code, if there is one.
    static func bundledText(for code: String) -> String? {
        guard let url = Bundle.module.url(forResource: code, withExtension: "seg", subdirectory: "Resources") else { return nil }
        return try? String(contentsOf: url, encoding: .utf8)
    }

    /// Parsed data per language, read once.
    final class Cache: @unchecked Sendable {
        static let shared = Cache()
        private let lock = NSLock()
        private var table: [String: LanguageSegmentationData] = [:]

        func data(for code: String) -> LanguageSegmentationData {
            lock.lock()
            defer { lock.unlock() }
            if let cached = table[code] { return cached }
            var data = LanguageSegmentationData.core
            if let text = LanguageSegmentationData.bundledText(for: code) {
                do {
                    data = try LanguageSegmentationData(parsing: text, file: code + ".seg")
                } catch {
                    // Bundled data is checked by the tests; a broken file falls back to the core.
                    data = .core
                }
            }
            table[code] = data
            return data
        }
    }
}

/// A problem in a rule-data or abbreviation file.
public struct SegmentationDataError: LocatedError, Equatable {
    public var location: InputLocation?
    public var message: String

    public init(location: InputLocation?, message: String) {
        self.location = location
        self.message = message
    }
}
