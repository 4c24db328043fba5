/// The allowed region of the alignment grid: for every source position `i` (0...n), the target positions
/// `lo[i]...hi[i]` that a path may pass through. Both bounds never decrease, so the region is a band.
struct SearchBand: Sendable {
    var lo: [Int]
    var hi: [Int]

    /// A band of half-width `width` around the straight line from (0, 0) to (n, m).
    /// With `slope`, around the line from (0, 0) with that slope instead (the last row still reaches m).
    static func diagonal(n: Int, m: Int, width: Int, slope: Double? = nil) -> SearchBand {
        var lo = [Int](repeating: 0, count: n + 1)
        var hi = [Int](repeating: 0, count: n + 1)
        for i in 0...n {
            let centre = n == 0 ? 0 : slope.map { min(m, Int((Double(i) * $0).rounded())) }
                ?? Int((Double(i) * Double(m) / Double(n)).rounded())
            lo[i] = max(0, centre - width)
            hi[i] = min(m, centre + width)
        }
        var band = SearchBand(lo: lo, hi: hi)
        band.makeConnected(m: m)
        return band
    }

    /// A band of half-width `width` around a path given as beads.
    static func around(_ beads: [(source: Range<Int>, target: Range<Int>)], n: Int, m: Int, width: Int) -> SearchBand {
        var lo = [Int](repeating: Int.max, count: n + 1)
        var hi = [Int](repeating: Int.min, count: n + 1)
        lo[0] = 0
        hi[0] = 0
        for bead in beads {
            for i in bead.source.lowerBound...bead.source.upperBound {
                lo[i] = min(lo[i], bead.target.lowerBound)
                hi[i] = max(hi[i], bead.target.upperBound)
            }
        }
        for i in 0...n {
            if lo[i] == Int.max { lo[i] = i == 0 ? 0 : lo[i - 1] }
            if hi[i] == Int.min { hi[i] = i == 0 ? 0 : hi[i - 1] }
            lo[i] = max(0, lo[i] - width)
            hi[i] = min(m, hi[i] + width)
        }
        var band = SearchBand(lo: lo, hi: hi)
        band.makeConnected(m: m)
        return band
    }

    /// Makes both bounds non-decreasing, includes (0, 0) and (n, m), and lets every row reach the next.
    mutating func makeConnected(m: Int) {
        let n = lo.count - 1
        lo[0] = 0
        hi[n] = m
        for i in stride(from: n - 1, through: 0, by: -1) { lo[i] = min(lo[i], lo[i + 1]) }
        for i in 1...max(1, n) where i <= n { hi[i] = max(hi[i], hi[i - 1]) }
        for i in 0..<n { hi[i] = max(hi[i], lo[i + 1]) }
        for i in 0...n { lo[i] = min(lo[i], hi[i]) }
    }

    var cellCount: Int { zip(lo, hi).reduce(0) { $0 + $1.1 - $1.0 + 1 } }

    /// Whether a path runs within `margin` of a band edge that is not the edge of the grid.
    func isTight(_ beads: [(source: Range<Int>, target: Range<Int>)], m: Int, margin: Int) -> Bool {
        for bead in beads {
            let i = bead.source.upperBound
            let j = bead.target.upperBound
            if lo[i] > 0, j - lo[i] < margin { return true }
            if hi[i] < m, hi[i] - j < margin { return true }
        }
        return false
    }
}

/// The cost of one bead ending at grid point (i, j).
protocol BeadCostModel {
    /// The bead shapes allowed: (source count, target count).
    var shapes: [(Int, Int)] { get }
    /// The bead's cost; as soon as the cost is known to reach `bound`, a value of at least `bound` that is
    /// still at most the cost (a lower bound of it) may be returned instead (the search then discards the
    /// bead), which saves the expensive part of the score.
    func cost(sourceEnd i: Int, targetEnd j: Int, shape: Int, bound: Double) -> Double
    /// A value that the cost of every bead of shape `shape` reaches (its fixed penalty): the search skips
    /// the shape without scoring it when even this cannot beat the best bead found so far.
    func lowerBound(shape: Int) -> Double
}

extension BeadCostModel {
    func lowerBound(shape: Int) -> Double { 0 }
}

