import Foundation
import TMCore

/// The character n-gram profiles of every language the identifier knows, read once from
/// `Resources/langid/<lang>.txt` (built by `Scripts/build-langid-profiles.py`).
///
/// A profile file has `# key: value` header lines (`language`, `script`, `totals`: the number of n-grams of each
/// order in the training text) and then one `n-gram<TAB>count` line per kept n-gram. Log probabilities of all
/// languages are stored in one flat table, a row per n-gram, so scoring a text costs one hash lookup per n-gram.
struct LanguageProfileSet: Sendable {
    struct Profile: Sendable {
        let language: LanguageTag
        let script: WritingScript
        /// Log probability given to an n-gram the profile does not list, per order (index 0 = unigrams):
        /// half the probability of the rarest n-gram kept.
        let floor: [Float]
    }

    let profiles: [Profile]
    private let rowOfKey: [UInt64: Int]
    /// `rows × profiles.count` log probabilities; `nan` where a profile does not list the n-gram.
    private let table: [Float]

    /// The profiles shipped in the module's resources, loaded on first use.
    static let bundled = LanguageProfileSet(files: bundledFiles())

    init(files: [String]) {
        var profiles: [Profile] = []
        var counts: [[UInt64: Double]] = []
        for text in files {
            guard let (profile, grams) = Self.parse(text) else { continue }
            profiles.append(profile)
            counts.append(grams)
        }
        var rowOfKey: [UInt64: Int] = [:]
        for grams in counts {
            for key in grams.keys where rowOfKey[key] == nil { rowOfKey[key] = rowOfKey.count }
        }
        var table = [Float](repeating: .nan, count: rowOfKey.count * profiles.count)
        for (column, grams) in counts.enumerated() {
            for (key, logProbability) in grams {
                if let row = rowOfKey[key] { table[row * profiles.count + column] = Float(logProbability) }
            }
        }
        self.profiles = profiles
        self.rowOfKey = rowOfKey
        self.table = table
    }

    /// Index of the profile for a tag's language subtag (`en-US` finds `en`).
    func index(of tag: LanguageTag) -> Int? {
        profiles.firstIndex { $0.language.language == tag.language }
    }

    /// Sums of log probabilities of the text's n-grams under each listed profile, and the number of n-grams.
    func logLikelihoods(of text: String, profiles columns: [Int]) -> (scores: [Double], ngramCount: Int) {
        var scores = [Double](repeating: 0, count: columns.count)
        var count = 0
        let width = profiles.count
        NGramExtractor.forEachNGram(in: text) { key, order in
            count += 1
            let row = rowOfKey[key]
            for (slot, column) in columns.enumerated() {
                var value = Float.nan
                if let row { value = table[row * width + column] }
                if value.isNaN { value = profiles[column].floor[order - 1] }
                scores[slot] += Double(value)
            }
        }
        return (scores, count)
    }

    private static func parse(_ text: String) -> (Profile, [UInt64: Double])? {
        var header: [String: String] = [:]
        var raw: [(UInt64, Int, Double)] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("# ") {
                let body = line.dropFirst(2)
                if let colon = body.firstIndex(of: ":") {
                    header[String(body[..<colon])] = body[body.index(after: colon)...]
                        .trimmingCharacters(in: .whitespaces)
                }
                continue
            }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 2, let count = Double(fields[1]), count > 0,
                  let key = NGramExtractor.key(of: fields[0])
            else { continue }
            raw.append((key, fields[0].unicodeScalars.count, count))
        }
        guard let tagText = header["language"], let language = LanguageTag(tagText),
              let scriptCode = header["script"], let script = WritingScript(rawValue: scriptCode),
              let totalsText = header["totals"]
        else { return nil }
        let totals = totalsText.split(separator: " ").compactMap { Double($0) }
        guard totals.count == NGramExtractor.maxOrder, totals.allSatisfy({ $0 > 0 }) else { return nil }
        var rarest = [Double](repeating: .infinity, count: NGramExtractor.maxOrder)
        var grams: [UInt64: Double] = [:]
        for (key, order, count) in raw {
            grams[key] = log(count / totals[order - 1])
            rarest[order - 1] = min(rarest[order - 1], count)
        }
        let floor = (0..<NGramExtractor.maxOrder).map { order in
            Float(log(0.5 * (rarest[order].isFinite ? rarest[order] : 1) / totals[order]))
        }
        return (Profile(language: language, script: script, floor: floor), grams)
    }

    private static func bundledFiles() -> [String] {
        guard let folder = Bundle.module.url(forResource: "langid", withExtension: nil, subdirectory: "Resources"),
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
        else { return [] }
        return names.filter { $0.hasSuffix(".txt") }.sorted().compactMap { name in
            try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        }
    }
}
