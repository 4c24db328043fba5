import Foundation
import TMCore
import TMFormats
import TMTerms
import TMText

/// The `tmkit terms` pipeline: read aligned pairs (TMX, `source<TAB>target` lines) or bilingual documents (aligned
/// here), learn a glossary, write it as TBX, TSV, CSV or JSON.
///
///     var options = TermsOptions(inputs: ["Examples/kazakhstan-az-en.txt"])
///     options.format = .glossary(.tbx)
///     options.output = "kazakhstan.tbx"
///     let report = try TermsPipeline.run(options)
public enum TermsPipeline {
    /// An input that cannot be used, with its place.
    public struct InputError: LocatedError {
        public var location: InputLocation?
        public var message: String

        public init(_ message: String, file: String?, line: Int? = nil) {
            location = file.map { InputLocation(file: $0, line: line) }
            self.message = message
        }
    }

    /// What an input file holds.
    public enum InputKind: String, Sendable {
        /// A TMX file (by its `.tmx` extension).
        case tmx
        /// Aligned pairs, `source<TAB>target` a line.
        case pairs
        /// A bilingual document (a source block, then its translation), split and aligned here.
        case document
    }

    /// Runs the whole job; nothing is written when an input fails.
    ///
    /// The inputs may be files and folders of a corpus (see `TermsCorpus`); documents that cannot be used are
    /// reported through `progress` and skipped. With `options.statisticsOutput`, the pairs of the inputs (or of
    /// `options.shard`) are written there for `merge` instead of learning a glossary.
    public static func run(_ options: TermsOptions, progress: (String) -> Void = { _ in }) throws -> TermsReport {
        if let shard = options.shard, options.statisticsOutput == nil {
            throw InputError("--shard \(shard) writes the statistics of a part of the corpus: give --stats-out FILE "
                + "and learn the glossary with `tmkit terms merge`", file: nil)
        }
        let corpus = try TermsCorpus(inputs: options.inputs, sourceLanguage: options.sourceLanguage,
                                     targetLanguage: options.targetLanguage)
        var notes: [String] = corpus.issues.map { "\($0) (skipped)" }
        for note in notes { progress(note) }
        var part = try corpus.load(shard: options.shard, jobs: options.jobs)
        for note in part.notes { progress(note) }
        notes += part.notes
        let title = options.inputs.first.map { DocumentLoader.documentName(for: $0) } ?? "glossary"
        if let path = options.statisticsOutput {
            let shard = options.shard ?? CorpusShard(index: 1, count: 1)
            guard let shard else { throw InputError("no shard", file: nil) }
            let header = TermsStatistics.Header(
                shard: shard, sourceLanguage: part.sourceLanguage, targetLanguage: part.targetLanguage,
                corpus: corpus.fingerprint, items: corpus.items.count, pairs: part.pairs.count, title: title)
            try TermsStatistics.write(part.pairs, header: header, to: path)
            progress("wrote the statistics of \(part.pairs.count) sentence pairs (shard \(shard) of "
                + "\(corpus.items.count) inputs, \(part.sourceLanguage) → \(part.targetLanguage)) to \(path)")
            return TermsReport(
                glossary: Glossary(sourceLanguage: part.sourceLanguage, targetLanguage: part.targetLanguage, entries: []),
                sentencePairs: part.pairs.count, notes: notes)
        }
        let count = part.pairs.count
        let glossary = try learn(
            &part.pairs, sourceLanguage: part.sourceLanguage, targetLanguage: part.targetLanguage,
            format: options.format, output: options.output, title: title, limit: options.limit,
            minCount: options.minCount, seed: options.seed, threads: options.jobs, progress: progress)
        return TermsReport(glossary: glossary, sentencePairs: count, notes: notes)
    }

