import TMCore

/// Writes an XLIFF 1.2 file unit by unit through `XMLStreamWriter` (libxml2's `xmlTextWriter`), atomically: one
/// `<file>` with the two languages, one `<trans-unit>` per unit.
///
/// Trans-unit ids are numbers from 1 (XLIFF wants them unique in the file, and merged TMX files may repeat
/// `tuid`s); the unit's own id is kept in `resname`. Segment text has control characters removed and white space
/// normalised, as in TMX; TMX inline codes become XLIFF 1.2 inline elements (`XLIFFInlineCodes`).
///
///     var writer = try XLIFFWriter(path: "project.xlf", sourceLanguage: en, targetLanguage: de, original: "memory.tmx")
///     try writer.write(id: "7", source: TMXSegment(text: "Open"), target: TMXSegment(text: "Öffnen"), notes: [])
///     try writer.finish()   // the file appears only now
public struct XLIFFWriter: ~Copyable {
    public static let version = "1.2"
    public static let namespace = "urn:oasis:names:tc:xliff:document:1.2"

    private var xml: XMLStreamWriter
    private var count = 0

    public init(
        path: String, sourceLanguage: LanguageTag, targetLanguage: LanguageTag, original: String
    ) throws(FormatError) {
        let xml = try XMLStreamWriter(path: path)
        try xml.startElement("xliff", [("version", Self.version), ("xmlns", Self.namespace)])
        try xml.startElement("file", [
            ("original", original), ("source-language", sourceLanguage.description),
            ("target-language", targetLanguage.description), ("datatype", "plaintext"),
        ])
        xml.startElement("body")
        self.xml = xml
    }

    /// Writes one trans-unit; a unit without a target gets none (XLIFF's untranslated state).
    public mutating func write(
        id: String?, source: TMXSegment, target: TMXSegment?, notes: [String]
    ) throws(FormatError) {
        count += 1
        xml.startElement("trans-unit")
        xml.attribute("id", String(count))
        if let id, !id.isEmpty { xml.attribute("resname", id) }
        try segment("source", source)
        if let target { try segment("target", target) }
        for note in notes {
            try xml.textElement("note", text: note)
        }
        try xml.endElement()
    }

    /// Writes a TMX unit's source and target variants (the first in each language).
    public mutating func write(
        _ unit: TMXUnit, sourceLanguage: LanguageTag, targetLanguage: LanguageTag
    ) throws(FormatError) {
        guard let source = unit.variant(for: sourceLanguage) else { return }
        let target = unit.variants.first { $0.language == targetLanguage && $0 != source }
            ?? unit.variants.first { $0.language.hasSameLanguage(as: targetLanguage) && $0 != source }
        try write(id: unit.id, source: source.segment, target: target?.segment, notes: unit.notes)
    }

    /// Closes the document, flushes, and moves the file into place.
    public consuming func finish() throws(FormatError) {
        try xml.endElement()  // body
        try xml.endElement()  // file
        try xml.endElement()  // xliff
        try xml.finish()
    }

    private func segment(_ name: String, _ segment: TMXSegment) throws(FormatError) {
        if segment.hasInlineCodes {
            try xml.rawElement(name, markup: XLIFFInlineCodes.fromTMX(segment.markup))
        } else {
            xml.startElement(name)
            try xml.segmentText(segment.text)
            try xml.endElement()
        }
    }
}
