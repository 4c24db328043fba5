import CLibXML2

/// libxml2's streaming `xmlTextWriter` over an `AtomicFileWriter`: indented structure, elements, text, raw markup.
///
/// The handle is not Sendable and is freed in `deinit`; `finish()` ends the document, flushes and renames the
/// temporary file into place. Dropping the writer without `finish()` leaves no output file.
struct XMLStreamWriter: ~Copyable {
    private var output: AtomicFileWriter
    private let writer: OpaquePointer
    private var freed = false

    init(path: String) throws(FormatError) {
        LibXML.initialize()
        let output = try AtomicFileWriter(path: path)
        guard let buffer = xmlOutputBufferCreateFd(output.fileDescriptor, nil) else {
            throw FormatError("cannot set up the XML writer", file: path)
        }
        guard let writer = xmlNewTextWriter(buffer) else {
            xmlOutputBufferClose(buffer)
            throw FormatError("cannot set up the XML writer", file: path)
        }
        xmlTextWriterSetIndent(writer, 1)
        Self.withXML("  ") { _ = xmlTextWriterSetIndentString(writer, $0) }
        if xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil) < 0 {
            xmlFreeTextWriter(writer)
            throw FormatError("cannot write: \(AtomicFileWriter.lastError())", file: path)
        }
        self.writer = writer
        self.output = output
    }

    var path: String { output.path }

    deinit {
        if !freed { xmlFreeTextWriter(writer) }
    }

    func startElement(_ name: String, _ attributes: [(String, String)] = []) throws(FormatError) {
        try check(Self.withXML(name) { xmlTextWriterStartElement(writer, $0) })
        for (key, value) in attributes {
            try attribute(key, value)
        }
    }

    func attribute(_ name: String, _ value: String) throws(FormatError) {
        let clean = XMLText.removingControlCharacters(value)
        try check(Self.withXML(name) { n in Self.withXML(clean) { xmlTextWriterWriteAttribute(writer, n, $0) } })
    }

    func endElement() throws(FormatError) {
        try check(xmlTextWriterEndElement(writer))
    }

    /// Escaped text content (control characters removed).
    func text(_ text: String) throws(FormatError) {
        let clean = XMLText.removingControlCharacters(text)
        guard !clean.isEmpty else { return }
        try check(Self.withXML(clean) { xmlTextWriterWriteString(writer, $0) })
    }

    /// Markup written as it is: the caller guarantees it is well-formed (it came from a parser or `XMLText.escaped`).
    func raw(_ markup: String) throws(FormatError) {
        guard !markup.isEmpty else { return }
        try check(Self.withXML(markup) { xmlTextWriterWriteRaw(writer, $0) })
    }

    /// `<name attributes>text</name>` with no indentation inside.
    ///
    /// Content goes in as one `text` or `raw` call, never as nested `startElement`s, so libxml2's indentation never
    /// reaches inside it: once text is written the writer stops indenting until the element closes. This is how
    /// `<seg>` mixed content stays byte for byte as given.
    func textElement(_ name: String, _ attributes: [(String, String)] = [], text value: String) throws(FormatError) {
        try startElement(name, attributes)
        try text(value)
        try endElement()
    }

    /// `<name>markup</name>`, the markup written unchanged (see `textElement`).
    func rawElement(_ name: String, _ attributes: [(String, String)] = [], markup: String) throws(FormatError) {
        try startElement(name, attributes)
        try raw(markup)
        try endElement()
    }

    func processingInstruction(_ target: String, _ content: String) throws(FormatError) {
        try check(Self.withXML(target) { t in Self.withXML(content) { xmlTextWriterWritePI(writer, t, $0) } })
    }

    /// Closes every open element, flushes, and moves the file into place.
    consuming func finish() throws(FormatError) {
        try check(xmlTextWriterEndDocument(writer))
        try check(xmlTextWriterFlush(writer))
        xmlFreeTextWriter(writer)
        freed = true
        try output.commitInPlace()
    }

    private func check(_ status: Int32) throws(FormatError) {
        if status < 0 {
            throw FormatError("cannot write: \(AtomicFileWriter.lastError())", file: output.path)
        }
    }

    static func withXML<R>(_ text: String, _ body: (UnsafePointer<xmlChar>) -> R) -> R {
        text.withCString { pointer in
            pointer.withMemoryRebound(to: xmlChar.self, capacity: text.utf8.count + 1, body)
        }
    }
}
