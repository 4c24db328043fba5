/// Optional clean-up of messy input before segmentation (`tmkit segment --clean`): markup, table-of-contents
/// leaders, banner lines, letters stacked one per line, escaped line breaks.
///
/// Unlike the segmenter, which never alters text, the cleaner returns new text: use it when the sentences are
/// wanted as plain text (a TM from web pages or PDF extractions), not when positions in the source matter.
///
///     TextCleaner().clean("This is it. <em>Yes.</em>")   // "This is it. Yes."
public struct TextCleaner: Sendable {
    public init() {}

    public func clean(_ text: String) -> String {
        // Carriage returns: "\r\n" and a lone "\r" are line breaks.
        var s: [Unicode.Scalar] = []
        s.reserveCapacity(text.unicodeScalars.count)
        var previousCR = false
        for c in text.unicodeScalars {
            if c == "\r" { s.append("\n"); previousCR = true; continue }
            if c == "\n", previousCR { previousCR = false; continue }
            previousCR = false
            s.append(c)
        }
        s = replaceEscapedLineBreaks(s)
        s = removeMarkup(s)
        s = replaceDotLeaders(s)
        s = removeBanners(s)
        s = attachStrayFullStops(s)
        s = cleanLines(s)
        var out = String.UnicodeScalarView()
        out.append(contentsOf: s.map { $0 == "`" ? "'" : $0 })
        return String(out)
    }

    /// `\r\n`, `\n` written out as text (and `\ r \ n`) become line breaks.
    private func replaceEscapedLineBreaks(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count)
        var i = 0
        while i < s.count {
            if s[i] == "\\" {
                var k = i + 1
                if k < s.count, s[k] == " " { k += 1 }
                if k < s.count, s[k] == "r" || s[k] == "n" {
                    // Only when followed by a non-letter or by another escape: "\nHello" would be ambiguous.
                    out.append("\n")
                    i = k + 1
                    continue
                }
            }
            out.append(s[i])
            i += 1
        }
        return out
    }

    /// HTML/XML tags (also escaped as `&lt;…&gt;`) and `{b^…b^}` inline codes are removed; block tags end a line.
    private func removeMarkup(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count)
        var i = 0
        while i < s.count {
            if s[i] == "<", i + 1 < s.count, s[i + 1] == "/" || ScalarClass.isLetter(s[i + 1]) {
                if let end = firstIndex(of: ">", in: s, from: i + 1, limit: 300) {
                    let name = String(String.UnicodeScalarView(s[(i + 1)..<end].prefix { $0 != " " && $0 != ">" }))
                        .lowercased().replacingSlashes()
                    if ["p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br", "tr", "td", "ul", "ol", "table"].contains(name) {
                        out.append("\n")
                    }
                    i = end + 1
                    continue
                }
            }
            if s[i] == "&", matches(s, at: i, "&lt;") {
                let start = i + 4
                if start < s.count, s[start] == "/" || ScalarClass.isLetter(s[start]),
                   let end = firstSequence("&gt;", in: s, from: start, limit: 200) {
                    i = end + 4
                    continue
                }
            }
            if s[i] == "{", matches(s, at: i, "{b^"), let end = firstSequence("b^}", in: s, from: i + 3, limit: 200) {
                i = end + 3
                continue
            }
            out.append(s[i])
            i += 1
        }
        return out
    }

    /// Table-of-contents leaders ("About Me.......5") end a line; long runs of dots inside a line become a space.
    private func replaceDotLeaders(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count)
        var i = 0
        while i < s.count {
            if s[i] == "." {
                var k = i
                while k < s.count, s[k] == "." { k += 1 }
                if k - i >= 5 {
                    var e = k
                    while e < s.count, s[e] == " " { e += 1 }
                    var d = e
                    while d < s.count, ScalarClass.isDigit(s[d]) || (d > e && s[d] == "-") { d += 1 }
                    if d > e, d == s.count || s[d] == "\n" || s[d] == "\r" {
                        while let last = out.last, last == " " { out.removeLast() }
                        out.append(contentsOf: ["\n", "\n"])
                        i = d
                    } else {
                        out.append(" ")
                        i = k
                    }
                    continue
                }
            }
            out.append(s[i])
            i += 1
        }
        return out
    }

    /// Banner rules: runs of ten or more `/ - = * _ #` are removed.
    private func removeBanners(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count)
        var i = 0
        while i < s.count {
            let c = s[i]
            if c == "/" || c == "-" || c == "=" || c == "*" || c == "_" || c == "#" {
                var k = i
                while k < s.count, s[k] == c { k += 1 }
                if k - i >= 10 {
                    out.append("\n")
                    i = k
                    continue
                }
            }
            out.append(c)
            i += 1
        }
        return out
    }

    /// "pricing\n." — a full stop pushed onto the next line rejoins its word.
    private func attachStrayFullStops(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count)
        for c in s {
            if c == ".", let last = out.last, last == "\n" {
                var k = out.count - 1
                while k > 0, out[k - 1] == "\n" || out[k - 1] == " " { k -= 1 }
                if k > 0, ScalarClass.isLetter(out[k - 1]) { out.removeSubrange(k...) }
            }
            out.append(c)
        }
        return out
    }

    /// Lines: page numbers and lines without letters are dropped; letters stacked one or two per line
    /// ("W\nA\nRN\nI\nNG") are joined.
    private func cleanLines(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        let lines = s.split(separator: "\n", omittingEmptySubsequences: false).map(Array.init)
        var out: [[Unicode.Scalar]] = []
        var i = 0
        // Only text that has words elsewhere loses its bare lines ("!", "3"): ". . ." alone stays.
        let hasWords = s.contains(where: ScalarClass.isLetter)
        while i < lines.count {
            let trimmed = lines[i].filter { !ScalarClass.isSpace($0) }
            let hasText = trimmed.contains { ScalarClass.isLetter($0) || ScalarClass.isDigit($0) }
            if hasWords, !trimmed.isEmpty,
               !hasText && trimmed.count <= 3 || (trimmed.allSatisfy(ScalarClass.isDigit) && trimmed.count <= 4) {
                out.append([])
                i += 1
                continue
            }
            // A run of three or more lines of at most two letters each.
            var k = i
            while k < lines.count {
                let t = lines[k].filter { !ScalarClass.isSpace($0) }
                guard !t.isEmpty, t.count <= 2, t.allSatisfy(ScalarClass.isLetter) else { break }
                k += 1
            }
            if k - i >= 3 {
                out.append(lines[i..<k].flatMap { $0.filter { !ScalarClass.isSpace($0) } })
                i = k
                continue
            }
            out.append(lines[i])
            i += 1
        }
        return Array(out.joined(separator: ["\n"]))
    }

    private func firstIndex(of c: Unicode.Scalar, in s: [Unicode.Scalar], from: Int, limit: Int) -> Int? {
        var k = from
        while k < s.count, k - from < limit {
            if s[k] == c { return k }
            if s[k] == "<" || s[k] == "\n" { return nil }
            k += 1
        }
        return nil
    }

    private func matches(_ s: [Unicode.Scalar], at i: Int, _ word: String) -> Bool {
        var k = i
        for c in word.unicodeScalars {
            guard k < s.count, s[k] == c else { return false }
            k += 1
        }
        return true
    }

    private func firstSequence(_ word: String, in s: [Unicode.Scalar], from: Int, limit: Int) -> Int? {
        var k = from
        while k < s.count, k - from < limit {
            if matches(s, at: k, word) { return k }
            k += 1
        }
        return nil
    }
}

private extension String {
    func replacingSlashes() -> String { filter { $0 != "/" } }
}
