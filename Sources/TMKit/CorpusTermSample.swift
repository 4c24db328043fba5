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
