import Dispatch
import Foundation
import OrderedJSON

/// Runs a per-line job over a JSONL stream on several cores and writes the
/// results in input order.
///
/// Lines are read in batches; each batch is processed with up to `jobs`
/// threads and written before the next is read, so memory stays bounded and
/// output order never depends on scheduling. A job returns the records for its
/// line (a `--per-turn` encode may produce several) and never throws: failures
/// are records too, so one bad sample cannot stop the run.
struct BatchProcessor {
    /// Threads to use; 1 processes on the calling thread.
    var jobs: Int
    /// Lines per batch.
    var batchSize: Int = 512

    /// Processes every line of `reader` with `job`, writing to `writer`, and
    /// returns how many records carried an `"error"`; throws when the output
    /// could not be written.
    func run(
        _ reader: JSONLinesReader,
        into writer: JSONLinesWriter,
        progress: ProgressReporter? = nil,
        job: @escaping @Sendable (InputLine) -> [JSONValue]
    ) throws -> Int {
        var failures = 0
        var batch: [InputLine] = []
        batch.reserveCapacity(batchSize)
        // Each worker also writes its records' text (a long prompt's JSON
        // escaping costs about as much as rendering it), so only the ordered
        // write of finished lines is left to this thread.
        let serializingJob: @Sendable (InputLine) -> WrittenRecords = { line in WrittenRecords(job(line)) }
        func flush() {
            for written in process(batch, job: serializingJob) {
                failures += written.failures
                writer.write(lines: written.text)
            }
            progress?.advance(by: batch.count)
            batch.removeAll(keepingCapacity: true)
        }
        for line in reader {
            batch.append(line)
            if batch.count == batchSize { flush() }
        }
        if !batch.isEmpty { flush() }
        progress?.finish()
        try writer.finish()
        return failures
    }

    private func process(_ batch: [InputLine], job: @escaping @Sendable (InputLine) -> WrittenRecords) -> [WrittenRecords] {
        if jobs <= 1 || batch.count == 1 { return batch.map(job) }
        let results = RecordSlots(count: batch.count)
        let lines = batch
        let workers = min(jobs, batch.count)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var i = worker
            while i < lines.count {
                results.store(job(lines[i]), at: i)
                i += workers
            }
        }
        return results.values
    }
}

/// One slot per line, each written by exactly one worker thread, read after
/// all workers are done; that discipline is what makes the unchecked
/// `Sendable` sound. The slots are memory allocated once, never a Swift
/// array: reaching into an array from several threads at once, even through
/// `withUnsafeMutableBufferPointer`, is a mutation of the array itself by each
/// of them (ThreadSanitizer reports it).
private final class RecordSlots: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<WrittenRecords>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: WrittenRecords([]))
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func store(_ records: WrittenRecords, at index: Int) {
        slots[index] = records
    }

    var values: [WrittenRecords] { Array(slots) }
}

/// The JSONL text of one line's records and how many of them are errors.
struct WrittenRecords: Sendable {
    var text: [UInt8] = []
    var failures = 0

    init(_ records: [JSONValue]) {
        for record in records {
            if record["error"] != nil { failures += 1 }
            PythonJSONWriter.compact.write(record, into: &text)
            text.append(0x0A)
        }
    }
}

/// The number of cores to use when `--jobs` is not given.
func defaultJobCount() -> Int {
    max(1, ProcessInfo.processInfo.activeProcessorCount)
}
