import CLibXML2
import TMCore

/// Reads the translation units of an XLIFF 1.2 or 2.x file (what CAT tools export), streaming one unit at a time
/// with the same safe libxml2 set-up as the TMX reader, so that `check` and `terms` can run on them.
///
/// XLIFF 1.2: every `<trans-unit>` (also inside `<group>`) with its `<source>` and `<target>`; languages from
/// `<file source-language target-language>`. XLIFF 2.x: every `<segment>` of every `<unit>`; languages from
/// `<xliff srcLang trgLang>`. Inline codes are reduced to the text a translator reads: the content of `g`, `mrk`,
/// `pc` is kept, native codes (`bpt ept ph it x bx ex sc ec sm em`) are dropped, `cp` becomes its character.
/// Each unit gets the properties `x-document` (the file's `original` or `id`) and `x-state` (the target's state)
/// when present.
public enum XLIFFReader {
    public static func translationUnits(
        path: String, sourceLanguage: LanguageTag? = nil, targetLanguage: LanguageTag? = nil
    ) throws(FormatError) -> [TranslationUnit] {
        var xml = try XMLStreamReader(path: path)
        return try read(&xml, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
    }

    public static func translationUnits(
        contents: [UInt8], path: String, sourceLanguage: LanguageTag? = nil, targetLanguage: LanguageTag? = nil
    ) throws(FormatError) -> [TranslationUnit] {
        var xml = try XMLStreamReader(contents: contents, path: path)
        return try read(&xml, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
    }

    private static func read(
        _ xml: inout XMLStreamReader, sourceLanguage: LanguageTag?, targetLanguage: LanguageTag?
    ) throws(FormatError) -> [TranslationUnit] {
        let path = xml.path
        var version2 = false
        var source = sourceLanguage
        var target = targetLanguage
        var document: String?
        var units: [TranslationUnit] = []
        while let element = try xml.nextElement(expand: { name, _ in name == "trans-unit" || name == "unit" }) {
            switch element.name {
            case "xliff" where element.depth == 0:
                version2 = (xml.attribute("version") ?? "").hasPrefix("2")
                if version2 {
                    let declaredSource = try language(xml.attribute("srcLang"), "srcLang", path, element.line)
                    let declaredTarget = try language(xml.attribute("trgLang"), "trgLang", path, element.line)
                    source = sourceLanguage ?? declaredSource
                    target = targetLanguage ?? declaredTarget
                }
            case "xliff":
                break
            case "file":
                document = xml.attribute("original") ?? xml.attribute("id")
                if !version2 {
                    let declaredSource = try language(xml.attribute("source-language"), "source-language", path,
                                                      element.line)
                    let declaredTarget = try language(xml.attribute("target-language"), "target-language", path,
                                                      element.line)
                    source = sourceLanguage ?? declaredSource
                    target = targetLanguage ?? declaredTarget
                }
            default:
                if element.depth == 0 {
                    throw FormatError("not an XLIFF file: the root element is <\(element.name)>", file: path,
                                      line: element.line)
                }
            }
            guard let node = element.node else { continue }
            guard let source else {
                throw FormatError("no source language: the file does not name one", file: path, line: element.line)
            }
            let targetLanguage = target ?? source
            if element.name == "trans-unit" {
                units += try transUnit(node, source: source, target: targetLanguage, document: document, path: path)
            } else {
                units += try unit(node, source: source, target: targetLanguage, document: document, path: path)
            }
        }
        return units
    }

    private static func transUnit(
        _ node: xmlNodePtr, source: LanguageTag, target: LanguageTag, document: String?, path: String
    ) throws(FormatError) -> [TranslationUnit] {
        let id = XMLNode.attribute(node, "id") ?? String(XMLNode.line(node))
        var sourceText: String?
        var targetText = ""
        var state: String?
        for child in XMLNode.elements(node) {
            switch XMLNode.name(child) {
            case "source": sourceText = try text(child, path: path)
            case "target":
                targetText = try text(child, path: path)
                state = XMLNode.attribute(child, "state")
            default: break
            }
        }
        guard let sourceText else {
            throw FormatError("<trans-unit id=\"\(id)\"> has no <source>", file: path, line: XMLNode.line(node))
        }
        return [make(id, sourceText, targetText, source, target, document, state)]
    }

    private static func unit(
        _ node: xmlNodePtr, source: LanguageTag, target: LanguageTag, document: String?, path: String
    ) throws(FormatError) -> [TranslationUnit] {
        let id = XMLNode.attribute(node, "id") ?? String(XMLNode.line(node))
        let segments = XMLNode.elements(node).filter { XMLNode.name($0) == "segment" }
        var units: [TranslationUnit] = []
        for (index, segment) in segments.enumerated() {
            var sourceText: String?
            var targetText = ""
            for child in XMLNode.elements(segment) {
                switch XMLNode.name(child) {
                case "source": sourceText = try text(child, path: path)
                case "target": targetText = try text(child, path: path)
                default: break
                }
            }
            guard let sourceText else {
                throw FormatError("<segment> of unit \(id) has no <source>", file: path, line: XMLNode.line(segment))
            }
            let segmentID = segments.count == 1 ? id : id + "-" + (XMLNode.attribute(segment, "id") ?? "\(index + 1)")
            units.append(make(segmentID, sourceText, targetText, source, target, document,
                              XMLNode.attribute(segment, "state")))
        }
        return units
    }

    private static func make(
        _ id: String, _ sourceText: String, _ targetText: String, _ source: LanguageTag, _ target: LanguageTag,
        _ document: String?, _ state: String?
    ) -> TranslationUnit {
        var properties: [TranslationUnit.Property] = []
        if let document { properties.append(.init("x-document", document)) }
        if let state { properties.append(.init("x-state", state)) }
        return TranslationUnit(id: id, source: sourceText, target: targetText, sourceLanguage: source,
                               targetLanguage: target, properties: properties)
    }

    /// The translatable text of a `<source>` or `<target>`.
    private static func text(_ node: xmlNodePtr, path: String) throws(FormatError) -> String {
        var text = ""
        try appendText(of: node, to: &text, path: path)
        return text
    }

    private static func appendText(of node: xmlNodePtr, to text: inout String, path: String) throws(FormatError) {
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                text += LibXML.string(current.pointee.content) ?? ""
            case XML_ENTITY_REF_NODE:
                let name = LibXML.string(current.pointee.name) ?? ""
                throw FormatError("entity reference &\(name); is not expanded: XLIFF files must not use entities",
                                  file: path, line: XMLNode.line(node))
            case XML_ELEMENT_NODE:
                switch XMLNode.name(current) {
                case "cp":
                    if let hex = XMLNode.attribute(current, "hex"), let value = UInt32(hex, radix: 16),
                       let scalar = Unicode.Scalar(value) {
                        text.unicodeScalars.append(scalar)
                    }
                case "g", "mrk", "pc":
                    try appendText(of: current, to: &text, path: path)
                default:
                    break  // bpt ept ph it x bx ex sc ec sm em sub: native codes and placeholders
                }
            default:
                break
            }
            child = current.pointee.next
        }
    }

    private static func language(
        _ value: String?, _ attribute: String, _ path: String, _ line: Int
    ) throws(FormatError) -> LanguageTag? {
        guard let value, !value.isEmpty else { return nil }
        guard let tag = LanguageTag(value) else {
            throw FormatError("\(attribute) '\(value)' is not a language tag", file: path, line: line)
        }
        return tag
    }
}
