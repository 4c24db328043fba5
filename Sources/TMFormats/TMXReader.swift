import CLibXML2
import TMCore

/// Reads a TMX file unit by unit with libxml2's streaming `xmlTextReader`: memory is bounded by one `<tu>`.
///
/// Safe on untrusted input: no network (`XML_PARSE_NONET`), entities are never substituted (no `XML_PARSE_NOENT`),
/// no external DTD is loaded, and an entity reference inside a segment is an error rather than an expansion.
/// TMX 1.1–1.4 are accepted (`lang` as well as `xml:lang`); UTF-8 and UTF-16 with a byte order mark; inline codes
/// (`bpt ept it ph hi ut sub`) are kept as markup and written back unchanged by `TMXWriter`; props and notes are
/// kept. Language tags such as `en_US` are normalised to `en-US` with a warning. Errors carry `FILE:LINE:COLUMN`.
///
///     var reader = try TMXReader(path: "memory.tmx")
///     while let unit = try reader.next() { ... }
///     reader.warnings   // e.g. memory.tmx:12: xml:lang 'en_US' read as 'en-US'
public struct TMXReader: ~Copyable {
    public let path: String
    public private(set) var header: TMXHeader
    /// What was normalised or ignored so far (each distinct problem once).
    public private(set) var warnings: [FormatWarning] = []
    /// The line of the `<tu>` returned last by `next()`.
    public private(set) var line = 0

    private let reader: OpaquePointer
    private let errors: ReaderErrors
    private let memory: UnsafeMutableBufferPointer<CChar>?
    private var skipSubtree = false
    private var reportedLanguages: Set<String> = []

