import TMCore

/// Writes a glossary as OmegaT reads it: `source<TAB>target<TAB>comment`, UTF-8, one line per term pair.
///
/// OmegaT loads tab-separated glossaries only from files named `.txt`, `.utf8` or `.tab`: name the file `NAME.txt`.
/// Tabs and line breaks inside a field become spaces (the format has no quoting).
public enum GlossaryTSVWriter {
    public static func render(_ glossary: Glossary) -> String {
        var out = ""
        for row in GlossaryRows.rows(glossary) {
            out += field(row.source) + "\t" + field(row.target)
            if !row.comment.isEmpty { out += "\t" + field(row.comment) }
            out += "\n"
        }
        return out
    }

    static func field(_ text: String) -> String {
        XMLText.normalizingWhitespace(XMLText.removingControlCharacters(text))
    }
}
