/// Finds placeholders, markup tags, URLs and e-mail addresses in one pass over a segment's scalars.
///
/// Recognised placeholders: printf (`%s`, `%1$d`, `%-5.2f`, `%lld`, `%(name)s`, Qt `%1`), .NET/ICU `{0}`,
/// `{0:N2}`, `{name}`, mustache `{{name}}`, shell/JS `${x}`. `%%` and `{{`/`}}` without a name are literals.
/// A `%` followed by a space is never a placeholder (`50 % done`), which avoids the best-known false alarm.
enum InlineCodeScanner {
    /// - Parameter qtPlaceholders: whether `%1` (no conversion letter) is a placeholder. Off for Turkic languages,
    ///   which write percentages as `%50`.
    static func scan(_ s: [Unicode.Scalar], qtPlaceholders: Bool = true) -> [InlineCode] {
        var codes: [InlineCode] = []
        let n = s.count
        var i = 0
        var lastEnd = 0
        while i < n {
            let c = s[i]
            var found: (InlineCode.Kind, Int, String?)? = nil  // kind, end, name
            switch c {
            case "%":
                if i + 1 < n, s[i + 1] == "%" {
                    i += 2
                    continue
                }
                if let end = printfEnd(s, from: i, qt: qtPlaceholders) { found = (.placeholder, end, nil) }
            case "{":
                if let end = braceEnd(s, from: i) { found = (.placeholder, end, nil) }
            case "$":
                if i + 1 < n, s[i + 1] == "{", let end = dollarBraceEnd(s, from: i) { found = (.placeholder, end, nil) }
            case "<":
                if let (end, name) = tagEnd(s, from: i), isMarkup(s, name: name, range: i..<end) {
                    found = (.tag, end, name)
                }
            case "h", "f", "w", "H", "F", "W":
                if i == 0 || !ScalarTraits.isWordScalar(s[i - 1]), let end = urlEnd(s, from: i) {
                    found = (.url, end, nil)
                }
            case "@":
                if let (start, end) = emailBounds(s, at: i, notBefore: lastEnd) {
                    let text = ScalarTraits.string(s[start..<end])
                    codes.append(InlineCode(kind: .email, range: start..<end, text: text, name: text.lowercased()))
                    i = end
                    lastEnd = end
                    continue
                }
            default:
                break
            }
            if let (kind, end, name) = found {
                let text = ScalarTraits.string(s[i..<end])
                codes.append(InlineCode(kind: kind, range: i..<end, text: text, name: name ?? text))
                i = end
                lastEnd = end
            } else {
                i += 1
            }
        }
        return codes
    }

    // MARK: printf

    private static let printfConversions: Set<Unicode.Scalar> = [
        "d", "i", "o", "u", "x", "X", "e", "E", "f", "F", "g", "G", "a", "A", "c", "s", "p", "n", "@", "S", "C",
    ]

    /// `%[(name)|n$][flags][width][.precision][length]conversion`, or Qt's `%1`…`%99`.
    static func printfEnd(_ s: [Unicode.Scalar], from start: Int, qt: Bool = true) -> Int? {
        let n = s.count
        var i = start + 1
        guard i < n else { return nil }
        if s[i] == "(" {  // Python %(name)s
            var j = i + 1
            while j < n, s[j] != ")", ScalarTraits.isWordScalar(s[j]) || s[j] == "-" || s[j] == "." { j += 1 }
            guard j < n, s[j] == ")", j > i + 1 else { return nil }
            i = j + 1
        } else {
            // n$ (positional) — or Qt %1 when no conversion follows.
            var j = i
            while j < n, ScalarTraits.isDigit(s[j]) { j += 1 }
            if j > i, j < n, s[j] == "$" {
                i = j + 1
            } else if j > i, s[i] != "0" {
                // Could be a width (%5d) or Qt %1: decide after the rest.
                let widthEnd = j
                var k = widthEnd
                if k < n, s[k] == "." {
                    k += 1
                    while k < n, ScalarTraits.isDigit(s[k]) { k += 1 }
                }
                k = skipLength(s, k)
                if k < n, printfConversions.contains(s[k]) { return k + 1 }
                // Qt %1: digits not followed by a letter
                if qt, widthEnd - i <= 2, widthEnd >= n || !ScalarTraits.isLetter(s[widthEnd]) { return widthEnd }
                return nil
            }
        }
        while i < n, s[i] == "-" || s[i] == "+" || s[i] == "#" || s[i] == "0" || s[i] == "'" { i += 1 }
        if i < n, s[i] == "*" {
            i += 1
        } else {
            while i < n, ScalarTraits.isDigit(s[i]) { i += 1 }
        }
        if i < n, s[i] == "." {
            i += 1
            if i < n, s[i] == "*" {
                i += 1
            } else {
                while i < n, ScalarTraits.isDigit(s[i]) { i += 1 }
            }
        }
        i = skipLength(s, i)
        guard i < n, printfConversions.contains(s[i]) else { return nil }
        // `%s` glued to further letters is still a placeholder (`%sfoo`), except `%n` etc. before a letter in
        // prose is rare enough; keep the simple rule.
        return i + 1
    }

