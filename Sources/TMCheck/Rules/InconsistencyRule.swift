import TMCore

/// `inconsistent-target` and `inconsistent-source`: the same source translated differently, or the same
/// target used for different sources, across every input file checked together.
///
/// Works on consistency keys (`ConsistencyKey`) collected while the unit rules run; its memory is the index of
/// keys, one entry per distinct segment.
struct InconsistencyRule: Sendable {
    /// `inconsistent-target` groups by source; `inconsistent-source` groups by target.
    let id: String
    let defaultSeverity = Severity.warning
    let bySource: Bool

    static let target = InconsistencyRule(id: "inconsistent-target", bySource: true)
    static let source = InconsistencyRule(id: "inconsistent-source", bySource: false)

    /// - Parameters:
    ///   - keys: per unit, its (source key, target key), or nil for units left out (empty target).
    /// - Returns: findings with the index of the group's first unit, for ordering.
    func findings(units: [TranslationUnit], keys: [(ConsistencyKey.Key, ConsistencyKey.Key)?]) -> [(Int, Finding)] {
        // key → group number; each group: its variants (variant key and unit indices), in order of appearance.
        var groupOf: [ConsistencyKey.Key: Int] = [:]
        var groups: [[(variant: ConsistencyKey.Key, units: [Int])]] = []
        for (index, pair) in keys.enumerated() {
            guard let (sourceKey, targetKey) = pair else { continue }
            let key = bySource ? sourceKey : targetKey
            let variant = bySource ? targetKey : sourceKey
            if key.isEmpty { continue }
            if let g = groupOf[key] {
                if let k = groups[g].firstIndex(where: { $0.variant == variant }) {
                    groups[g][k].units.append(index)
                } else {
                    groups[g].append((variant, [index]))
                }
            } else {
                groupOf[key] = groups.count
                groups.append([(variant, [index])])
            }
        }
        var result: [(Int, Finding)] = []
        for variants in groups {
            guard variants.count > 1 else { continue }
            let first = variants[0].units[0]
            let allUnits = variants.flatMap(\.units).sorted()
            let shown = variants.prefix(5).map { variant -> String in
                let unit = units[variant.units[0]]
                let text = bySource ? unit.target : unit.source
                let ids = variant.units.prefix(5).map { units[$0].id }.joined(separator: ", ")
                    + (variant.units.count > 5 ? ", …" : "")
                return quoted(text) + " (unit" + (variant.units.count > 1 ? "s " : " ") + ids + ")"
            }
            let message = (bySource
                ? "the same source is translated \(variants.count) ways: "
                : "the same target translates \(variants.count) different sources: ")
                + shown.joined(separator: "; ") + (variants.count > 5 ? "; …" : "")
            // The finding shows the first variant; the message lists the others.
            let unit = units[first]
            let second = units[variants[1].units[0]]
            result.append((first, Finding(
                rule: id, severity: defaultSeverity, units: allUnits.map { units[$0].id }, message: message,
                source: bySource ? unit.source : second.source,
                target: bySource ? second.target : unit.target)))
        }
        return result
    }
}