    /// `tmkit terms merge`: the glossary learned from the pairs of all shards' statistics files, put back in
    /// corpus order; the same glossary as the unsharded run on the same inputs.
    public static func merge(_ options: TermsMergeOptions, progress: (String) -> Void = { _ in }) throws
        -> TermsReport
    {
        var (header, pairs) = try TermsStatistics.merge(paths: options.statistics)
        let count = pairs.count
        let note = "\(options.statistics.count) statistics files: \(count) sentence pairs, "
            + "\(header.sourceLanguage) → \(header.targetLanguage)"
        progress(note)
        let glossary = try learn(
            &pairs, sourceLanguage: header.sourceLanguage, targetLanguage: header.targetLanguage,
            format: options.format, output: options.output, title: header.title, limit: options.limit,
            minCount: options.minCount, seed: options.seed, progress: progress)
        return TermsReport(glossary: glossary, sentencePairs: count, notes: [note])
    }

    /// Learns the glossary of `pairs` (in corpus order) and writes it; `pairs` is emptied once its units are made,
    /// so that a million pairs are not held twice while learning.
    private static func learn(
        _ pairs: inout [TermsPair], sourceLanguage: LanguageTag, targetLanguage: LanguageTag, format: TermsOptions.Format,
        output: String, title: String, limit: Int?, minCount: Int, seed seedPath: String?, threads: Int? = nil,
        progress: (String) -> Void
    ) throws -> Glossary {
        var seed: Glossary?
        if let path = seedPath {
            seed = try readSeed(path: path, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
            progress("seed glossary \(path): \(seed?.entries.count ?? 0) entries")
        }
        let units = pairs.map {
            TranslationUnit(id: "", source: $0.source, target: $0.target, sourceLanguage: sourceLanguage,
                            targetLanguage: targetLanguage)
        }
        pairs = []
        let learner = TermLearner(
            sourceLanguage: sourceLanguage, targetLanguage: targetLanguage,
            options: TermLearnerOptions(minCount: minCount, limit: limit, seedGlossary: seed))
        // The glossary is the same on any number of threads; without a count (merge), the learner's default.
        let glossary = threads.map { learner.learn(from: units, threads: $0) } ?? learner.learn(from: units)
        progress("learned \(glossary.entries.count) entries from \(units.count) sentence pairs "
            + "(\(sourceLanguage) → \(targetLanguage))")
        switch format {
        case .json:
            try AtomicFileWriter.write(json(glossary), to: output)
        case .glossary(let format):
            try format.write(glossary, to: output, title: "\(title) (\(sourceLanguage) → \(targetLanguage))")
        }
        return glossary
    }

    // MARK: - Inputs

    /// The units of all inputs, in one language pair: the one given, else the first input's (a TMX header, a
    /// detected document split, or the detected languages of the two columns of a pair file).
    public static func loadUnits(
        _ paths: [String], sourceLanguage: LanguageTag?, targetLanguage: LanguageTag?
    ) throws -> (units: [TranslationUnit], source: LanguageTag, target: LanguageTag, notes: [String]) {
        var source = sourceLanguage
        var target = targetLanguage
        var units: [TranslationUnit] = []
        var notes: [String] = []
        for path in paths {
            let (fileUnits, note) = try Self.units(of: path, sourceLanguage: source, targetLanguage: target)
            notes.append(note)
            if let first = fileUnits.first {
                source = source ?? first.sourceLanguage
                target = target ?? first.targetLanguage
            }
            units += fileUnits
        }
        guard let source, let target else {
            throw InputError("no sentence pairs in the input", file: paths.first)
        }
        if source.hasSameLanguage(as: target) {
            throw InputError("source and target are both \(source); give --source-lang and --target-lang",
                             file: paths.first)
        }
        // Every unit in the one language pair (files after the first follow it).
        for index in units.indices {
            units[index].sourceLanguage = source
            units[index].targetLanguage = target
        }
        return (units, source, target, notes)
    }

    /// The units of one file and a line saying what was read.
    public static func units(
        of path: String, sourceLanguage: LanguageTag?, targetLanguage: LanguageTag?
    ) throws -> (units: [TranslationUnit], note: String) {
        if path.lowercased().hasSuffix(".tmx") {
            let units = try TMXReader.translationUnits(
                path: path, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
            guard let first = units.first else { throw InputError("the TMX file has no units", file: path) }
            return (units, "\(path): TMX, \(units.count) units, \(first.sourceLanguage) → \(first.targetLanguage)")
        }
        let text = try PlainTextReader.text(atPath: path)
        if kind(of: text) == .pairs {
            // Units straight from the lines (a million pairs: no second copy), languages settled afterwards.
            guard let undetermined = LanguageTag("und") else { throw InputError("no language tag", file: path) }
            var units = try readPairs(text, file: path, sourceLanguage: sourceLanguage ?? undetermined,
                                      targetLanguage: targetLanguage ?? undetermined)
            let step = max(1, units.count / 400)
            let sample = stride(from: 0, to: units.count, by: step).prefix(400).map { units[$0] }
            let source2 = try sourceLanguage ?? detect(sample.map(\.source), file: path, side: "source")
            let target2 = try targetLanguage ?? detect(sample.map(\.target), file: path, side: "target")
            if sourceLanguage == nil || targetLanguage == nil {
                for index in units.indices {
                    units[index].sourceLanguage = source2
                    units[index].targetLanguage = target2
                }
            }
            let how = sourceLanguage == nil || targetLanguage == nil ? "detected" : "given"
            return (units, "\(path): \(units.count) pairs, \(source2) → \(target2) (\(how))")
        }
        // A bilingual document: split, segment and align it as `tmkit build` does.
        var documentPath = path
        var temporary: String?
        if path == "-" {
            let file = NSTemporaryDirectory() + "tmkit-terms-\(ProcessInfo.processInfo.processIdentifier).txt"
            try AtomicFileWriter.write(text, to: file)
            documentPath = file
            temporary = file
        }
        defer { if let temporary { try? FileManager.default.removeItem(atPath: temporary) } }
        var options = BuildOptions(input: documentPath)
        options.sourceLanguage = sourceLanguage
        options.targetLanguage = targetLanguage
        options.name = DocumentLoader.documentName(for: path)
        let (document, languageNote): (BilingualDocument, String)
        do {
            (document, languageNote) = try DocumentLoader.load(options)
        } catch let error as LocatedError where temporary != nil {
            // Name standard input, not the temporary copy.
            throw InputError(error.message, file: path, line: error.location?.line)
        }
        let (_, _, alignment) = SentenceStage.align(document)
        let units = UnitBuilder.units(for: document, pairs: alignment.pairs)
        return (units, "\(path): document, \(units.count) aligned sentence pairs (\(languageNote))")
    }

    /// Pairs when at least half of the non-blank lines (of the first 200) hold a tab, else a document.
    public static func kind(of text: String) -> InputKind {
        var lines = 0
        var tabbed = 0
        for line in text.split(separator: "\n") where !line.allSatisfy(\.isWhitespace) {
            lines += 1
            if line.contains("\t") { tabbed += 1 }
            if lines >= 200 { break }
        }
        return lines > 0 && tabbed * 2 >= lines ? .pairs : .document
    }

    /// Reads `source<TAB>target` lines (further columns are ignored, blank lines skipped) as units in the given
    /// languages; a unit's id is its line number.
    public static func readPairs(
        _ text: String, file: String, sourceLanguage: LanguageTag, targetLanguage: LanguageTag
    ) throws(InputError) -> [TranslationUnit] {
        var units: [TranslationUnit] = []
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = line.hasSuffix("\r") ? line.dropLast() : line
            if trimmed.allSatisfy(\.isWhitespace) { continue }
            guard let tab = trimmed.firstIndex(of: "\t") else {
                throw InputError("expected source<TAB>target, found no tab", file: file, line: lineNumber)
            }
            let rest = trimmed[trimmed.index(after: tab)...]
            let target = rest.firstIndex(of: "\t").map { rest[..<$0] } ?? rest
            units.append(TranslationUnit(id: String(lineNumber), source: String(trimmed[..<tab]),
                                         target: String(target), sourceLanguage: sourceLanguage,
                                         targetLanguage: targetLanguage))
        }
        return units
    }

    /// The language of one column, from a sample of its lines spread over the file.
    static func detect(_ texts: [String], file: String, side: String) throws -> LanguageTag {
        guard let guess = LanguageIdentifier().identify(texts.joined(separator: "\n")) else {
            throw InputError("cannot tell the \(side) language; give it with --\(side)-lang", file: file)
        }
        return guess.language
    }

    // MARK: - Seed glossary

    /// A user's glossary (TBX, CSV with a language header, or TSV `source<TAB>target`), turned to the direction of
    /// the input when its languages are the other way round.
    public static func readSeed(path: String, sourceLanguage: LanguageTag, targetLanguage: LanguageTag) throws
        -> Glossary
    {
        let lowered = path.lowercased()
        var glossary: Glossary
        if lowered.hasSuffix(".tbx") {
            glossary = try TBXReader.read(path: path)
        } else {
            let text = try PlainTextReader.text(atPath: path)
            let delimiter = lowered.hasSuffix(".csv") ? DelimitedTextGlossaryReader.csvDelimiter(text) : "\t"
            glossary = try DelimitedTextGlossaryReader(
                delimiter: delimiter, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage
            ).read(text, file: path)
        }
        if glossary.sourceLanguage.hasSameLanguage(as: targetLanguage)
            && glossary.targetLanguage.hasSameLanguage(as: sourceLanguage)
        {
            glossary.entries = glossary.entries.map { entry in
                var turned = entry
                turned.sourceTerms = entry.targetTerms
                turned.targetTerms = entry.sourceTerms
                if let example = entry.example { turned.example = (example.target, example.source) }
                return turned
            }
        } else if !glossary.sourceLanguage.hasSameLanguage(as: sourceLanguage)
            || !glossary.targetLanguage.hasSameLanguage(as: targetLanguage)
        {
            throw InputError("the seed glossary is \(glossary.sourceLanguage) → \(glossary.targetLanguage), "
                + "the input \(sourceLanguage) → \(targetLanguage)", file: path)
        }
        glossary.sourceLanguage = sourceLanguage
        glossary.targetLanguage = targetLanguage
        return glossary
    }

    // MARK: - JSON

    /// The glossary as JSON: one object per entry, keys in a fixed order, so that output can be a gold file.
    public static func json(_ glossary: Glossary) -> String {
        func string(_ text: String) -> String {
            JSONString.quoted(text)
        }
        func terms(_ list: [Term]) -> String {
            "[" + list.map { term in
                "{\"text\": \(string(term.text)), \"variants\": [" + term.variants.map(string).joined(separator: ", ")
                    + "]}"
            }.joined(separator: ", ") + "]"
        }
        var lines: [String] = []
        lines.append("{")
        lines.append("  \"sourceLanguage\": \(string(glossary.sourceLanguage.description)),")
        lines.append("  \"targetLanguage\": \(string(glossary.targetLanguage.description)),")
        lines.append("  \"entries\": [")
        for (index, entry) in glossary.entries.enumerated() {
            var fields = [
                "\"id\": \(string(entry.id))",
                "\"source\": \(terms(entry.sourceTerms))",
                "\"target\": \(terms(entry.targetTerms))",
                "\"frequency\": \(entry.frequency)",
                "\"confidence\": \(String(format: "%.3f", entry.confidence))",
            ]
            if let example = entry.example {
                fields.append("\"example\": {\"source\": \(string(example.source)), \"target\": \(string(example.target))}")
            }
            if let note = entry.note { fields.append("\"note\": \(string(note))") }
            let comma = index + 1 < glossary.entries.count ? "," : ""
            lines.append("    {" + fields.joined(separator: ", ") + "}" + comma)
        }
        lines.append("  ]")
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }
}
