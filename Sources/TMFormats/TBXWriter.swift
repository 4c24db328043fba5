import TMCore

/// Writes a glossary as TBX-Basic, version 2 (ISO 30042:2008 `martif`, the default, read by OmegaT and
/// translate-toolkit) or version 3 (ISO 30042:2019 `tbx`, DCA style).
///
/// One concept entry per `TermEntry`; in each language one `tig` (v2) or `termSec` (v3) per term, so that an
/// acronym and its long form share the entry. Each term carries `termType` (acronym, fullForm) where its form tells,
/// its `administrativeStatus` when known (term text has its whitespace normalised), the example sentence of its language as `descrip type="context"` (on the
/// first term), and its variants as a note; the entry's note is a `note`.
public enum TBXWriter {
    /// How term variants are written: one note per term, `Variants: a, b`.
    static let variantsPrefix = "Variants: "

    public enum Version: Hashable, Sendable {
        case v2
        case v3
    }

    public static func write(
        _ glossary: Glossary, to path: String, version: Version = .v2, title: String? = nil
    ) throws(FormatError) {
        let xml = try XMLStreamWriter(path: path)
        let v3 = version == .v3
        if v3 {
            try xml.processingInstruction("xml-model", "href=\"https://raw.githubusercontent.com/LTAC-Global/"
                + "TBX-Basic_dialect/master/DCA/TBXcoreStructV03_TBX-Basic_integrated.rng\" type=\"application/xml\" "
                + "schematypens=\"http://relaxng.org/ns/structure/1.0\"")
            try xml.startElement("tbx", [("style", "dca"), ("type", "TBX-Basic"),
                                         ("xml:lang", glossary.sourceLanguage.description),
                                         ("xmlns", "urn:iso:std:iso:30042:ed-2")])
            xml.startElement("tbxHeader")
        } else {
            try xml.startElement("martif", [("type", "TBX-Basic"), ("xml:lang", glossary.sourceLanguage.description)])
            xml.startElement("martifHeader")
        }
        xml.startElement("fileDesc")
        if let title {
            xml.startElement("titleStmt")
            try xml.textElement("title", text: title)
            try xml.endElement()
        }
        xml.startElement("sourceDesc")
        try xml.textElement("p", text: "Glossary \(glossary.sourceLanguage)-\(glossary.targetLanguage) written by tmkit.")
        try xml.endElement()
        try xml.endElement()  // fileDesc
        if !v3 {
            xml.startElement("encodingDesc")
            try xml.textElement("p", [("type", "XCSURI")], text: "TBXBasicXCSV02.xcs")
            try xml.endElement()
        }
        try xml.endElement()  // header
        xml.startElement("text")
        xml.startElement("body")
        for (index, entry) in glossary.entries.enumerated() {
            try writeEntry(entry, index: index, glossary: glossary, v3: v3, to: xml)
        }
        try xml.finish()
    }

    private static func writeEntry(
        _ entry: TermEntry, index: Int, glossary: Glossary, v3: Bool, to xml: borrowing XMLStreamWriter
    ) throws(FormatError) {
        try xml.startElement(v3 ? "conceptEntry" : "termEntry", [("id", xmlID(entry.id, index: index))])
        if let note = entry.note, !note.isEmpty {
            try xml.textElement("note", text: note)
        }
        let sides = [(glossary.sourceLanguage, entry.sourceTerms, entry.example?.source),
                     (glossary.targetLanguage, entry.targetTerms, entry.example?.target)]
        for (language, terms, example) in sides where !terms.isEmpty {
            try xml.startElement(v3 ? "langSec" : "langSet", [("xml:lang", language.description)])
            for (position, term) in terms.enumerated() {
                xml.startElement(v3 ? "termSec" : "tig")
                try xml.textElement("term", text: XMLText.segmentText(term.text))
                if let type = TermType.guess(term, among: terms) {
                    try xml.textElement("termNote", [("type", "termType")], text: type.rawValue)
                }
                if let status = term.administrativeStatus {
                    try xml.textElement("termNote", [("type", "administrativeStatus")], text: status)
                }
                if position == 0, let example, !example.isEmpty {
                    try xml.textElement("descrip", [("type", "context")], text: example)
                }
                if !term.variants.isEmpty {
                    try xml.textElement("note", text: variantsPrefix + term.variants.joined(separator: ", "))
                }
                try xml.endElement()
            }
            try xml.endElement()
        }
        try xml.endElement()
    }

    /// An `xml:id`-compatible id (a letter or `_` first; letters, digits, `-`, `_`, `.` after): `c-` + the entry id.
    static func xmlID(_ id: String, index: Int) -> String {
        let allowed = id.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)) }
        guard !id.isEmpty, allowed else { return "c\(index + 1)" }
        if let first = id.unicodeScalars.first, first.properties.isAlphabetic || first == "_" { return id }
        return "c-" + id
    }
}
