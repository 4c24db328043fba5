import Foundation

/// Gale and Church's length model with the length ratio learned from the document pair.
struct LengthModel: Sendable {
    /// Expected target characters per source character.
    var ratio: Double
    var variance: Double
    /// `Self.table`, held by the instance: a static is behind a lazy-initialisation check on every access.
    private let costs: [Double] = Self.table

    init(ratio: Double, variance: Double) {
        self.ratio = ratio
        self.variance = variance
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

    /// The probability behind `cost`, in 0...1.
    func probability(source: Int, target: Int) -> Double {
        exp(-cost(source: source, target: target))
    }
}
