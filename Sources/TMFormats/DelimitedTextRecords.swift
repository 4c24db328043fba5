import Dispatch
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
        if delimiter == "\t" {
            records = Self.tsv(text)
        } else {
            var scalars = Array(text.unicodeScalars)
            if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
            records = try Self.csv(scalars, delimiter: delimiter, file: file)
        }
    }

    /// TSV works on UTF-8 bytes: tab, line feed, carriage return and backslash are ASCII, so they never occur
    /// inside a multi-byte character, and a field without escapes becomes a String in one copy. Large files are
    /// cut at line feeds into pieces parsed in parallel.
    private static func tsv(_ text: String) -> [Record] {
        var text = text
        return text.withUTF8 { bytes -> [Record] in
            var start = 0
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
            let pieces = bytes.count < 1 << 20 ? 1 : 16
            return parseInPieces(bytes, from: start, to: bytes.count, pieces: pieces, lineOffset: 0).records
        }
    }

    /// Parses `bytes[start..<n]` (whole lines) in `pieces` parts cut at line feeds, in parallel; records are numbered
    /// from `lineOffset`. Returns them with the number of lines read.
    static func parseInPieces(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to n: Int, pieces pieceCount: Int, lineOffset: Int
    ) -> (records: [Record], lines: Int) {
        var bounds = [start]
        for k in 1..<max(1, pieceCount) {
            var cut = max(bounds[bounds.count - 1], start + (n - start) * k / pieceCount)
            while cut < n, cut > 0, bytes[cut - 1] != 0x0A { cut += 1 }
            bounds.append(cut)
        }
        bounds.append(n)
        let results = PieceResults(count: pieceCount)
        let cuts = bounds
        let shared = SharedBytes(bytes: bytes)
        DispatchQueue.concurrentPerform(iterations: pieceCount) { k in
            results.set(k, parse(shared.bytes, from: cuts[k], to: cuts[k + 1]))
        }
        var records: [Record] = []
        var offset = lineOffset
        for k in 0..<pieceCount {
            let (piece, lines) = results.get(k)
            records.reserveCapacity(records.count + piece.count)
            for var record in piece {
                record.line += offset
                records.append(record)
            }
            offset += lines
        }
        return (records, offset - lineOffset)
    }

    /// The file's bytes, read (never written) by the parallel workers while `withUTF8` keeps them alive.
    struct SharedBytes: @unchecked Sendable {
        let bytes: UnsafeBufferPointer<UInt8>
    }

    /// Per-piece results written from parallel workers, each into its own slot (distinct slots never race).
    final class PieceResults: @unchecked Sendable {
        private let slots: UnsafeMutableBufferPointer<([Record], Int)>

        init(count: Int) {
            slots = .allocate(capacity: count)
            slots.initialize(repeating: ([], 0))
        }

        deinit {
            slots.deinitialize()
            slots.deallocate()
        }

        func set(_ k: Int, _ value: ([Record], Int)) { slots[k] = value }

        func get(_ k: Int) -> ([Record], Int) { slots[k] }
    }

    /// Parses the lines in `bytes[from..<to]`; line numbers count from 1 within the piece. Returns the records
    /// and the number of lines the piece spans.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to n: Int) -> ([Record], Int) {
        var records: [Record] = []
        var line = 1
        var fields: [String] = []
        var fieldStart = from
        var hasEscape = false
        var i = from
        func field(_ end: Int) -> String {
            let slice = UnsafeBufferPointer(rebasing: bytes[fieldStart..<end])
            guard hasEscape else { return String(decoding: slice, as: UTF8.self) }
            var out: [UInt8] = []
            out.reserveCapacity(slice.count)
            var k = 0
            while k < slice.count {
                let c = slice[k]
                if c == 0x5C, k + 1 < slice.count {
                    switch slice[k + 1] {
                    case 0x74: out.append(0x09); k += 2; continue  // \t
                    case 0x6E: out.append(0x0A); k += 2; continue  // \n
                    case 0x72: out.append(0x0D); k += 2; continue  // \r
                    case 0x5C: out.append(0x5C); k += 2; continue  // \\
                    default: break
                    }
                }
                out.append(c)
                k += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
        func endRecord(_ end: Int) {
            fields.append(field(end))
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(Record(line: line, fields: fields)) }
            fields = []
            hasEscape = false
        }
        while i < n {
            switch bytes[i] {
            case 0x09:
                fields.append(field(i))
                hasEscape = false
                fieldStart = i + 1
            case 0x0A:
                endRecord(i > fieldStart && bytes[i - 1] == 0x0D ? i - 1 : i)
                line += 1
                fieldStart = i + 1
            case 0x0D where i + 1 < n && bytes[i + 1] == 0x0A:
                break
            case 0x0D:
                endRecord(i)
                line += 1
                fieldStart = i + 1
            case 0x5C:
                hasEscape = true
                if i + 1 < n, bytes[i + 1] != 0x0A, bytes[i + 1] != 0x09 { i += 1 }
            default:
                break
            }
            i += 1
        }
        if fieldStart < n || !fields.isEmpty { endRecord(n) }
        return (records, line - 1)
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
