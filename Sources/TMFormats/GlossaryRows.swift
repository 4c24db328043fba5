import TMCore

/// The (source, target, comment) rows of a glossary in a flat format: one row per source term, paired with the
/// target term of the same kind (acronym with acronym, long form with long form), else with the first target term.
/// Terms have their whitespace normalised; comments are kept as they are (each format escapes them its own way).
enum GlossaryRows {
    struct Row: Hashable {
        var source: String
        var target: String
        var comment: String
    }

    static func rows(_ glossary: Glossary) -> [Row] {
        var rows: [Row] = []
        for entry in glossary.entries where !entry.sourceTerms.isEmpty && !entry.targetTerms.isEmpty {
            for source in entry.sourceTerms {
                let kind = TermType.guess(source, among: entry.sourceTerms)
                let target = entry.targetTerms.first { kind != nil && TermType.guess($0, among: entry.targetTerms) == kind }
                    ?? entry.targetTerms[0]
                rows.append(Row(source: XMLText.segmentText(source.text), target: XMLText.segmentText(target.text),
                                comment: entry.note ?? ""))
            }
        }
        return rows
    }
}
