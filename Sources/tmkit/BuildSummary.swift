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
