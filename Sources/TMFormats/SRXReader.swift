import CLibXML2
import TMCore

/// Reads SRX 2.0 (Segmentation Rules eXchange) files into `SegmentationRules`, through libxml2.
///
/// The file is parsed with the network off and entities left unexpanded (`XML_PARSE_NONET`, never
/// `XML_PARSE_NOENT`); parse errors and structural problems become `SRXError`s with file and line.
///
///     let rules = try SRXReader.read(bytes: Array(srxText.utf8), file: "rules.srx")
public enum SRXReader {
    /// Parses SRX from bytes; `file` names the source in error messages.
    public static func read(bytes: [UInt8], file: String) throws(SRXError) -> SegmentationRules {
        xmlInitParser()
        guard let context = xmlNewParserCtxt() else {
            throw SRXError(location: InputLocation(file: file), message: "cannot create an XML parser")
        }
        defer { xmlFreeParserCtxt(context) }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                    xmlCtxtReadMemory(context, chars, Int32(buffer.count), file, nil, options)
                }
            }
        }
        guard let document else {
            if let error = xmlCtxtGetLastError(context) {
                let line = Int(error.pointee.line)
                let column = Int(error.pointee.int2)
                let text = error.pointee.message.map { String(cString: $0) } ?? "malformed XML"
                throw SRXError(location: InputLocation(file: file, line: line > 0 ? line : nil, column: column > 0 ? column : nil),
                               message: "malformed XML: " + text.trimmingTrailingNewlines())
            }
            throw SRXError(location: InputLocation(file: file), message: bytes.isEmpty ? "the file is empty" : "malformed XML")
        }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document), localName(root) == "srx" else {
            throw SRXError(location: InputLocation(file: file, line: 1), message: "the root element is not <srx>")
        }
        return try Walker(file: file).rules(from: root)
    }

    /// Parses the SRX file at `path`.
    public static func read(contentsOf path: String) throws(SRXError) -> SegmentationRules {
        guard let handle = fopen(path, "rb") else {
            throw SRXError(location: InputLocation(file: path), message: "cannot open the file")
        }
        defer { fclose(handle) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, 65536, handle) }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return try read(bytes: bytes, file: path)
    }

    fileprivate static func localName(_ node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0) } ?? ""
    }

    /// Walks the element tree; one value per parse, never shared.
    private struct Walker {
        let file: String

        func location(_ node: xmlNodePtr) -> InputLocation {
            let line = Int(xmlGetLineNo(node))
            return InputLocation(file: file, line: line > 0 ? line : nil, column: line > 0 ? 1 : nil)
        }

        func elements(of node: xmlNodePtr) -> [xmlNodePtr] {
            var out: [xmlNodePtr] = []
            var child = node.pointee.children
            while let current = child {
                if current.pointee.type == XML_ELEMENT_NODE { out.append(current) }
                child = current.pointee.next
            }
            return out
        }

        func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
            guard let value = xmlGetProp(node, name) else { return nil }
            defer { tmkit_xmlFree(value) }
            return String(cString: value)
        }

        func text(_ node: xmlNodePtr) -> String {
            guard let value = xmlNodeGetContent(node) else { return "" }
            defer { tmkit_xmlFree(value) }
            return String(cString: value)
        }

        func yesNo(_ value: String?, default fallback: Bool, node: xmlNodePtr, name: String) throws(SRXError) -> Bool {
            guard let value else { return fallback }
            switch value.lowercased() {
            case "yes", "true": return true
            case "no", "false": return false
            default: throw SRXError(location: location(node), message: "\(name)=\"\(value)\" must be yes or no")
            }
        }

        func rules(from root: xmlNodePtr) throws(SRXError) -> SegmentationRules {
            var result = SegmentationRules(source: file)
            let children = elements(of: root)
            if let header = children.first(where: { SRXReader.localName($0) == "header" }) {
                result.cascade = try yesNo(attribute(header, "cascade"), default: false, node: header, name: "cascade")
                result.segmentSubflows = try yesNo(attribute(header, "segmentsubflows"), default: true, node: header,
                                                   name: "segmentsubflows")
            }
            guard let body = children.first(where: { SRXReader.localName($0) == "body" }) else {
                throw SRXError(location: location(root), message: "<srx> has no <body>")
            }
            for section in elements(of: body) {
                switch SRXReader.localName(section) {
                case "languagerules":
                    for languageRule in elements(of: section) where SRXReader.localName(languageRule) == "languagerule" {
                        guard let name = attribute(languageRule, "languagerulename"), !name.isEmpty else {
                            throw SRXError(location: location(languageRule), message: "<languagerule> has no languagerulename")
                        }
                        if result.languageRule(named: name) != nil {
                            throw SRXError(location: location(languageRule), message: "languagerule `\(name)` is defined twice")
                        }
                        var rules: [SegmentationRules.Rule] = []
                        for rule in elements(of: languageRule) where SRXReader.localName(rule) == "rule" {
                            let isBreak = try yesNo(attribute(rule, "break"), default: true, node: rule, name: "break")
                            var before = ""
                            var after = ""
                            for part in elements(of: rule) {
                                switch SRXReader.localName(part) {
                                case "beforebreak": before = text(part)
                                case "afterbreak": after = text(part)
                                default: break
                                }
                            }
                            rules.append(SegmentationRules.Rule(isBreak: isBreak, before: before, after: after,
                                                                location: location(rule)))
                        }
                        result.languageRules.append(SegmentationRules.LanguageRule(name: name, rules: rules))
                    }
                case "maprules":
                    for map in elements(of: section) where SRXReader.localName(map) == "languagemap" {
                        guard let pattern = attribute(map, "languagepattern"),
                              let name = attribute(map, "languagerulename")
                        else {
                            throw SRXError(location: location(map),
                                           message: "<languagemap> needs languagepattern and languagerulename")
                        }
                        result.languageMaps.append(SegmentationRules.LanguageMap(pattern: pattern, ruleName: name,
                                                                                 location: location(map)))
                    }
                default:
                    continue
                }
            }
            // A map that names a rule set the file does not define cannot be applied.
            for map in result.languageMaps where result.languageRule(named: map.ruleName) == nil {
                throw SRXError(location: map.location,
                               message: "languagemap `\(map.pattern)` names unknown languagerule `\(map.ruleName)`")
            }
            return result
        }
    }
}

/// A problem in an SRX file, with its place.
public struct SRXError: LocatedError, Equatable {
    public var location: InputLocation?
    public var message: String

    public init(location: InputLocation?, message: String) {
        self.location = location
        self.message = message
    }
}

private extension String {
    func trimmingTrailingNewlines() -> String {
        var s = self
        while let last = s.last, last == "\n" || last == " " { s.removeLast() }
        return s
    }
}
