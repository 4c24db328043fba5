import CLibXML2
import TMCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `TMXReader`'s engine: libxml2's SAX2 push parser, fed 64 KiB at a time, building `TMXUnit`s straight from the
/// parser's callbacks (no tree, no node to allocate and free, element names compared as bytes) and queueing them
/// until `TMXReader.next()` takes them.
///
/// The parser is set up safely for untrusted files: no network (`XML_PARSE_NONET`), entities never substituted
/// (no `XML_PARSE_NOENT`, and no `getEntity` or `entityDecl` callback: a declared entity is never even stored, so
/// a reference to anything but the five predefined entities is an error), no DTD loaded. Errors carry the
/// file, line and column libxml2 reports.
///
/// Segments keep their inline codes as markup, serialised as libxml2's `xmlNodeDump` writes an element's children
/// (start tags with namespace declarations then attributes, `<name/>` when empty, text escaped as
/// `xmlEscapeContent`, attribute values as `xmlBufAttrSerializeTxtContent`, CDATA, comments and processing
/// instructions as they were).
final class TMXParser {
    let path: String
    @exclusivity(unchecked) private var context: xmlParserCtxtPtr?
    private let fileDescriptor: Int32
    private let contents: [UInt8]?
    @exclusivity(unchecked) private var offset = 0
    @exclusivity(unchecked) private var ended = false
    private let chunk = UnsafeMutablePointer<CChar>.allocate(capacity: TMXParser.chunkSize)

    // What the callbacks produced, taken by `TMXReader`.
    @exclusivity(unchecked) var header: TMXHeader?
    @exclusivity(unchecked) var headerWarnings: [FormatWarning] = []
    @exclusivity(unchecked) var units: [(unit: TMXUnit, line: Int)] = []
    @exclusivity(unchecked) var unitsTaken = 0
    @exclusivity(unchecked) var warnings: [FormatWarning] = []
    @exclusivity(unchecked) var failure: FormatError?
    @exclusivity(unchecked) private var firstXMLError: (message: String, line: Int, column: Int)?

    /// The open elements, innermost last.
    @exclusivity(unchecked) private var stack: [Role] = []

    private enum Role {
        case root, header, headerProp, headerNote, tu, unitProp, unitNote, tuv, variantProp, variantNote, seg
        /// An element inside a segment; `codes` when it is a native-code element whose text is not the text.
        case inline(name: String, codes: Bool)
        case text  // inside a prop or a note: only its text counts
        case ignored
    }

    @exclusivity(unchecked) private var versionWarning: FormatWarning?
    @exclusivity(unchecked) private var headerSeen = false
    /// Whether `</header>` was read (the header's props and notes are in).
    var headerComplete: Bool { headerSeen }
    @exclusivity(unchecked) private var unit = TMXUnit(id: nil, variants: [])
    @exclusivity(unchecked) private var unitLine = 0
    @exclusivity(unchecked) private var variantLanguage: LanguageTag?
    @exclusivity(unchecked) private var variantAttributes: [TMXAttribute] = []
    @exclusivity(unchecked) private var variantProperties: [TMXProperty] = []
    @exclusivity(unchecked) private var variantNotes: [String] = []
    @exclusivity(unchecked) private var variantSegment: TMXSegment?
    @exclusivity(unchecked) private var variantLine = 0
    @exclusivity(unchecked) private var propertyType = ""
    @exclusivity(unchecked) private var propertyLanguage: String?
    /// The text of the prop, note or segment being read.
    @exclusivity(unchecked) private var text: [UInt8] = []
    /// The segment's markup, and whether it is still plain text (no element, CDATA, comment or instruction).
    @exclusivity(unchecked) private var markup = XMLByteBuffer(capacity: 1024)
    @exclusivity(unchecked) private var plain = true
    @exclusivity(unchecked) private var startTagOpen = false
    /// How many native-code elements (`bpt ept it ph ut sub`) the segment reader is inside.
    @exclusivity(unchecked) private var codeDepth = 0

    @exclusivity(unchecked) private var reportedLanguages: Set<String> = []
    @exclusivity(unchecked) private var knownLanguages: [String: LanguageTag] = [:]
    /// The language attribute values met last, most used first, by their UTF-8 bytes.
    @exclusivity(unchecked) private var recentLanguages: [(bytes: [UInt8], tag: LanguageTag)] = []

