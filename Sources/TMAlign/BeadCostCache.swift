/// Remembers the bead costs a model has computed, so that the second pass over the same grid (the margins after
/// the forward search, or a wider band after a narrow one) does not score the same beads again.
///
/// A cost returned below its `bound` is exact and reused as it is; one at or above its bound may be the model's
/// early-out lower bound, and is reused only for calls whose bound it also reaches (any value of at least the bound
/// is then a valid answer). Paragraph beads are worth it: each one compares whole paragraphs of sentences.
/// One search at a time: the cache is not thread-safe.
final class BeadCostCache<Model: BeadCostModel>: BeadCostModel {
    let model: Model
    let shapes: [(Int, Int)]
    private let columns: Int
    private var values: [Double]
    private var isExact: [Bool]

    /// The largest grid ((n + 1) × (m + 1) points) worth a cache: 6 shapes × 8 bytes each.
    static var maximumPoints: Int { 40_000 }

    init(_ model: Model, n: Int, m: Int) {
        self.model = model
        shapes = model.shapes
        columns = m + 1
        let count = (n + 1) * (m + 1) * model.shapes.count
        values = [Double](repeating: .nan, count: count)
        isExact = [Bool](repeating: false, count: count)
    }

    func cost(sourceEnd i: Int, targetEnd j: Int, shape: Int, bound: Double) -> Double {
        let slot = (i * columns + j) * shapes.count + shape
        let known = values[slot]
        if !known.isNaN && (isExact[slot] || known >= bound) { return known }
        let value = model.cost(sourceEnd: i, targetEnd: j, shape: shape, bound: bound)
        values[slot] = value
        isExact[slot] = value < bound
        return value
    }

    func lowerBound(shape: Int) -> Double { model.lowerBound(shape: shape) }
}