/// Dynamic programming over beads inside a band: the cheapest monotone path from (0, 0) to (n, m).
enum BeadSearch {
    /// The result of the forward pass: the best path, and the cheapest cost from (0, 0) to every band cell
    /// (cell `(i, j)` at `rowStart[i] + j - band.lo[i]`).
    struct Forward {
        var path: [(source: Range<Int>, target: Range<Int>)]
        var total: [Double]
        var rowStart: [Int]
        /// For every band cell and shape (`cell * shapes + k`), a lower bound of the cost of the bead of that
        /// shape ending at the cell, as the pass learned it (the exact cost, or the part that sufficed to
        /// discard the bead: `BeadCostModel.cost` returns a lower bound of the cost in any case), as a Float;
        /// -infinity where the pass did not score the bead.
        /// The backward pass of `margins` skips the beads that this bound already rules out instead of scoring
        /// them again. Empty when the band has more than `costCacheCells` cells (memory).
        var costs: [Float] = []
    }

    /// The largest band (in cells) whose bead costs `forward` keeps for `margins`: 4 bytes per cell and shape.
    static let costCacheCells = 200_000

    static func bestPath<Model: BeadCostModel>(
        n: Int, m: Int, band: SearchBand, model: Model
    ) -> [(source: Range<Int>, target: Range<Int>)] {
        forward(n: n, m: m, band: band, model: model).path
    }

    /// The best path and, for each of its points (the start of the first bead, then the end of every bead),
    /// its margin: how much more the cheapest path costs that crosses the same source row or target column
    /// at another point, i.e. that moves this bead boundary. A boundary that no competitor comes close to
    /// is reliable; a margin near 0 means another segmentation is about as good.
    static func bestPathWithMargins<Model: BeadCostModel>(
        n: Int, m: Int, band: SearchBand, model: Model
    ) -> (path: [(source: Range<Int>, target: Range<Int>)], margins: [Double]) {
        let result = forward(n: n, m: m, band: band, model: model)
        return (result.path, margins(n: n, m: m, band: band, model: model, forward: result))
    }

    /// The margins of the points of `forward.path` (see `bestPathWithMargins`), from a backward pass.
    static func margins<Model: BeadCostModel>(
        n: Int, m: Int, band: SearchBand, model: Model, forward result: Forward
    ) -> [Double] {
        let path = result.path
        let total = result.total
        let rowStart = result.rowStart
        let shapes = model.shapes
        let floors = shapes.indices.map { model.lowerBound(shape: $0) }
        let shapeCount = shapes.count
        let cached = result.costs.count == total.count * shapeCount
        // Backward totals: the cheapest completion from each point to (n, m).
        var rest = [Double](repeating: .infinity, count: total.count)
        result.costs.withUnsafeBufferPointer { costs in
        rest.withUnsafeMutableBufferPointer { rest in
            band.lo.withUnsafeBufferPointer { bandLo in
                band.hi.withUnsafeBufferPointer { bandHi in
                    rowStart.withUnsafeBufferPointer { rowStart in
                        rest[rowStart[n] + m - bandLo[n]] = 0
                        for i in stride(from: n, through: 0, by: -1) {
                            for j in stride(from: bandHi[i], through: bandLo[i], by: -1) {
                                if i == n, j == m { continue }
                                var best = Double.infinity
                                for k in 0..<shapes.count {
                                    let shape = shapes[k]
                                    let ni = i + shape.0
                                    let nj = j + shape.1
                                    guard ni <= n, nj <= m, nj >= bandLo[ni], nj <= bandHi[ni] else { continue }
                                    let nextCell = rowStart[ni] + nj - bandLo[ni]
                                    let next = rest[nextCell]
                                    if next == .infinity || next + floors[k] >= best { continue }
                                    // A bound from the forward pass (less a margin for the Float's rounding):
                                    // the cost is at least that, so next + cost >= best.
                                    if cached {
                                        let known = Double(costs[nextCell * shapeCount + k])
                                        if next + (known - abs(known) * 1e-6) >= best { continue }
                                    }
                                    let value = next + model.cost(sourceEnd: ni, targetEnd: nj, shape: k, bound: best - next)
                                    if value < best { best = value }
                                }
                                rest[rowStart[i] + j - bandLo[i]] = best
                            }
                        }
                    }
                }
            }
        }
        }
        let optimum = total[rowStart[n] + m - band.lo[n]]
        var points = [(0, 0)]
        for bead in path { points.append((bead.source.upperBound, bead.target.upperBound)) }
        // Path points per row and per column (contiguous runs, since the path is monotone).
        var rowPath = [(Int, Int)](repeating: (Int.max, Int.min), count: n + 1)
        var columnPath = [(Int, Int)](repeating: (Int.max, Int.min), count: m + 1)
        for (i, j) in points {
            rowPath[i] = (min(rowPath[i].0, j), max(rowPath[i].1, j))
            columnPath[j] = (min(columnPath[j].0, i), max(columnPath[j].1, i))
        }
        var rowBest = [Double](repeating: .infinity, count: n + 1)
        var columnBest = [Double](repeating: .infinity, count: m + 1)
        for i in 0...n {
            for j in band.lo[i]...band.hi[i] {
                let cell = rowStart[i] + j - band.lo[i]
                guard total[cell] < .infinity, rest[cell] < .infinity else { continue }
                let excess = total[cell] + rest[cell] - optimum
                if j < rowPath[i].0 || j > rowPath[i].1 { rowBest[i] = min(rowBest[i], excess) }
                if i < columnPath[j].0 || i > columnPath[j].1 { columnBest[j] = min(columnBest[j], excess) }
            }
        }
        return points.map { point -> Double in
            if point == (0, 0) || point == (n, m) { return .infinity }
            return max(0, min(rowBest[point.0], columnBest[point.1]))
        }
    }

