import Testing
@testable import TMTerms

/// The flat per-sentence storage of the learner (`FlatRows`): rows read from zero, empty rows kept, values removed
/// from every row without moving the rows.
@Suite struct TermStatisticsStorageTests {
    @Test func rowsReadFromZeroAndKeepTheirOrder() {
        var rows = FlatRows<Int32>()
        rows.append(row: [1, 2, 3])
        rows.append(row: [])
        rows.append(row: [4, 5])
        #expect(rows.count == 3)
        #expect(Array(rows[0]) == [1, 2, 3])
        #expect(rows[1].isEmpty)
        #expect(rows[2][0] == 4 && rows[2][1] == 5)
        #expect(Array(rows[2].indices) == [0, 1])
        #expect(rows.valueCount == 5)
    }

    @Test func removingValuesKeepsEveryRowInItsPlace() {
        var rows = FlatRows<Int>()
        for row in [[1, 2, 3, 4], [5], [6, 7], []] { rows.append(row: row) }
        rows.removeAll { $0 % 2 == 1 }
        #expect(rows.map { Array($0) } == [[2, 4], [], [6], []])
        rows.append(row: [8])
        #expect(Array(rows[4]) == [8])
    }

    @Test func alignerPairsGiveTheirCellsBack() {
        var pairs = WordAligner.Pairs()
        pairs.append(source: [10, 11], target: [20, 21, 22], slots: [0, 1, 2, 3, 4, 5])
        pairs.append(source: [12], target: [23], slots: [])
        let first = pairs[0]
        #expect(first.slots[1 * first.target.count + 2] == 5)
        #expect(pairs[1].source[0] == 12)
        #expect(pairs[1].slots.count != pairs[1].source.count * pairs[1].target.count)
    }
}
