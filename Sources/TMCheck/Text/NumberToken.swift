/// A number as written in a segment, with the values it can stand for.
struct NumberToken: Hashable, Sendable {
    /// Offsets in Unicode scalars.
    var range: Range<Int>
    var text: String
    /// Canonical values (`5800`, `5.8`) the text can mean under the conventions it was read with; the literal
    /// text (separators kept) when no reading fits, such as a version number `2.4.1`.
    var values: [String]

    func matches(_ other: NumberToken) -> Bool {
        for v in values where other.values.contains(v) { return true }
        return false
    }
}
