import CLibXML2
import TMCore

/// Reads a TBX glossary, version 2 (`martif`, `termEntry`/`langSet`/`tig`/`ntig`) or version 3 (`tbx`,
/// `conceptEntry`/`langSec`/`termSec`), streaming one concept entry at a time with the same safe libxml2 set-up as
/// the TMX reader.
///
/// The source language is the first language met unless given (tmkit writes the source side first), the target
/// language the first other one. Per term: `administrativeStatus`, a `descrip type="context"` (the entry's example in that language)
/// and a note `Variants: a, b` (as `TBXWriter` writes them). The entry's `note`s, else its definition, become its note.
public enum TBXReader {
    public static func read(
        path: String, sourceLanguage: LanguageTag? = nil, targetLanguage: LanguageTag? = nil
    ) throws(FormatError) -> Glossary {
        var xml = try XMLStreamReader(path: path)
        return try read(&xml, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
    }

    public static func read(
        contents: [UInt8], path: String, sourceLanguage: LanguageTag? = nil, targetLanguage: LanguageTag? = nil
    ) throws(FormatError) -> Glossary {
        var xml = try XMLStreamReader(contents: contents, path: path)
        return try read(&xml, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
    }

    /// One entry as read, before the source and target languages are known.
    private struct RawEntry {
        var id: String
        var note: String?
        var languages: [(LanguageTag, [Term], example: String?)]
    }

    private static func read(
        _ xml: inout XMLStreamReader, sourceLanguage: LanguageTag?, targetLanguage: LanguageTag?
    ) throws(FormatError) -> Glossary {
        let path = xml.path
        var entries: [RawEntry] = []
        var seenLanguages: [LanguageTag] = []
        while let element = try xml.nextElement(expand: { name, _ in name == "termEntry" || name == "conceptEntry" }) {
            if element.depth == 0 {
                guard element.name == "martif" || element.name == "tbx" else {
                    throw FormatError("not a TBX file: the root element is <\(element.name)>", file: path,
                                      line: element.line)
                }
                continue
            }
            guard let node = element.node else { continue }
            let entry = try self.entry(node, index: entries.count, path: path)
            for (language, _, _) in entry.languages where !seenLanguages.contains(language) {
                seenLanguages.append(language)
            }
            entries.append(entry)
        }
        guard let source = sourceLanguage ?? seenLanguages.first else {
            throw FormatError("the glossary has no terms", file: path)
        }
        let target = targetLanguage ?? seenLanguages.first { !$0.hasSameLanguage(as: source) } ?? source
        func side(_ entry: RawEntry, _ language: LanguageTag) -> (terms: [Term], example: String?) {
            let match = entry.languages.first { $0.0 == language }
                ?? entry.languages.first { $0.0.hasSameLanguage(as: language) }
            return (match?.1 ?? [], match?.example)
        }
        return Glossary(sourceLanguage: source, targetLanguage: target, entries: entries.map { entry in
            let (sourceTerms, sourceExample) = side(entry, source)
            let (targetTerms, targetExample) = side(entry, target)
            let example = sourceExample == nil && targetExample == nil
                ? nil : (source: sourceExample ?? "", target: targetExample ?? "")
            return TermEntry(id: entry.id, sourceTerms: sourceTerms, targetTerms: targetTerms, example: example,
                             note: entry.note)
        })
    }

    private static func entry(_ node: xmlNodePtr, index: Int, path: String) throws(FormatError) -> RawEntry {
        var entry = RawEntry(id: XMLNode.attribute(node, "id") ?? "\(index + 1)", note: nil, languages: [])
        var notes: [String] = []
        var definition: String?
        for child in XMLNode.elements(node) {
            switch XMLNode.name(child) {
            case "note":
                notes.append(XMLNode.content(child))
            case "descrip" where XMLNode.attribute(child, "type") == "definition":
                definition = XMLNode.content(child)
            case "descripGrp":
                for inner in XMLNode.elements(child) where XMLNode.name(inner) == "descrip"
                    && XMLNode.attribute(inner, "type") == "definition" {
                    definition = XMLNode.content(inner)
                }
            case "langSet", "langSec":
                guard let raw = XMLNode.attribute(child, "xml:lang") ?? XMLNode.attribute(child, "lang") else {
                    throw FormatError("<\(XMLNode.name(child))> has no xml:lang", file: path, line: XMLNode.line(child))
                }
                guard let language = LanguageTag(raw) else {
                    throw FormatError("<\(XMLNode.name(child))> has an invalid language tag '\(raw)'", file: path,
                                      line: XMLNode.line(child))
                }
                var terms: [Term] = []
                var example: String?
                for group in XMLNode.elements(child) {
                    guard let (term, context) = self.term(group) else { continue }
                    terms.append(term)
                    if example == nil { example = context }
                }
                entry.languages.append((language, terms, example))
            default:
                break
            }
        }
        entry.note = notes.isEmpty ? definition : notes.joined(separator: "\n")
        return entry
    }

    /// A `tig`, `ntig` (v2) or `termSec` (v3) as a term and its context sentence.
    private static func term(_ node: xmlNodePtr) -> (Term, String?)? {
        let name = XMLNode.name(node)
        guard name == "tig" || name == "ntig" || name == "termSec" else { return nil }
        var children = XMLNode.elements(node)
        if name == "ntig" {  // ntig: termGrp (term, termNote, termCompList) then the auxiliary information
            children = children.flatMap { XMLNode.name($0) == "termGrp" ? XMLNode.elements($0) : [$0] }
        }
        var term: Term?
        var status: String?
        var context: String?
        var variants: [String] = []
        for child in children {
            let type = XMLNode.attribute(child, "type")
            switch XMLNode.name(child) {
            case "term": term = Term(text: XMLNode.content(child))
            case "termNote" where type == "administrativeStatus": status = XMLNode.content(child)
            case "descrip" where type == "context": context = context ?? XMLNode.content(child)
            case "descripGrp":
                for inner in XMLNode.elements(child) where XMLNode.attribute(inner, "type") == "context" {
                    context = context ?? XMLNode.content(inner)
                }
            case "note":
                let text = XMLNode.content(child)
                if text.hasPrefix(TBXWriter.variantsPrefix) {
                    variants += text.dropFirst(TBXWriter.variantsPrefix.count)
                        .components(separatedBy: ", ").filter { !$0.isEmpty }
                }
            default: break
            }
        }
        guard var term else { return nil }
        term.administrativeStatus = status
        term.variants = variants
        return (term, context)
    }
}

extension Substring {
    func components(separatedBy separator: String) -> [String] {
        var parts: [String] = []
        var rest = self[...]
        while let range = rest.firstRange(of: separator) {
            parts.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        parts.append(String(rest))
        return parts
    }
}
