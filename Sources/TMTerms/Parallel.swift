import Dispatch
import Foundation
import TMCore

/// How many threads a term learning run may use (both sides of a corpus, both alignment directions, the
/// sentence pairs of the alignment and evidence phases, the word pairs of the aligner's table).
///
///     let glossary = TermLearningThreads.$count.withValue(1) { learner.learn(from: units) }
///
/// The glossary is the same whatever the count: work split by sentence pairs is merged with integer sums and
/// minima, and the floating-point sums of the word aligner keep their sequential order. nil (the default):
/// `TMTERMS_THREADS` from the environment when set, else the active processor count.
public enum TermLearningThreads {
    @TaskLocal public static var count: Int?

    /// The thread count of a run started now on this task.
    static var resolved: Int {
        if let count { return max(1, count) }
        if let text = ProcessInfo.processInfo.environment["TMTERMS_THREADS"], let value = Int(text), value > 0 {
            return value
        }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }
}

extension TermLearner {
    /// The glossary learned from `units` on at most `threads` threads (the same glossary for any count).
    public func learn(from units: [TranslationUnit], threads: Int) -> Glossary {
        TermLearningThreads.$count.withValue(max(1, threads)) { learn(from: units) }
    }
}

/// The threads of one learning run.
struct WorkerPool: Sendable {
    let threads: Int
    /// With `TMTERMS_DEBUG=timing`: the CPU time of each parallel section's workers.
    let account: CriticalPath?

    init(threads: Int, account: CriticalPath? = nil) {
        self.threads = max(1, threads)
        self.account = account
    }

    /// Runs two independent computations (both sides of a corpus, both alignment directions), on two threads
    /// when the pool has them. Each closure owns its data; nothing is shared while they run.
    func inParallel<A, B>(_ first: () -> A, _ second: () -> B) -> (A, B) {
        guard threads > 1 else { return (first(), second()) }
        let a = ResultBox<A>(), b = ResultBox<B>()
        let section = account?.begin(workers: 2)
        withoutActuallyEscaping(first) { first in
            withoutActuallyEscaping(second) { second in
                nonisolated(unsafe) let first = first
                nonisolated(unsafe) let second = second
                DispatchQueue.concurrentPerform(iterations: 2) { index in
                    let started = CriticalPath.threadCPU()
                    if index == 0 { a.value = first() } else { b.value = second() }
                    section?.record(index, CriticalPath.threadCPU() - started)
                }
            }
        }
        if let section { account?.end(section) }
        guard let resultA = a.value, let resultB = b.value else { fatalError("concurrentPerform skipped a task") }
        return (resultA, resultB)
    }

    /// Runs `body(worker, task)` for every task in `0..<tasks`, on at most `threads` workers that take the next
    /// task as they finish one (`worker` is in `0..<workers`, one per thread). Tasks must only write what is
    /// theirs; the caller merges per-worker or per-task results after the call, in a fixed order.
    func run(tasks: Int, _ body: (_ worker: Int, _ task: Int) -> Void) {
        let workers = self.workers(for: tasks)
        guard workers > 1 else {
            for task in 0..<tasks { body(0, task) }
            return
        }
        let next = TaskCounter()
        let section = account?.begin(workers: workers)
        withoutActuallyEscaping(body) { body in
            nonisolated(unsafe) let body = body
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                let started = CriticalPath.threadCPU()
                while let task = next.take(below: tasks) { body(worker, task) }
                section?.record(worker, CriticalPath.threadCPU() - started)
            }
        }
        if let section { account?.end(section) }
    }

    /// The workers `run(tasks:)` uses.
    func workers(for tasks: Int) -> Int { max(1, min(threads, tasks)) }

    /// `run(tasks:)` with one mutable state per worker, made by `makeState`, returned in worker order.
    func run<State>(tasks: Int, state makeState: () -> State, _ body: (inout State, _ task: Int) -> Void) -> [State] {
        let states = Slots<State>(count: workers(for: tasks))
        run(tasks: tasks) { worker, task in
            states.update(worker) { slot in
                var state = slot.take() ?? makeState()
                body(&state, task)
                slot = state
            }
        }
        return states.takeValues().compactMap { $0 }
    }

    /// `transform(task)` for every task in `0..<tasks`, in task order.
    func map<Result>(tasks: Int, _ transform: (_ task: Int) -> Result) -> [Result] {
        let results = Slots<Result>(count: tasks)
        run(tasks: tasks) { _, task in
            let value = transform(task)
            results.update(task) { $0 = value }
        }
        return results.takeValues().map { value in
            guard let value else { fatalError("a parallel task produced no result") }
            return value
        }
    }

    /// Splits `0..<count` into contiguous ranges of about `size` items (at least one range when count > 0).
    static func ranges(of count: Int, size: Int) -> [Range<Int>] {
        let size = max(1, size)
        return stride(from: 0, to: count, by: size).map { $0..<min(count, $0 + size) }
    }
}

