import Foundation
import TMFormats

/// Reads a TMX file on a thread of its own and hands its units over in batches, so that parsing (libxml2 and the
/// unit model) and writing run at the same time on two cores. At most `maxBatches` batches wait, so memory stays
/// bounded however large the file: about `maxBatches × batchSize` units.
///
///     let stream = ConvertUnitStream(path: "big.tmx", bytes: nil)
///     defer { stream.cancel() }
///     let header = try stream.readHeader()
///     while let batch = try stream.next() { for unit in batch { ... } }
///     stream.warnings
final class ConvertUnitStream: @unchecked Sendable {
    static let batchSize = 256
    static let maxBatches = 8

    // Everything below is guarded by `condition`.
    private let condition = NSCondition()
    private var header: TMXHeader?
    private var batches: [[TMXUnit]] = []
    private var finished = false
    private var failure: FormatError?
    private var cancelled = false
    private var readWarnings: [FormatWarning] = []

    /// Starts reading `path` (or `bytes`, named `path` in messages).
    init(path: String, bytes: [UInt8]?) {
        let thread = Thread { [self] in
            produce(path: path, bytes: bytes)
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The file's header, once read; throws if the file cannot be opened or its header read.
    func readHeader() throws(FormatError) -> TMXHeader {
        condition.lock()
        defer { condition.unlock() }
        while header == nil, !finished { condition.wait() }
        if let header { return header }
        throw failure ?? FormatError("not a TMX file: no <header>")
    }

    /// The next batch of units in file order, nil at the end; throws the reader's error once the units read
    /// before it are taken.
    func next() throws(FormatError) -> [TMXUnit]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty, !finished { condition.wait() }
        if !batches.isEmpty {
            let batch = batches.removeFirst()
            condition.broadcast()
            return batch
        }
        if let failure { throw failure }
        return nil
    }

    /// What the reader normalised or ignored (complete once `next()` returned nil).
    var warnings: [FormatWarning] {
        condition.lock()
        defer { condition.unlock() }
        return readWarnings
    }

    /// Stops the reading thread (when the writer failed, or at the end).
    func cancel() {
        condition.lock()
        cancelled = true
        batches.removeAll()
        condition.broadcast()
        condition.unlock()
    }

    // MARK: - The reading thread

    private func produce(path: String, bytes: [UInt8]?) {
        do throws(FormatError) {
            var reader: TMXReader
            if let bytes {
                reader = try TMXReader(contents: bytes, path: path)
            } else {
                reader = try TMXReader(path: path)
            }
            condition.lock()
            header = reader.header
            condition.broadcast()
            condition.unlock()
            var batch: [TMXUnit] = []
            batch.reserveCapacity(Self.batchSize)
            while let unit = try reader.next() {
                batch.append(unit)
                if batch.count == Self.batchSize {
                    guard put(batch) else { return }
                    batch = []
                    batch.reserveCapacity(Self.batchSize)
                }
            }
            if !batch.isEmpty {
                guard put(batch) else { return }
            }
            end(warnings: reader.warnings, failure: nil)
        } catch {
            end(warnings: [], failure: error)
        }
    }

    /// Queues a batch, waiting while the queue is full; false when cancelled.
    private func put(_ batch: [TMXUnit]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= Self.maxBatches, !cancelled { condition.wait() }
        guard !cancelled else { return false }
        batches.append(batch)
        condition.broadcast()
        return true
    }

    private func end(warnings: [FormatWarning], failure: FormatError?) {
        condition.lock()
        readWarnings = warnings
        self.failure = failure
        finished = true
        condition.broadcast()
        condition.unlock()
    }
}
