import TMCore

/// One document of a corpus, before it is read: its name and where its two sides are.
public struct CorpusDocument: Hashable, Sendable {
    /// Where the text comes from.
    public enum Source: Hashable, Sendable {
        /// Two files, one per language, paired by their names (`report.az.txt` + `report.en.txt`) or folders
        /// (`az/report.txt` + `en/report.txt`); the languages are the ones the names give.
        case pair(sourcePath: String, targetPath: String, sourceLanguage: LanguageTag, targetLanguage: LanguageTag)
        /// One file holding the source-language block followed by the target-language block.
        case bilingual(path: String)
    }

    /// The document's name in the corpus: its path below the input folder without language part and extension
    /// (`reports/q1` for `reports/q1.az.txt`). Unique in the corpus; written into `<prop type="x-document">` and
    /// used in `tuid`s and for `--shard`.
    public var name: String
    public var source: Source
    /// Size of the file(s) in bytes, for the progress estimate.
    public var byteCount: Int

    public init(name: String, source: Source, byteCount: Int) {
        self.name = name
        self.source = source
        self.byteCount = byteCount
    }

    /// The file to name in messages: the source file of a pair, or the bilingual file.
    public var primaryPath: String {
        switch source {
        case .pair(let sourcePath, _, _, _): sourcePath
        case .bilingual(let path): path
        }
    }
}
