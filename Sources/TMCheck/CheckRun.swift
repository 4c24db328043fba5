import Dispatch
import TMCore

/// A check over a stream of units, fed in chunks, with memory bounded by a compact index rather than by the
/// units or the report.
///
///     let run = CheckRun(checker: checker, glossary: glossary)
///     for chunk in chunks { report(run.check(chunk)) }        // unit findings, in input order
///     report(try run.finish { positions, receive in … })        // corpus findings, after the whole input
///
/// `check` runs the unit rules (and custom rules) on a chunk in parallel and returns their findings at once, in
/// input order (per unit in `Checker.ruleIDs` order, custom rules after). For the corpus rules it keeps, per
/// unit, only two 64-bit hashes of the consistency keys, two lengths and a language-pair number (25 bytes).
/// `finish` then finds the inconsistent groups and the length outliers on that index and asks for the units
/// the findings name (a second read of the input), keeping the ids of all of them but the texts only of those
/// shown, and returns the corpus findings ordered by their first unit, then by rule.
public final class CheckRun {
    public let checker: Checker
    let rules: [any UnitRule]
    let context: CheckContext
    let wantsConsistency: Bool
    let wantsLength: Bool
    let enabled: Set<String>
    /// Per unit: hashes of the source and target consistency keys; 0 for a unit left out (blank target).
    private(set) var keyHashes: [(UInt64, UInt64)] = []
    /// Per unit: source and target length in scalars without edge whitespace, -1 for a blank side.
    private(set) var lengths: [(Int32, Int32)] = []
    /// Per unit: its language pair, an index into `pairs`.
    private(set) var pairOf: [UInt8] = []
    private(set) var pairs: [String] = []
    /// Units checked so far.
    public private(set) var unitCount = 0
    /// Workers per chunk.
    let workers: Int

    public init(checker: Checker = Checker(), glossary: Glossary? = nil) {
        self.checker = checker
        let enabled = checker.configuration.enabledRules ?? Set(Checker.ruleIDs)
        self.enabled = enabled
        rules = Checker.unitRules.filter { enabled.contains($0.id) }
        context = CheckContext(options: checker.configuration.options, glossary: glossary.map(PreparedGlossary.init))
        wantsConsistency = enabled.contains(InconsistencyRule.target.id) || enabled.contains(InconsistencyRule.source.id)
        wantsLength = enabled.contains(LengthRatioRule.id)
        workers = max(1, min(8, checkCoreCount))
    }

    /// Checks the next units of the stream; returns the unit and custom rules' findings in input order, with the
    /// configured severities.
    public func check(_ units: [TranslationUnit]) -> [Finding] {
        guard !units.isEmpty else { return [] }
        let base = unitCount
        unitCount += units.count
        // Pieces small enough to balance the workers, large enough to amortise the dispatch.
        let pieceCount = units.count < 256 ? 1 : min(units.count / 128, workers * 4)
        let results = SlotArray<[Finding]>(count: pieceCount, initial: [])
        let hashes = SlotArray<(UInt64, UInt64)>(count: wantsConsistency ? units.count : 0, initial: (0, 0))
        let lens = SlotArray<(Int32, Int32)>(count: wantsLength ? units.count : 0, initial: (-1, -1))
        let rules = self.rules
        let context = self.context
        let custom = checker.configuration.customRules
        let severities = checker.configuration.severities
        let options = context.options
        let wantsConsistency = self.wantsConsistency
        let wantsLength = self.wantsLength
        DispatchQueue.concurrentPerform(iterations: pieceCount) { piece in
            let lo = units.count * piece / pieceCount
            let hi = units.count * (piece + 1) / pieceCount
            var found: [Finding] = []
            var scratch: [UInt8] = []
            for index in lo..<hi {
                let analysis = UnitAnalysis(units[index])
                let blankTarget = analysis.target.isBlank
                let start = found.count
                for rule in rules {
                    // With no translation, only the rules about emptiness have something to say.
                    if blankTarget, rule.id != "empty-target", rule.id != "low-confidence" { continue }
                    rule.check(analysis, context: context, into: &found)
                }
                if !blankTarget {
                    for rule in custom {
                        if let f = rule.check(analysis.unit) { found.append(f) }
                    }
                }
                if !severities.isEmpty {
                    for k in start..<found.count {
                        if let severity = severities[found[k].rule] { found[k].severity = severity }
                    }
                }
                if wantsConsistency, !blankTarget {
                    hashes[index] = (
                        ConsistencyKey.hash(analysis.source, ignoringNumbers: options.consistencyIgnoresNumbers,
                                            ignoringCodes: options.consistencyIgnoresTags, scratch: &scratch),
                        ConsistencyKey.hash(analysis.target, ignoringNumbers: options.consistencyIgnoresNumbers,
                                            ignoringCodes: options.consistencyIgnoresTags, scratch: &scratch))
                }
                if wantsLength {
                    lens[index] = (Int32(clamping: analysis.source.trimmedLength ?? -1),
                                   Int32(clamping: analysis.target.trimmedLength ?? -1))
                }
            }
            results[piece] = found
        }
        if wantsConsistency { keyHashes.append(contentsOf: hashes.buffer) }
        if wantsLength {
            lengths.append(contentsOf: lens.buffer)
            pairOf.reserveCapacity(base + units.count)
            var lastKey = ""
            var lastIndex: UInt8 = 0
            for unit in units {
                let key = LengthRatioRule.pairKey(unit)
                if key != lastKey || pairs.isEmpty {
                    if let k = pairs.firstIndex(of: key) {
                        lastIndex = UInt8(k)
                    } else if pairs.count < 255 {
                        pairs.append(key)
                        lastIndex = UInt8(pairs.count - 1)
                    } else {
                        lastIndex = 255  // more than 255 language pairs: the rest share one median
                    }
                    lastKey = key
                }
                pairOf.append(lastIndex)
            }
        }
        if pieceCount == 1 { return results[0] }
        var all: [Finding] = []
        all.reserveCapacity(results.buffer.reduce(0) { $0 + $1.count })
        for piece in results.buffer { all.append(contentsOf: piece) }
        return all
    }

