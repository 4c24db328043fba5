import Foundation
import TMKit

/// The short summary `tmkit build` prints on stdout.
enum BuildSummary {
    static func text(for report: BuildReport) -> String {
        var lines = [
            "\(report.document): \(report.sourceLanguage) → \(report.targetLanguage) (\(report.languageNote))",
            "  paragraphs   \(report.sourceParagraphs) \(report.sourceLanguage), \(report.targetParagraphs) \(report.targetLanguage)",
            "  sentences    \(report.sourceSentences) \(report.sourceLanguage), \(report.targetSentences) \(report.targetLanguage)",
            "  pairs        \(report.sentencePairs) (\(report.lowConfidencePairs) low-confidence, \(report.unmatchedSentences) sentences unmatched)",
            "  glossary     \(report.glossaryEntries) entries",
        ]
        lines += report.outputs.map { "  wrote        \($0)" }
        return lines.joined(separator: "\n")
    }
}

extension BuildSummary {
    /// The summary of a corpus build: the same lines as for one document, plus the documents built and skipped.
    static func text(for report: CorpusReport) -> String {
        let source = report.sourceLanguage
        let target = report.targetLanguage
        var documents = "  documents    \(report.documents) built"
        if report.skippedTotal > 0 {
            let reasons = report.skipped.sorted { $0.key.rawValue < $1.key.rawValue }
                .map { "\($0.value) \($0.key.rawValue)" }.joined(separator: ", ")
            documents += ", \(report.skippedTotal) skipped (\(reasons))"
        }
        if let shard = report.shard {
            documents += "; shard \(shard), \(report.otherShards) in other shards"
        }
        var glossary = "  glossary     \(report.glossaryEntries) entries"
        if report.glossarySamplePairs < report.sentencePairs {
            glossary += " (learned from a sample of \(report.glossarySamplePairs) pairs)"
        }
        var lines = [
            "\(report.name): \(source) → \(target) (\(report.languageNote))",
            documents,
            "  paragraphs   \(report.sourceParagraphs) \(source), \(report.targetParagraphs) \(target)",
            "  sentences    \(report.sourceSentences) \(source), \(report.targetSentences) \(target)",
            "  pairs        \(report.sentencePairs) (\(report.lowConfidencePairs) low-confidence, \(report.unmatchedSentences) sentences unmatched)",
            glossary,
        ]
        lines += report.outputs.map { "  wrote        \($0)" }
        return lines.joined(separator: "\n")
    }
}

extension BuildSummary {
    /// `--timings`: CPU seconds per stage (summed over the jobs) and wall seconds of the two phases, on one line:
    /// `timings: documents 5.9 CPU s in 3.1 s (read 0.2, segment 1.1, align 4.3, units 0.1, write TMX 0.2); …`
    static func timings(for report: CorpusReport) -> String {
        let t = report.timings
        let f = { (value: Double) in String(format: "%.1f", value) }
        var text = "timings: documents \(f(t.documentsCPU)) CPU s in \(f(t.documentsWall)) s (read \(f(t.reading)), "
            + "segment \(f(t.segmentation)), align \(f(t.alignment)), units \(f(t.units)), write TMX \(f(t.writing)))"
        if report.lexiconEntries > 0 {
            text += "; alignment lexicon \(report.lexiconEntries) entries from the first \(report.lexiconDocuments) "
                + "documents (\(report.lexiconPairs) pairs)"
        }
        if report.glossarySamplePairs > 0 || t.glossaryWall > 0 {
            text += "; glossary \(f(t.termLearning + t.glossaryWriting)) CPU s in \(f(t.glossaryWall)) s "
                + (t.glossaryOverlapsDocuments ? "alongside the documents " : "")
                + "(learn from \(report.glossarySamplePairs) pairs \(f(t.termLearning)), write \(f(t.glossaryWriting)))"
        }
        return text + "; process \(f(t.processCPU)) CPU s"
    }
}
