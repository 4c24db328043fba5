import TMAlign
import TMCore
import TMFormats
import TMTerms

/// `tmkit build`: read a bilingual document, align it, learn its glossary, write TMX and glossary files.
public enum BuildPipeline {
    /// Runs the whole job. Everything is computed before the first file is written, and each file is written to a
    /// temporary name and renamed, so a failure leaves no partial output.
    public static func run(
        _ options: BuildOptions, progress: @Sendable (String) -> Void = { _ in }
    ) throws -> BuildReport {
        let (document, languageNote) = try DocumentLoader.load(options)
        progress("read \(document.name): \(document.sourceParagraphs.count) \(document.sourceLanguage) and "
            + "\(document.targetParagraphs.count) \(document.targetLanguage) paragraphs (\(languageNote))")

        let (sourceSentences, targetSentences, alignment) = SentenceStage.align(document)
        let units = UnitBuilder.units(for: document, pairs: alignment.pairs)
        progress("aligned \(units.count) sentence pairs")

        let glossary = TermLearner(
            sourceLanguage: document.sourceLanguage, targetLanguage: document.targetLanguage
        ).learn(from: units)
        progress("learned \(glossary.entries.count) glossary entries")

        var outputs: [String] = []
        let tmxPath = join(options.tmxDirectory, "\(document.name).tmx")
        var writer = try TMXWriter(
            path: tmxPath,
            header: TMXHeader(sourceLanguage: document.sourceLanguage, creationToolVersion: TMKitVersion.current))
        for unit in units { try writer.write(unit) }
        try writer.finish()
        outputs.append(tmxPath)
        for format in options.glossaryFormats {
            let path = join(options.glossaryDirectory, "\(document.name).\(format.fileExtension)")
            try format.write(glossary, to: path, title: "\(document.name) (\(document.sourceLanguage) → \(document.targetLanguage))")
            outputs.append(path)
        }

        let unmatched = alignment.sentenceBeads.filter { $0.source.isEmpty || $0.target.isEmpty }
            .reduce(0) { $0 + $1.source.count + $1.target.count }
        return BuildReport(
            document: document.name,
            sourceLanguage: document.sourceLanguage,
            targetLanguage: document.targetLanguage,
            languageNote: languageNote,
            sourceParagraphs: document.sourceParagraphs.count,
            targetParagraphs: document.targetParagraphs.count,
            sourceSentences: sourceSentences.reduce(0) { $0 + $1.count },
            targetSentences: targetSentences.reduce(0) { $0 + $1.count },
            sentencePairs: units.count,
            lowConfidencePairs: units.filter { ($0.confidence ?? 1) < options.lowConfidenceThreshold }.count,
            unmatchedSentences: unmatched,
            glossaryEntries: glossary.entries.count,
            outputs: outputs)
    }

    static func join(_ directory: String, _ file: String) -> String {
        if directory.isEmpty || directory == "." { return file }
        return directory.hasSuffix("/") ? directory + file : directory + "/" + file
    }
}
