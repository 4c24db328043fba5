/// One step of an alignment: consecutive source items matched with consecutive target items.
///
/// A 1-1 bead has one index on each side; a 2-1 bead two source indices and one target index; a 1-0 bead
/// (a source item with no translation) an empty target range. Indices are 0-based positions in the lists
/// that were aligned.
public struct AlignmentBead: Hashable, Sendable {
    public var source: Range<Int>
    public var target: Range<Int>
    /// How sure the aligner is that this bead is right, from 0 (a guess) to 1 (certain).
    public var confidence: Double

    public init(source: Range<Int>, target: Range<Int>, confidence: Double) {
        self.source = source
        self.target = target
        self.confidence = confidence
    }

    /// `[0, 1]:[2]`, the bead format of the Text+Berg gold files.
    public var beadNotation: String {
        "[" + source.map(String.init).joined(separator: ", ") + "]:["
            + target.map(String.init).joined(separator: ", ") + "]"
    }
}
