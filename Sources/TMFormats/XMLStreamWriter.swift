/// A streaming XML writer over an `AtomicFileWriter`: indented structure, elements, text, raw markup.
///
/// It writes the same bytes as libxml2's `xmlTextWriter` with indentation on (two spaces a level; an element holding
/// text keeps its end tag on the same line; an empty element is `<name/>`; content escaped like
/// `xmlEncodeSpecialChars`, attribute values like `xmlBufAttrSerializeTxtContent`), but serialises in Swift into a
/// 256 KiB `XMLByteBuffer` (unchecked appends, escaping on UTF-8 bytes): going through `xmlTextWriter` cost over a
/// third of `tmkit convert`'s time on large TMX files (one C call, string copy and list operation per element and
/// attribute). Element and attribute names are the writers' own constants; values and text are escaped here.
///
/// `finish()` ends the document, flushes and renames the temporary file into place. Dropping the writer without
/// `finish()` leaves no output file.
struct XMLStreamWriter: ~Copyable {
    private var output: AtomicFileWriter
    private let state: State

    /// What is open: element names, whether the innermost start tag still lacks its `>`, whether the next end tag
    /// is indented, and the bytes not yet written.
    private final class State {
        // Single-threaded and never reentrant: no need for the dynamic exclusivity checks on every append.
        @exclusivity(unchecked) var open: [String] = []
        @exclusivity(unchecked) var startTagOpen = false
        @exclusivity(unchecked) var indentNext = true
        @exclusivity(unchecked) var buffer = XMLByteBuffer(capacity: XMLStreamWriter.flushSize + 4096)
    }

    static let flushSize = 1 << 18

    init(path: String) throws(FormatError) {
        output = try AtomicFileWriter(path: path)
        state = State()
        state.buffer.append(#"<?xml version="1.0" encoding="UTF-8"?>"#)
        state.buffer.append(0x0A)
    }

    var path: String { output.path }

    func startElement(_ name: String, _ attributes: [(String, String)]) throws(FormatError) {
        startElement(name)
        for (key, value) in attributes {
            attribute(key, value)
        }
        try flushIfFull()
    }

    /// Starts an element; its attributes follow with `attribute(_:_:)`.
    func startElement(_ name: String) {
        if state.startTagOpen {
            state.buffer.append(0x3E)  // ">\n"
            state.buffer.append(0x0A)
            state.startTagOpen = false
        }
        state.open.append(name)
        indent(levels: state.open.count - 1)
        state.buffer.append(0x3C)
        state.buffer.append(name)
        state.startTagOpen = true
    }

    /// An attribute of the element just started (control characters removed, value escaped).
    func attribute(_ name: String, _ value: String) {
        state.buffer.append(0x20)
        state.buffer.append(name)
        state.buffer.append(0x3D)  // ="
        state.buffer.append(0x22)
        Self.withUTF8(value) { state.buffer.appendEscapedClean($0, attribute: true) }
        state.buffer.append(0x22)
    }

    func endElement() throws(FormatError) {
        guard let name = state.open.popLast() else { return }
        if state.startTagOpen {
            state.buffer.append(0x2F)  // "/>"
            state.buffer.append(0x3E)
            state.startTagOpen = false
        } else {
            if state.indentNext { indent(levels: state.open.count) }
            state.buffer.append(0x3C)  // "</"
            state.buffer.append(0x2F)
            state.buffer.append(name)
            state.buffer.append(0x3E)
        }
        state.indentNext = true
        state.buffer.append(0x0A)
        try flushIfFull()
    }

    /// Escaped text content (control characters removed).
    func text(_ text: String) throws(FormatError) {
        guard !text.isEmpty else { return }
        let (wasOpen, indentWas) = (state.startTagOpen, state.indentNext)
        let mark = state.buffer.count
        closeStartTagForContent()
        let start = state.buffer.count
        Self.withUTF8(text) { state.buffer.appendEscapedClean($0, attribute: false) }
        if state.buffer.count == start {
            // Only control characters: nothing is written, as with `text("")`.
            state.buffer.truncate(to: mark)
            state.startTagOpen = wasOpen
            state.indentNext = indentWas
        }
        try flushIfFull()
    }

    /// Escaped text content that has no control characters (`XMLText.segmentText` output).
    func cleanText(_ clean: String) throws(FormatError) {
        try text(clean)
    }

    /// Segment text: what `text(XMLText.segmentText(text))` writes (control characters removed, white-space runs
    /// collapsed to one space and trimmed, escaped), in one pass over the bytes.
    func segmentText(_ text: String) throws(FormatError) {
        let (wasOpen, indentWas) = (state.startTagOpen, state.indentNext)
        let mark = state.buffer.count
        closeStartTagForContent()
        let start = state.buffer.count
        Self.withUTF8(text) { state.buffer.appendSegmentText($0) }
        if state.buffer.count == start {
            // Nothing left: the element stays empty (`<seg/>`), as with `text("")`.
            state.buffer.truncate(to: mark)
            state.startTagOpen = wasOpen
            state.indentNext = indentWas
        }
        try flushIfFull()
    }

    /// Markup written as it is: the caller guarantees it is well-formed (it came from a parser or `XMLText.escaped`).
    func raw(_ markup: String) throws(FormatError) {
        guard !markup.isEmpty else { return }
        closeStartTagForContent()
        state.buffer.append(markup)
        try flushIfFull()
    }

    /// `<name attributes>text</name>` with no indentation inside: once text is written, the end tag follows it on
    /// the same line. This is how `<seg>` mixed content stays byte for byte as given.
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
        if state.startTagOpen {
            state.buffer.append(0x3E)
            state.buffer.append(0x0A)
            state.startTagOpen = false
        }
        state.buffer.append(0x3C)  // "<?"
        state.buffer.append(0x3F)
        state.buffer.append(target)
        if !content.isEmpty {
            state.buffer.append(0x20)
            state.buffer.append(XMLText.removingControlCharacters(content))
        }
        state.buffer.append(0x3F)  // "?>\n"
        state.buffer.append(0x3E)
        state.buffer.append(0x0A)
        try flushIfFull()
    }

    /// Closes every open element, flushes, and moves the file into place.
    consuming func finish() throws(FormatError) {
        while !state.open.isEmpty {
            try endElement()
        }
        try flush()
        try output.commitInPlace()
    }

    // MARK: - Bytes

    private func closeStartTagForContent() {
        if state.startTagOpen {
            state.buffer.append(0x3E)
            state.startTagOpen = false
        }
        state.indentNext = false
    }

    private func indent(levels: Int) {
        if levels > 0 { state.buffer.appendSpaces(2 * levels) }
    }

    private func flushIfFull() throws(FormatError) {
        if state.buffer.count >= Self.flushSize { try flush() }
    }

    private func flush() throws(FormatError) {
        guard state.buffer.count > 0 else { return }
        try output.write(state.buffer.bytes)
        state.buffer.truncate(to: 0)
    }

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
