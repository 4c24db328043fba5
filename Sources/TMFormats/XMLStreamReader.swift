import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// libxml2's streaming `xmlTextReader`, set up safely for untrusted files, handing out one expanded element at a
/// time (a `<tu>`, a `<termEntry>`): memory stays bounded by the largest such element.
///
/// Options: `XML_PARSE_NONET` (never the network), never `XML_PARSE_NOENT` (entities are not substituted), no DTD
/// loading, errors collected through a structured handler instead of printed, and turned into `FormatError`s with
/// the file, line and column libxml2 reports. The handle is not Sendable and is freed in `deinit`.
struct XMLStreamReader: ~Copyable {
    let path: String
    private let reader: OpaquePointer
    private let errors: ReaderErrors
    private let memory: UnsafeMutableBufferPointer<CChar>?
    private var skipSubtree = false

    static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                               | XML_PARSE_COMPACT.rawValue)

    /// Opens a file; `-` reads standard input.
    init(path: String) throws(FormatError) {
        LibXML.initialize()
        if path != "-" {
            var status = stat()
            if stat(path, &status) == 0, status.st_size == 0, (status.st_mode & S_IFMT) == S_IFREG {
                throw FormatError("the file is empty", file: path, line: 1, column: 1)
            }
        }
        let handle = path == "-" ? xmlReaderForFd(0, "stdin", nil, Self.options)
            : xmlReaderForFile(path, nil, Self.options)
        guard let handle else {
            throw FormatError("cannot open: \(AtomicFileWriter.lastError())", file: path)
        }
        self.init(reader: handle, memory: nil, path: path)
    }

    /// Reads a document held in memory; `path` names it in messages.
    init(contents: [UInt8], path: String) throws(FormatError) {
        LibXML.initialize()
        if contents.isEmpty {
            throw FormatError("the file is empty", file: path, line: 1, column: 1)
        }
        let memory = UnsafeMutableBufferPointer<CChar>.allocate(capacity: max(contents.count, 1))
        for (index, byte) in contents.enumerated() { memory[index] = CChar(bitPattern: byte) }
        guard let base = memory.baseAddress,
              let handle = xmlReaderForMemory(base, Int32(clamping: contents.count), path, nil, Self.options)
        else {
            memory.deallocate()
            throw FormatError("cannot read", file: path)
        }
        self.init(reader: handle, memory: memory, path: path)
    }

    private init(reader: OpaquePointer, memory: UnsafeMutableBufferPointer<CChar>?, path: String) {
        let errors = ReaderErrors()
        xmlTextReaderSetStructuredErrorHandler(reader, { context, error in
            guard let context, let error else { return }
            let errors = Unmanaged<ReaderErrors>.fromOpaque(context).takeUnretainedValue()
            guard errors.first == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            let message = error.pointee.message.map { String(cString: $0) } ?? "not well-formed XML"
            errors.first = (ReaderErrors.explain(message), Int(error.pointee.line), Int(error.pointee.int2))
        }, Unmanaged.passUnretained(errors).toOpaque())
        self.reader = reader
        self.errors = errors
        self.memory = memory
        self.path = path
    }

    deinit {
        xmlFreeTextReader(reader)
        memory?.deallocate()
    }

    /// The next element start in document order (its local name, without a namespace prefix) (skipping the inside of the element returned last).
    /// `expand(name, depth)` decides whether the element is returned with its whole subtree loaded; otherwise it is
    /// returned unexpanded (`node` nil) so the caller can check where it is, and the reader descends into it.
    mutating func nextElement(
        expand: (String, Int) -> Bool
    ) throws(FormatError) -> (name: String, depth: Int, line: Int, node: xmlNodePtr?)? {
        var status = skipSubtree ? xmlTextReaderNext(reader) : xmlTextReaderRead(reader)
        skipSubtree = false
        while status == 1 {
            if xmlTextReaderNodeType(reader) == 1 {
                let name = LibXML.string(xmlTextReaderConstLocalName(reader)) ?? ""
                let depth = Int(xmlTextReaderDepth(reader))
                // The node's own line: the parser's position may already be further on.
                let line = xmlTextReaderCurrentNode(reader).map { Int(xmlGetLineNo($0)) }
                    ?? Int(xmlTextReaderGetParserLineNumber(reader))
                guard expand(name, depth) else { return (name, depth, line, nil) }
                guard let node = xmlTextReaderExpand(reader) else { throw parseError() }
                skipSubtree = true
                return (name, depth, Int(xmlGetLineNo(node)), node)
            }
            status = xmlTextReaderRead(reader)
        }
        if status < 0 { throw parseError() }
        return nil
    }

    /// An attribute of the element the reader is on (after `nextElement` returned it unexpanded).
    func attribute(_ name: String) -> String? {
        LibXML.take(LibXML.withXML(name) { xmlTextReaderGetAttribute(reader, $0) })
    }

    func parseError() -> FormatError {
        if let first = errors.first {
            return FormatError(first.message, file: path, line: first.line,
                               column: first.column > 0 ? first.column : nil)
        }
        return FormatError("not well-formed XML", file: path, line: Int(xmlTextReaderGetParserLineNumber(reader)),
                           column: Int(xmlTextReaderGetParserColumnNumber(reader)))
    }
}

