import Foundation
import TMCore
import TMFormats

/// The mergeable statistics of one shard of `tmkit terms` (`--shard I/N --stats-out FILE`), and their merge.
///
/// The term learner has two global steps that no per-shard count can stand for: the folding of inflected words
/// looks at the word forms of the whole corpus (a stem counts when it is attested anywhere), and the word aligner
/// trains IBM Model 1 by EM over all sentence pairs at once. So a shard keeps what its work produced and the
/// learner needs: its sentence pairs (read from TMX or pair files, or split, segmented and aligned from its
/// documents, the costly part on a corpus of documents), each with its place in the corpus. `merge` puts the
/// pairs of all shards back in corpus order and learns once, so that the glossary is exactly the unsharded one.
///
/// The file is JSON lines, UTF-8, deterministic (the same inputs give the same bytes):
///
///     {"format":"tmkit-terms-statistics","version":1,"shard":"1/2","source":"en","target":"es","corpus":"<fnv>","items":3,"pairs":2,"title":"a"}
///     [0,0,"Open file","Abrir archivo"]
///     [0,1,"Save","Guardar"]
///
/// The header names the languages, the shard and a fingerprint of the corpus's item list; each further line is
/// one pair, `[item, index in item, source, target]`, sorted by item and index. `merge` refuses files of other
/// versions, of other language pairs, shard counts or corpora, a shard given twice and a missing shard.
public enum TermsStatistics {
    public static let format = "tmkit-terms-statistics"
    public static let version = 1

    /// A statistics file that cannot be used, with its place.
    public struct FileError: LocatedError {
        public var location: InputLocation?
        public var message: String

        public init(_ message: String, file: String, line: Int? = nil) {
            location = InputLocation(file: file, line: line)
            self.message = message
        }
    }

    /// The header of one file.
    public struct Header: Sendable, Equatable {
        public var shard: CorpusShard
        public var sourceLanguage: LanguageTag
        public var targetLanguage: LanguageTag
        /// Fingerprint of the corpus's item list: equal in every shard of one corpus.
        public var corpus: String
        public var items: Int
        public var pairs: Int
        /// The glossary's title (the first input's name), so that the merged glossary is the unsharded one.
        public var title: String
    }

    // MARK: Writing

