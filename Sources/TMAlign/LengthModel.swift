import Foundation

/// Gale and Church's length model with the length ratio learned from the document pair.
struct LengthModel: Sendable {
    /// Expected target characters per source character.
    var ratio: Double
    var variance: Double
    /// `Self.table`, held by the instance: a static is behind a lazy-initialisation check on every access.
    private let costs: [Double] = Self.table
    /// `Self.levelThresholds`, held by the instance.
    private let thresholds: [Double] = Self.levelThresholds
    private var inverseRatio: Double

    init(ratio: Double, variance: Double) {
        self.ratio = ratio
        self.variance = variance
        inverseRatio = 1 / ratio
    }

    /// Whether `cost(source:target:)` is certainly at least `level`, decided without its square root and
    /// divisions: the search discards most beads on their length alone, and this is the cheap way to see it.
    /// Conservative: false when the cost might fall short of `level` (also when it is merely close to it), so
    /// a true answer never discards a bead that `cost` would have kept.
    @inline(__always)
    func surelyCosts(source: Int, target: Int, atLeast level: Double) -> Bool {
        // Level steps of 1/4, rounded up with some slack: the cost reaches `step / 4` > `level` + 0.0025.
        guard level > 0, level < 25 else { return false }
        let step = Int(level * 4 + 0.01) + 1
        let s = Double(source)
        let t = Double(target)
        let difference = t - s * ratio
        let mean = (s + t * inverseRatio) / 2
        // |delta| = |difference| / sqrt(variance × max(mean, 1)) at least the step's threshold, with a margin
        // far above rounding errors.
        return difference * difference > thresholds[step] * (variance * max(mean, 1)) * (1 + 1e-6)
    }

    /// -log of the probability that lengths this different are translations of each other (0 = as expected).
    @inline(__always)
    func cost(source: Int, target: Int) -> Double {
        let s = Double(source)
        let t = Double(target)
        if s + t == 0 { return 0 }
        let mean = (s + t / ratio) / 2
        let delta = (t - s * ratio) / (variance * max(mean, 1)).squareRoot()
        let position = abs(delta) * Double(Self.stepsPerUnit)
        let index = Int(position)
        guard index + 1 < costs.count else { return costs[costs.count - 1] }
        let fraction = position - Double(index)
        return costs[index] * (1 - fraction) + costs[index + 1] * fraction
    }

    private static let stepsPerUnit = 100
    /// -log(2 (1 - Φ(δ))) for δ = 0, 0.01, ... 10, capped at 25: erfc and log are too slow for the inner loop.
    private static let table: [Double] = (0...(10 * stepsPerUnit)).map { step in
        let delta = Double(step) / Double(stepsPerUnit)
        return min(-log(max(erfc(delta / 2.0.squareRoot()), 1e-12)), 25)
    }

    /// For a level step k (k / 4 in cost units, k = 0...101): the square of the smallest delta on the table's
    /// grid from which the table's cost is at least k / 4 (the interpolated cost never falls below the table
    /// entry at or below the delta, the table being non-decreasing); infinity where no entry reaches it.
    private static let levelThresholds: [Double] = (0...101).map { step in
        let level = Double(step) / 4
        guard let index = table.firstIndex(where: { $0 >= level }) else { return .infinity }
        let delta = Double(index) / Double(stepsPerUnit)
        return delta * delta
    }

    /// The probability behind `cost`, in 0...1.
    func probability(source: Int, target: Int) -> Double {
        exp(-cost(source: source, target: target))
    }
}