    static let chunkSize = 1 << 16
    /// The deepest nesting read (libxml2's `xmlParserMaxDepth` without `XML_PARSE_HUGE`).
    static let maxDepth = 256
    /// libxml2's own limit on a text node (`XML_MAX_TEXT_LENGTH`), kept so that memory stays bounded.
    static let maxTextLength = 10_000_000
    static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)

    /// Opens a file (`-` for standard input).
    init(path: String) throws(FormatError) {
        LibXML.initialize()
        self.path = path
        contents = nil
        if path == "-" {
            fileDescriptor = 0
        } else {
            var status = stat()
            if stat(path, &status) == 0, status.st_size == 0, (status.st_mode & S_IFMT) == S_IFREG {
                throw FormatError("the file is empty", file: path, line: 1, column: 1)
            }
            fileDescriptor = open(path, O_RDONLY)
            if fileDescriptor < 0 {
                throw FormatError("cannot open: \(AtomicFileWriter.lastError())", file: path)
            }
        }
    }

    /// Reads a document held in memory; `path` names it in messages.
    init(contents: [UInt8], path: String) throws(FormatError) {
        LibXML.initialize()
        if contents.isEmpty {
            throw FormatError("the file is empty", file: path, line: 1, column: 1)
        }
        self.path = path
        self.contents = contents
        fileDescriptor = -1
    }

    deinit {
        if let context { xmlFreeParserCtxt(context) }
        if fileDescriptor > 0 { close(fileDescriptor) }
        chunk.deallocate()
    }

    /// Whether everything is parsed (or parsing stopped at an error).
    var finished: Bool { ended }

    /// Parses the next chunk of input; at the end, checks what must be there.
    func feed() {
        guard !ended else { return }
        if let contents {
            let count = min(Self.chunkSize, contents.count - offset)
            contents.withUnsafeBufferPointer { source in
                source.baseAddress.map { base in
                    UnsafeRawPointer(base + offset).withMemoryRebound(to: CChar.self, capacity: max(count, 1)) {
                        parse($0, count: count)
                    }
                }
            }
            offset += count
            return
        }
        var count = 0
        while true {
            count = read(fileDescriptor, chunk, Self.chunkSize)
            if count < 0, errno == EINTR { continue }
            if count < 0 {
                fail(FormatError("cannot read: \(AtomicFileWriter.lastError())", file: path))
                return
            }
            break
        }
        parse(chunk, count: count)
    }

    private func parse(_ bytes: UnsafePointer<CChar>, count: Int) {
        if context == nil {
            guard count > 0 else {
                fail(FormatError("the file is empty", file: path, line: 1, column: 1))
                return
            }
            var handler = Self.handler
            let head = min(4, count)
            context = xmlCreatePushParserCtxt(&handler, Unmanaged.passUnretained(self).toOpaque(), bytes,
                                              Int32(head), path)
            guard let context else {
                fail(FormatError("cannot read", file: path))
                return
            }
            xmlCtxtUseOptions(context, Self.options)
            if count > head {
                xmlParseChunk(context, bytes + head, Int32(count - head), 0)
            }
        } else if let context {
            xmlParseChunk(context, bytes, Int32(count), count == 0 ? 1 : 0)
        }
        if count == 0 { ended = true }
        if let context, context.pointee.wellFormed == 0 || context.pointee.disableSAX != 0 {
            if failure == nil { failure = xmlFailure() }
            ended = true
        }
        if ended, failure == nil, !headerSeen {
            failure = FormatError("not a TMX file: no <header>", file: path)
        }
    }

    private func xmlFailure() -> FormatError {
        if let first = firstXMLError {
            return FormatError(first.message, file: path, line: first.line, column: first.column > 0 ? first.column : nil)
        }
        let input = context?.pointee.input
        return FormatError("not well-formed XML", file: path, line: input.map { Int($0.pointee.line) },
                           column: input.map { Int($0.pointee.col) })
    }

    /// Stops at a problem of the TMX structure (the units before it are still taken).
    private func fail(_ error: FormatError) {
        if failure == nil { failure = error }
        ended = true
        if let context { xmlStopParser(context) }
    }

    private var line: Int {
        Int(context?.pointee.input?.pointee.line ?? 0)
    }

    // MARK: - Callbacks

    // Built once, then only copied (libxml2 copies it into each parser).
    nonisolated(unsafe) private static let handler: xmlSAXHandler = {
        var handler = xmlSAXHandler()
        handler.initialized = XML_SAX2_MAGIC
        handler.startElementNs = { user, localName, prefix, _, namespaceCount, namespaces, attributeCount, _, attributes in
            guard let user, let localName else { return }
            with(user) {
                $0.startElement(localName, prefix: prefix, namespaceCount: Int(namespaceCount),
                                namespaces: namespaces, attributeCount: Int(attributeCount), attributes: attributes)
            }
        }
        handler.endElementNs = { user, _, _, _ in
            guard let user else { return }
            with(user) { $0.endElement() }
        }
        handler.characters = { user, bytes, count in
            guard let user, let bytes else { return }
            with(user) { $0.characters(UnsafeBufferPointer(start: bytes, count: Int(count))) }
        }
        handler.ignorableWhitespace = handler.characters
        handler.cdataBlock = { user, bytes, count in
            guard let user, let bytes else { return }
            with(user) { $0.cdata(UnsafeBufferPointer(start: bytes, count: Int(count))) }
        }
        handler.comment = { user, value in
            guard let user, let value else { return }
            parser(user).comment(value)
        }
        handler.processingInstruction = { user, target, data in
            guard let user, let target else { return }
            parser(user).processingInstruction(target, data)
        }
        handler.reference = { user, name in
            guard let user else { return }
            let parser = parser(user)
            parser.fail(FormatError(
                "entity reference &\(LibXML.string(name) ?? ""); is not expanded: TMX files must not use entities",
                file: parser.path, line: parser.line))
        }
        handler.serror = { user, error in
            guard let user, let error else { return }
            parser(user).xmlError(error)
        }
        return handler
    }()

    private static func parser(_ user: UnsafeMutableRawPointer) -> TMXParser {
        Unmanaged<TMXParser>.fromOpaque(user).takeUnretainedValue()
    }

    /// Calls `body` on the parser behind `user` without retaining it (the reader holds it while libxml2 runs).
    @inline(__always)
    private static func with(_ user: UnsafeMutableRawPointer, _ body: (TMXParser) -> Void) {
        Unmanaged<TMXParser>.fromOpaque(user)._withUnsafeGuaranteedRef(body)
    }

    private func xmlError(_ error: xmlErrorPtr) {
        guard firstXMLError == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        if error.pointee.code == XML_ERR_UNDECLARED_ENTITY.rawValue {
            // No entity is ever declared here: what the file declares is not stored, so never expanded.
            let name = error.pointee.str1.map { String(cString: $0) } ?? ""
            firstXMLError = ("entity reference &\(name); is not expanded: TMX files must not use entities",
                             Int(error.pointee.line), 0)
            return
        }
        let message = ReaderErrors.explain(error.pointee.message.map { String(cString: $0) } ?? "not well-formed XML")
        firstXMLError = (message, Int(error.pointee.line), Int(error.pointee.int2))
    }

    /// `prefix:name` or `name`.
    private static func qualifiedName(_ localName: UnsafePointer<xmlChar>, _ prefix: UnsafePointer<xmlChar>?) -> String {
        let name = LibXML.string(localName) ?? ""
        guard let prefix = LibXML.string(prefix) else { return name }
        return prefix + ":" + name
    }

    /// An attribute value as SAX2 hands it over: without `XML_PARSE_NOENT` an ampersand comes as `&#38;`.
    private static func attributeValue(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.contains(0x26) else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x26, index + 4 < bytes.count, bytes[index + 1] == 0x23, bytes[index + 2] == 0x33,
               bytes[index + 3] == 0x38, bytes[index + 4] == 0x3B {
                out.append(0x26)
                index += 5
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The attributes of a start tag: five pointers each (local name, prefix, URI, value, end of value).
    private struct Attributes {
        let pointers: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
        let count: Int

        func localName(_ index: Int) -> UnsafePointer<xmlChar>? { pointers?[5 * index] }
        func prefix(_ index: Int) -> UnsafePointer<xmlChar>? { pointers?[5 * index + 1] }
        func name(_ index: Int) -> String {
            guard let localName = localName(index) else { return "" }
            return TMXParser.qualifiedName(localName, prefix(index))
        }
        func bytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
            guard let start = pointers?[5 * index + 3], let end = pointers?[5 * index + 4] else {
                return UnsafeBufferPointer(start: nil, count: 0)
            }
            return UnsafeBufferPointer(start: start, count: end - start)
        }
        func value(_ index: Int) -> String { TMXParser.attributeValue(bytes(index)) }
        /// `xml:lang`, or `lang` without a prefix.
        func isLanguage(_ index: Int) -> Bool {
            guard LibXML.equals(localName(index), "lang") else { return false }
            guard let prefix = prefix(index) else { return true }
            return LibXML.equals(prefix, "xml")
        }
    }

    private func startElement(
        _ localName: UnsafePointer<xmlChar>, prefix: UnsafePointer<xmlChar>?, namespaceCount: Int,
        namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, attributeCount: Int,
        attributes pointers: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) {
        guard failure == nil else { return }
        guard stack.count < Self.maxDepth else {
            // libxml2's tree builder stops there too; without a tree it would go on, holding every open element.
            fail(FormatError("elements nested more than \(Self.maxDepth) deep", file: path, line: line))
            return
        }
        let attributes = Attributes(pointers: pointers, count: attributeCount)
        let role: Role
        switch stack.last {
        case nil:
            guard LibXML.equals(localName, "tmx") else {
                fail(FormatError("not a TMX file: the root element is <\(LibXML.string(localName) ?? "")>", file: path,
                                 line: line))
                return
            }
            let version = (0..<attributes.count).first { LibXML.equals(attributes.localName($0), "version")
                && attributes.prefix($0) == nil }.map(attributes.value)
            if !(version.map(TMXReader.knownVersions.contains) ?? false) {
                versionWarning = FormatError(
                    version.map { "unknown TMX version '\($0)': read as TMX 1.4" }
                        ?? "<tmx> has no version: read as TMX 1.4", file: path, line: line)
            }
            role = .root
        case .root? where !headerSeen && LibXML.equals(localName, "header"):
            startHeader(attributes)
            role = .header
        case .root? where !headerSeen && LibXML.equals(localName, "body"):
            fail(FormatError("<tmx> has no <header>", file: path, line: line))
            return
        case .header?:
            role = startProperty(localName, attributes, prop: .headerProp, note: .headerNote)
        case _? where headerSeen && stack.count == 2 && LibXML.equals(localName, "tu"):
            startUnit(attributes)
            role = .tu
        case .tu?:
            if LibXML.equals(localName, "tuv") {
                guard startVariant(attributes) else { return }
                role = .tuv
            } else {
                role = startProperty(localName, attributes, prop: .unitProp, note: .unitNote)
            }
        case .tuv?:
            if LibXML.equals(localName, "seg") {
                text.removeAll(keepingCapacity: true)
                markup.truncate(to: 0)
                plain = true
                startTagOpen = false
                codeDepth = 0
                role = .seg
            } else {
                role = startProperty(localName, attributes, prop: .variantProp, note: .variantNote)
            }
        case .seg?, .inline?:
            let name = Self.qualifiedName(localName, prefix)
            let codes = ["bpt", "ept", "it", "ph", "ut", "sub"].contains(LibXML.string(localName) ?? "")
            startInline(name, namespaceCount: namespaceCount, namespaces: namespaces, attributes)
            if codes { codeDepth += 1 }
            role = .inline(name: name, codes: codes)
        case .headerProp?, .headerNote?, .unitProp?, .unitNote?, .variantProp?, .variantNote?, .text?:
            role = .text
        default:
            role = .ignored
        }
        stack.append(role)
    }

    private func endElement() {
        guard failure == nil, let role = stack.popLast() else { return }
        switch role {
        case .header:
            headerSeen = true
        case .headerProp: header?.properties.append(takeProperty())
        case .headerNote: header?.notes.append(takeText())
        case .unitProp: unit.properties.append(takeProperty())
        case .unitNote: unit.notes.append(takeText())
        case .variantProp: variantProperties.append(takeProperty())
        case .variantNote: variantNotes.append(takeText())
        case .seg: endSegment()
        case .inline(let name, let codes):
            if codes { codeDepth -= 1 }
            if startTagOpen {
                markup.append(0x2F)  // "/>"
                markup.append(0x3E)
                startTagOpen = false
            } else {
                markup.append(0x3C)  // "</"
                markup.append(0x2F)
                markup.append(name)
                markup.append(0x3E)
            }
        case .tuv: endVariant()
        case .tu:
            units.append((unit, unitLine))
        default:
            break
        }
    }

    private func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard failure == nil, let role = stack.last else { return }
        switch role {
        case .seg, .inline:
            if codeDepth == 0 { appendText(bytes) }
            if !plain {
                closeStartTag()
                markup.appendMarkupText(bytes)
            }
        case .headerProp, .headerNote, .unitProp, .unitNote, .variantProp, .variantNote, .text:
            appendText(bytes)
        default:
            break
        }
    }

    private func cdata(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard failure == nil, let role = stack.last else { return }
        switch role {
        case .seg, .inline:
            leavePlain()
            if codeDepth == 0 { appendText(bytes) }
            closeStartTag()
            markup.appendStatic("<![CDATA[")
            markup.append(bytes)
            markup.appendStatic("]]>")
        case .headerProp, .headerNote, .unitProp, .unitNote, .variantProp, .variantNote, .text:
            appendText(bytes)
        default:
            break
        }
    }

    private func comment(_ value: UnsafePointer<xmlChar>) {
        guard failure == nil, let role = stack.last else { return }
        switch role {
        case .seg, .inline:
            leavePlain()
            closeStartTag()
            markup.appendStatic("<!--")
            markup.append(LibXML.bytes(value))
            markup.appendStatic("-->")
        default:
            break
        }
    }

    private func processingInstruction(_ target: UnsafePointer<xmlChar>, _ data: UnsafePointer<xmlChar>?) {
        guard failure == nil, let role = stack.last else { return }
        switch role {
        case .seg, .inline:
            leavePlain()
            closeStartTag()
            markup.appendStatic("<?")
            markup.append(LibXML.bytes(target))
            if let data {
                markup.append(0x20)
                markup.append(LibXML.bytes(data))
            }
            markup.appendStatic("?>")
        default:
            break
        }
    }

    // MARK: - Building units

    private func appendText(_ bytes: UnsafeBufferPointer<UInt8>) {
        text.append(contentsOf: bytes)
        if text.count > Self.maxTextLength {
            fail(FormatError("text longer than \(Self.maxTextLength) bytes", file: path, line: line))
        }
    }

    private func takeText() -> String {
        let value = String(decoding: text, as: UTF8.self)
        text.removeAll(keepingCapacity: true)
        return value
    }

    private func startProperty(
        _ localName: UnsafePointer<xmlChar>, _ attributes: Attributes, prop: Role, note: Role
    ) -> Role {
        text.removeAll(keepingCapacity: true)
        if LibXML.equals(localName, "prop") {
            propertyType = ""
            propertyLanguage = nil
            for index in 0..<attributes.count {
                if attributes.prefix(index) == nil, LibXML.equals(attributes.localName(index), "type") {
                    propertyType = attributes.value(index)
                }
                if attributes.isLanguage(index) { propertyLanguage = attributes.value(index) }
            }
            return prop
        }
        return LibXML.equals(localName, "note") ? note : .ignored
    }

    private func takeProperty() -> TMXProperty {
        TMXProperty(type: propertyType, value: takeText(), language: propertyLanguage)
    }

    private func startHeader(_ attributes: Attributes) {
        var header = TMXHeader(sourceLanguage: "*all*", creationTool: "", creationToolVersion: "", segmentType: "",
                               originalFormat: "", adminLanguage: "", dataType: "")
        var warnings: [FormatWarning] = []
        for index in 0..<attributes.count {
            let value = attributes.value(index)
            switch attributes.name(index) {
            case "srclang":
                if value == "*all*" {
                    header.sourceLanguage = value
                } else if let tag = LanguageTag(value) {
                    header.sourceLanguage = tag.description
                    if tag.description != value {
                        warnings.append(FormatError("srclang '\(value)' read as '\(tag)'", file: path, line: line))
                    }
                } else {
                    header.sourceLanguage = value
                    warnings.append(FormatError("srclang '\(value)' is not a language tag", file: path, line: line))
                }
            case "creationtool": header.creationTool = value
            case "creationtoolversion": header.creationToolVersion = value
            case "segtype": header.segmentType = value
            case "o-tmf": header.originalFormat = value
            case "adminlang": header.adminLanguage = value
            case "datatype": header.dataType = value
            case "creationdate": header.creationDate = value
            case let name: header.otherAttributes.append(TMXAttribute(name, value))
            }
        }
        self.header = header
        headerWarnings = (versionWarning.map { [$0] } ?? []) + warnings
    }

    private func startUnit(_ attributes: Attributes) {
        unit = TMXUnit(id: nil, variants: [])
        unit.variants.reserveCapacity(2)
        unitLine = line
        for index in 0..<attributes.count {
            if attributes.prefix(index) == nil, LibXML.equals(attributes.localName(index), "tuid") {
                unit.id = attributes.value(index)
            } else {
                unit.attributes.append(TMXAttribute(attributes.name(index), attributes.value(index)))
            }
        }
    }

    /// False when the variant is an error (the parser is stopped).
    private func startVariant(_ attributes: Attributes) -> Bool {
        variantLine = line
        variantLanguage = nil
        variantAttributes = []
        variantProperties = []
        variantNotes = []
        variantSegment = nil
        for index in 0..<attributes.count {
            if attributes.isLanguage(index) {
                guard let tag = language(attributes.bytes(index)) else { return false }
                variantLanguage = tag
            } else {
                variantAttributes.append(TMXAttribute(attributes.name(index), attributes.value(index)))
            }
        }
        guard variantLanguage != nil else {
            fail(FormatError("<tuv> has no xml:lang", file: path, line: variantLine))
            return false
        }
        return true
    }

    private func endVariant() {
        guard let language = variantLanguage, let segment = variantSegment else {
            fail(FormatError("<tuv> has no <seg>", file: path, line: variantLine))
            return
        }
        unit.variants.append(TMXUnit.Variant(language: language, segment: segment, attributes: variantAttributes,
                                             properties: variantProperties, notes: variantNotes))
    }

    private func endSegment() {
        let value = String(decoding: text, as: UTF8.self)
        if plain, !text.contains(0x0D) {
            variantSegment = TMXSegment(text: value)
        } else {
            leavePlain()
            variantSegment = TMXSegment(markup: String(decoding: markup.bytes, as: UTF8.self), text: value)
        }
        text.removeAll(keepingCapacity: true)
    }

    /// The segment's markup so far, made when it stops being plain text: the text read until then, escaped.
    private func leavePlain() {
        guard plain else { return }
        plain = false
        text.withUnsafeBufferPointer { markup.appendMarkupText($0) }
    }

    private func closeStartTag() {
        if startTagOpen {
            markup.append(0x3E)
            startTagOpen = false
        }
    }

    private func startInline(
        _ name: String, namespaceCount: Int, namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
        _ attributes: Attributes
    ) {
        leavePlain()
        closeStartTag()
        markup.append(0x3C)
        markup.append(name)
        for index in 0..<namespaceCount {
            markup.appendStatic(" xmlns")
            if let prefix = namespaces?[2 * index] {
                markup.append(0x3A)
                markup.append(LibXML.bytes(prefix))
            }
            markup.appendStatic("=\"")
            if let uri = namespaces?[2 * index + 1] {
                markup.appendEscapedClean(LibXML.bytes(uri), attribute: true, removingControls: false)
            }
            markup.append(0x22)
        }
        for index in 0..<attributes.count {
            markup.append(0x20)
            markup.append(attributes.name(index))
            markup.appendStatic("=\"")
            var value = attributes.value(index)
            value.withUTF8 { markup.appendEscapedClean($0, attribute: true, removingControls: false) }
            markup.append(0x22)
        }
        startTagOpen = true
    }

    /// The language of an `xml:lang`/`lang` value; nil when it is not a tag (the parser is stopped).
    private func language(_ bytes: UnsafeBufferPointer<UInt8>) -> LanguageTag? {
        for (index, entry) in recentLanguages.enumerated() where entry.bytes.elementsEqual(bytes) {
            if index > 0 { recentLanguages.swapAt(index, index - 1) }
            return entry.tag
        }
        let value = Self.attributeValue(bytes)
        guard let tag = knownLanguages[value] ?? LanguageTag(value) else {
            fail(FormatError("<tuv> has an invalid language tag '\(value)'", file: path, line: variantLine))
            return nil
        }
        if tag.description != value, reportedLanguages.insert(value).inserted {
            warnings.append(FormatError("language '\(value)' read as '\(tag)'", file: path, line: variantLine))
        }
        if knownLanguages.count < 1000 { knownLanguages[value] = tag }
        // Seen once: its warning (if any) is given; later occurrences come from the list.
        if recentLanguages.count >= 8 { recentLanguages.removeLast() }
        recentLanguages.append((Array(bytes), tag))
        return tag
    }
}
