import TMCore

/// Reads a glossary from TSV or CSV: the one glossary reader of `check`, `terms --seed` and `convert`.
///
/// With a header row of language codes (`en	az	note`, as memoQ and Phrase export), the first two language
/// columns are source and target; a `note`/`comment` column becomes the entry's note and a `status` column the
/// target term's administrative status (`deprecated`, `preferred`, `admitted`, or the TBX values such as
/// `deprecatedTerm-admn-sts`). Without a header the columns are source, target, comment (OmegaT's glossary
/// layout) and the languages are the ones given. In TSV, a line starting with `#` is a comment. By default rows
/// with the same source term form one entry with several target terms (what a checker needs: any of them is
/// right); with `groupsBySource` off every row is its own entry, identified by its line number (what a format
/// conversion keeps).
///
///     let glossary = try DelimitedTextGlossaryReader(delimiter: ",").read(text, file: "terms.csv")
public struct DelimitedTextGlossaryReader: Sendable {
    public var delimiter: Unicode.Scalar
    public var sourceLanguage: LanguageTag?
    public var targetLanguage: LanguageTag?
    public var groupsBySource = true

    public init(delimiter: Unicode.Scalar = "\t", sourceLanguage: LanguageTag? = nil,
                targetLanguage: LanguageTag? = nil)
    {
        self.delimiter = delimiter
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
    }

    public func read(_ text: String, file: String) throws(DelimitedTextError) -> Glossary {
        var records = try DelimitedTextRecords(text, delimiter: delimiter, file: file).records
        var sourceColumn = 0
        var targetColumn = 1
        var noteColumn: Int? = 2
        var statusColumn: Int? = nil
        var sourceLanguage = self.sourceLanguage ?? LanguageTag("und")
        var targetLanguage = self.targetLanguage ?? LanguageTag("und")
        if let first = records.first, let header = Self.header(first.fields) {
            records.removeFirst()
            guard header.languages.count >= 2 else {
                throw DelimitedTextError("the header row needs a source and a target language code", file: file,
                                         line: first.line)
            }
            (sourceColumn, sourceLanguage) = header.languages[0]
            (targetColumn, targetLanguage) = header.languages[1]
            noteColumn = header.note
            statusColumn = header.status
        }
        guard let sourceLanguage, let targetLanguage else {
            throw DelimitedTextError("no languages: add a header row of language codes", file: file)
        }
        var entries: [TermEntry] = []
        var bySource: [String: Int] = [:]
        for record in records {
            if delimiter == "\t", record.fields.first?.hasPrefix("#") == true { continue }
            guard record.fields.count > max(sourceColumn, targetColumn) else {
                throw DelimitedTextError("expected at least \(max(sourceColumn, targetColumn) + 1) columns, found "
                    + "\(record.fields.count)", file: file, line: record.line)
            }
            let source = record.fields[sourceColumn].trimmingCharacters(inSet: [" ", "\t"])
            let target = record.fields[targetColumn].trimmingCharacters(inSet: [" ", "\t"])
            if source.isEmpty && target.isEmpty { continue }
            guard !source.isEmpty else {
                throw DelimitedTextError("a term has no source side", file: file, line: record.line)
            }
            var status: String? = nil
            if let statusColumn, statusColumn < record.fields.count {
                status = try Self.status(record.fields[statusColumn], file: file, line: record.line)
            }
            var note: String? = nil
            if let noteColumn, noteColumn < record.fields.count, !record.fields[noteColumn].isEmpty {
                note = record.fields[noteColumn]
            }
            let term = Term(text: target, administrativeStatus: status)
            guard groupsBySource else {
                guard !target.isEmpty else {
                    throw DelimitedTextError("a term has no target side", file: file, line: record.line)
                }
                entries.append(TermEntry(id: String(record.line), sourceTerms: [Term(text: source)],
                                         targetTerms: [term], note: note))
                continue
            }
            if let k = bySource[source] {
                if !target.isEmpty { entries[k].targetTerms.append(term) }
                if entries[k].note == nil { entries[k].note = note }
            } else {
                bySource[source] = entries.count
                entries.append(TermEntry(id: "c\(entries.count + 1)", sourceTerms: [Term(text: source)],
                                         targetTerms: target.isEmpty ? [] : [term], note: note))
            }
        }
        return Glossary(sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, entries: entries)
    }

    /// The delimiter of a CSV file: `;` when its first line has semicolons and no commas (as spreadsheets write
    /// CSV where the comma is the decimal mark), else `,`.
    public static func csvDelimiter(_ text: String) -> Unicode.Scalar {
        let firstLine = text.prefix { $0 != "\n" }
        return !firstLine.contains(",") && firstLine.contains(";") ? ";" : ","
    }

    struct Header {
        var note: Int?
        var status: Int?
        var languages: [(Int, LanguageTag)] = []
    }

    static func header(_ fields: [String]) -> Header? {
        var header = Header()
        for (k, raw) in fields.enumerated() {
            let name = raw.trimmingCharacters(inSet: [" "]).lowercased()
            switch name {
            case "note", "comment", "notes", "comments", "definition": header.note = k
            case "status", "administrativestatus", "administrative status": header.status = k
            case "": continue
            default:
                guard let tag = DelimitedTextRecords.languageTag(raw) else { return nil }
                header.languages.append((k, tag))
            }
        }
        return header.languages.isEmpty ? nil : header
    }

    /// Maps a status cell to the TBX value.
    static func status(_ text: String, file: String, line: Int) throws(DelimitedTextError) -> String? {
        let value = text.trimmingCharacters(inSet: [" "]).lowercased()
        switch value {
        case "": return nil
        case "preferred", "preferredterm-admn-sts": return "preferredTerm-admn-sts"
        case "admitted", "admittedterm-admn-sts": return "admittedTerm-admn-sts"
        case "deprecated", "forbidden", "deprecatedterm-admn-sts": return "deprecatedTerm-admn-sts"
        case "superseded", "supersededterm-admn-sts": return "supersededTerm-admn-sts"
        default:
            throw DelimitedTextError("unknown term status ‘\(text)’ (use preferred, admitted or deprecated)",
                                     file: file, line: line)
        }
    }
}