    /// `freeEnd`: the path ends at the cheapest point of the last row rather than at (n, m).
    static func forward<Model: BeadCostModel>(
        n: Int, m: Int, band: SearchBand, model: Model, freeEnd: Bool = false
    ) -> Forward {
        var rowStart = [Int](repeating: 0, count: n + 2)
        for i in 0...n { rowStart[i + 1] = rowStart[i] + band.hi[i] - band.lo[i] + 1 }
        let cells = rowStart[n + 1]
        var total = [Double](repeating: .infinity, count: cells)
        var back = [UInt8](repeating: UInt8.max, count: cells)
        let shapes = model.shapes
        let shapeCount = shapes.count
        let floors = shapes.indices.map { model.lowerBound(shape: $0) }
        let caching = cells <= costCacheCells
        var costs = caching ? [Float](repeating: -.infinity, count: cells * shapeCount) : []
        costs.withUnsafeMutableBufferPointer { costs in
        total.withUnsafeMutableBufferPointer { total in
            back.withUnsafeMutableBufferPointer { back in
                band.lo.withUnsafeBufferPointer { bandLo in
                    band.hi.withUnsafeBufferPointer { bandHi in
                        rowStart.withUnsafeBufferPointer { rowStart in
                            total[0] = 0
                            for i in 0...n {
                                let lo = bandLo[i]
                                let hi = bandHi[i]
                                for j in lo...hi {
                                    if i == 0, j == 0 { continue }
                                    var best = Double.infinity
                                    var bestShape = UInt8.max
                                    for k in 0..<shapes.count {
                                        let shape = shapes[k]
                                        let pi = i - shape.0
                                        let pj = j - shape.1
                                        guard pi >= 0, pj >= 0, pj >= bandLo[pi], pj <= bandHi[pi] else { continue }
                                        let previous = total[rowStart[pi] + pj - bandLo[pi]]
                                        if previous == .infinity || previous + floors[k] >= best { continue }
                                        let cost = model.cost(sourceEnd: i, targetEnd: j, shape: k, bound: best - previous)
                                        if caching { costs[(rowStart[i] + j - lo) * shapeCount + k] = Float(cost) }
                                        let value = previous + cost
                                        if value < best {
                                            best = value
                                            bestShape = UInt8(k)
                                        }
                                    }
                                    total[rowStart[i] + j - lo] = best
                                    back[rowStart[i] + j - lo] = bestShape
                                }
                            }
                        }
                    }
                }
            }
        }
        }
        var beads: [(source: Range<Int>, target: Range<Int>)] = []
        var i = n
        var j = m
        if freeEnd {
            for column in band.lo[n]...band.hi[n]
            where total[rowStart[n] + column - band.lo[n]] < total[rowStart[n] + j - band.lo[n]] {
                j = column
            }
        }
        while i > 0 || j > 0 {
            let k = back[rowStart[i] + j - band.lo[i]]
            guard k != UInt8.max else { break }
            let shape = shapes[Int(k)]
            beads.append((source: (i - shape.0)..<i, target: (j - shape.1)..<j))
            i -= shape.0
            j -= shape.1
        }
        return Forward(path: beads.reversed(), total: total, rowStart: rowStart, costs: costs)
    }
}
