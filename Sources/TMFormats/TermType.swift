import TMCore

/// TBX `termType` values that tmkit can tell from a term's form.
enum TermType: String {
    case acronym
    case fullForm

    /// `acronym` for a term written in capitals (`KTMT`, `CSTO`, `NATO-nun` is not one); `fullForm` for a
    /// several-word term that shares its entry with an acronym in the same language; nil when unknown.
    static func guess(_ term: Term, among terms: [Term]) -> TermType? {
        if isAcronym(term.text) { return .acronym }
        if term.text.contains(" "), terms.contains(where: { isAcronym($0.text) }) { return .fullForm }
        return nil
    }

    static func isAcronym(_ text: String) -> Bool {
        let letters = text.unicodeScalars.filter { $0.properties.isAlphabetic }
        guard letters.count >= 2, letters.count <= 10, !text.contains(" ") else { return false }
        return letters.allSatisfy { $0.properties.isUppercase }
    }
}
