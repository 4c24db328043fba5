import TMCore

/// Reads a TMX file unit by unit with libxml2's SAX2 push parser (`TMXParser`): memory is bounded by a 64 KiB chunk
/// of input and the units it holds.
///
/// Safe on untrusted input: no network (`XML_PARSE_NONET`), entities are never substituted (no `XML_PARSE_NOENT`),
/// no external DTD is loaded, and an entity reference is an error rather than an expansion.
/// TMX 1.1–1.4 are accepted (`lang` as well as `xml:lang`); UTF-8 and UTF-16 with a byte order mark; inline codes
/// (`bpt ept it ph hi ut sub`) are kept as markup and written back unchanged by `TMXWriter`; props and notes are
/// kept. Language tags such as `en_US` are normalised to `en-US` with a warning. Errors carry `FILE:LINE:COLUMN`.
///
///     var reader = try TMXReader(path: "memory.tmx")
///     while let unit = try reader.next() { ... }
///     reader.warnings   // e.g. memory.tmx:12: xml:lang 'en_US' read as 'en-US'
public struct TMXReader: ~Copyable {
    public let path: String
    public let header: TMXHeader
    /// What was normalised or ignored so far (each distinct problem once).
    public var warnings: [FormatWarning] { parser.headerWarnings + parser.warnings }
    /// The line of the `<tu>` returned last by `next()`.
    public private(set) var line = 0

    private let parser: TMXParser

    /// Opens a file (`-` for standard input) and reads its header.
    public init(path: String) throws(FormatError) {
        try self.init(TMXParser(path: path))
    }

    /// Reads a TMX document held in memory; `path` names it in messages.
    public init(contents: [UInt8], path: String) throws(FormatError) {
        try self.init(TMXParser(contents: contents, path: path))
    }

    private init(_ parser: TMXParser) throws(FormatError) {
        while parser.header == nil || !parser.headerComplete, !parser.finished {
            parser.feed()
        }
        guard let header = parser.header, parser.headerComplete else {
            throw parser.failure ?? FormatError("not a TMX file: no <header>", file: parser.path)
        }
        self.parser = parser
        self.path = parser.path
        self.header = header
    }

    /// The next `<tu>`, or nil at the end of the file.
    public mutating func next() throws(FormatError) -> TMXUnit? {
        while true {
            if parser.unitsTaken < parser.units.count {
                let (unit, line) = parser.units[parser.unitsTaken]
                parser.unitsTaken += 1
                if parser.unitsTaken == parser.units.count {
                    parser.units.removeAll(keepingCapacity: true)
                    parser.unitsTaken = 0
                }
                self.line = line
                return unit
            }
            if parser.finished {
                if let failure = parser.failure { throw failure }
                return nil
            }
            parser.feed()
        }
    }

    /// The `version` values of TMX 1.1 to 1.4b.
    static let knownVersions: Set<String> = ["1.1", "1.2", "1.3", "1.4", "1.4a", "1.4b"]
}

extension TMXReader {
    /// Reads a whole file: its header, every unit, and the warnings.
    public static func read(path: String) throws(FormatError) -> (header: TMXHeader, units: [TMXUnit], warnings: [FormatWarning]) {
        var reader = try TMXReader(path: path)
        var units: [TMXUnit] = []
        while let unit = try reader.next() { units.append(unit) }
        return (reader.header, units, reader.warnings)
    }

    /// The file's units as source/target pairs. The source language is the header's `srclang` (the first variant's
    /// language when it is `*all*`), the target the first other language, unless given. Units without a source
    /// variant are skipped; units without an id get their 1-based position.
    public static func translationUnits(
        path: String, sourceLanguage: LanguageTag? = nil, targetLanguage: LanguageTag? = nil
    ) throws(FormatError) -> [TranslationUnit] {
        let (header, units, _) = try read(path: path)
        guard let source = sourceLanguage ?? LanguageTag(header.sourceLanguage) ?? units.first?.variants.first?.language
        else { return [] }
        let target = targetLanguage ?? units.lazy.flatMap(\.variants).map(\.language)
            .first { !$0.hasSameLanguage(as: source) } ?? source
        return units.enumerated().compactMap { index, unit in
            unit.translationUnit(sourceLanguage: source, targetLanguage: target, fallbackID: String(index + 1))
        }
    }
}

