import Foundation
import TMCore

/// The sentence pairs the glossary of a corpus is learned from: all of them up to `capacity`, then a uniform
/// random sample of `capacity` pairs (reservoir sampling, Algorithm R), so that memory stays bounded however large
/// the corpus is.
///
/// The random generator is seeded with a constant and pairs arrive in document order, so the sample, and the
/// glossary, are the same on every run and for any number of jobs. Below `capacity` the sample is every pair in
/// order, so a small corpus gets exactly the glossary of all its pairs.
struct CorpusTermSample {
    let capacity: Int
    private(set) var seen = 0
    private var items: [(order: Int, unit: TranslationUnit)] = []
    private var random = SplitMix64(seed: 0x746D_6B69_7420_7465)  // "tmkit te"

    init(capacity: Int) {
        self.capacity = max(0, capacity)
    }

    mutating func add(_ unit: TranslationUnit) {
        defer { seen += 1 }
        if items.count < capacity {
            items.append((seen, unit))
            return
        }
        guard capacity > 0 else { return }
        let slot = Int(random.next() % UInt64(seen + 1))
        if slot < capacity { items[slot] = (seen, unit) }
    }

    /// The sampled units in corpus order.
    ///
    /// With `TMKIT_DUMP_TERM_SAMPLE=FILE` in the environment they are also written to FILE as `source<TAB>target`
    /// lines (tabs and line breaks inside a sentence as spaces), for `tmkit terms` benchmarks on the exact pairs
    /// a build learns from (`Benchmarks/terms/RESULTS.md`).
    var units: [TranslationUnit] {
        let units = items.sorted { $0.order < $1.order }.map(\.unit)
        if let path = ProcessInfo.processInfo.environment["TMKIT_DUMP_TERM_SAMPLE"] {
            func field(_ text: String) -> String {
                String(text.map { $0 == "\t" || $0.isNewline ? " " : $0 })
            }
            let lines = units.map { field($0.source) + "\t" + field($0.target) + "\n" }
            try? lines.joined().write(toFile: path, atomically: true, encoding: .utf8)
        }
        return units
    }

    var count: Int { items.count }
}

/// Which documents the glossary of a large corpus is learned from, chosen before they are built, so that the term
/// learner can start as soon as they are, while the other documents are still being aligned.
///
/// Documents are taken in the order of a hash of their names (a fixed pseudo-random order: the same on every run,
/// for any `--jobs`) until their estimated pairs reach the sample's capacity; the pairs are estimated from the bytes
/// with the rate of the corpus's first documents (`CorpusLexicon.pairsPerByte`). Their pairs then go through
/// `CorpusTermSample` in corpus order, which trims them to the capacity. A corpus with less than twice the capacity,
/// or one that is all built already, is sampled from all its pairs at the end instead (nil).
enum CorpusTermDocuments {
    static func choose(
        _ documents: [CorpusDocument], capacity: Int, pairsPerByte: Double, built: Set<String>
    ) -> [Int]? {
        guard capacity > 0, pairsPerByte > 0, documents.contains(where: { !built.contains($0.name) }) else {
            return nil
        }
        let estimate = { (document: CorpusDocument) in Double(document.byteCount) * pairsPerByte }
        guard documents.reduce(0, { $0 + estimate($1) }) > 2 * Double(capacity) else { return nil }
        // FNV-1a's high bits barely depend on the last bytes (`doc0001`, `doc0002`): mix them before ordering.
        let keys = documents.map { mix(FNV1a.hash($0.name)) }
        let order = documents.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }
        var chosen: [Int] = []
        var pairs = 0.0
        for index in order where pairs < Double(capacity) {
            chosen.append(index)
            pairs += estimate(documents[index])
        }
        return chosen.sorted()
    }

    /// MurmurHash3's 64-bit finalizer: every output bit depends on every input bit.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 33)) &* 0xFF51_AFD7_ED55_8CCD
        z = (z ^ (z >> 33)) &* 0xC4CE_B9FE_1A85_EC53
        return z ^ (z >> 33)
    }
}

/// A small, fast, seedable generator (Steele, Lea and Flood's SplitMix64), stable across platforms.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
