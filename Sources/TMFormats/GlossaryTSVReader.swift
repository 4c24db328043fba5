import TMCore

/// Reads a tab-separated glossary (OmegaT's format: source, target, optional comment). Blank lines and lines
/// starting with `#` are skipped; each line becomes one entry whose id is its line number. The file does not name
/// its languages, so the caller does.
public enum GlossaryTSVReader {
    public static func read(
        text: String, path: String, sourceLanguage: LanguageTag, targetLanguage: LanguageTag
    ) throws(FormatError) -> Glossary {
        var entries: [TermEntry] = []
        var lineNumber = 0
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            var line = line
            if line.hasSuffix("\r") { line = line.dropLast() }
            if lineNumber == 1, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map {
                String($0).trimmingSpaces
            }
            guard fields.count >= 2, !fields[0].isEmpty, !fields[1].isEmpty else {
                throw FormatError("expected source<TAB>target[<TAB>comment]", file: path, line: lineNumber)
            }
            let comment = fields.count > 2 ? fields[2...].joined(separator: " ") : ""
            entries.append(TermEntry(
                id: String(lineNumber), sourceTerms: [Term(text: String(fields[0]))],
                targetTerms: [Term(text: String(fields[1]))], note: comment.isEmpty ? nil : comment))
        }
        return Glossary(sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, entries: entries)
    }
}
