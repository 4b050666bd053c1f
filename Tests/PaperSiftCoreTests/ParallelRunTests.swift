import Foundation
import Testing
@testable import PaperSiftCore

@Suite struct ParallelRunTests {
    /// The records and the context's counts of one fused run.
    func run(threads: Int, paths: [String] = Fixtures.corpus) throws -> ([String], [Int]) {
        let (context, _) = Fixtures.context()
        var lines: [String] = []
        try FusedPipeline(rules: Fixtures.rules, threads: threads).run(paths: paths, context: context) {
            lines.append(String(decoding: $0, as: UTF8.self))
        }
        return (lines, [context.recordsIn, context.recordsOut, context.recordsMerged, context.recordsRejected])
    }

    @Test func threadedRunGivesTheSameRecordsAsTheSerialOne() throws {
        let serial = try run(threads: 1)
        #expect(serial.0.count > 100)
        #expect(serial.0 == (try runPipeline(Fixtures.corpus, throughJSON: true)))
        for threads in [2, 3] {
            let threaded = try run(threads: threads)
            #expect(threaded.0 == serial.0, "threads: \(threads)")
            #expect(threaded.1 == serial.1, "threads: \(threads)")
        }
    }

    /// An input of fewer records than one batch starts no thread: the calling thread makes
    /// them as a worker would, with the same records and counts as a serial run.
    @Test func anInputSmallerThanABatchGivesTheSerialRecords() throws {
        let small = Fixtures.corpus.filter { $0.hasSuffix("001_ca8396cd5f072a46.txt") }
        let serial = try run(threads: 1, paths: small)
        #expect(serial.0.count > 10 && serial.0.count < FusedPipeline.batchSize)
        let threaded = try run(threads: 2, paths: small)
        #expect(threaded.0 == serial.0)
        #expect(threaded.1 == serial.1)
    }

    @Test func workersHandResultsBackInSubmissionOrder() {
        // Uneven work per input, so later inputs often finish first.
        let work: [([Int]) -> [Int]] = (0..<3).map { _ in { batch in
            usleep(UInt32((batch[0] * 7919) % 5) * 200)
            return batch.map { $0 * 2 }
        } }
        let workers = OrderedWorkers(makers: work.map { w in { w } })
        var delivered: [Int] = []
        for i in 0..<200 { workers.submit([i, i]) { delivered += $0 } }
        workers.finish { delivered += $0 }
        workers.stop()
        #expect(delivered == (0..<200).flatMap { [2 * $0, 2 * $0] })
    }

    @Test func eachMakerRunsOnItsOwnWorkerThread() {
        // Every worker's state is made on the thread that uses it, never on the submitting one.
        final class Seen: @unchecked Sendable { let lock = NSLock(); var made: [String] = [] }
        let seen = Seen()
        let submitter = "\(Thread.current)"
        let makers: [() -> ([Int]) -> [String]] = (0..<2).map { _ in {
            let own = "\(Thread.current)"
            seen.lock.lock(); seen.made.append(own); seen.lock.unlock()
            return { batch in batch.map { _ in own } }
        } }
        let workers = OrderedWorkers(makers: makers)
        var ran: [String] = []
        for i in 0..<50 { workers.submit([i]) { ran += $0 } }
        workers.finish { ran += $0 }
        workers.stop()
        #expect(ran.count == 50)
        #expect(Set(ran).isSubset(of: Set(seen.made)))
        #expect(!seen.made.contains(submitter))
    }
    @Test func theSubmittingThreadTakesInputsTooAndOrderHolds() {
        // One worker thread and the caller: both take inputs (uneven work, so the caller finds
        // inputs queued), the caller's closure runs only on the submitting thread, and results
        // still come back in submission order.
        final class Seen: @unchecked Sendable { let lock = NSLock(); var byWorker = 0 }
        let seen = Seen()
        let submitter = Thread.current
        let worker: () -> ([Int]) -> [Int] = { { batch in
            usleep(UInt32((batch[0] * 7919) % 5) * 300)
            seen.lock.lock(); seen.byWorker += 1; seen.lock.unlock()
            return batch.map { $0 * 2 }
        } }
        var byCaller = 0
        var callerOffThread = false
        let workers = OrderedWorkers(makers: [worker], caller: { batch in
            if Thread.current != submitter { callerOffThread = true }
            byCaller += 1
            usleep(UInt32((batch[0] * 7919) % 5) * 300)
            return batch.map { $0 * 2 }
        })
        var delivered: [Int] = []
        for i in 0..<300 { workers.submit([i, i]) { delivered += $0 } }
        workers.finish { delivered += $0 }
        workers.stop()
        #expect(delivered == (0..<300).flatMap { [2 * $0, 2 * $0] })
        #expect(!callerOffThread)
        #expect(byCaller > 0)
        #expect(seen.byWorker > 0)
        #expect(byCaller + seen.byWorker == 300)
    }
}
