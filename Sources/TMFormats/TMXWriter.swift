import CLibXML2
import TMCore

/// Writes a TMX 1.4b file unit by unit through `XMLStreamWriter` (libxml2's text-writer layout), atomically.
///
/// The file is valid against the TMX 1.4 DTD: a header with all seven required attributes, then one `<tu>` per
/// unit with `tuid`, `creationdate`, its `<prop>`s and one `<tuv xml:lang>` per language. Segment text has control
/// characters removed and whitespace normalised; the writer indents the structure but never the inside of `<seg>`.
///
///     var writer = try TMXWriter(path: "Exports/sample.tmx",
///                                header: TMXHeader(sourceLanguage: az, creationToolVersion: "0.1.0"))
///     for unit in units { try writer.write(unit) }
///     try writer.finish()   // the file appears only now
public struct TMXWriter: ~Copyable {
    public static let version = "1.4"

    private var xml: XMLStreamWriter
    private let header: TMXHeader

    public init(path: String, header: TMXHeader) throws(FormatError) {
        self.header = header
        let xml = try XMLStreamWriter(path: path)
        try xml.startElement("tmx", [("version", Self.version)])
        var attributes = [
            ("creationtool", header.creationTool), ("creationtoolversion", header.creationToolVersion),
            ("segtype", header.segmentType), ("o-tmf", header.originalFormat), ("adminlang", header.adminLanguage),
            ("srclang", header.sourceLanguage), ("datatype", header.dataType),
        ]
        if let date = header.creationDate { attributes.append(("creationdate", date)) }
        attributes += header.otherAttributes.map { ($0.name, $0.value) }
        try xml.startElement("header", attributes)
        try Self.writeMetadata(notes: header.notes, properties: header.properties, to: xml)
        try xml.endElement()
        xml.startElement("body")
        self.xml = xml
    }

    /// Writes an aligned pair: `<tu tuid creationdate>`, its properties in order, the alignment score, the segments.
    public mutating func write(_ unit: TranslationUnit) throws(FormatError) {
        try write(TMXUnit(unit, creationDate: header.creationDate))
    }

    /// Writes a unit as read from a TMX file: attributes, props, notes and inline codes come back unchanged; plain
    /// segments get their control characters removed and whitespace normalised.
    public mutating func write(_ unit: TMXUnit) throws(FormatError) {
        xml.startElement("tu")
        if let id = unit.id { xml.attribute("tuid", id) }
        for attribute in unit.attributes { xml.attribute(attribute.name, attribute.value) }
        try Self.writeMetadata(notes: unit.notes, properties: unit.properties, to: xml)
        for variant in unit.variants {
            xml.startElement("tuv")
            xml.attribute("xml:lang", variant.language.description)
            for attribute in variant.attributes { xml.attribute(attribute.name, attribute.value) }
            try Self.writeMetadata(notes: variant.notes, properties: variant.properties, to: xml)
            xml.startElement("seg")
            if variant.segment.hasInlineCodes {
                try xml.raw(variant.segment.markup)
            } else {
                try xml.segmentText(variant.segment.text)
            }
            try xml.endElement()
            try xml.endElement()
        }
        try xml.endElement()
    }

    /// Closes the document and moves the finished file into place.
    public consuming func finish() throws(FormatError) {
        try xml.finish()
    }

    private static func writeMetadata(
        notes: [String], properties: [TMXProperty], to xml: borrowing XMLStreamWriter
    ) throws(FormatError) {
        for note in notes {
            xml.startElement("note")
            try xml.text(note)
            try xml.endElement()
        }
        for property in properties {
            xml.startElement("prop")
            xml.attribute("type", property.type)
            if let language = property.language { xml.attribute("xml:lang", language) }
            try xml.text(property.value)
            try xml.endElement()
        }
    }
}
