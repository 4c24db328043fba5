import TMCore

/// Writes a glossary as CSV for memoQ and Phrase: a header row naming the languages (`az,en,note`), then one row
/// per term pair; RFC 4180: CRLF line ends, fields holding `,` `"` or a line break are quoted, quotes doubled.
public enum GlossaryCSVWriter {
    public static func render(_ glossary: Glossary) -> String {
        var out = record([glossary.sourceLanguage.description, glossary.targetLanguage.description, "note"])
        for row in GlossaryRows.rows(glossary) {
            out += record([row.source, row.target, row.comment])
        }
        return out
    }

    static func record(_ fields: [String]) -> String {
        fields.map(quoted).joined(separator: ",") + "\r\n"
    }

    static func quoted(_ field: String) -> String {
        let clean = XMLText.removingControlCharacters(field)
        guard clean.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
            return clean
        }
        return "\"" + clean.replacingAll("\"", with: "\"\"") + "\""
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for character in self {
            if character == target { out += replacement } else { out.append(character) }
        }
        return out
    }
}
