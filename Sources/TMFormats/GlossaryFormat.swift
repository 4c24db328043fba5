import TMCore

/// The glossary formats tmkit writes, as named on the command line (`--glossary-format`, `terms --format`).
public enum GlossaryFormat: String, CaseIterable, Hashable, Sendable {
    /// TBX v2 (ISO 30042:2008, `martif type="TBX-Basic"`): what OmegaT and translate-toolkit read. The default.
    case tbx
    /// TBX v3 TBX-Basic (ISO 30042:2019, `tbx type="TBX-Basic" style="dca"`).
    case tbx3
    /// OmegaT's tab-separated glossary: source, target, comment. OmegaT reads it only from `.txt`, `.utf8`, `.tab`.
    case tsv
    /// CSV with a language-code header row (memoQ, Phrase), RFC 4180 quoting.
    case csv

    /// The file name extension to write: `tbx`, `tbx`, `txt`, `csv`.
    public var fileExtension: String {
        switch self {
        case .tbx, .tbx3: "tbx"
        case .tsv: "txt"
        case .csv: "csv"
        }
    }

    /// Writes the glossary in this format, atomically (`-` for standard output).
    public func write(_ glossary: Glossary, to path: String, title: String? = nil) throws(FormatError) {
        switch self {
        case .tbx: try TBXWriter.write(glossary, to: path, version: .v2, title: title)
        case .tbx3: try TBXWriter.write(glossary, to: path, version: .v3, title: title)
        case .tsv: try AtomicFileWriter.write(GlossaryTSVWriter.render(glossary), to: path)
        case .csv: try AtomicFileWriter.write(GlossaryCSVWriter.render(glossary), to: path)
        }
    }
}