/// One result written by one task and read after all tasks have finished.
private final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}

/// One optional value per task or per worker: each slot is written by one thread only, and read after the tasks
/// have finished.
private final class Slots<T>: @unchecked Sendable {
    private let base: UnsafeMutablePointer<T?>
    private let count: Int

    init(count: Int) {
        self.count = count
        base = UnsafeMutablePointer<T?>.allocate(capacity: max(1, count))
        base.initialize(repeating: nil, count: count)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    /// The value of a slot, changed in place.
    func update<R>(_ index: Int, _ body: (inout T?) -> R) -> R {
        precondition(index >= 0 && index < count)
        return body(&base[index])
    }

    /// The values, moved out of the slots (call once, after the tasks).
    func takeValues() -> [T?] {
        (0..<count).map { index in
            let value = base[index]
            base[index] = nil
            return value
        }
    }
}

/// The next task to take, shared by the workers of `WorkerPool.run`.
private final class TaskCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0

    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < limit else { return nil }
        next += 1
        return next - 1
    }
}

/// The CPU time of the parallel sections of a run, for `TMTERMS_DEBUG=timing`: what the run would take on idle
/// cores is its CPU time outside the sections plus, for each section, its busiest worker's CPU time. On a machine
/// shared with other jobs this is steadier than the wall time.
final class CriticalPath: @unchecked Sendable {
    /// One parallel section: the CPU seconds of each worker.
    final class Section: @unchecked Sendable {
        fileprivate var seconds: [Double]
        private let lock = NSLock()

        fileprivate init(workers: Int) {
            seconds = [Double](repeating: 0, count: workers)
        }

        func record(_ worker: Int, _ cpu: Double) {
            lock.lock()
            seconds[worker] += cpu
            lock.unlock()
        }
    }

    private let lock = NSLock()
    /// CPU seconds spent in sections (all workers), and the sum of each section's busiest worker.
    private(set) var parallelCPU = 0.0
    private(set) var span = 0.0

    func begin(workers: Int) -> Section { Section(workers: workers) }

    func end(_ section: Section) {
        lock.lock()
        parallelCPU += section.seconds.reduce(0, +)
        span += section.seconds.max() ?? 0
        lock.unlock()
        FileHandle.standardError.write(Data(("parallel section, CPU s per worker: " + section.seconds.map { String(format: "%.3f", $0) }
            .joined(separator: " ") + "\n").utf8))
    }

    /// The CPU seconds of the calling thread.
    static func threadCPU() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// The CPU seconds of the process.
    static func processCPU() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

/// Values computed once for the whole run and shared by its threads (transliteration keys, spelling similarities):
/// a thread that misses computes the value and stores it; two threads may both compute one, with the same result.
/// The keys are split among 64 locked stripes, so that threads rarely wait for each other.
final class SharedCache<Value>: @unchecked Sendable {
    private final class Stripe {
        let lock = NSLock()
        var values: [UInt64: Value] = [:]
    }

    private let stripes: [Stripe]
    /// One thread: no locks.
    private let locking: Bool

    init(threads: Int) {
        locking = threads > 1
        stripes = (0..<(threads > 1 ? 64 : 1)).map { _ in Stripe() }
    }

    func value(_ key: UInt64, _ make: () -> Value) -> Value {
        let stripe = stripes[stripes.count == 1 ? 0 : Int((key &* 0x9E37_79B9_7F4A_7C15) >> 58)]
        if locking { stripe.lock.lock() }
        let hit = stripe.values[key]
        if locking { stripe.lock.unlock() }
        if let hit { return hit }
        let value = make()
        if locking { stripe.lock.lock() }
        stripe.values[key] = value
        if locking { stripe.lock.unlock() }
        return value
    }
}
