import TMCore

/// Writes an XLIFF 1.2 or 2.0 file unit by unit through `XMLStreamWriter` (libxml2's `xmlTextWriter`), atomically:
/// one `<file>` with the two languages, one `<trans-unit>` (1.2) or `<unit>` with one `<segment>` (2.0) per unit.
///
/// Unit ids are numbers from 1 (XLIFF wants them unique in the file, and merged TMX files may repeat `tuid`s); the
/// unit's own id is kept in `resname` (1.2) or `name` (2.0). Segment text has control characters removed and white
/// space normalised, as in TMX; TMX inline codes become XLIFF 1.2 inline elements (`XLIFFInlineCodes`) or XLIFF 2.0
/// markers with the native codes in the unit's `<originalData>` (`XLIFF2InlineCodes`).
///
///     var writer = try XLIFFWriter(path: "project.xlf", sourceLanguage: en, targetLanguage: de, original: "memory.tmx")
///     try writer.write(id: "7", source: TMXSegment(text: "Open"), target: TMXSegment(text: "Öffnen"), notes: [])
///     try writer.finish()   // the file appears only now
public struct XLIFFWriter: ~Copyable {
    public enum Version: String, Sendable {
        case v1_2 = "1.2"
        case v2_0 = "2.0"

        var namespace: String { "urn:oasis:names:tc:xliff:document:" + rawValue }
    }

    private var xml: XMLStreamWriter
    private let version: Version
    private var count = 0

    public init(
        path: String, sourceLanguage: LanguageTag, targetLanguage: LanguageTag, original: String,
        version: Version = .v1_2
    ) throws(FormatError) {
        let xml = try XMLStreamWriter(path: path)
        switch version {
        case .v1_2:
            try xml.startElement("xliff", [("version", version.rawValue), ("xmlns", version.namespace)])
            try xml.startElement("file", [
                ("original", original), ("source-language", sourceLanguage.description),
                ("target-language", targetLanguage.description), ("datatype", "plaintext"),
            ])
            xml.startElement("body")
        case .v2_0:
            try xml.startElement("xliff", [
                ("xmlns", version.namespace), ("version", version.rawValue),
                ("srcLang", sourceLanguage.description), ("trgLang", targetLanguage.description),
            ])
            try xml.startElement("file", [("id", "f1"), ("original", original)])
        }
        self.xml = xml
        self.version = version
    }

    /// Writes one trans-unit; a unit without a target gets none (XLIFF's untranslated state).
    public mutating func write(
        id: String?, source: TMXSegment, target: TMXSegment?, notes: [String]
    ) throws(FormatError) {
        count += 1
        if version == .v2_0 {
            try writeUnit2(id: id, source: source, target: target, notes: notes)
            return
        }
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
        if version == .v1_2 { try xml.endElement() }  // body
        try xml.endElement()  // file
        try xml.endElement()  // xliff
        try xml.finish()
    }

    /// `<unit>`: notes, the native codes of both segments, then one `<segment>`.
    private func writeUnit2(id: String?, source: TMXSegment, target: TMXSegment?, notes: [String]) throws(FormatError) {
        xml.startElement("unit")
        xml.attribute("id", "u\(count)")
        if let id, !id.isEmpty { xml.attribute("name", id) }
        if !notes.isEmpty {
            xml.startElement("notes")
            for note in notes {
                try xml.textElement("note", text: note)
            }
            try xml.endElement()
        }
        var codes = XLIFF2InlineCodes()
        let sourceMarkup = source.hasInlineCodes ? codes.convert(source.markup) : nil
        let targetMarkup = target.flatMap { $0.hasInlineCodes ? codes.convert($0.markup) : nil }
        if !codes.data.isEmpty {
            xml.startElement("originalData")
            for data in codes.data {
                try xml.rawElement("data", [("id", data.id)], markup: data.content)
            }
            try xml.endElement()
        }
        xml.startElement("segment")
        try segment2("source", source, markup: sourceMarkup)
        if let target { try segment2("target", target, markup: targetMarkup) }
        try xml.endElement()
        try xml.endElement()
    }

    private func segment2(_ name: String, _ segment: TMXSegment, markup: String?) throws(FormatError) {
        if let markup {
            try xml.rawElement(name, markup: markup)
        } else {
            xml.startElement(name)
            try xml.segmentText(segment.text)
            try xml.endElement()
        }
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
