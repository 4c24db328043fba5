import TMAlign
import TMCore
import TMFormats

/// What one document of a corpus gives: its units, ready to write, and its counts.
struct CorpusDocumentResult: Sendable {
    var units: [TranslationUnit]
    var sourceParagraphs: Int
    var targetParagraphs: Int
    var sourceSentences: Int
    var targetSentences: Int
    var unmatchedSentences: Int
    /// CPU seconds of each stage for this document.
    var timings = CorpusTimings()
    /// The alignment itself, kept for the documents the corpus's alignment lexicon is learned from.
    var alignment: DocumentAlignment?
}

/// Reads, segments and aligns one document of a corpus. Runs on any task: it holds only values.
struct CorpusWorker: Sendable {
    /// The corpus's language pair (every document is turned to face it).
    var sourceLanguage: LanguageTag
    var targetLanguage: LanguageTag
    /// The languages the options force on bilingual files (as for a single document).
    var forcedSource: LanguageTag?
    var forcedTarget: LanguageTag?

    /// Builds the document `entry`: aligned with the corpus's `lexicon` in one pass when there is one, else with a
    /// lexicon of its own; `keepsAlignment` returns the alignment too.
    func process(
        _ entry: CorpusDocument, lexicon: AlignmentLexicon? = nil, keepsAlignment: Bool = false
    ) -> Result<CorpusDocumentResult, CorpusIssue> {
        var timings = CorpusTimings()
        var mark = CorpusTimings.threadCPU()
        func lap() -> Double {
            let now = CorpusTimings.threadCPU()
            defer { mark = now }
            return now - mark
        }
        let document: BilingualDocument
        do {
            guard let loaded = try load(entry) else {
                return .failure(CorpusIssue(
                    .otherLanguages, "the languages are not the corpus's (\(sourceLanguage)–\(targetLanguage))",
                    location: .init(file: entry.primaryPath)))
            }
            document = loaded
        } catch {
            return .failure(CorpusIssue(reading: entry, error: error))
        }
        timings.reading = lap()
        let source = SentenceStage.segment(document.sourceParagraphs, language: document.sourceLanguage)
        let target = SentenceStage.segment(document.targetParagraphs, language: document.targetLanguage)
        timings.segmentation = lap()
        let alignment = SentenceStage.align(document, source: source, target: target, lexicon: lexicon)
        timings.alignment = lap()
        let units = UnitBuilder.units(for: document, pairs: alignment.pairs, idPrefix: entry.name + ":")
        let unmatched = alignment.sentenceBeads.filter { $0.source.isEmpty || $0.target.isEmpty }
            .reduce(0) { $0 + $1.source.count + $1.target.count }
        var result = CorpusDocumentResult(
            units: units,
            sourceParagraphs: document.sourceParagraphs.count, targetParagraphs: document.targetParagraphs.count,
            sourceSentences: source.reduce(0) { $0 + $1.count }, targetSentences: target.reduce(0) { $0 + $1.count },
            unmatchedSentences: unmatched)
        timings.units = lap()
        result.timings = timings
        if keepsAlignment { result.alignment = alignment }
        return .success(result)
    }

    /// `PlainTextReader.paragraphs(atPath:)`, split over Unicode scalars (`AlignPipeline.splitParagraphs`) rather
    /// than Characters, which took half of the reading. The two differ only where a white-space scalar and a
    /// combining scalar (U+0300 or above) make one character at the start of a line; such text is split by
    /// Characters.
    static func paragraphs(atPath path: String) throws -> [Paragraph] {
        let text = try PlainTextReader.text(atPath: path)
        var previousIsWhite = false
        var splitsByCharacter = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if previousIsWhite && value >= 0x300 {
                splitsByCharacter = true
                break
            }
            previousIsWhite = value < 0x80 ? value == 0x20 || (value >= 0x09 && value <= 0x0D)
                : value >= 0x85 && scalar.properties.isWhitespace
        }
        let result = splitsByCharacter ? PlainTextReader.paragraphs(in: text) : AlignPipeline.splitParagraphs(text)
        if result.isEmpty { throw PlainTextError("the file holds only white space", file: path) }
        return result
    }

    /// The document facing the corpus's direction; nil when it is in another language pair.
    func load(_ entry: CorpusDocument) throws -> BilingualDocument? {
        switch entry.source {
        case .pair(let sourcePath, let targetPath, let sourceLanguage, let targetLanguage):
            return BilingualDocument(
                name: entry.name, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage,
                sourceParagraphs: try Self.paragraphs(atPath: sourcePath),
                targetParagraphs: try Self.paragraphs(atPath: targetPath),
                sourcePath: sourcePath, targetPath: targetPath)
        case .bilingual(let path):
            var options = BuildOptions(input: path)
            options.name = entry.name
            options.sourceLanguage = forcedSource
            options.targetLanguage = forcedTarget
            var document = try DocumentLoader.load(options).document
            if document.sourceLanguage.hasSameLanguage(as: sourceLanguage)
                && document.targetLanguage.hasSameLanguage(as: targetLanguage) {
                // Same pair: the corpus's tags, so that the TMX names one pair.
            } else if document.sourceLanguage.hasSameLanguage(as: targetLanguage)
                && document.targetLanguage.hasSameLanguage(as: sourceLanguage) {
                swap(&document.sourceParagraphs, &document.targetParagraphs)
            } else {
                return nil
            }
            document.sourceLanguage = sourceLanguage
            document.targetLanguage = targetLanguage
            return document
        }
    }
}
