import Dispatch
import TMCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the units of a TSV file in chunks, so a file of millions of units never sits whole in memory.
///
///     let stream = try DelimitedTextUnitStream(path: "memory.tsv")
///     while let units = try stream.next() { ... }
///
/// The same format as `DelimitedTextUnitReader` with a tab delimiter (header row of language codes, id column,
/// escapes), read in blocks of about `blockSize` bytes cut at line ends; each block's lines are parsed in
/// parallel pieces. Unit ids from an id column must be unique: the stream keeps a 64-bit hash of each id for
/// that check (8 bytes per unit), not the ids.
public final class DelimitedTextUnitStream {
    public let path: String
    public let blockSize: Int
    public var sourceLanguage: LanguageTag?
    public var targetLanguage: LanguageTag?

    private let file: UnsafeMutablePointer<FILE>
    private var pending: [UInt8] = []
    private var atEnd = false
    private var linesRead = 0
    private var layout: DelimitedTextUnitReader.Layout?
    private var seenIDs = Set<UInt64>()
    private var first = true

    /// Opens a file for reading; `-` is not accepted (read standard input with `DelimitedTextUnitReader`).
    public init(path: String, sourceLanguage: LanguageTag? = nil, targetLanguage: LanguageTag? = nil,
                blockSize: Int = 4 << 20) throws(DelimitedTextError)
    {
        guard let file = fopen(path, "rb") else {
            throw DelimitedTextError(errno == ENOENT ? "no such file" : "cannot read the file", file: path)
        }
        self.file = file
        self.path = path
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.blockSize = max(1 << 12, blockSize)
    }

    deinit { fclose(file) }

    /// The next units (those of one block), or nil at the end of the file.
    public func next() throws(DelimitedTextError) -> [TranslationUnit]? {
        while true {
            guard var records = try nextRecords()?.0 else { return nil }
            if layout == nil {
                guard let firstRecord = records.first else { continue }
                let layout = try DelimitedTextUnitReader.Layout(
                    first: firstRecord, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, file: path)
                self.layout = layout
                if layout.headerRow { records.removeFirst() }
            }
            guard let layout else { continue }
            var units: [TranslationUnit] = []
            units.reserveCapacity(records.count)
            for record in records {
                let unit = try layout.unit(record, file: path)
                if layout.hasIDColumn {
                    guard seenIDs.insert(FNV1a.hash(unit.id)).inserted else {
                        throw DelimitedTextError("duplicate unit id ‘\(unit.id)’", file: path, line: record.line)
                    }
                }
                units.append(unit)
            }
            if units.isEmpty { continue }
            return units
        }
    }

    /// The units at the given positions (0-based, counting units in file order, ascending), read from where the
    /// stream stands (a new stream: the file's start) without building the others: lines are counted, and only
    /// the wanted ones parsed. For a second pass over a file whose first pass gave positions.
    public func units(at positions: [Int]) throws(DelimitedTextError) -> [TranslationUnit] {
        var result: [TranslationUnit] = []
        result.reserveCapacity(positions.count)
        try units(at: positions) { _, unit in result.append(unit) }
        return result
    }