    static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                               | XML_PARSE_COMPACT.rawValue)

    /// Opens a file (`-` for standard input) and reads its header.
    public init(path: String) throws(FormatError) {
        LibXML.initialize()
        let handle = path == "-" ? xmlReaderForFd(0, "stdin", nil, Self.options)
            : xmlReaderForFile(path, nil, Self.options)
        guard let handle else {
            throw FormatError("cannot open: \(AtomicFileWriter.lastError())", file: path)
        }
        try self.init(reader: handle, memory: nil, path: path)
    }

    /// Reads a TMX document held in memory; `path` names it in messages.
    public init(contents: [UInt8], path: String) throws(FormatError) {
        LibXML.initialize()
        let memory = UnsafeMutableBufferPointer<CChar>.allocate(capacity: max(contents.count, 1))
        for (index, byte) in contents.enumerated() { memory[index] = CChar(bitPattern: byte) }
        guard let base = memory.baseAddress,
              let handle = xmlReaderForMemory(base, Int32(contents.count), path, nil, Self.options)
        else {
            memory.deallocate()
            throw FormatError("cannot read", file: path)
        }
        try self.init(reader: handle, memory: memory, path: path)
    }

    private init(reader: OpaquePointer, memory: UnsafeMutableBufferPointer<CChar>?, path: String) throws(FormatError) {
        let errors = ReaderErrors()
        xmlTextReaderSetStructuredErrorHandler(reader, { context, error in
            guard let context, let error else { return }
            let errors = Unmanaged<ReaderErrors>.fromOpaque(context).takeUnretainedValue()
            guard errors.first == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            let message = error.pointee.message.map { String(cString: $0) } ?? "not well-formed XML"
            errors.first = (message.trimmingNewline, Int(error.pointee.line), Int(error.pointee.int2))
        }, Unmanaged.passUnretained(errors).toOpaque())
        let header: (TMXHeader, [FormatWarning])
        do {
            header = try Self.readHeader(reader, errors: errors, path: path)
        } catch {
            xmlFreeTextReader(reader)
            memory?.deallocate()
            throw error
        }
        self.reader = reader
        self.errors = errors
        self.memory = memory
        self.path = path
        self.header = header.0
        self.warnings = header.1
        self.skipSubtree = true
    }

    deinit {
        xmlFreeTextReader(reader)
        memory?.deallocate()
    }

    /// The next `<tu>`, or nil at the end of the file.
    public mutating func next() throws(FormatError) -> TMXUnit? {
        var status = skipSubtree ? xmlTextReaderNext(reader) : xmlTextReaderRead(reader)
        skipSubtree = false
        while status == 1 {
            if xmlTextReaderNodeType(reader) == 1, xmlTextReaderDepth(reader) == 2, Self.name(reader) == "tu" {
                guard let node = xmlTextReaderExpand(reader) else { throw Self.parseError(reader, errors, path) }
                skipSubtree = true
                line = Int(xmlGetLineNo(node))
                return try unit(node)
            }
            status = xmlTextReaderRead(reader)
        }
        if status < 0 { throw Self.parseError(reader, errors, path) }
        return nil
    }

    // MARK: - Header

    private static func readHeader(
        _ reader: OpaquePointer, errors: ReaderErrors, path: String
    ) throws(FormatError) -> (TMXHeader, [FormatWarning]) {
        var status = xmlTextReaderRead(reader)
        while status == 1 {
            if xmlTextReaderNodeType(reader) == 1 {
                let name = Self.name(reader)
                let depth = xmlTextReaderDepth(reader)
                if depth == 0, name != "tmx" {
                    throw FormatError("not a TMX file: the root element is <\(name)>", file: path,
                                      line: Int(xmlTextReaderGetParserLineNumber(reader)))
                }
                if depth == 1, name == "body" {
                    throw FormatError("<tmx> has no <header>", file: path,
                                      line: Int(xmlTextReaderGetParserLineNumber(reader)))
                }
                if depth == 1, name == "header" {
                    guard let node = xmlTextReaderExpand(reader) else { throw parseError(reader, errors, path) }
                    return header(node, path: path)
                }
            }
            status = xmlTextReaderRead(reader)
        }
        if status < 0 { throw parseError(reader, errors, path) }
        throw FormatError("not a TMX file: no <header>", file: path)
    }

    private static func header(_ node: xmlNodePtr, path: String) -> (TMXHeader, [FormatWarning]) {
        var header = TMXHeader(sourceLanguage: "*all*", creationTool: "", creationToolVersion: "", segmentType: "",
                               originalFormat: "", adminLanguage: "", dataType: "")
        var warnings: [FormatWarning] = []
        for (name, value) in attributes(node) {
            switch name {
            case "srclang":
                if value == "*all*" {
                    header.sourceLanguage = value
                } else if let tag = LanguageTag(value) {
                    header.sourceLanguage = tag.description
                    if tag.description != value {
                        warnings.append(FormatError("srclang '\(value)' read as '\(tag)'", file: path,
                                                    line: Int(xmlGetLineNo(node))))
                    }
                } else {
                    header.sourceLanguage = value
                    warnings.append(FormatError("srclang '\(value)' is not a language tag", file: path,
                                                line: Int(xmlGetLineNo(node))))
                }
            case "creationtool": header.creationTool = value
            case "creationtoolversion": header.creationToolVersion = value
            case "segtype": header.segmentType = value
            case "o-tmf": header.originalFormat = value
            case "adminlang": header.adminLanguage = value
            case "datatype": header.dataType = value
            case "creationdate": header.creationDate = value
            default: header.otherAttributes.append(TMXAttribute(name, value))
            }
        }
        for child in elements(node) {
            switch name(child) {
            case "prop": header.properties.append(property(child))
            case "note": header.notes.append(content(child))
            default: break
            }
        }
        return (header, warnings)
    }

    // MARK: - Units

    private mutating func unit(_ node: xmlNodePtr) throws(FormatError) -> TMXUnit {
        var unit = TMXUnit(id: nil, variants: [])
        for (name, value) in Self.attributes(node) {
            if name == "tuid" { unit.id = value } else { unit.attributes.append(TMXAttribute(name, value)) }
        }
        for child in Self.elements(node) {
            switch Self.name(child) {
            case "prop": unit.properties.append(Self.property(child))
            case "note": unit.notes.append(Self.content(child))
            case "tuv": unit.variants.append(try variant(child))
            default: break
            }
        }
        return unit
    }

    private mutating func variant(_ node: xmlNodePtr) throws(FormatError) -> TMXUnit.Variant {
        let nodeLine = Int(xmlGetLineNo(node))
        var language: LanguageTag?
        var attributes: [TMXAttribute] = []
        for (name, value) in Self.attributes(node) {
            guard name == "xml:lang" || name == "lang" else {
                attributes.append(TMXAttribute(name, value))
                continue
            }
            guard let tag = LanguageTag(value) else {
                throw FormatError("<tuv> has an invalid language tag '\(value)'", file: path, line: nodeLine)
            }
            if tag.description != value, reportedLanguages.insert(value).inserted {
                warnings.append(FormatError("language '\(value)' read as '\(tag)'", file: path, line: nodeLine))
            }
            language = tag
        }
        guard let language else { throw FormatError("<tuv> has no xml:lang", file: path, line: nodeLine) }
        var properties: [TMXProperty] = []
        var notes: [String] = []
        var segment: TMXSegment?
        for child in Self.elements(node) {
            switch Self.name(child) {
            case "prop": properties.append(Self.property(child))
            case "note": notes.append(Self.content(child))
            case "seg": segment = try self.segment(child)
            default: break
            }
        }
        guard let segment else { throw FormatError("<tuv> has no <seg>", file: path, line: nodeLine) }
        return TMXUnit.Variant(language: language, segment: segment, attributes: attributes,
                               properties: properties, notes: notes)
    }

    private func segment(_ node: xmlNodePtr) throws(FormatError) -> TMXSegment {
        guard let buffer = xmlBufferCreate() else { throw FormatError("out of memory", file: path) }
        defer { xmlBufferFree(buffer) }
        var child = node.pointee.children
        while let current = child {
            xmlNodeDump(buffer, node.pointee.doc, current, 0, 0)
            child = current.pointee.next
        }
        let markup = LibXML.string(xmlBufferContent(buffer)) ?? ""
        var text = ""
        try appendText(of: node, to: &text)
        return TMXSegment(markup: markup, text: text)
    }

    /// The translatable text: text and CDATA, the content of `<hi>`, not the native codes of the other inline codes.
    private func appendText(of node: xmlNodePtr, to text: inout String) throws(FormatError) {
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                text += LibXML.string(current.pointee.content) ?? ""
            case XML_ENTITY_REF_NODE:
                let name = LibXML.string(current.pointee.name) ?? ""
                throw FormatError("entity reference &\(name); is not expanded: TMX files must not use entities",
                                  file: path, line: Int(xmlGetLineNo(node)))
            case XML_ELEMENT_NODE:
                switch Self.name(current) {
                case "bpt", "ept", "it", "ph", "ut", "sub": break
                default: try appendText(of: current, to: &text)
                }
            default:
                break
            }
            child = current.pointee.next
        }
    }

    // MARK: - libxml2 helpers

    private static func name(_ reader: OpaquePointer) -> String {
        LibXML.string(xmlTextReaderConstName(reader)) ?? ""
    }

    private static func name(_ node: xmlNodePtr) -> String {
        LibXML.string(node.pointee.name) ?? ""
    }

    private static func elements(_ node: xmlNodePtr) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { result.append(current) }
            child = current.pointee.next
        }
        return result
    }

    /// Attributes in file order, `xml:` prefixed where namespaced.
    private static func attributes(_ node: xmlNodePtr) -> [(String, String)] {
        var result: [(String, String)] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            var name = LibXML.string(current.pointee.name) ?? ""
            if let prefix = current.pointee.ns.flatMap({ LibXML.string($0.pointee.prefix) }) {
                name = prefix + ":" + name
            }
            let value = LibXML.take(xmlNodeListGetString(node.pointee.doc, current.pointee.children, 1)) ?? ""
            result.append((name, value))
            attribute = current.pointee.next
        }
        return result
    }

    private static func content(_ node: xmlNodePtr) -> String {
        LibXML.take(xmlNodeGetContent(node)) ?? ""
    }

    private static func property(_ node: xmlNodePtr) -> TMXProperty {
        var type = ""
        var language: String?
        for (name, value) in attributes(node) {
            if name == "type" { type = value }
            if name == "xml:lang" || name == "lang" { language = value }
        }
        return TMXProperty(type: type, value: content(node), language: language)
    }

    private static func parseError(_ reader: OpaquePointer, _ errors: ReaderErrors, _ path: String) -> FormatError {
        if let first = errors.first {
            return FormatError(first.message, file: path, line: first.line, column: first.column > 0 ? first.column : nil)
        }
        return FormatError("not well-formed XML", file: path, line: Int(xmlTextReaderGetParserLineNumber(reader)),
                           column: Int(xmlTextReaderGetParserColumnNumber(reader)))
    }
}