    static func write(_ pairs: [TermsPair], header: Header, to path: String) throws {
        var text = "{\"format\":" + json(format) + ",\"version\":\(version),\"shard\":" + json(header.shard.description)
            + ",\"source\":" + json(header.sourceLanguage.description)
            + ",\"target\":" + json(header.targetLanguage.description)
            + ",\"corpus\":" + json(header.corpus) + ",\"items\":\(header.items),\"pairs\":\(pairs.count)"
            + ",\"title\":" + json(header.title) + "}\n"
        text.reserveCapacity(pairs.reduce(text.utf8.count) { $0 + $1.source.utf8.count + $1.target.utf8.count + 24 })
        for pair in pairs {
            text += "[\(pair.item),\(pair.index)," + json(pair.source) + "," + json(pair.target) + "]\n"
        }
        try AtomicFileWriter.write(text, to: path)
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped, everything else as is.
    static func json(_ text: String) -> String {
        JSONString.quoted(text)
    }

    // MARK: Reading

    /// Reads one file: its header and pairs.
    static func read(path: String) throws -> (header: Header, pairs: [TermsPair]) {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw FileError("cannot read the statistics file", file: path)
        }
        var pairs: [TermsPair] = []
        var header: Header?
        var lineNumber = 0
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != 0x0A { end += 1 }
                lineNumber += 1
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                start = end + 1
                if line.isEmpty { continue }
                if header == nil {
                    header = try parseHeader(Data(line), file: path)
                    if let header { pairs.reserveCapacity(header.pairs) }
                    continue
                }
                var parser = LineParser(bytes: line)
                guard let pair = parser.pair() else {
                    throw FileError("expected [item, index, \"source\", \"target\"]", file: path, line: lineNumber)
                }
                pairs.append(pair)
            }
        }
        guard let header else { throw FileError("empty statistics file", file: path) }
        guard pairs.count == header.pairs else {
            throw FileError("the header announces \(header.pairs) pairs, the file holds \(pairs.count) (cut short?)",
                            file: path)
        }
        return (header, pairs)
    }

    private static func parseHeader(_ data: Data, file: String) throws -> Header {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              object["format"] as? String == format
        else { throw FileError("not a tmkit terms statistics file (written with --stats-out)", file: file, line: 1) }
        guard let fileVersion = object["version"] as? Int, fileVersion == version else {
            throw FileError("statistics version \(object["version"] ?? "?"), this tmkit reads version \(version)",
                            file: file, line: 1)
        }
        guard let shardText = object["shard"] as? String, let shard = try? CorpusShard(parsing: shardText),
              let source = (object["source"] as? String).flatMap(LanguageTag.init),
              let target = (object["target"] as? String).flatMap(LanguageTag.init),
              let corpus = object["corpus"] as? String, let items = object["items"] as? Int,
              let pairs = object["pairs"] as? Int, let title = object["title"] as? String
        else { throw FileError("incomplete header", file: file, line: 1) }
        return Header(shard: shard, sourceLanguage: source, targetLanguage: target, corpus: corpus, items: items,
                      pairs: pairs, title: title)
    }

    /// Parses `[int,int,"string","string"]` (the JSON this file writes; any JSON escape is read).
    private struct LineParser {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func pair() -> TermsPair? {
            guard expect(UInt8(ascii: "[")), let item = integer(), expect(UInt8(ascii: ",")),
                  let index = integer(), expect(UInt8(ascii: ",")), let source = string(),
                  expect(UInt8(ascii: ",")), let target = string(), expect(UInt8(ascii: "]"))
            else { return nil }
            skipSpaces()
            guard position == bytes.count, let item32 = Int32(exactly: item), let index32 = Int32(exactly: index)
            else { return nil }
            return TermsPair(item: item32, index: index32, source: source, target: target)
        }

        private mutating func skipSpaces() {
            while position < bytes.count, [0x20, 0x09, 0x0D].contains(bytes[position]) { position += 1 }
        }

        private mutating func expect(_ byte: UInt8) -> Bool {
            skipSpaces()
            guard position < bytes.count, bytes[position] == byte else { return false }
            position += 1
            return true
        }

        private mutating func integer() -> Int? {
            skipSpaces()
            var value = 0
            let start = position
            while position < bytes.count, (0x30...0x39).contains(bytes[position]), position - start < 12 {
                value = value * 10 + Int(bytes[position] - 0x30)
                position += 1
            }
            return position > start ? value : nil
        }

        private mutating func string() -> String? {
            guard expect(UInt8(ascii: "\"")) else { return nil }
            var out: [UInt8] = []
            while position < bytes.count {
                let byte = bytes[position]
                position += 1
                if byte == UInt8(ascii: "\"") { return String(decoding: out, as: UTF8.self) }
                guard byte == UInt8(ascii: "\\") else {
                    out.append(byte)
                    continue
                }
                guard position < bytes.count else { return nil }
                let escape = bytes[position]
                position += 1
                switch escape {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
                case UInt8(ascii: "u"):
                    guard var scalar = hex4() else { return nil }
                    // A surrogate pair (other writers): combine.
                    if (0xD800..<0xDC00).contains(scalar), position + 1 < bytes.count,
                       bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") {
                        position += 2
                        guard let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { return nil }
                    out.append(contentsOf: Array(String(Character(unicode)).utf8))
                default: return nil
                }
            }
            return nil
        }

        private mutating func hex4() -> UInt32? {
            guard position + 4 <= bytes.count else { return nil }
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard let digit = Character(Unicode.Scalar(bytes[position])).hexDigitValue else { return nil }
                value = value * 16 + UInt32(digit)
                position += 1
            }
            return value
        }
    }

    // MARK: Merging

    /// The pairs of all shards' files in corpus order, after checking that they are the N shards of one corpus.
    static func merge(paths: [String]) throws -> (header: Header, pairs: [TermsPair]) {
        guard let firstPath = paths.first else {
            throw FileError("no statistics files given", file: "-")
        }
        var first: Header?
        var seen: [Int: String] = [:]
        var pairs: [TermsPair] = []
        for path in paths {
            let (header, filePairs) = try read(path: path)
            if let first {
                if header.shard.count != first.shard.count {
                    throw FileError("shard \(header.shard) is one of \(header.shard.count), \(firstPath) one of "
                        + "\(first.shard.count): the shards must come from one run", file: path, line: 1)
                }
                if !header.sourceLanguage.hasSameLanguage(as: first.sourceLanguage)
                    || !header.targetLanguage.hasSameLanguage(as: first.targetLanguage) {
                    throw FileError("languages \(header.sourceLanguage) → \(header.targetLanguage), \(firstPath) has "
                        + "\(first.sourceLanguage) → \(first.targetLanguage)", file: path, line: 1)
                }
                if header.corpus != first.corpus || header.items != first.items {
                    throw FileError("another corpus than \(firstPath) (its inputs differ: give every shard the same "
                        + "inputs in the same order)", file: path, line: 1)
                }
            } else {
                first = header
            }
            if let other = seen[header.shard.index] {
                throw FileError("shard \(header.shard) is given twice (also \(other))", file: path, line: 1)
            }
            seen[header.shard.index] = path
            pairs += filePairs
        }
        guard let header = first else { throw FileError("no statistics files given", file: "-") }
        let missing = (1...header.shard.count).filter { seen[$0] == nil }
        if !missing.isEmpty {
            throw FileError("missing shard" + (missing.count > 1 ? "s " : " ")
                + missing.map { "\($0)/\(header.shard.count)" }.joined(separator: ", "), file: firstPath)
        }
        pairs.sort { ($0.item, $0.index) < ($1.item, $1.index) }
        for k in pairs.indices.dropFirst() where (pairs[k].item, pairs[k].index) == (pairs[k - 1].item, pairs[k - 1].index) {
            throw FileError("pair \(pairs[k].index) of item \(pairs[k].item) is in two shards", file: firstPath)
        }
        var merged = header
        merged.shard = CorpusShard(index: 1, count: 1) ?? header.shard
        merged.pairs = pairs.count
        return (merged, pairs)
    }
}