    /// Like `units(at:)`, handing each unit to `body` with its index in `positions` instead of collecting them.
    public func units(at positions: [Int], _ body: (Int, TranslationUnit) -> Void) throws(DelimitedTextError) {
        var next = 0
        var position = -1
        while next < positions.count, let (start, cut) = try nextBlock() {
            // A lone carriage return also ends a line: leave such blocks to the full parser.
            let loneCR = pending.withUnsafeBufferPointer { bytes -> Bool in
                var k = start
                while k < cut {
                    if bytes[k] == 0x0D, k + 1 >= cut || bytes[k + 1] != 0x0A { return true }
                    k += 1
                }
                return false
            }
            var wanted: [(line: Int, from: Int, to: Int)] = []
            if loneCR || layout == nil {
                let offset = linesRead
                var (records, lines) = pending.withUnsafeBufferPointer { bytes in
                    Self.parse(bytes, from: start, to: cut, lineOffset: offset)
                }
                linesRead += lines
                pending.removeFirst(cut)
                if layout == nil, let firstRecord = records.first {
                    let layout = try DelimitedTextUnitReader.Layout(
                        first: firstRecord, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, file: path)
                    self.layout = layout
                    if layout.headerRow { records.removeFirst() }
                }
                guard let layout else { continue }
                for record in records {
                    position += 1
                    if next < positions.count, positions[next] == position {
                        body(next, try layout.unit(record, file: path))
                        next += 1
                    }
                }
                continue
            }
            guard let layout else { continue }
            pending.withUnsafeBufferPointer { bytes in
                var lineStart = start
                var k = start
                while k < cut, next < positions.count {
                    // Find the line's end.
                    while k < cut, bytes[k] != 0x0A { k += 1 }
                    let end = k
                    k += 1
                    linesRead += 1
                    let blank = end == lineStart || (end == lineStart + 1 && bytes[lineStart] == 0x0D)
                    if !blank {
                        position += 1
                        if positions[next] == position {
                            wanted.append((linesRead, lineStart, min(end + 1, cut)))
                            next += 1
                        }
                    }
                    lineStart = k
                }
            }
            let firstWanted = next - wanted.count
            for (k, (line, from, to)) in wanted.enumerated() {
                let (records, _) = pending.withUnsafeBufferPointer { bytes in
                    DelimitedTextRecords.parse(bytes, from: from, to: to)
                }
                guard var record = records.first else { continue }
                record.line = line
                body(firstWanted + k, try layout.unit(record, file: path))
            }
            pending.removeFirst(cut)
        }
    }

    /// Reads up to the end of the next block of whole lines: the block is `pending[start..<cut]` (`start` skips
    /// a byte-order mark), or nil at the end of the file.
    private func nextBlock() throws(DelimitedTextError) -> (Int, Int)? {
        // Fill up to a line end (or the end of the file).
        var cut = -1
        while true {
            if let k = pending.lastIndex(of: 0x0A), pending.count >= blockSize || atEnd { cut = k + 1; break }
            if atEnd { cut = pending.count; break }
            let old = pending.count
            let want = max(blockSize, old / 2)
            pending.reserveCapacity(old + want)
            pending.append(contentsOf: repeatElement(0, count: want))
            let n = pending.withUnsafeMutableBufferPointer { buffer in
                fread(buffer.baseAddress! + old, 1, want, file)
            }
            pending.removeLast(want - n)
            if n < want {
                if ferror(file) != 0 { throw DelimitedTextError("cannot read the file", file: path) }
                atEnd = true
            }
        }
        if cut == 0 { return nil }
        var start = 0
        if first {
            first = false
            if pending.count >= 3, pending[0] == 0xEF, pending[1] == 0xBB, pending[2] == 0xBF { start = 3 }
        }
        return (start, cut)
    }

    /// The records of the next block of whole lines, with line numbers counted from the file's start.
    private func nextRecords() throws(DelimitedTextError) -> ([DelimitedTextRecords.Record], Int)? {
        guard let (start, cut) = try nextBlock() else { return nil }
        let offset = linesRead
        let (records, lines) = pending.withUnsafeBufferPointer { bytes in
            Self.parse(bytes, from: start, to: cut, lineOffset: offset)
        }
        linesRead += lines
        pending.removeFirst(cut)
        return (records, lines)
    }

    /// Parses `bytes[from..<to]` (whole lines) in parallel pieces cut at line feeds.
    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to n: Int, lineOffset: Int)
        -> ([DelimitedTextRecords.Record], Int)
    {
        DelimitedTextRecords.parseInPieces(bytes, from: start, to: n, pieces: n - start < 1 << 18 ? 1 : 8,
                                           lineOffset: lineOffset)
    }
}