extension TMXReader {
    /// Reads a whole file: its header, every unit, and the warnings.
    public static func read(path: String) throws(FormatError) -> (header: TMXHeader, units: [TMXUnit], warnings: [FormatWarning]) {
        var reader = try TMXReader(path: path)
        var units: [TMXUnit] = []
        while let unit = try reader.next() { units.append(unit) }
        return (reader.header, units, reader.warnings)
    }

    /// The file's units as source/target pairs. The source language is the header's `srclang` (the first variant's
    /// language when it is `*all*`), the target the first other language, unless given. Units without a source
    /// variant are skipped; units without an id get their 1-based position.
    public static func translationUnits(
        path: String, sourceLanguage: LanguageTag? = nil, targetLanguage: LanguageTag? = nil
    ) throws(FormatError) -> [TranslationUnit] {
        let (header, units, _) = try read(path: path)
        guard let source = sourceLanguage ?? LanguageTag(header.sourceLanguage) ?? units.first?.variants.first?.language
        else { return [] }
        let target = targetLanguage ?? units.lazy.flatMap(\.variants).map(\.language)
            .first { !$0.hasSameLanguage(as: source) } ?? source
        return units.enumerated().compactMap { index, unit in
            unit.translationUnit(sourceLanguage: source, targetLanguage: target, fallbackID: String(index + 1))
        }
    }
}

/// The first error libxml2 reported while reading (the later ones follow from it).
final class ReaderErrors {
    var first: (message: String, line: Int, column: Int)?
}
