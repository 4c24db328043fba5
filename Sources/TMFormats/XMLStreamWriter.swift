import CLibXML2

/// libxml2's streaming `xmlTextWriter` over an `AtomicFileWriter`: indented structure (two spaces a level; an element
/// holding text keeps its end tag on the same line; an empty element is `<name/>`), elements, attributes, text and
/// raw markup.
///
/// libxml2 writes the document: the XML declaration, start and end tags, attributes, indentation, and the output
/// buffer. Text and attribute values reach it already cleaned and escaped by `XMLByteBuffer` (control characters
/// removed, white space collapsed for segments, `& < > "` and carriage return as references, plus tab and line feed in
/// attribute values — what `xmlEncodeSpecialChars` and `xmlBufAttrSerializeTxtContent` do), through
/// `xmlTextWriterWriteRawLen`: cleaning and escaping are one pass over the bytes, without a C string per value.
///
/// Calls that cannot fail on their own (`startElement(_:)`, `attribute(_:_:)`) record a libxml2 failure, and the
/// next throwing call reports it. `finish()` ends the document, flushes and renames the temporary file into place.
/// Dropping the writer without `finish()` frees libxml2's writer and leaves no output file.
struct XMLStreamWriter: ~Copyable {
    private var output: AtomicFileWriter
    private let state: State

    /// The libxml2 writer (freed with the state), a failure not yet reported, and a reused buffer for escaped text.
    private final class State {
        let writer: OpaquePointer
        var freed = false
        var failed = false
        // Single-threaded and never reentrant: no need for the dynamic exclusivity checks on every append.
        @exclusivity(unchecked) var scratch = XMLByteBuffer(capacity: 1 << 12)

        init(writer: OpaquePointer) {
            self.writer = writer
        }

