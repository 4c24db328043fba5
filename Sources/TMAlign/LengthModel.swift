import Foundation

/// Gale and Church's length model with the length ratio learned from the document pair.
struct LengthModel: Sendable {
    /// Expected target characters per source character.
    var ratio: Double
    var variance: Double

    /// -log of the probability that lengths this different are translations of each other (0 = as expected).
    func cost(source: Int, target: Int) -> Double {
        let s = Double(source)
        let t = Double(target)
        if s + t == 0 { return 0 }
        let mean = (s + t / ratio) / 2
        let delta = (t - s * ratio) / (variance * max(mean, 1)).squareRoot()
        let probability = erfc(abs(delta) / 2.0.squareRoot())
        return min(-log(max(probability, 1e-12)), 25)
    }

    /// The probability behind `cost`, in 0...1.
    func probability(source: Int, target: Int) -> Double {
        exp(-cost(source: source, target: target))
    }
}
