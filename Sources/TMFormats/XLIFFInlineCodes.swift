/// TMX 1.4 inline codes rewritten as XLIFF 1.2 inline elements, in markup that came from a parser (well-formed,
/// attribute values in double quotes):
///
/// - `<bpt i="1">` / `<ept i="1">` → `<bpt id="1">` / `<ept id="1">` (the pair keeps its number);
/// - `<ph x="2">`, `<ut>` → `<ph id="2">` (`x` when given, else a number of their own);
/// - `<it pos="begin">` / `<it pos="end">` → `<it id="…" pos="open">` / `pos="close"`;
/// - `<hi type="…">` → `<mrk mtype="x-tmx-hi">`; `<sub>` stays `<sub>`.
///
/// The codes' content (the escaped native markup) is copied unchanged, so a tool that writes the XLIFF back can
/// restore the original formatting.
enum XLIFFInlineCodes {
    static func fromTMX(_ markup: String) -> String {
        var out = ""
        var index = markup.startIndex
        var nextID = 1
        // Ids given to codes without `x`, so that source and target number their codes the same way.
        func freshID(_ attributes: [(String, String)]) -> String {
            if let x = attributes.first(where: { $0.0 == "x" })?.1 { return x }
            defer { nextID += 1 }
            return "t\(nextID)"
        }
        while index < markup.endIndex {
            guard markup[index] == "<", let end = tagEnd(markup, from: index) else {
                out.append(markup[index])
                index = markup.index(after: index)
                continue
            }
            let inner = markup[markup.index(after: index)..<end]
            index = markup.index(after: end)
            let closing = inner.hasPrefix("/")
            let selfClosing = inner.hasSuffix("/")
            var body = Substring(inner.dropFirst(closing ? 1 : 0).dropLast(selfClosing ? 1 : 0))
            let name = String(body.prefix { !$0.isWhitespace })
            body = body.dropFirst(name.count)
            let attributes = parseAttributes(body)
            let close = selfClosing ? "/>" : ">"
            switch (name, closing) {
            case ("bpt", false), ("ept", false):
                let id = attributes.first { $0.0 == "i" }?.1 ?? freshID(attributes)
                out += "<\(name) id=\"\(id)\"\(close)"
            case ("ph", false), ("ut", false):
                out += "<ph id=\"\(freshID(attributes))\"\(close)"
            case ("ut", true):
                out += "</ph>"
            case ("it", false):
                let position = attributes.first { $0.0 == "pos" }?.1 == "end" ? "close" : "open"
                out += "<it id=\"\(freshID(attributes))\" pos=\"\(position)\"\(close)"
            case ("hi", false):
                out += "<mrk mtype=\"x-tmx-hi\"\(close)"
            case ("hi", true):
                out += "</mrk>"
            default:
                // bpt, ept, ph, it and sub end tags, and sub start tags, are the same in both.
                out += "<" + inner + ">"
            }
        }
        return out
    }

    /// The index of the `>` that ends the tag starting at `start`, skipping quoted attribute values.
    static func tagEnd(_ text: String, from start: String.Index) -> String.Index? {
        var quote: Character?
        var index = text.index(after: start)
        while index < text.endIndex {
            let c = text[index]
            if let open = quote {
                if c == open { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == ">" {
                return index
            }
            index = text.index(after: index)
        }
        return nil
    }

    /// `name="value"` pairs (values as written, still escaped).
    static func parseAttributes(_ text: Substring) -> [(String, String)] {
        var result: [(String, String)] = []
        var rest = text
        while true {
            rest = rest.drop { $0.isWhitespace }
            guard let equals = rest.firstIndex(of: "=") else { break }
            let name = String(rest[..<equals]).trimmingWhitespace()
            rest = rest[rest.index(after: equals)...].drop { $0.isWhitespace }
            guard let quote = rest.first, quote == "\"" || quote == "'" else { break }
            rest = rest.dropFirst()
            guard let close = rest.firstIndex(of: quote) else { break }
            result.append((name, String(rest[..<close])))
            rest = rest[rest.index(after: close)...]
        }
        return result
    }
}

private extension String {
    func trimmingWhitespace() -> String {
        String(self.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
