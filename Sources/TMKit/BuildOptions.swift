import Foundation
import TMCore
import TMFormats

/// What `tmkit build` is asked to do.
public struct BuildOptions: Sendable {
    /// Everything given on the command line: one bilingual file (or the source file, with `target`), or, for a
    /// corpus, several files and folders.
    public var inputs: [String]
    /// The translation, as a second file (single-document builds only).
    public var target: String?
    public var sourceLanguage: LanguageTag?
    public var targetLanguage: LanguageTag?
    /// The base name of the output files; defaults to the input's file name without extension (for a corpus: the
    /// folder's name).
    public var name: String?
    public var tmxDirectory: String = "Exports"
    public var glossaryDirectory: String = "Glossaries"
    /// Glossary formats to write; the first is the main one. Empty: no glossary.
    public var glossaryFormats: [GlossaryFormat] = [.tbx, .tsv]
    /// Pairs below this confidence are counted as low-confidence in the summary.
    public var lowConfidenceThreshold: Double = 0.5
    /// Documents aligned at the same time (corpus builds); at least 1.
    public var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    /// Build only this part of the corpus (`--shard I/N`).
    public var shard: CorpusShard?
    /// The glossary of a corpus is learned from at most this many sentence pairs (a uniform, reproducible sample
    /// beyond it), which bounds the term learner's time and memory; 0 writes no learned entries. The default keeps
    /// the glossary step of any corpus to about 25–30 CPU seconds and about 0.3 GB: on prose sentences the learner
    /// takes 1.2–1.7 ms of CPU a pair (Benchmarks/scale/RESULTS.md), so 100,000 pairs would cost two to three
    /// minutes of CPU alone.
    public var termSampleSize: Int = 20_000
    /// A corpus's alignment lexicon is learned from its first documents until they give this many confident pairs
    /// (at least a fifth of it, or there is none); every other document is then aligned in one pass with it
    /// (`CorpusLexicon`). 0: every document learns its own lexicon, as a single document does.
    public var lexiconPairs: Int = Self.defaultLexiconPairs
    public static let defaultLexiconPairs = 5_000

    /// The first input: the bilingual file, or the source file when `target` is given.
    public var input: String {
        get { inputs.first ?? "" }
        set { inputs = [newValue] + inputs.dropFirst() }
    }

    public init(input: String) {
        inputs = [input]
    }

    public init(inputs: [String]) {
        self.inputs = inputs
    }

    /// Whether the inputs make a corpus (several inputs, or a folder) rather than one document.
    public var isCorpus: Bool {
        if inputs.count > 1 { return true }
        var isDirectory: ObjCBool = false
        return inputs.count == 1 && FileManager.default.fileExists(atPath: inputs[0], isDirectory: &isDirectory)
            && isDirectory.boolValue
    }
}
