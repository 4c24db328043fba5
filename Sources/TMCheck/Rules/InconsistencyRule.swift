import TMCore

/// `inconsistent-target` and `inconsistent-source`: the same source translated differently, or the same
/// target used for different sources, across every input file checked together.
///
/// Works on 64-bit hashes of the consistency keys (`ConsistencyKey`) collected while the unit rules run: its
/// memory is one hash pair per unit and one entry per distinct key. (Two different keys with the same 64-bit
/// hash would be taken for one: about one chance in 10¹⁰ for a million distinct segments.)
struct InconsistencyRule: Sendable {
    /// `inconsistent-target` groups by source; `inconsistent-source` groups by target.
    let id: String
    let defaultSeverity = Severity.warning
    let bySource: Bool

    static let target = InconsistencyRule(id: "inconsistent-target", bySource: true)
    static let source = InconsistencyRule(id: "inconsistent-source", bySource: false)

    /// The inconsistent groups: for each, its variants in order of first appearance, each variant the ascending
    /// positions of its units. Groups come in order of their first unit.
    ///
    /// - Parameter keys: per unit, its (source key hash, target key hash), (0, 0) for units left out.
    func groups(_ keys: [(UInt64, UInt64)]) -> [[[Int]]] {
        // First pass: per key, its first variant and whether a second one exists (compact: one entry per key).
        var firstVariant: [UInt64: (variant: UInt64, mixed: Bool)] = [:]
        for (sourceKey, targetKey) in keys {
            if sourceKey == 0 { continue }
            let key = bySource ? sourceKey : targetKey
            let variant = bySource ? targetKey : sourceKey
            if key == ConsistencyKey.emptyHash { continue }
            if let seen = firstVariant[key] {
                if !seen.mixed, seen.variant != variant { firstVariant[key] = (seen.variant, true) }
            } else {
                firstVariant[key] = (variant, false)
            }
        }
        // Second pass: only the mixed keys get their variants and units listed.
        var groupOf: [UInt64: Int] = [:]
        var groups: [[(variant: UInt64, units: [Int])]] = []
        for (index, (sourceKey, targetKey)) in keys.enumerated() {
            if sourceKey == 0 { continue }
            let key = bySource ? sourceKey : targetKey
            guard let seen = firstVariant[key], seen.mixed else { continue }
            let variant = bySource ? targetKey : sourceKey
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
        return groups.map { $0.map(\.units) }
    }

    /// The finding for one group; `unit` gives the unit at a position (every position of the group), `id` just
    /// its id.
    func finding(variants: [[Int]], unit: (Int) -> TranslationUnit, id unitID: (Int) -> String) -> Finding {
        let allUnits = variants.flatMap { $0 }.sorted()
        let shown = variants.prefix(5).map { positions -> String in
            let first = unit(positions[0])
            let text = bySource ? first.target : first.source
            let ids = positions.prefix(5).map(unitID).joined(separator: ", ")
                + (positions.count > 5 ? ", …" : "")
            return quoted(text) + " (unit" + (positions.count > 1 ? "s " : " ") + ids + ")"
        }
        let message = (bySource
            ? "the same source is translated \(variants.count) ways: "
            : "the same target translates \(variants.count) different sources: ")
            + shown.joined(separator: "; ") + (variants.count > 5 ? "; …" : "")
        // The finding shows the first variant; the message lists the others.
        let first = unit(variants[0][0])
        let second = unit(variants[1][0])
        return Finding(
            rule: id, severity: defaultSeverity, units: allUnits.map(unitID), message: message,
            source: bySource ? first.source : second.source,
            target: bySource ? second.target : first.target)
    }
}
