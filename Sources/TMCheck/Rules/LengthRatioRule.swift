import TMCore

/// `length-ratio`: a target much longer or shorter than its source, compared with the median target/source
/// length ratio of the units of the same language pair checked together (so German's longer words or Chinese's
/// shorter ones set their own expectation).
enum LengthRatioRule {
    static let id = "length-ratio"
    static let defaultSeverity = Severity.warning

    /// The units whose ratio is off: position, source and target lengths, and the expected ratio.
    ///
    /// - Parameters:
    ///   - lengths: per unit, (source length, target length) in scalars without edge whitespace, -1 if blank.
    ///   - pairOf: per unit, the number of its language pair.
    static func outliers(lengths: [(Int32, Int32)], pairOf: [UInt8], options: CheckOptions)
        -> [(position: Int, source: Int, target: Int, expected: Double)]
    {
        var ratiosByPair: [UInt8: [Double]] = [:]
        for (index, (s, t)) in lengths.enumerated() where s >= 10 && t > 0 {
            ratiosByPair[pairOf[index], default: []].append(Double(t) / Double(s))
        }
        var medians: [UInt8: Double] = [:]
        for (key, var ratios) in ratiosByPair where ratios.count >= 20 {
            ratios.sort()
            medians[key] = ratios[ratios.count / 2]
        }
        var result: [(position: Int, source: Int, target: Int, expected: Double)] = []
        let factor = options.lengthRatioFactor
        for (index, (s32, t32)) in lengths.enumerated() {
            let s = Int(s32)
            let t = Int(t32)
            guard s > 0, t > 0, max(s, t) >= options.lengthRatioMinimumLength else { continue }
            let expected = medians[pairOf[index]] ?? 1.0
            let ratio = Double(t) / Double(s)
            guard ratio > expected * factor || ratio < expected / factor else { continue }
            result.append((index, s, t, expected))
        }
        return result
    }

    static func finding(unit: TranslationUnit, source s: Int, target t: Int, expected: Double) -> Finding {
        let ratio = Double(t) / Double(s)
        let shown = (ratio * 100).rounded() / 100
        let expectedShown = (expected * 100).rounded() / 100
        let message = "the target is \(ratio > expected ? "much longer" : "much shorter") than the source "
            + "(\(t) vs \(s) characters, ratio \(shown), expected about \(expectedShown))"
        return Finding(rule: id, severity: defaultSeverity, units: [unit.id], message: message,
                       source: unit.source, target: unit.target)
    }

    static func pairKey(_ unit: TranslationUnit) -> String {
        unit.sourceLanguage.language + ">" + unit.targetLanguage.language
    }
}
