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
