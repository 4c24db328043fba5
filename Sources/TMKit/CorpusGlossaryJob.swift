import Foundation
import TMCore
import TMTerms

/// The term learner of a corpus build, run on its own thread while the other documents are still being aligned.
///
/// The learner is synchronous and long (seconds to tens of seconds), so it gets a thread of its own rather than a
/// place in the cooperative pool that runs the documents; the pipeline gives it one of its `--jobs` slots.
final class CorpusGlossaryJob: @unchecked Sendable {
    private let lock = NSLock()
    private var glossary: Glossary?
    private var waiting: CheckedContinuation<Glossary, Never>?
    /// CPU seconds of the learner's own thread (its helper threads are not counted), and its wall seconds.
    private(set) var threadCPU: Double = 0
    private(set) var wall: Double = 0

    /// `threads`: the learner's threads. It holds one job slot, but its parallel sections may use every core: the
    /// documents beside it then share the cores with it, and the run ends sooner than with one learner thread.
    init(learner: TermLearner, units: [TranslationUnit], threads: Int) {
        let clock = ContinuousClock()
        DispatchQueue.global().async { [self] in
            let start = clock.now
            let cpu = CorpusTimings.threadCPU()
            let result = learner.learn(from: units, threads: threads)
            let elapsed = clock.now - start
            finish(result, cpu: CorpusTimings.threadCPU() - cpu,
                   wall: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
    }

    var isFinished: Bool { lock.withLock { glossary != nil } }

    /// The glossary, once learned.
    func result() async -> Glossary {
        await withCheckedContinuation { continuation in
            let ready: Glossary? = lock.withLock {
                if let glossary { return glossary }
                waiting = continuation
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }

    private func finish(_ result: Glossary, cpu: Double, wall: Double) {
        let continuation: CheckedContinuation<Glossary, Never>? = lock.withLock {
            glossary = result
            threadCPU = cpu
            self.wall = wall
            defer { waiting = nil }
            return waiting
        }
        continuation?.resume(returning: result)
    }
}
