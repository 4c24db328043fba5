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
        var nextID = 1
        // Ids given to codes without `x`, so that source and target number their codes the same way.
        func freshID(_ attributes: [(String, String)]) -> String {
            if let x = attributes.first(where: { $0.0 == "x" })?.1 { return x }
            defer { nextID += 1 }
            return "t\(nextID)"
        }
        for token in XMLFragmentTokens(markup) {
            switch token {
            case .text(let text):
                out += text
            case .start(let name, let attributes, let selfClosing):
                let close = selfClosing ? "/>" : ">"
                switch name {
                case "bpt", "ept":
                    let id = attributes.first { $0.0 == "i" }?.1 ?? freshID(attributes)
                    out += "<\(name) id=\"\(id)\"\(close)"
                case "ph", "ut":
                    out += "<ph id=\"\(freshID(attributes))\"\(close)"
                case "it":
                    let position = attributes.first { $0.0 == "pos" }?.1 == "end" ? "close" : "open"
                    out += "<it id=\"\(freshID(attributes))\" pos=\"\(position)\"\(close)"
                case "hi":
                    out += "<mrk mtype=\"x-tmx-hi\"\(close)"
                default:
                    // `sub` is the same in both.
                    out += "<" + name + attributes.map { " \($0.0)=\"\($0.1)\"" }.joined() + close
                }
            case .end(let name):
                switch name {
                case "ut": out += "</ph>"
                case "hi": out += "</mrk>"
                default: out += "</\(name)>"  // bpt, ept, ph, it and sub end tags are the same in both
                }
            }
        }
        return out
    }
}