    /// The positions (0-based, in stream order) of the units the corpus findings need, ascending.
    public func corpusPositions() -> [Int] {
        prepareCorpus()
        return corpusPlan?.positions ?? []
    }

    private struct CorpusPlan {
        var lengthOutliers: [(position: Int, source: Int, target: Int, expected: Double)]
        var groups: [(rule: InconsistencyRule, variants: [[Int]])]
        var positions: [Int]
    }

    private var corpusPlan: CorpusPlan?

    private func prepareCorpus() {
        guard corpusPlan == nil else { return }
        var outliers: [(position: Int, source: Int, target: Int, expected: Double)] = []
        if wantsLength {
            outliers = LengthRatioRule.outliers(lengths: lengths, pairOf: pairOf, options: context.options)
        }
        var groups: [(rule: InconsistencyRule, variants: [[Int]])] = []
        if wantsConsistency {
            for rule in [InconsistencyRule.target, InconsistencyRule.source] where enabled.contains(rule.id) {
                groups += rule.groups(keyHashes).map { (rule, $0) }
            }
        }
        var positions = outliers.map(\.position)
        for group in groups { for variant in group.variants { positions += variant } }
        positions.sort()
        var unique: [Int] = []
        unique.reserveCapacity(positions.count)
        for p in positions where unique.last != p { unique.append(p) }
        corpusPlan = CorpusPlan(lengthOutliers: outliers, groups: groups, positions: unique)
    }

    /// The corpus rules' findings (`length-ratio`, `inconsistent-*`), ordered by their first unit, then by rule.
    ///
    /// - Parameter fetch: given ascending stream positions (`corpusPositions()`), hands each unit at those
    ///   positions to `receive` with its index in the list (by reading the input a second time, or from
    ///   memory). Only the ids of most of them are kept; the texts only of the units the findings show.
    public func finish(fetch: (_ positions: [Int], _ receive: (Int, TranslationUnit) -> Void) throws -> Void)
        rethrows -> [Finding]
    {
        prepareCorpus()
        guard let plan = corpusPlan, !plan.positions.isEmpty else { return [] }
        let positions = plan.positions
        // Position → index in `positions`, by binary search.
        func index(_ position: Int) -> Int {
            var lo = 0
            var hi = positions.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if positions[mid] < position { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
        // The units whose texts a finding shows: length outliers, and the first unit of each shown variant.
        var needsText = [Bool](repeating: false, count: positions.count)
        for outlier in plan.lengthOutliers { needsText[index(outlier.position)] = true }
        for group in plan.groups {
            for variant in group.variants.prefix(5) { needsText[index(variant[0])] = true }
        }
        var ids = [String](repeating: "", count: positions.count)
        var texts: [Int: TranslationUnit] = [:]
        try fetch(positions) { k, unit in
            guard k >= 0, k < positions.count else { return }
            ids[k] = unit.id
            if needsText[k] { texts[k] = unit }
        }
        let lookup: (Int) -> TranslationUnit = { position in
            let k = index(position)
            return texts[k] ?? TranslationUnit(id: ids[k], source: "", target: "", sourceLanguage: Self.und,
                                               targetLanguage: Self.und)
        }
        let idAt: (Int) -> String = { ids[index($0)] }
        var ranked: [(first: Int, rank: Int, finding: Finding)] = []
        for outlier in plan.lengthOutliers {
            let unit = lookup(outlier.position)
            ranked.append((outlier.position, 0, LengthRatioRule.finding(
                unit: unit, source: outlier.source, target: outlier.target, expected: outlier.expected)))
        }
        for group in plan.groups {
            ranked.append((group.variants[0][0], group.rule.bySource ? 1 : 2,
                           group.rule.finding(variants: group.variants, unit: lookup, id: idAt)))
        }
        ranked.sort { a, b in a.first != b.first ? a.first < b.first : a.rank < b.rank }
        let severities = checker.configuration.severities
        return ranked.map { item in
            var finding = item.finding
            if let severity = severities[finding.rule] { finding.severity = severity }
            return finding
        }
    }

    /// The placeholder language of a unit known only by its id (never shown: text positions are all fetched).
    private static let und: LanguageTag = {
        guard let tag = LanguageTag("und") else { fatalError("‘und’ is a valid language tag") }
        return tag
    }()

    /// `finish` with the units at hand (for inputs held in memory).
    public func finish(units: [TranslationUnit]) -> [Finding] {
        finish { positions, receive in
            for (k, p) in positions.enumerated() { receive(k, units[p]) }
        }
    }
}

#if canImport(Glibc)
import Glibc
/// The number of online cores (without Foundation).
let checkCoreCount = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
#elseif canImport(Darwin)
import Darwin
let checkCoreCount = max(1, Int(sysconf(_SC_NPROCESSORS_ONLN)))
#else
let checkCoreCount = 2
#endif
