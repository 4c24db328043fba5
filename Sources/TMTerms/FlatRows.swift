/// Rows of values (one per sentence of a corpus) kept in one flat array with the end offset of each row, instead of
/// one array per row: a million sentences make two allocations, not a million, and no per-row growth slack.
///
///     var rows = FlatRows<Int32>()
///     rows.append(row: [1, 2, 3])
///     rows.append(row: [])
///     rows[0][2]      // 3 (rows index from 0, and so do the values of a row)
///     rows[1].count   // 0
struct FlatRows<Value>: RandomAccessCollection {
    /// One row: a zero-based view into the flat storage.
    struct Row: RandomAccessCollection {
        fileprivate let values: ArraySlice<Value>

        var startIndex: Int { 0 }
        var endIndex: Int { values.count }
        subscript(position: Int) -> Value { values[values.startIndex + position] }
    }

    private var values: [Value] = []
    private var ends: [Int] = []

    var startIndex: Int { 0 }
    var endIndex: Int { ends.count }

    subscript(row: Int) -> Row {
        Row(values: values[(row == 0 ? 0 : ends[row - 1])..<ends[row]])
    }

    /// Values in all rows.
    var valueCount: Int { values.count }

    mutating func reserveRows(_ count: Int) { ends.reserveCapacity(count) }

    mutating func append<S: Sequence>(row: S) where S.Element == Value {
        values.append(contentsOf: row)
        ends.append(values.count)
    }

    /// Removes the values for which `shouldRemove` is true, from every row, keeping the rows (in order).
    mutating func removeAll(where shouldRemove: (Value) throws -> Bool) rethrows {
        var write = 0
        var read = 0
        for row in ends.indices {
            let end = ends[row]
            while read < end {
                if try !shouldRemove(values[read]) {
                    values[write] = values[read]
                    write += 1
                }
                read += 1
            }
            ends[row] = write
        }
        values.removeSubrange(write...)
        shrinkToFit()
    }

    /// Drops the spare capacity that growing by doubling left (up to half of a large array).
    mutating func shrinkToFit() {
        if values.capacity > values.count + values.count / 16 { values = Self.exact(values) }
        if ends.capacity > ends.count + ends.count / 16 { ends = Self.exact(ends) }
    }

    /// A copy in a buffer of its size (`Array(array[...])` may keep the old buffer).
    private static func exact<T>(_ array: [T]) -> [T] {
        var copy: [T] = []
        copy.reserveCapacity(array.count)
        copy.append(contentsOf: array)
        return copy
    }
}
