import TMCore

/// Reads translation units from TSV or CSV: `source<TAB>target`, or `id<TAB>source<TAB>target`.
///
/// An optional header row names the columns: language codes for the source and target columns (`en	de`),
/// and `id`, `confidence`, `note`/`comment` for the others (`id	en	de	confidence`). Without a header, two
/// columns are source and target and three or more are id, source, target (the rest ignored). A unit's id is
/// its id column, or the 1-based line number where there is none.
public struct DelimitedTextUnitReader: Sendable {
    public var delimiter: Unicode.Scalar
    /// Languages to assume when the file has no header; `und` (undetermined) when nil.
    public var sourceLanguage: LanguageTag?
    public var targetLanguage: LanguageTag?

    public init(delimiter: Unicode.Scalar = "\t", sourceLanguage: LanguageTag? = nil,
                targetLanguage: LanguageTag? = nil)
    {
        self.delimiter = delimiter
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
    }

    public func read(_ text: String, file: String) throws(DelimitedTextError) -> [TranslationUnit] {
        var records = try DelimitedTextRecords(text, delimiter: delimiter, file: file).records
        guard let first = records.first else { return [] }
        let layout = try Layout(first: first, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage,
                                file: file)
        if layout.headerRow { records.removeFirst() }
        var units: [TranslationUnit] = []
        units.reserveCapacity(records.count)
        var seen = Set<String>()
        for record in records {
            let unit = try layout.unit(record, file: file)
            guard seen.insert(unit.id).inserted else {
                throw DelimitedTextError("duplicate unit id ‘\(unit.id)’", file: file, line: record.line)
            }
            units.append(unit)
        }
        return units
    }

    /// Which column holds what, decided from the first record (a header row, or the column count).
    struct Layout: Sendable {
        var headerRow = false
        var idColumn: Int? = nil
        var sourceColumn = 0
        var targetColumn = 1
        var confidenceColumn: Int? = nil
        var sourceLanguage: LanguageTag
        var targetLanguage: LanguageTag

        init(first: DelimitedTextRecords.Record, sourceLanguage: LanguageTag?, targetLanguage: LanguageTag?,
             file: String) throws(DelimitedTextError)
        {
            guard let source = sourceLanguage ?? DelimitedTextUnitReader.undetermined,
                  let target = targetLanguage ?? DelimitedTextUnitReader.undetermined
            else { throw DelimitedTextError("no language tag", file: file, line: first.line) }
            self.sourceLanguage = source
            self.targetLanguage = target
            if let header = DelimitedTextUnitReader.header(first.fields) {
                headerRow = true
                idColumn = header.id
                confidenceColumn = header.confidence
                guard header.languages.count >= 2 else {
                    throw DelimitedTextError("the header row names \(header.languages.count) language column(s); "
                        + "a source and a target are needed", file: file, line: first.line)
                }
                (sourceColumn, self.sourceLanguage) = header.languages[0]
                (targetColumn, self.targetLanguage) = header.languages[1]
            } else if first.fields.count >= 3 {
                idColumn = 0
                sourceColumn = 1
                targetColumn = 2
            }
        }

        /// Whether ids come from a column (and so may repeat); otherwise they are line numbers.
        var hasIDColumn: Bool { idColumn != nil }

        func unit(_ record: DelimitedTextRecords.Record, file: String) throws(DelimitedTextError) -> TranslationUnit {
            let needed = max(sourceColumn, targetColumn, idColumn ?? 0)
            guard record.fields.count > max(sourceColumn, targetColumn) else {
                throw DelimitedTextError("expected \(needed + 1) columns, found \(record.fields.count)", file: file,
                                         line: record.line)
            }
            var id = String(record.line)
            if let idColumn, idColumn < record.fields.count, !record.fields[idColumn].isEmpty {
                id = record.fields[idColumn]
            }
            var confidence: Double? = nil
            if let confidenceColumn, confidenceColumn < record.fields.count,
               !record.fields[confidenceColumn].isEmpty
            {
                guard let value = Double(record.fields[confidenceColumn]), (0...1).contains(value) else {
                    throw DelimitedTextError("confidence ‘\(record.fields[confidenceColumn])’ is not a number from 0 to 1",
                                             file: file, line: record.line)
                }
                confidence = value
            }
            return TranslationUnit(
                id: id, source: record.fields[sourceColumn], target: record.fields[targetColumn],
                sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, confidence: confidence)
        }
    }

    static let undetermined: LanguageTag? = LanguageTag("und")

    struct Header {
        var id: Int?
        var confidence: Int?
        var note: Int?
        var languages: [(Int, LanguageTag)] = []
    }

    /// The column roles if `fields` is a header row: every field a language code or a known column name, with
    /// at least one language code.
    static func header(_ fields: [String]) -> Header? {
        var header = Header()
        for (k, raw) in fields.enumerated() {
            let name = raw.trimmingCharacters(inSet: [" "]).lowercased()
            switch name {
            case "id", "tuid", "key": header.id = k
            case "confidence", "score": header.confidence = k
            case "note", "comment", "notes", "comments": header.note = k
            case "": continue
            default:
                guard let tag = DelimitedTextRecords.languageTag(raw) else { return nil }
                header.languages.append((k, tag))
            }
        }
        return header.languages.isEmpty ? nil : header
    }
}
