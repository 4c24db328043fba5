import Foundation
import TMCore

/// A guess at the language of a text.
public struct LanguageGuess: Hashable, Sendable {
    public var language: LanguageTag
    /// From 0 (no idea) to 1 (certain).
    public var confidence: Double

    public init(language: LanguageTag, confidence: Double) {
        self.language = language
        self.confidence = confidence
    }
}

/// Identifies the language of a paragraph from its letters.
///
/// Three layers of evidence, cheapest first:
/// 1. the script of the letters (Unicode blocks: Armenian, Ethiopic, Myanmar… each decide alone; kana mean
///    Japanese rather than Chinese), which narrows the candidates to the languages written in that script;
/// 2. the letters themselves: every profile lists all letters of its training text, so a letter a language does
///    not use (`ə` for Turkish, `қ` for Russian, `ñ` for Italian) costs that language dearly;
/// 3. character n-grams (1 to 3 letters, with word boundaries) scored naive-Bayes style against one frequency
///    profile per language, kept as data in `Resources/langid/` (see `PROVENANCE.md` there).
///
///     let identifier = LanguageIdentifier()
///     identifier.identify("Biz qayığın yellənməsinə icazə verməyəcəyik")?.language  // az
///     identifier.identify("Ich bin müde", among: [LanguageTag("en")!, LanguageTag("de")!])?.language  // de
///
/// Paragraph-length text is identified reliably; a few words give a guess with a lower confidence.
/// The profiles are loaded once, on first use, and shared by every instance.
public struct LanguageIdentifier: Sendable {
    /// How many n-grams count as independent evidence when turning scores into a confidence. Naive Bayes treats
    /// overlapping n-grams as independent and would be certain after a dozen words; this keeps short texts modest.
    static let evidenceLimit = 40.0

    let profiles: LanguageProfileSet

    public init() {
        profiles = .bundled
    }

    init(profiles: LanguageProfileSet) {
        self.profiles = profiles
    }

    /// The languages that have a profile, in tag order.
    public var supportedLanguages: [LanguageTag] {
        profiles.profiles.map(\.language).sorted()
    }

    /// The most likely language of `text`, or nil when the text has no letters or only letters of scripts
    /// that no profile covers. Letters of another script than the guess's lower its confidence.
    public func identify(_ text: String) -> LanguageGuess? {
        rankedGuesses(for: text, limit: 1).first
    }

    /// The most likely of `candidates` (tags are matched by their language subtag, and the guess carries the
    /// candidate's tag as given, so `en-GB` comes back as `en-GB`). Candidates without a profile are ignored.
    /// When no candidate is written in the text's script, the best of them is returned with a low confidence.
    public func identify(_ text: String, among candidates: [LanguageTag]) -> LanguageGuess? {
        rankedGuesses(for: text, among: candidates, limit: 1).first
    }

    /// Up to `limit` guesses, most likely first; the confidences of all candidates add up to at most 1.
    public func rankedGuesses(for text: String, among candidates: [LanguageTag]? = nil, limit: Int = 5)
        -> [LanguageGuess]
    {
        let shares = Self.scriptShares(of: text)
        guard !shares.isEmpty else { return [] }
        var tagOfColumn: [Int: LanguageTag] = [:]
        if let candidates {
            for tag in candidates {
                if let column = profiles.index(of: tag), tagOfColumn[column] == nil { tagOfColumn[column] = tag }
            }
        } else {
            for (column, profile) in profiles.profiles.enumerated() { tagOfColumn[column] = profile.language }
        }
        let allowed = tagOfColumn.keys.sorted()
        // The candidates are the languages written in the text's main script; when no candidate is, those of
        // the next script (a Tibetan text quoting English gets English, with a low confidence).
        var columns: [Int] = []
        for share in Set(shares.values).sorted(by: >) where columns.isEmpty {
            columns = allowed.filter { abs(scriptShare(of: $0, in: shares) - share) < 1e-9 }
        }
        if columns.isEmpty, candidates != nil { columns = allowed }
        guard !columns.isEmpty else { return [] }
        let evidence = evaluate(text, columns: columns, shares: shares)
        return zip(columns, evidence.posteriors)
            .compactMap { column, posterior -> LanguageGuess? in
                guard let tag = tagOfColumn[column] else { return nil }
                return LanguageGuess(language: tag, confidence: posterior * scriptShare(of: column, in: shares))
            }
            .sorted { $0.confidence != $1.confidence ? $0.confidence > $1.confidence : $0.language < $1.language }
            .prefix(max(0, limit))
            .map { $0 }
    }

    // MARK: Scoring shared with BilingualSplit

    /// The naive-Bayes evidence of one text for a set of profiles.
    struct Evidence {
        /// Log posterior of each column relative to the best (0 for the best, negative for the others), with the
        /// number of n-grams capped at `evidenceLimit`.
        var logPosteriors: [Double]
        var posteriors: [Double]
        var ngramCount: Int
    }

    func evaluate(_ text: String, columns: [Int], shares: [WritingScript: Double]) -> Evidence {
        let (scores, count) = profiles.logLikelihoods(of: text, profiles: columns)
        guard count > 0 else {
            let even = 1 / Double(max(columns.count, 1))
            return Evidence(logPosteriors: columns.map { _ in 0 }, posteriors: columns.map { _ in even }, ngramCount: 0)
        }
        let weight = min(Double(count), Self.evidenceLimit) / Double(count)
        var relative = scores.map { $0 * weight }
        // A language written in another script than the text's letters cannot be it, whatever its n-grams say.
        for (slot, column) in columns.enumerated() {
            let share = scriptShare(of: column, in: shares)
            relative[slot] += share > 0 ? log(share) * Self.evidenceLimit : -Double.infinity
        }
        let best = relative.max() ?? 0
        let logPosteriors = relative.map { best.isFinite ? $0 - best : 0 }
        let total = logPosteriors.reduce(0) { $0 + exp($1) }
        return Evidence(
            logPosteriors: logPosteriors,
            posteriors: logPosteriors.map { exp($0) / max(total, 1) },
            ngramCount: count
        )
    }

    /// The share of the text's letters written in the profile's script (kana and ideographs together count as
    /// Japanese script for the Japanese profile).
    func scriptShare(of column: Int, in shares: [WritingScript: Double]) -> Double {
        let script = profiles.profiles[column].script
        if script == .japaneseKana { return (shares[.japaneseKana] ?? 0) + (shares[.han] ?? 0) }
        return shares[script] ?? 0
    }

    /// The share of each script among the letters of `text`. Kana are counted with the ideographs as Japanese
    /// when they make up a tenth of them; otherwise the ideographs are counted as Chinese.
    static func scriptShares(of text: String) -> [WritingScript: Double] {
        var counts: [WritingScript: Int] = [:]
        var letters = 0
        for scalar in text.unicodeScalars {
            guard let script = WritingScript(of: scalar) else { continue }
            counts[script, default: 0] += 1
            letters += 1
        }
        guard letters > 0 else { return [:] }
        let kana = counts[.japaneseKana] ?? 0, han = counts[.han] ?? 0
        if kana > 0, kana * 10 >= kana + han {
            counts[.japaneseKana] = kana + han
            counts[.han] = nil
        } else if kana > 0 {
            counts[.han] = kana + han
            counts[.japaneseKana] = nil
        }
        return counts.mapValues { Double($0) / Double(letters) }
    }
}
