import TMCore

/// Splits TSV or CSV text into records of fields, with the 1-based line each record starts on.
///
/// - TSV (`delimiter` tab): one record per line, no quoting; the escapes `\t`, `\n`, `\r` and `\\` in a field
///   are decoded (as translate-toolkit and most TM tools write them).
/// - CSV (`,` or `;`): RFC 4180: fields may be quoted with `"`, a quoted field may hold delimiters, line breaks
///   and doubled quotes.
///
/// A byte-order mark is dropped; CRLF line ends are accepted; blank lines are skipped.
public struct DelimitedTextRecords: Sendable {
    public struct Record: Hashable, Sendable {
        public var line: Int
        public var fields: [String]
    }

    public var records: [Record]

    public init(_ text: String, delimiter: Unicode.Scalar, file: String) throws(DelimitedTextError) {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        records = delimiter == "\t"
            ? Self.tsv(scalars)
            : try Self.csv(scalars, delimiter: delimiter, file: file)
    }

    private static func tsv(_ s: [Unicode.Scalar]) -> [Record] {
        var records: [Record] = []
        var line = 1
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var i = 0
        var blank = true
        func endRecord() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            if !blank { records.append(Record(line: line, fields: fields)) }
            fields = []
            blank = true
        }
        while i < s.count {
            let c = s[i]
            switch c {
            case "\t":
                fields.append(String(field))
                field = String.UnicodeScalarView()
                blank = false
            case "\n":
                endRecord()
                line += 1
            case "\r":
                if i + 1 < s.count, s[i + 1] == "\n" { break }
                endRecord()
                line += 1
            case "\\" where i + 1 < s.count:
                blank = false
                switch s[i + 1] {
                case "t": field.append("\t"); i += 1
                case "n": field.append("\n"); i += 1
                case "r": field.append("\r"); i += 1
                case "\\": field.append("\\"); i += 1
                default: field.append(c)
                }
            default:
                blank = false
                field.append(c)
            }
            i += 1
        }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }

    private static func csv(_ s: [Unicode.Scalar], delimiter: Unicode.Scalar, file: String)
        throws(DelimitedTextError) -> [Record]
    {
        var records: [Record] = []
        var line = 1
        var recordLine = 1
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var i = 0
        var atFieldStart = true
        var blank = true
        func endRecord() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            if !blank { records.append(Record(line: recordLine, fields: fields)) }
            fields = []
            blank = true
            atFieldStart = true
        }
        while i < s.count {
            let c = s[i]
            if atFieldStart, c == "\"" {
                // Quoted field.
                blank = false
                let openLine = line
                i += 1
                var closed = false
                while i < s.count {
                    let q = s[i]
                    if q == "\"" {
                        if i + 1 < s.count, s[i + 1] == "\"" {
                            field.append("\"")
                            i += 2
                            continue
                        }
                        closed = true
                        i += 1
                        break
                    }
                    if q == "\n" { line += 1 }
                    field.append(q)
                    i += 1
                }
                guard closed else {
                    throw DelimitedTextError("a quoted field is never closed", file: file, line: openLine)
                }
                atFieldStart = false
                continue
            }
            atFieldStart = false
            switch c {
            case delimiter:
                fields.append(String(field))
                field = String.UnicodeScalarView()
                atFieldStart = true
                blank = false
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            case "\r":
                if i + 1 < s.count, s[i + 1] == "\n" { break }
                endRecord()
                line += 1
                recordLine = line
            default:
                blank = false
                field.append(c)
            }
            i += 1
        }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }

    /// Whether a header field names a language: a BCP 47 tag with a 2–3 letter lower-case language subtag.
    static func languageTag(_ field: String) -> LanguageTag? {
        let trimmed = field.trimmingCharacters(inSet: [" "])
        let primary = trimmed.prefix { $0 != "-" && $0 != "_" }
        guard (2...3).contains(primary.count), primary.allSatisfy({ $0.isASCII && $0.isLowercase }) else {
            return nil
        }
        return LanguageTag(trimmed)
    }
}

extension String {
    /// The string without leading and trailing characters of `set` (a Foundation-free `trimmingCharacters`).
    func trimmingCharacters(inSet set: Set<Character>) -> String {
        var sub = Substring(self)
        while let f = sub.first, set.contains(f) { sub = sub.dropFirst() }
        while let l = sub.last, set.contains(l) { sub = sub.dropLast() }
        return String(sub)
    }
}
