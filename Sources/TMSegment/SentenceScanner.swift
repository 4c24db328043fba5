/// How a single line break inside a paragraph is read. A blank line always ends a paragraph.
public enum LineBreakMode: String, Sendable, CaseIterable {
    /// Decide per line: list items and short lines (headings, addresses) end a sentence,
    /// wrapped prose (long lines, or a line that continues in lower case) does not.
    case heuristic
    /// Every single line break is a soft wrap (text extracted from PDF), except before a list item.
    case soft
    /// Every line break ends a sentence.
    case hard
}

/// The language-independent hand scanner: finds sentence boundaries in UTF-8 bytes, guided by one
/// language's rule data. Works in one pass per paragraph plus one pre-pass (quotes, brackets, list markers);
/// every look-back and look-ahead is bounded, so the time is linear in the input.
struct SentenceScanner {
    let rules: LanguageRules
    let lineBreaks: LineBreakMode

    /// Longest quoted or bracketed passage kept whole (bytes); longer ones are probably unbalanced.
    static let maxProtectedSpan = 1500
    /// Longest token looked at behind a full stop (bytes).
    static let maxTokenLength = 256
    /// A line at least this long (in characters) is taken as wrapped prose.
    static let wrapLineLength = 60

    /// Sentence byte ranges of `text`, trimmed of white space, in order.
    func sentenceByteRanges(_ text: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var p = 0
        let n = text.count
        // Paragraphs: runs of lines, separated by lines holding only white space.
        var paragraphStart = 0
        var lineStart = 0
        var lineHasContent = false
        while p < n {
            let b = text[p]
            if b == 0x0A || b == 0x0D {
                if !lineHasContent {
                    // Blank line: the paragraph (if any) ended at lineStart.
                    if paragraphStart < lineStart {
                        ParagraphScanner(text: text, lo: paragraphStart, hi: lineStart, rules: rules, lineBreaks: lineBreaks)
                            .scan(into: &out)
                    }
                    paragraphStart = p + 1
                }
                if b == 0x0D, p + 1 < n, text[p + 1] == 0x0A { p += 1 }
                p += 1
                lineStart = p
                lineHasContent = false
                continue
            }
            if !lineHasContent, b != 0x20, b != 0x09 {
                if b < 0x80 {
                    lineHasContent = true
                } else {
                    let (s, _) = UTF8Text.decode(text, p)
                    if !ScalarClass.isSpace(s) { lineHasContent = true }
                }
            }
            p += 1
        }
        if paragraphStart < n {
            ParagraphScanner(text: text, lo: paragraphStart, hi: n, rules: rules, lineBreaks: lineBreaks).scan(into: &out)
        }
        return out
    }
}

/// One language's rule data behind a single reference, shared by the scanners of a segmenter.
final class LanguageRules: Sendable {
    let data: LanguageSegmentationData

    init(_ data: LanguageSegmentationData) {
        self.data = data
    }
}

/// UTF-8 decoding helpers over a byte buffer.
enum UTF8Text {
    /// The scalar starting at `i` and its length in bytes; U+FFFD for broken sequences.
    @inline(__always)
    static func decode(_ t: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Unicode.Scalar, Int) {
        let b0 = UInt32(t[i])
        if b0 < 0x80 { return (Unicode.Scalar(UInt8(b0)), 1) }
        let n = t.count
        var value: UInt32
        var length: Int
        if b0 & 0xE0 == 0xC0 { value = b0 & 0x1F; length = 2 }
        else if b0 & 0xF0 == 0xE0 { value = b0 & 0x0F; length = 3 }
        else if b0 & 0xF8 == 0xF0 { value = b0 & 0x07; length = 4 }
        else { return ("\u{FFFD}", 1) }
        guard i + length <= n else { return ("\u{FFFD}", 1) }
        for k in 1..<length {
            let c = UInt32(t[i + k])
            guard c & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
            value = value << 6 | (c & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// The scalar ending just before `i` and its start; nil at `lo`.
    @inline(__always)
    static func decodeBefore(_ t: UnsafeBufferPointer<UInt8>, _ i: Int, lo: Int) -> (Unicode.Scalar, Int)? {
        guard i > lo else { return nil }
        var s = i - 1
        while s > lo, t[s] & 0xC0 == 0x80, i - s < 4 { s -= 1 }
        return (decode(t, s).0, s)
    }
}