        deinit {
            if !freed { xmlFreeTextWriter(writer) }
        }
    }

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
        let state = State(writer: writer)
        xmlTextWriterSetIndent(writer, 1)
        _ = LibXML.withXML("  ") { xmlTextWriterSetIndentString(writer, $0) }
        if xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil) < 0 {
            throw FormatError("cannot write: \(AtomicFileWriter.lastError())", file: path)
        }
        self.output = output
        self.state = state
    }

    var path: String { output.path }

    /// Frees libxml2's writer while the file is still open (its last flush goes to the temporary file, which the
    /// `AtomicFileWriter` then removes).
    deinit {
        if !state.freed {
            xmlFreeTextWriter(state.writer)
            state.freed = true
        }
    }

    func startElement(_ name: String, _ attributes: [(String, String)]) throws(FormatError) {
        startElement(name)
        for (key, value) in attributes {
            attribute(key, value)
        }
        try check()
    }

    /// Starts an element; its attributes follow with `attribute(_:_:)`.
    func startElement(_ name: String) {
        record(LibXML.withXML(name) { xmlTextWriterStartElement(state.writer, $0) })
    }

    /// An attribute of the element just started (control characters removed, value escaped).
    func attribute(_ name: String, _ value: String) {
        state.scratch.truncate(to: 0)
        Self.withUTF8(value) { state.scratch.appendEscapedClean($0, attribute: true) }
        record(LibXML.withXML(name) { xmlTextWriterStartAttribute(state.writer, $0) })
        writeScratch()
        record(xmlTextWriterEndAttribute(state.writer))
    }

    func endElement() throws(FormatError) {
        record(xmlTextWriterEndElement(state.writer))
        try check()
    }

    /// Escaped text content (control characters removed). Text that is empty once cleaned writes nothing, so the
    /// element stays `<name/>`.
    func text(_ text: String) throws(FormatError) {
        guard !text.isEmpty else { return }
        state.scratch.truncate(to: 0)
        Self.withUTF8(text) { state.scratch.appendEscapedClean($0, attribute: false) }
        writeScratch()
        try check()
    }

    /// Escaped text content that has no control characters (`XMLText.segmentText` output).
    func cleanText(_ clean: String) throws(FormatError) {
        try text(clean)
    }

    /// Segment text: what `text(XMLText.segmentText(text))` writes (control characters removed, white-space runs
    /// collapsed to one space and trimmed, escaped), in one pass over the bytes.
    func segmentText(_ text: String) throws(FormatError) {
        state.scratch.truncate(to: 0)
        Self.withUTF8(text) { state.scratch.appendSegmentText($0) }
        writeScratch()
        try check()
    }

    /// Markup written as it is: the caller guarantees it is well-formed (it came from a parser or `XMLText.escaped`).
    func raw(_ markup: String) throws(FormatError) {
        guard !markup.isEmpty else { return }
        Self.withUTF8(markup) { bytes in
            bytes.withMemoryRebound(to: xmlChar.self) {
                record(xmlTextWriterWriteRawLen(state.writer, $0.baseAddress, Int32(clamping: $0.count)))
            }
        }
        try check()
    }

    /// `<name attributes>text</name>` with no indentation inside.
    ///
    /// Content goes in as one `text` or `raw` call, never as nested `startElement`s, so libxml2's indentation never
    /// reaches inside it: once text is written the writer stops indenting until the element closes. This is how
    /// `<seg>` mixed content stays byte for byte as given.
    func textElement(_ name: String, _ attributes: [(String, String)] = [], text value: String) throws(FormatError) {
        startElement(name)
        for (key, value) in attributes {
            attribute(key, value)
        }
        try text(value)
        try endElement()
    }

    /// `<name>markup</name>`, the markup written unchanged (see `textElement`).
    func rawElement(_ name: String, _ attributes: [(String, String)] = [], markup: String) throws(FormatError) {
        startElement(name)
        for (key, value) in attributes {
            attribute(key, value)
        }
        try raw(markup)
        try endElement()
    }

    /// `<?target content?>` on its own line (used before the root element).
    func processingInstruction(_ target: String, _ content: String) throws(FormatError) {
        let clean = XMLText.removingControlCharacters(content)
        record(LibXML.withXML(target) { t in
            LibXML.withXML(clean) { xmlTextWriterWritePI(state.writer, t, $0) }
        })
        try check()
    }

    /// Closes every open element, flushes, and moves the file into place.
    consuming func finish() throws(FormatError) {
        record(xmlTextWriterEndDocument(state.writer))
        record(xmlTextWriterFlush(state.writer))
        try check()
        xmlFreeTextWriter(state.writer)
        state.freed = true
        try output.commitInPlace()
    }

    // MARK: - libxml2 calls

    /// Hands the escaped bytes in `scratch` to libxml2 as they are; nothing when there are none.
    private func writeScratch() {
        let bytes = state.scratch.bytes
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        record(xmlTextWriterWriteRawLen(state.writer, base.assumingMemoryBound(to: xmlChar.self),
                                        Int32(clamping: bytes.count)))
    }

    private func record(_ status: Int32) {
        if status < 0 { state.failed = true }
    }

    private func check() throws(FormatError) {
        if state.failed {
            throw FormatError("cannot write: \(AtomicFileWriter.lastError())", file: output.path)
        }
    }

    // MARK: - Bytes

    /// The string's UTF-8 bytes without copying native strings.
    @inline(__always)
    static func withUTF8<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = text
        return copy.withUTF8(body)
    }

    /// `segmentText`'s bytes appended to an array (the writer appends to its own buffer).
    static func appendSegmentText(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var buffer = XMLByteBuffer(capacity: bytes.count * 6 + 16)
        buffer.appendSegmentText(bytes)
        out.append(contentsOf: buffer.bytes)
    }

    /// Escaped content (`attribute: false`) or attribute value bytes appended to an array, control characters
    /// removed: what `appendEscaped(XMLText.removingControlCharacters(text), ...)` did.
    static func appendEscaped(_ text: String, attribute: Bool, to out: inout [UInt8]) {
        var buffer = XMLByteBuffer(capacity: text.utf8.count * 6 + 16)
        withUTF8(text) { buffer.appendEscapedClean($0, attribute: attribute) }
        out.append(contentsOf: buffer.bytes)
    }
}
