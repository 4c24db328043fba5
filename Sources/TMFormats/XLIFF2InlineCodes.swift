/// TMX 1.4 inline codes rewritten for XLIFF 2.0, whose inline elements are empty markers pointing at the native
/// code kept in the unit's `<originalData>`:
///
/// - `<bpt i="1">…</bpt>` / `<ept i="1">…</ept>` → `<sc id="b1" dataRef="d1"/>` / `<ec startRef="b1" dataRef="d2"/>`;
/// - `<ph x="2">…</ph>`, `<ut>…</ut>` → `<ph id="p2" dataRef="d3"/>` (a number of their own without `x`);
/// - `<it pos="begin">…</it>` / `pos="end"` → `<sc id="i1" isolated="yes" dataRef="…"/>` / `<ec id="i1" isolated="yes" …/>`;
/// - `<hi>…</hi>` → `<mrk id="m1">…</mrk>` (its text stays translatable).
///
/// The native code (the escaped content of the TMX element; the text of a `<sub>` inside it is kept, its tags are
/// not) goes into `data`, numbered across the unit so that source and target can share one `<originalData>`.
struct XLIFF2InlineCodes {
    /// `(id, escaped native code)` for `<originalData>`, in the order met.
    private(set) var data: [(id: String, content: String)] = []

    /// The markup of one segment.
    mutating func convert(_ markup: String) -> String {
        var out = ""
        var nextPlaceholder = 1
        var nextIsolated = 1
        var nextMarker = 1
        var code: (kind: String, attributes: [(String, String)], content: String)?
        var depthInCode = 0
        for token in XMLFragmentTokens(markup) {
            switch token {
            case .text(let text):
                if code != nil { code?.content += text } else { out += text }
            case .start(let name, let attributes, let selfClosing):
                if code != nil {
                    if !selfClosing { depthInCode += 1 }  // `<sub>` inside a code: keep its text, drop the tag
                    continue
                }
                switch name {
                case "bpt", "ept", "ph", "ut", "it":
                    code = (name, attributes, "")
                    depthInCode = 0
                    if selfClosing { out += emit(&code, &nextPlaceholder, &nextIsolated) }
                case "hi":
                    out += selfClosing ? "<mrk id=\"m\(nextMarker)\"/>" : "<mrk id=\"m\(nextMarker)\">"
                    nextMarker += 1
                default:
                    break  // nothing else is inline content in TMX
                }
            case .end(let name):
                if code != nil {
                    if depthInCode > 0 {
                        depthInCode -= 1
                    } else {
                        out += emit(&code, &nextPlaceholder, &nextIsolated)
                    }
                } else if name == "hi" {
                    out += "</mrk>"
                }
            }
        }
        return out
    }

    private mutating func emit(
        _ code: inout (kind: String, attributes: [(String, String)], content: String)?, _ nextPlaceholder: inout Int,
        _ nextIsolated: inout Int
    ) -> String {
        guard let current = code else { return "" }
        code = nil
        let dataID = "d\(data.count + 1)"
        data.append((dataID, current.content))
        func attribute(_ name: String) -> String? { current.attributes.first { $0.0 == name }?.1 }
        switch current.kind {
        case "bpt":
            return "<sc id=\"b\(attribute("i") ?? "0")\" dataRef=\"\(dataID)\"/>"
        case "ept":
            return "<ec startRef=\"b\(attribute("i") ?? "0")\" dataRef=\"\(dataID)\"/>"
        case "it":
            defer { nextIsolated += 1 }
            let element = attribute("pos") == "end" ? "ec" : "sc"
            return "<\(element) id=\"i\(attribute("x") ?? String(nextIsolated))\" isolated=\"yes\" dataRef=\"\(dataID)\"/>"
        default:  // ph, ut
            defer { nextPlaceholder += 1 }
            return "<ph id=\"p\(attribute("x") ?? "t\(nextPlaceholder)")\" dataRef=\"\(dataID)\"/>"
        }
    }
}
