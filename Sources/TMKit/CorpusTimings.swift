#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the time of a corpus build went, stage by stage (`tmkit build --timings`).
///
/// The document stages run on several threads at once, so their figures are CPU seconds summed over the jobs (the
/// CPU time of the thread that ran each stage, read with `CLOCK_THREAD_CPUTIME_ID` around code that does not
/// suspend); compare them with each other and with `processCPU`, not with the wall clock. The machine's load does not
/// change CPU seconds much, which is why they are reported rather than per-stage wall times.
public struct CorpusTimings: Sendable, Equatable {
    /// Reading and decoding the files, and (bilingual files) finding the split point and the languages.
    public var reading: Double = 0
    /// Sentence segmentation of both sides.
    public var segmentation: Double = 0
    /// Paragraph and sentence alignment. The aligner runs a document's paragraphs on helper threads too, so this
    /// is the document phase's process CPU less the other document stages.
    public var alignment: Double = 0
    /// Turning pairs into translation units and counting.
    public var units: Double = 0
    /// Writing the TMX (and adding units to the term sample), on the writing thread.
    public var writing: Double = 0
    /// Learning the glossary (process CPU: the learner uses two threads) and writing its files.
    public var termLearning: Double = 0
    public var glossaryWriting: Double = 0
    /// Wall-clock seconds of the document stages (reading to TMX written) and of the glossary (learning and
    /// writing; when learned alongside the documents, the learner's own wall time plus the writing).
    public var documentsWall: Double = 0
    public var glossaryWall: Double = 0
    /// Whether the glossary was learned while documents were aligned (a large corpus with `--jobs` above 1). Then
    /// `termLearning` counts the learner's own thread only, and its helper thread's CPU lands in `alignment`.
    public var glossaryOverlapsDocuments = false
    /// The process's CPU seconds during the document stages (all threads).
    public var documentsCPU: Double = 0
    /// The process's user+system CPU seconds at the end (everything, start-up and scanning included).
    public var processCPU: Double = 0

    public init() {}

    /// The CPU seconds the calling thread has used so far.
    public static func threadCPU() -> Double {
        var time = timespec()
        guard clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time) == 0 else { return 0 }
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// The user+system CPU seconds the process has used so far, over all its threads.
    public static func processCPU() -> Double {
        var usage = rusage()
        #if canImport(Glibc)
        let who = RUSAGE_SELF.rawValue
        #else
        let who = RUSAGE_SELF
        #endif
        guard getrusage(who, &usage) == 0 else { return 0 }
        let seconds = { (time: timeval) in Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// Adds the document stages of `other` (one document's figures) to these.
    mutating func addDocumentStages(_ other: CorpusTimings) {
        reading += other.reading
        segmentation += other.segmentation
        alignment += other.alignment
        units += other.units
    }
}
