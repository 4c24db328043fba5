import CLibXML2

/// libxml2's streaming `xmlTextWriter` over an `AtomicFileWriter`: indented structure (two spaces a level; an element
/// holding text keeps its end tag on the same line; an empty element is `<name/>`), elements, text, raw markup.
///
/// Text goes to libxml2 unescaped and libxml2 escapes it (`xmlEncodeSpecialChars` for content,
/// `xmlBufAttrSerializeTxtContent` for attribute values). The glue is kept thin, because the writer is on the hot
/// path of `tmkit convert`: segment text is cleaned in one pass over its bytes into a reused buffer and handed over
/// without a Swift string in between.
///
/// `finish()` ends the document, flushes and renames the temporary file into place. Dropping the writer without
/// `finish()` frees libxml2's writer and leaves no output file.
struct XMLStreamWriter: ~Copyable {
    private var output: AtomicFileWriter
    private let state: State

    /// The libxml2 writer (freed with the state) and a reused buffer for cleaned segment text.
    private final class State {
        let writer: OpaquePointer
        var freed = false
        // Single-threaded and never reentrant: no need for the dynamic exclusivity checks on every append.
        @exclusivity(unchecked) var scratch: [UInt8] = []

        init(writer: OpaquePointer) {
            self.writer = writer
            scratch.reserveCapacity(4096)
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

    func startElement(_ name: String, _ attributes: [(String, String)] = []) throws(FormatError) {
        try check(LibXML.withXML(name) { xmlTextWriterStartElement(state.writer, $0) })
        for (key, value) in attributes {
            try attribute(key, value)
        }
    }

    /// An attribute of the element just started (control characters removed).
    func attribute(_ name: String, _ value: String) throws(FormatError) {
        let clean = XMLText.removingControlCharacters(value)
        try check(LibXML.withXML(name) { n in
            LibXML.withXML(clean) { xmlTextWriterWriteAttribute(state.writer, n, $0) }
        })
    }

    func endElement() throws(FormatError) {
        try check(xmlTextWriterEndElement(state.writer))
    }

    /// Escaped text content (control characters removed).
    func text(_ text: String) throws(FormatError) {
        try cleanText(XMLText.removingControlCharacters(text))
    }

    /// Escaped text content that has no control characters (`XMLText.segmentText` output).
    func cleanText(_ clean: String) throws(FormatError) {
        guard !clean.isEmpty else { return }
        try check(LibXML.withXML(clean) { xmlTextWriterWriteString(state.writer, $0) })
    }

    /// Segment text: what `text(XMLText.segmentText(text))` writes (control characters removed, white-space runs
    /// collapsed to one space and trimmed, escaped), cleaned in one pass over the bytes.
    func segmentText(_ text: String) throws(FormatError) {
        var text = text
        state.scratch.removeAll(keepingCapacity: true)
        text.withUTF8 { bytes in
            Self.appendSegmentText(bytes, escaping: false, to: &state.scratch)
        }
        // Nothing left: the element stays empty (`<seg/>`), as with `text("")`.
        guard !state.scratch.isEmpty else { return }
        state.scratch.append(0)
        let status = state.scratch.withUnsafeBufferPointer { xmlTextWriterWriteString(state.writer, $0.baseAddress) }
        try check(status)
    }

    /// Markup written as it is: the caller guarantees it is well-formed (it came from a parser or `XMLText.escaped`).
    func raw(_ markup: String) throws(FormatError) {
        guard !markup.isEmpty else { return }
        try check(LibXML.withXML(markup) { xmlTextWriterWriteRaw(state.writer, $0) })
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

    /// `<?target content?>` on its own line (used before the root element).
    func processingInstruction(_ target: String, _ content: String) throws(FormatError) {
        let clean = XMLText.removingControlCharacters(content)
        try check(LibXML.withXML(target) { t in
            LibXML.withXML(clean) { xmlTextWriterWritePI(state.writer, t, $0) }
        })
    }

    /// Closes every open element, flushes, and moves the file into place.
    consuming func finish() throws(FormatError) {
        try check(xmlTextWriterEndDocument(state.writer))
        try check(xmlTextWriterFlush(state.writer))
        xmlFreeTextWriter(state.writer)
        state.freed = true
        try output.commitInPlace()
    }

    private func check(_ status: Int32) throws(FormatError) {
        if status < 0 {
            throw FormatError("cannot write: \(AtomicFileWriter.lastError())", file: output.path)
        }
    }

    /// `segmentText`'s bytes: runs of ordinary bytes are copied in bulk; white space, control characters and the
    /// characters to escape are handled one by one. With `escaping: false` the characters to escape are copied as
    /// they are (libxml2 escapes them).
    static func appendSegmentText(
        _ bytes: UnsafeBufferPointer<UInt8>, escaping: Bool = true, to buffer: inout [UInt8]
    ) {
        let count = bytes.count
        /// Copied as it is: not white space, not a control, not escaped, not the start of a C1 control or of
        /// U+FFFE/U+FFFF.
        func isOrdinary(_ index: Int) -> Bool {
            let byte = bytes[index]
            switch byte {
            case 0x00...0x20, 0x22, 0x26, 0x3C, 0x3E, 0x7F: return false
            case 0xC2: return !(index + 1 < count && (0x80...0x9F).contains(bytes[index + 1]))
            case 0xEF:
                return !(index + 2 < count && bytes[index + 1] == 0xBF
                         && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF))
            default: return true
            }
        }
        var pendingSpace = false
        var started = false
        var runStart = 0
        var index = 0
        while index < count {
            if isOrdinary(index) {
                if pendingSpace {  // only at the start of a run
                    buffer.append(0x20)
                    pendingSpace = false
                }
                started = true
                index += 1
                continue
            }
            let byte = bytes[index]
            if byte == 0x20, started, !pendingSpace, index + 1 < count, isOrdinary(index + 1) {
                index += 1  // one space between words stays in the run
                continue
            }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D:
                pendingSpace = started
                index += 1
            case 0xC2:
                index += 2  // a C1 control
            case 0xEF:
                index += 3  // U+FFFE, U+FFFF
            case 0x22, 0x26, 0x3C, 0x3E:
                if pendingSpace {
                    buffer.append(0x20)
                    pendingSpace = false
                }
                started = true
                switch byte {
                case _ where !escaping: buffer.append(byte)
                case 0x26: buffer.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])  // &amp;
                case 0x3C: buffer.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])  // &lt;
                case 0x3E: buffer.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])  // &gt;
                default: buffer.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])  // &quot;
                }
                index += 1
            default:
                index += 1  // another control character
            }
            runStart = index
        }
        buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count]))
    }
}