    private static func skipLength(_ s: [Unicode.Scalar], _ start: Int) -> Int {
        var i = start
        let n = s.count
        while i < n {
            switch s[i] {
            case "h", "l", "L", "q", "j", "z", "t": i += 1
            case "I":
                // I64 / I32 (MSVC)
                if i + 2 < n, (s[i + 1] == "6" && s[i + 2] == "4") || (s[i + 1] == "3" && s[i + 2] == "2") {
                    i += 3
                } else {
                    return i
                }
            default: return i
            }
        }
        return i
    }

    // MARK: braces

    /// `{0}`, `{0:N2}`, `{1,-10}`, `{name}`, `{{name}}`.
    static func braceEnd(_ s: [Unicode.Scalar], from start: Int) -> Int? {
        let n = s.count
        var i = start + 1
        var double = false
        if i < n, s[i] == "{" {
            double = true
            i += 1
        }
        while i < n, s[i] == " ", double { i += 1 }
        let nameStart = i
        while i < n, ScalarTraits.isWordScalar(s[i]) || s[i] == "." { i += 1 }
        guard i > nameStart, i - nameStart <= 64 else { return nil }
        if !double, i < n, s[i] == "," {
            // .NET alignment: `{0,-10}`
            var j = i + 1
            if j < n, s[j] == "-" { j += 1 }
            let digitsStart = j
            while j < n, ScalarTraits.isDigit(s[j]) { j += 1 }
            guard j > digitsStart else { return nil }
            i = j
        }
        if !double, i < n, s[i] == ":" {
            // format part: anything but braces and line breaks, short
            var j = i + 1
            while j < n, j - i < 32, s[j] != "}", s[j] != "{", s[j] != "\n" { j += 1 }
            i = j
        }
        while i < n, s[i] == " ", double { i += 1 }
        guard i < n, s[i] == "}" else { return nil }
        if double {
            guard i + 1 < n, s[i + 1] == "}" else { return nil }
            return i + 2
        }
        return i + 1
    }

    static func dollarBraceEnd(_ s: [Unicode.Scalar], from start: Int) -> Int? {
        let n = s.count
        var i = start + 2
        let nameStart = i
        while i < n, i - nameStart < 64, s[i] != "}", !ScalarTraits.isWhitespace(s[i]), s[i] != "{" { i += 1 }
        guard i > nameStart, i < n, s[i] == "}" else { return nil }
        return i + 1
    }

    // MARK: tags

    /// An XML/HTML tag: `<b>`, `</b>`, `<br/>`, `<a href="x">`, `<ph x="1"/>`; also `<!-- -->`-free.
    /// Returns the end and the comparison name (`b`, `/b`, `br/`).
    static func tagEnd(_ s: [Unicode.Scalar], from start: Int) -> (Int, String)? {
        let n = s.count
        var i = start + 1
        var closing = false
        if i < n, s[i] == "/" {
            closing = true
            i += 1
        }
        guard i < n, ScalarTraits.isASCIILetter(s[i]) else { return nil }
        let nameStart = i
        while i < n, ScalarTraits.isASCIILetter(s[i]) || ScalarTraits.isDigit(s[i]) || s[i] == ":" || s[i] == "-"
            || s[i] == "_"
        { i += 1 }
        let nameEnd = i
        var quote: Unicode.Scalar? = nil
        // Attributes until '>' (quotes respected), within a sane length.
        guard i < n, s[i] == ">" || s[i] == "/" || ScalarTraits.isWhitespace(s[i]) else { return nil }
        while i < n, i - start < 400 {
            let c = s[i]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "<" {
                return nil
            } else if c == ">" {
                var name = ScalarTraits.string(s[nameStart..<nameEnd]).lowercased()
                if closing { name = "/" + name }
                if i > start + 1, s[i - 1] == "/" { name += "/" }
                return (i + 1, name)
            }
            i += 1
        }
        return nil
    }

