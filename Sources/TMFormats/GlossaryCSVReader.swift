import TMCore

/// Reads a CSV glossary whose header row names the languages (`az,en,note`, as memoQ and Phrase export), with
/// RFC 4180 quoting (quoted fields may hold commas, doubled quotes and line breaks). Each row becomes one entry whose
/// id is the line it starts on; a third column, if any, is the entry's note.
public enum GlossaryCSVReader {
    public static func read(text: String, path: String) throws(FormatError) -> Glossary {
        let records = try self.records(text, path: path)
        guard let header = records.first, header.fields.count >= 2,
              let source = LanguageTag(header.fields[0].trimmingSpaces.description),
              let target = LanguageTag(header.fields[1].trimmingSpaces.description)
        else {
            throw FormatError("the first row must name the two languages, for example az,en", file: path, line: 1)
        }
        var entries: [TermEntry] = []
        for record in records.dropFirst() {
            let fields = record.fields.map { String($0.trimmingSpaces) }
            if fields.allSatisfy(\.isEmpty) { continue }
            guard fields.count >= 2, !fields[0].isEmpty, !fields[1].isEmpty else {
                throw FormatError("a row needs a source and a target term", file: path, line: record.line)
            }
            let note = fields.count > 2 && !fields[2].isEmpty ? fields[2] : nil
            entries.append(TermEntry(id: String(record.line), sourceTerms: [Term(text: fields[0])],
                                     targetTerms: [Term(text: fields[1])], note: note))
        }
        return Glossary(sourceLanguage: source, targetLanguage: target, entries: entries)
    }

    /// RFC 4180 records with the line each starts on.
    static func records(_ text: String, path: String) throws(FormatError) -> [(line: Int, fields: [String])] {
        var records: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var afterQuote = false
        var line = 1
        var recordLine = 1
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        if pending == "\u{FEFF}" { pending = scalars.next() }
        func endRecord() {
            fields.append(field)
            records.append((recordLine, fields))
            fields = []
            field = ""
            recordLine = line
        }
        while let scalar = pending {
            pending = scalars.next()
            if quoted {
                if scalar == "\"" {
                    if pending == "\"" {
                        field.unicodeScalars.append("\"")
                        pending = scalars.next()
                    } else {
                        quoted = false
                        afterQuote = true
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case ",":
                fields.append(field)
                field = ""
                afterQuote = false
            case "\r":
                if pending == "\n" { continue }
                line += 1
                endRecord()
                afterQuote = false
            case "\n":
                line += 1
                endRecord()
                afterQuote = false
            case "\"" where field.isEmpty && !afterQuote:
                quoted = true
            default:
                if afterQuote {
                    throw FormatError("text after a closing quote", file: path, line: line)
                }
                field.unicodeScalars.append(scalar)
            }
        }
        if quoted { throw FormatError("a quoted field is not closed", file: path, line: recordLine) }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }
}
