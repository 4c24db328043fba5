import TMCore

/// `end-punctuation`: the target ends with different punctuation than the source.
///
/// Each language's marks are mapped to their function first: `。` is a full stop, `？` `؟` and the Greek `;`
/// are question marks, `…` and `...` are both an ellipsis; closing quotes and brackets are looked through,
/// and a French space before `: ; ! ?` is ignored.
struct EndPunctuationRule: UnitRule {
    let id = "end-punctuation"
    let defaultSeverity = Severity.warning

    enum Mark: String {
        case none = "no punctuation"
        case period = "“.”"
        case question = "“?”"
        case exclamation = "“!”"
        case colon = "“:”"
        case semicolon = "“;”"
        case comma = "“,”"
        case ellipsis = "“…”"
    }

    func check(_ unit: UnitAnalysis, context: CheckContext, into findings: inout [Finding]) {
        guard !unit.target.isBlank, !unit.source.isBlank else { return }
        let (source, _) = Self.endMark(unit.source)
        let (target, range) = Self.endMark(unit.target)
        guard source != target else { return }
        // A list item or label ending in ':' often loses it; still a difference worth a warning.
        let span = range ?? {
            let tb = unit.target.trimmedBounds ?? 0..<unit.target.scalars.count
            return (tb.upperBound - 1)..<tb.upperBound
        }()
        findings.append(finding(unit, "the source ends with \(source.rawValue), the target with \(target.rawValue)",
                                spans: [Span(side: .target, range: span)]))
    }

    /// Closing quotes and brackets: `"'‘’“”«»‹›)]）」』`.
    @inline(__always)
    static func isClosing(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "\"", "'", "‘", "’", "“", "”", "«", "»", "‹", "›", ")", "]", "）", "」", "』": true
        default: false
        }
    }

    static func endMark(_ segment: Segment) -> (Mark, Range<Int>?) {
        let s = segment.scalars
        var end = s.count
        while end > 0, ScalarTraits.isWhitespace(s[end - 1]) { end -= 1 }
        // Look through closing quotes and brackets.
        while end > 0, Self.isClosing(s[end - 1]) {
            end -= 1
            while end > 0, ScalarTraits.isWhitespace(s[end - 1]) { end -= 1 }
        }
        guard end > 0 else { return (.none, nil) }
        let c = s[end - 1]
        let greek = segment.language == "el"
        let mark: Mark
        switch c {
        case ".", "。", "｡", "।", "۔":
            if end >= 3, s[end - 2] == ".", s[end - 3] == "." { return (.ellipsis, (end - 3)..<end) }
            mark = .period
        case "…": mark = .ellipsis
        case "?", "？", "؟", "՞": mark = .question
        case ";", "；", "؛":
            mark = greek && c == ";" ? .question : .semicolon
        case "\u{37E}": mark = .question  // Greek question mark
        case "!", "！", "¡": mark = .exclamation
        case ":", "：": mark = .colon
        case ",", "，", "、", "،": mark = .comma
        default: return (.none, nil)
        }
        return (mark, (end - 1)..<end)
    }
}
