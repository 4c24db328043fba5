/// How far a corpus build has got, sent after every document (in document order) for a progress display.
public struct ProgressSnapshot: Sendable, Equatable {
    public var documentsDone: Int
    public var documentsTotal: Int
    /// Input bytes of the documents done (built or skipped), and of all documents: the estimate works on bytes,
    /// since documents differ in length.
    public var bytesDone: Int
    public var bytesTotal: Int
    public var sentencePairs: Int
    public var skipped: Int
    /// Seconds since the documents started.
    public var elapsed: Double

    public init(
        documentsDone: Int, documentsTotal: Int, bytesDone: Int, bytesTotal: Int, sentencePairs: Int, skipped: Int,
        elapsed: Double
    ) {
        self.documentsDone = documentsDone
        self.documentsTotal = documentsTotal
        self.bytesDone = bytesDone
        self.bytesTotal = bytesTotal
        self.sentencePairs = sentencePairs
        self.skipped = skipped
        self.elapsed = elapsed
    }

    /// Share of the work done, 0...1 (by bytes, or by documents when sizes are unknown).
    public var fraction: Double {
        if bytesTotal > 0 { return min(1, Double(bytesDone) / Double(bytesTotal)) }
        return documentsTotal > 0 ? Double(documentsDone) / Double(documentsTotal) : 1
    }

    /// Seconds left at the rate so far; nil until there is enough to go on (1% or 2 seconds of work).
    public var secondsLeft: Double? {
        let done = fraction
        guard done > 0, done >= 0.01 || elapsed >= 2 else { return nil }
        return max(0, elapsed * (1 - done) / done)
    }

    public var isFinished: Bool { documentsDone >= documentsTotal }
}