    /// HTML, XLIFF and TMX inline element names: a tag with one of these names is markup even alone.
    static let markupNames: Set<String> = [
        "a", "abbr", "b", "big", "bpt", "br", "bx", "cite", "code", "del", "dfn", "div", "em", "ept", "ex", "font",
        "g", "h1", "h2", "h3", "h4", "h5", "h6", "hi", "hr", "i", "img", "ins", "it", "kbd", "li", "mark", "mrk",
        "ol", "p", "ph", "pre", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "table", "td",
        "th", "tr", "tt", "u", "ul", "var", "x", "pc", "sc", "ec", "sm",
    ]

    /// Whether an angle-bracketed run is markup rather than a plain-text placeholder like `<FILE>` or
    /// `<newline>`: it closes (`</x>`), self-closes (`<x/>`), has attributes, has a known element name, or a
    /// matching closing tag follows in the segment.
    static func isMarkup(_ s: [Unicode.Scalar], name: String, range: Range<Int>) -> Bool {
        if name.hasPrefix("/") || name.hasSuffix("/") { return true }
        if markupNames.contains(name) { return true }
        if s[range].contains(where: { $0 == "=" }) { return true }
        // A closing tag later on: `</name>`.
        let closing = Array(("</" + name + ">").unicodeScalars)
        var i = range.upperBound
        while i + closing.count <= s.count {
            if s[i] == "<", s[i..<(i + closing.count)].elementsEqual(closing, by: { a, b in
                a == b || (a.value < 0x80 && b.value < 0x80 && (a.value | 0x20) == (b.value | 0x20))
            }) { return true }
            i += 1
        }
        return false
    }

    // MARK: URLs and e-mail

    private static let urlPrefixes: [[Unicode.Scalar]] = ["http://", "https://", "ftp://", "www."].map {
        Array($0.unicodeScalars)
    }

    static func urlEnd(_ s: [Unicode.Scalar], from start: Int) -> Int? {
        let n = s.count
        var matched = 0
        for prefix in urlPrefixes where start + prefix.count < n {
            var ok = true
            for (k, p) in prefix.enumerated() {
                let c = s[start + k]
                let lower = c.value < 0x80 && ScalarTraits.isUppercase(c) ? Unicode.Scalar(UInt8(c.value + 0x20)) : c
                if lower != p {
                    ok = false
                    break
                }
            }
            if ok {
                matched = prefix.count
                break
            }
        }
        guard matched > 0 else { return nil }
        var i = start + matched
        while i < n {
            let c = s[i]
            if ScalarTraits.isWhitespace(c) || c == "<" || c == ">" || c == "\"" || c == "«" || c == "»"
                || c == "“" || c == "”" || c == "'" || c == "’"
            { break }
            i += 1
        }
        // Trailing sentence punctuation belongs to the text.
        while i > start + matched {
            let c = s[i - 1]
            if c == "." || c == "," || c == ";" || c == ":" || c == "!" || c == "?" || c == ")" || c == "]" {
                if c == ")" {
                    // keep a ')' that closes a '(' inside the URL
                    var opens = 0
                    var closes = 0
                    for k in start..<i {
                        if s[k] == "(" { opens += 1 } else if s[k] == ")" { closes += 1 }
                    }
                    if opens >= closes { break }
                }
                i -= 1
            } else {
                break
            }
        }
        guard i > start + matched else { return nil }
        return i
    }

    @inline(__always)
    private static func isLocalPart(_ c: Unicode.Scalar) -> Bool {
        ScalarTraits.isASCIILetter(c) || ScalarTraits.isDigit(c) || c == "." || c == "_" || c == "%" || c == "+"
            || c == "-"
    }

    static func emailBounds(_ s: [Unicode.Scalar], at: Int, notBefore: Int) -> (Int, Int)? {
        var start = at
        while start > notBefore, isLocalPart(s[start - 1]) { start -= 1 }
        while start < at, s[start] == "." { start += 1 }
        guard start < at else { return nil }
        let n = s.count
        var end = at + 1
        var lastDot = -1
        while end < n, ScalarTraits.isASCIILetter(s[end]) || ScalarTraits.isDigit(s[end]) || s[end] == "."
            || s[end] == "-"
        {
            if s[end] == "." { lastDot = end }
            end += 1
        }
        while end > at + 1, s[end - 1] == "." || s[end - 1] == "-" {
            end -= 1
            if lastDot >= end { lastDot = -1
                for k in (at + 1)..<end where s[k] == "." { lastDot = k }
            }
        }
        guard lastDot > at + 1, end - lastDot > 2 else { return nil }
        return (start, end)
    }
}
