import TMCore

/// `length-ratio`: a target much longer or shorter than its source, compared with the median target/source
/// length ratio of the units of the same language pair checked together (so German's longer words or Chinese's
/// shorter ones set their own expectation).
struct LengthRatioRule: Sendable {
    let id = "length-ratio"
    let defaultSeverity = Severity.warning

    /// - Parameter lengths: per unit, (source length, target length) in scalars without edge whitespace, or nil.
    func findings(units: [TranslationUnit], lengths: [(Int, Int)?], options: CheckOptions) -> [(Int, Finding)] {
        var ratiosByPair: [String: [Double]] = [:]
        for (index, pair) in lengths.enumerated() {
            guard let (s, t) = pair, s >= 10, t > 0 else { continue }
            let unit = units[index]
            ratiosByPair[Self.pairKey(unit), default: []].append(Double(t) / Double(s))
        }
        var medians: [String: Double] = [:]
        for (key, var ratios) in ratiosByPair where ratios.count >= 20 {
            ratios.sort()
            medians[key] = ratios[ratios.count / 2]
        }
        var result: [(Int, Finding)] = []
        for (index, pair) in lengths.enumerated() {
            guard let (s, t) = pair, s > 0, t > 0, max(s, t) >= options.lengthRatioMinimumLength else { continue }
            let unit = units[index]
            let expected = medians[Self.pairKey(unit)] ?? 1.0
            let ratio = Double(t) / Double(s)
            let factor = options.lengthRatioFactor
            guard ratio > expected * factor || ratio < expected / factor else { continue }
            let shown = (ratio * 100).rounded() / 100
            let expectedShown = (expected * 100).rounded() / 100
            let message = "the target is \(ratio > expected ? "much longer" : "much shorter") than the source "
                + "(\(t) vs \(s) characters, ratio \(shown), expected about \(expectedShown))"
            result.append((index, Finding(rule: id, severity: defaultSeverity, units: [unit.id], message: message,
                                          source: unit.source, target: unit.target)))
        }
        return result
    }

    static func pairKey(_ unit: TranslationUnit) -> String {
        unit.sourceLanguage.language + ">" + unit.targetLanguage.language
    }
}