/// The first error libxml2 reported while reading (the later ones follow from it).
final class ReaderErrors {
    var first: (message: String, line: Int, column: Int)?

    /// libxml2's message on one line, said in a user's terms where it is one of the usual ones.
    ///
    ///     "Input is not proper UTF-8, indicate encoding !\nBytes: 0xC3 0x42 0x3C 0x2F\n"
    ///         → "invalid UTF-8 (bytes 0xC3 0x42 0x3C 0x2F)"
    ///     "PCDATA invalid Char value 1" → "control character U+0001 is not allowed in XML"
    static func explain(_ message: String) -> String {
        let lines = message.split(whereSeparator: { $0 == "\n" || $0 == "\r" })
            .map { String(String($0).trimmingSpaces) }.filter { !$0.isEmpty }
        let text = lines.joined(separator: " ")
        if text.hasPrefix("Input is not proper UTF-8") {
            let bytes = lines.first { $0.hasPrefix("Bytes:") }.map { " (bytes " + String($0.dropFirst(6)).trimmingSpaces + ")" }
            return "invalid UTF-8" + (bytes ?? "")
        }
        if let range = text.firstRange(of: "invalid Char value "), let value = UInt32(text[range.upperBound...]) {
            let hex = String(value, radix: 16, uppercase: true)
            let name = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            return (value < 0x20 || value == 0x7F ? "control character " : "character ") + name
                + " is not allowed in XML"
        }
        return text.isEmpty ? "not well-formed XML" : text
    }
}

/// Reading an expanded element's tree.
enum XMLNode {
    static func name(_ node: xmlNodePtr) -> String {
        LibXML.string(node.pointee.name) ?? ""
    }

    /// Whether the node's (local) name is `name`, compared byte by byte without making a string.
    @inline(__always)
    static func hasName(_ node: xmlNodePtr, _ name: StaticString) -> Bool {
        LibXML.equals(node.pointee.name, name)
    }

    static func line(_ node: xmlNodePtr) -> Int {
        Int(xmlGetLineNo(node))
    }

    static func elements(_ node: xmlNodePtr) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { result.append(current) }
            child = current.pointee.next
        }
        return result
    }

    /// Attributes in file order, `xml:` prefixed where namespaced.
    static func attributes(_ node: xmlNodePtr) -> [(String, String)] {
        var result: [(String, String)] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            result.append((attributeName(current), attributeValue(current, of: node)))
            attribute = current.pointee.next
        }
        return result
    }

    /// An attribute's name, `prefix:name` when namespaced.
    static func attributeName(_ attribute: xmlAttrPtr) -> String {
        var name = LibXML.string(attribute.pointee.name) ?? ""
        if let prefix = attribute.pointee.ns.flatMap({ LibXML.string($0.pointee.prefix) }) {
            name = prefix + ":" + name
        }
        return name
    }

    /// Whether the attribute is `xml:lang` or an unprefixed `lang` (what `attributeName` names so).
    @inline(__always)
    static func isLanguageAttribute(_ attribute: xmlAttrPtr) -> Bool {
        guard LibXML.equals(attribute.pointee.name, "lang") else { return false }
        guard let prefix = attribute.pointee.ns?.pointee.prefix else { return true }
        return LibXML.equals(prefix, "xml")
    }

    /// The value's bytes when it is one text node (the usual case: no entity or character references inside).
    @inline(__always)
    static func simpleValue(_ attribute: xmlAttrPtr) -> UnsafePointer<xmlChar>? {
        guard let text = attribute.pointee.children, text.pointee.type == XML_TEXT_NODE, text.pointee.next == nil
        else { return nil }
        return UnsafePointer(text.pointee.content)
    }

    static func attributeValue(_ attribute: xmlAttrPtr, of node: xmlNodePtr) -> String {
        if let text = attribute.pointee.children, text.pointee.type == XML_TEXT_NODE, text.pointee.next == nil {
            return LibXML.string(text.pointee.content) ?? ""
        }
        return LibXML.take(xmlNodeListGetString(node.pointee.doc, attribute.pointee.children, 1)) ?? ""
    }

    static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        attributes(node).first { $0.0 == name }?.1
    }

    /// The text content of an element and its descendants.
    static func content(_ node: xmlNodePtr) -> String {
        // One text child (a <prop>, a <note>): its bytes, without the copy `xmlNodeGetContent` makes.
        if let text = node.pointee.children, text.pointee.type == XML_TEXT_NODE, text.pointee.next == nil {
            return LibXML.string(text.pointee.content) ?? ""
        }
        if node.pointee.children == nil { return "" }
        return LibXML.take(xmlNodeGetContent(node)) ?? ""
    }

    /// The escaped inner XML of an element, as libxml2 serialises it.
    static func innerXML(_ node: xmlNodePtr) -> String {
        guard let buffer = xmlBufferCreate() else { return "" }
        defer { xmlBufferFree(buffer) }
        var child = node.pointee.children
        while let current = child {
            xmlNodeDump(buffer, node.pointee.doc, current, 0, 0)
            child = current.pointee.next
        }
        return LibXML.string(xmlBufferContent(buffer)) ?? ""
    }
}
