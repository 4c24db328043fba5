/// Rows of values (one per sentence of a corpus) kept in a few large chunks, with the place of each row, instead of
/// one array per row: a million sentences make a few hundred allocations, not a million.
///
/// Chunks have a fixed capacity and a row never spans two of them, so the storage grows a chunk at a time: no
/// array of the whole corpus is ever doubled or copied (which would briefly hold it twice).
///
///     var rows = FlatRows<Int32>()
///     rows.append(row: [1, 2, 3])
///     rows.append(row: [])
///     rows[0][2]      // 3 (rows index from 0, and so do the values of a row)
///     rows[1].count   // 0
struct FlatRows<Value>: RandomAccessCollection {
    /// One row: a zero-based view into its chunk.
    struct Row: RandomAccessCollection {
        fileprivate let values: ArraySlice<Value>

        /// A row viewing `values` (indexed from 0).
        init(_ values: ArraySlice<Value>) {
            self.values = values
        }

        var startIndex: Int { 0 }
        var endIndex: Int { values.count }
        subscript(position: Int) -> Value { values[values.startIndex + position] }
    }

    /// Values per chunk (a longer row gets a chunk of its own size).
    static var chunkCapacity: Int { 1 << 20 }

    private var chunks: [[Value]] = []
    /// The chunk of each row, and where the row ends in it (it starts where the row before ends, or at 0).
    private var rowChunk: [UInt32] = []
    private var rowEnd: [UInt32] = []

    var startIndex: Int { 0 }
    var endIndex: Int { rowChunk.count }

    subscript(row: Int) -> Row {
        let chunk = Int(rowChunk[row])
        let start = row > 0 && rowChunk[row - 1] == rowChunk[row] ? Int(rowEnd[row - 1]) : 0
        return Row(chunks[chunk][start..<Int(rowEnd[row])])
    }

    /// Values in all rows.
    var valueCount: Int { chunks.reduce(0) { $0 + $1.count } }

    mutating func reserveRows(_ count: Int) {
        rowChunk.reserveCapacity(count)
        rowEnd.reserveCapacity(count)
    }

    mutating func append<C: Collection>(row: C) where C.Element == Value {
        let count = row.count
        if chunks.isEmpty || chunks[chunks.count - 1].count + count > chunks[chunks.count - 1].capacity {
            var chunk: [Value] = []
            chunk.reserveCapacity(Swift.max(Self.chunkCapacity, count))
            chunks.append(chunk)
        }
        let last = chunks.count - 1
        chunks[last].append(contentsOf: row)
        rowChunk.append(UInt32(last))
        rowEnd.append(UInt32(chunks[last].count))
    }

    /// Removes the values for which `shouldRemove` is true, from every row, keeping the rows (in order).
    mutating func removeAll(where shouldRemove: (Value) throws -> Bool) rethrows {
        var write = 0
        var read = 0
        var chunk = -1
        for row in rowChunk.indices {
            if Int(rowChunk[row]) != chunk {
                if chunk >= 0 { truncate(chunk, to: write) }
                chunk = Int(rowChunk[row])
                write = 0
                read = 0
            }
            let end = Int(rowEnd[row])
            while read < end {
                let value = chunks[chunk][read]
                if try !shouldRemove(value) {
                    chunks[chunk][write] = value
                    write += 1
                }
                read += 1
            }
            rowEnd[row] = UInt32(write)
        }
        if chunk >= 0 { truncate(chunk, to: write) }
    }

    /// Cuts a chunk to its first `count` values, in a buffer of that size.
    private mutating func truncate(_ chunk: Int, to count: Int) {
        chunks[chunk].removeSubrange(count...)
        chunks[chunk] = Self.exact(chunks[chunk])
    }

    /// Drops the spare capacity of the last chunk (the others are full).
    mutating func shrinkToFit() {
        if let last = chunks.indices.last, chunks[last].capacity > chunks[last].count + chunks[last].count / 16 {
            chunks[last] = Self.exact(chunks[last])
        }
        if rowChunk.capacity > rowChunk.count + rowChunk.count / 16 {
            rowChunk = Self.exact(rowChunk)
            rowEnd = Self.exact(rowEnd)
        }
    }

    /// A copy in a buffer of its size (`Array(array[...])` may keep the old buffer).
    private static func exact<T>(_ array: [T]) -> [T] {
        var copy: [T] = []
        copy.reserveCapacity(array.count)
        copy.append(contentsOf: array)
        return copy
    }
}
