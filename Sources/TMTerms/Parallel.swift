import Dispatch

/// Runs two independent computations on two threads (both sides of a corpus, both alignment directions) and
/// returns both results. Each closure owns its data; nothing is shared while they run.
func inParallel<A, B>(_ first: () -> A, _ second: () -> B) -> (A, B) {
    let a = ResultBox<A>(), b = ResultBox<B>()
    withoutActuallyEscaping(first) { first in
        withoutActuallyEscaping(second) { second in
            nonisolated(unsafe) let first = first
            nonisolated(unsafe) let second = second
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                if index == 0 { a.value = first() } else { b.value = second() }
            }
        }
    }
    guard let resultA = a.value, let resultB = b.value else { fatalError("concurrentPerform skipped a task") }
    return (resultA, resultB)
}

/// One result written by one task of `inParallel` and read after both tasks have finished.
private final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}
