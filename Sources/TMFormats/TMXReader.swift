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

    private var xml: XMLStreamReader
    private var reportedLanguages: Set<String> = []
    /// Language attributes already parsed (a file uses a handful, on every `<tuv>`).
    private var knownLanguages: [String: LanguageTag] = [:]
    /// The language attribute values met last, most used first, by their UTF-8 bytes.
    private var recentLanguages: [(bytes: [UInt8], tag: LanguageTag)] = []

    /// Opens a file (`-` for standard input) and reads its header.
    public init(path: String) throws(FormatError) {
        try self.init(XMLStreamReader(path: path))
    }

    /// Reads a TMX document held in memory; `path` names it in messages.
    public init(contents: [UInt8], path: String) throws(FormatError) {
        try self.init(XMLStreamReader(contents: contents, path: path))
    }

    private init(_ xml: consuming XMLStreamReader) throws(FormatError) {
        let path = xml.path
        let (header, warnings) = try Self.readHeader(&xml)
        self.xml = xml
        self.path = path
        self.header = header
        self.warnings = warnings
    }

    /// The next `<tu>`, or nil at the end of the file.
    public mutating func next() throws(FormatError) -> TMXUnit? {
        while let element = try xml.nextElement(expand: { name, depth in depth == 2 && name == "tu" }) {
            if let node = element.node {
                line = element.line
                return try unit(node)
            }
        }
        return nil
    }

    // MARK: - Header

    /// The `version` values of TMX 1.1 to 1.4b.
    static let knownVersions: Set<String> = ["1.1", "1.2", "1.3", "1.4", "1.4a", "1.4b"]

    private static func readHeader(
        _ xml: inout XMLStreamReader
    ) throws(FormatError) -> (TMXHeader, [FormatWarning]) {
        let path = xml.path
        var versionWarning: FormatWarning?
        while let element = try xml.nextElement(expand: { name, depth in depth == 1 && name == "header" }) {
            if element.depth == 0, element.name != "tmx" {
                throw FormatError("not a TMX file: the root element is <\(element.name)>", file: path,
                                  line: element.line)
            }
            if element.depth == 0 {
                let version = xml.attribute("version")
                if !(version.map(Self.knownVersions.contains) ?? false) {
                    versionWarning = FormatError(
                        version.map { "unknown TMX version '\($0)': read as TMX 1.4" }
                            ?? "<tmx> has no version: read as TMX 1.4", file: path, line: element.line)
                }
            }
            if element.depth == 1, element.name == "body" {
                throw FormatError("<tmx> has no <header>", file: path, line: element.line)
            }
            if let node = element.node {
                let (header, warnings) = header(node, path: path)
                return (header, (versionWarning.map { [$0] } ?? []) + warnings)
            }
        }
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
        unit.variants.reserveCapacity(2)
        var attribute = node.pointee.properties
        while let current = attribute {
            let value = XMLNode.attributeValue(current, of: node)
            if current.pointee.ns?.pointee.prefix == nil, LibXML.equals(current.pointee.name, "tuid") {
                unit.id = value
            } else {
                unit.attributes.append(TMXAttribute(XMLNode.attributeName(current), value))
            }
            attribute = current.pointee.next
        }
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE {
                if XMLNode.hasName(current, "tuv") {
                    unit.variants.append(try variant(current))
                } else if XMLNode.hasName(current, "prop") {
                    unit.properties.append(Self.property(current))
                } else if XMLNode.hasName(current, "note") {
                    unit.notes.append(Self.content(current))
                }
            }
            child = current.pointee.next
        }
        return unit
    }

    private mutating func variant(_ node: xmlNodePtr) throws(FormatError) -> TMXUnit.Variant {
        var language: LanguageTag?
        var attributes: [TMXAttribute] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            if XMLNode.isLanguageAttribute(current) {
                language = try self.language(current, of: node)
            } else {
                attributes.append(TMXAttribute(XMLNode.attributeName(current), XMLNode.attributeValue(current, of: node)))
            }
            attribute = current.pointee.next
        }
        guard let language else {
            throw FormatError("<tuv> has no xml:lang", file: path, line: Int(xmlGetLineNo(node)))
        }
        var properties: [TMXProperty] = []
        var notes: [String] = []
        var segment: TMXSegment?
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE {
                if XMLNode.hasName(current, "seg") {
                    segment = try self.segment(current)
                } else if XMLNode.hasName(current, "prop") {
                    properties.append(Self.property(current))
                } else if XMLNode.hasName(current, "note") {
                    notes.append(Self.content(current))
                }
            }
            child = current.pointee.next
        }
        guard let segment else {
            throw FormatError("<tuv> has no <seg>", file: path, line: Int(xmlGetLineNo(node)))
        }
        return TMXUnit.Variant(language: language, segment: segment, attributes: attributes,
                               properties: properties, notes: notes)
    }

    /// The language of an `xml:lang`/`lang` attribute. The values met last are remembered by their bytes, so that
    /// the usual file (two or three languages on every `<tuv>`) makes no string for them.
    private mutating func language(_ attribute: xmlAttrPtr, of node: xmlNodePtr) throws(FormatError) -> LanguageTag {
        let simple = XMLNode.simpleValue(attribute)
        if let simple {
            let bytes = LibXML.bytes(simple)
            for (index, entry) in recentLanguages.enumerated() where entry.bytes.elementsEqual(bytes) {
                if index > 0 { recentLanguages.swapAt(index, index - 1) }
                return entry.tag
            }
        }
        let value = XMLNode.attributeValue(attribute, of: node)
        let nodeLine = Int(xmlGetLineNo(node))
        guard let tag = knownLanguages[value] ?? LanguageTag(value) else {
            throw FormatError("<tuv> has an invalid language tag '\(value)'", file: path, line: nodeLine)
        }
        if tag.description != value, reportedLanguages.insert(value).inserted {
            warnings.append(FormatError("language '\(value)' read as '\(tag)'", file: path, line: nodeLine))
        }
        if knownLanguages.count < 1000 { knownLanguages[value] = tag }
        if let simple {
            // Seen once: its warning (if any) is given; later occurrences come from the list.
            if recentLanguages.count >= 8 { recentLanguages.removeLast() }
            recentLanguages.append((Array(LibXML.bytes(simple)), tag))
        }
        return tag
    }

    private func segment(_ node: xmlNodePtr) throws(FormatError) -> TMXSegment {
        // Plain text (the common case): one text node, whose escaped form is the markup.
        if let only = node.pointee.children, only.pointee.next == nil, only.pointee.type == XML_TEXT_NODE {
            let text = LibXML.string(only.pointee.content) ?? ""
            if !XMLText.containsByte(text, where: { $0 == 0x0D }) { return TMXSegment(text: text) }
            return TMXSegment(markup: XMLNode.innerXML(node), text: text)
        }
        var text = ""
        try appendText(of: node, to: &text)
        var child = node.pointee.children
        var plain = true
        while let current = child, plain {
            plain = current.pointee.type == XML_TEXT_NODE
            child = current.pointee.next
        }
        if plain, !XMLText.containsByte(text, where: { $0 == 0x0D }) {
            return TMXSegment(text: text)
        }
        return TMXSegment(markup: XMLNode.innerXML(node), text: text)
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

    private static func property(_ node: xmlNodePtr) -> TMXProperty {
        var type = ""
        var language: String?
        for (name, value) in attributes(node) {
            if name == "type" { type = value }
            if name == "xml:lang" || name == "lang" { language = value }
        }
        return TMXProperty(type: type, value: content(node), language: language)
    }

    private static func name(_ node: xmlNodePtr) -> String { XMLNode.name(node) }
    private static func elements(_ node: xmlNodePtr) -> [xmlNodePtr] { XMLNode.elements(node) }
    private static func attributes(_ node: xmlNodePtr) -> [(String, String)] { XMLNode.attributes(node) }
    private static func content(_ node: xmlNodePtr) -> String { XMLNode.content(node) }
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

