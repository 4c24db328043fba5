import TMCore

/// Reads the messages of a GNU gettext PO file as translation units, so that `check` and `terms` can run on
/// software translations.
///
/// Each entry becomes a unit whose id is the line of its `msgid` (PO has no ids); `msgid_plural` becomes a second
/// unit paired with `msgstr[1]`. The header entry (`msgid ""`) gives the target language (`Language:`); PO files do
/// not name the source language, so it is `en` unless given. Obsolete entries (`#~`) are skipped. Properties:
/// `x-context` (msgctxt), `x-flags` (`#,` such as `fuzzy`), `x-reference` (`#:`).
public enum POReader {
    public static func translationUnits(
        text: String, path: String, sourceLanguage: LanguageTag? = nil, targetLanguage: LanguageTag? = nil
    ) throws(FormatError) -> [TranslationUnit] {
        var entries: [Entry] = []
        var current = Entry()
        var field: Field?
        var lineNumber = 0
        func finish() {
            if current.msgid != nil { entries.append(current) }
            current = Entry()
            field = nil
        }
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            var line = Substring(rawLine)
            if lineNumber == 1, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
            line = Substring(String(line).trimmingSpaces)
            if line.isEmpty {
                finish()
                continue
            }
            if line.hasPrefix("#") {
                if current.msgid != nil, field != nil, current.msgstr.count > 0 { finish() }
                if line.hasPrefix("#,") {
                    current.flags += line.dropFirst(2).split(separator: ",").map { String(String($0).trimmingSpaces) }
                } else if line.hasPrefix("#:") {
                    current.references.append(String(String(line.dropFirst(2)).trimmingSpaces))
                }
                continue  // #~ obsolete, #. #| and translator comments
            }
            if line.hasPrefix("\"") {
                guard let field else {
                    throw FormatError("a string continues no keyword", file: path, line: lineNumber)
                }
                try current.append(unquote(line, path: path, line: lineNumber), to: field)
                continue
            }
            guard let space = line.firstIndex(of: " ") else {
                throw FormatError("expected a keyword and a quoted string", file: path, line: lineNumber)
            }
            let keyword = line[..<space]
            let value = try unquote(line[line.index(after: space)...], path: path, line: lineNumber)
            switch keyword {
            case "msgctxt":
                if current.msgid != nil { finish() }
                current.context = value
                field = .context
            case "msgid":
                if current.msgid != nil { finish() }
                current.msgid = value
                current.line = lineNumber
                field = .msgid
            case "msgid_plural":
                current.plural = value
                field = .plural
            case "msgstr":
                current.msgstr[0] = value
                field = .msgstr(0)
            default:
                guard keyword.hasPrefix("msgstr["), keyword.hasSuffix("]"),
                      let index = Int(keyword.dropFirst(7).dropLast())
                else {
                    throw FormatError("unknown keyword '\(keyword)'", file: path, line: lineNumber)
                }
                current.msgstr[index] = value
                field = .msgstr(index)
            }
        }
        finish()

        var target = targetLanguage
        if target == nil, let header = entries.first(where: { $0.msgid == "" && $0.context == nil }),
           let languageLine = header.msgstr[0]?.split(separator: "\n").first(where: { $0.hasPrefix("Language:") }) {
            target = LanguageTag(String(languageLine.dropFirst("Language:".count)).trimmingSpaces.description)
        }
        guard let source = sourceLanguage ?? LanguageTag("en") else { return [] }
        let targetTag = target ?? source
        var units: [TranslationUnit] = []
        for entry in entries where !(entry.msgid == "" && entry.context == nil) {
            var properties: [TranslationUnit.Property] = []
            if let context = entry.context { properties.append(.init("x-context", context)) }
            if !entry.flags.isEmpty { properties.append(.init("x-flags", entry.flags.joined(separator: ", "))) }
            if !entry.references.isEmpty { properties.append(.init("x-reference", entry.references.joined(separator: " "))) }
            units.append(TranslationUnit(id: String(entry.line), source: entry.msgid ?? "", target: entry.msgstr[0] ?? "",
                                         sourceLanguage: source, targetLanguage: targetTag, properties: properties))
            if let plural = entry.plural {
                units.append(TranslationUnit(id: "\(entry.line).1", source: plural, target: entry.msgstr[1] ?? "",
                                             sourceLanguage: source, targetLanguage: targetTag, properties: properties))
            }
        }
        return units
    }

    private enum Field {
        case context, msgid, plural, msgstr(Int)
    }

    private struct Entry {
        var line = 0
        var context: String?
        var msgid: String?
        var plural: String?
        var msgstr: [Int: String] = [:]
        var flags: [String] = []
        var references: [String] = []

        mutating func append(_ text: String, to field: Field) throws(FormatError) {
            switch field {
            case .context: context = (context ?? "") + text
            case .msgid: msgid = (msgid ?? "") + text
            case .plural: plural = (plural ?? "") + text
            case .msgstr(let index): msgstr[index] = (msgstr[index] ?? "") + text
            }
        }
    }

    /// `"a\"b\n"` → `a"b` + line feed.
    private static func unquote(_ text: Substring, path: String, line: Int) throws(FormatError) -> String {
        let trimmed = String(text).trimmingSpaces
        guard trimmed.count >= 2, trimmed.first == "\"", trimmed.last == "\"" else {
            throw FormatError("expected a quoted string", file: path, line: line)
        }
        var out = ""
        var escaped = false
        for character in trimmed.dropFirst().dropLast() {
            if escaped {
                switch character {
                case "n": out.append("\n")
                case "t": out.append("\t")
                case "r": out.append("\r")
                case "\"": out.append("\"")
                case "\\": out.append("\\")
                default: out.append("\\"); out.append(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                out.append(character)
            }
        }
        return out
    }
}
