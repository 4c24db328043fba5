import TMCore

/// `initial-case`: the source starts with a capital letter and the target with a small one, or the reverse.
///
/// Only when both sides start with a letter of a cased script; German capitalises nouns, so a small source
/// letter may become a capital there.
struct InitialCaseRule: UnitRule {
    let id = "initial-case"
    let defaultSeverity = Severity.warning

    func check(_ unit: UnitAnalysis, context: CheckContext, into findings: inout [Finding]) {
        guard let (sc, _) = Self.firstLetter(unit.source), let (tc, ti) = Self.firstLetter(unit.target) else {
            return
        }
        let sUpper = ScalarTraits.isUppercase(sc)
        let sLower = ScalarTraits.isLowercase(sc)
        let tUpper = ScalarTraits.isUppercase(tc)
        let tLower = ScalarTraits.isLowercase(tc)
        let message: String
        if sUpper && tLower {
            message = "the source starts with a capital letter, the target with a small one"
        } else if sLower && tUpper && !["de", "lb"].contains(unit.target.language) {
            message = "the source starts with a small letter, the target with a capital"
        } else {
            return
        }
        findings.append(finding(unit, message, spans: [Span(side: .target, range: ti..<(ti + 1))]))
    }

    /// What may come before a sentence's first letter: `"'“„«‘¿¡([-–—*•`.
    @inline(__always)
    static func isOpening(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "\"", "'", "“", "„", "«", "‘", "¿", "¡", "(", "[", "-", "–", "—", "*", "•": true
        default: false
        }
    }

    /// The first scalar of the first word, if the segment starts (after spaces, quotes and opening brackets)
    /// with a letter rather than a number or an inline code.
    static func firstLetter(_ segment: Segment) -> (Unicode.Scalar, Int)? {
        let s = segment.scalars
        var i = 0
        while i < s.count, ScalarTraits.isWhitespace(s[i]) || Self.isOpening(s[i]) {
            i += 1
        }
        guard i < s.count else { return nil }
        let c = s[i]
        guard ScalarTraits.isLetter(c), ScalarTraits.isUppercase(c) || ScalarTraits.isLowercase(c) else {
            return nil
        }
        // A placeholder, tag or URL is not the start of a sentence.
        if let code = segment.codes.first(where: { $0.range.upperBound > i }), code.range.lowerBound <= i {
            return nil
        }
        return (c, i)
    }
}
