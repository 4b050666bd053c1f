import Foundation

/// A fixed set of worker threads that process inputs in parallel and hand the results back on
/// the submitting thread in submission order, so output stays byte-identical to a serial run.
///
/// Each worker owns its own state (its maker is called once, on its thread, so workers set up in
/// parallel with the submitting thread's first inputs), which is how compiled patterns, not
/// thread-safe, are kept to one thread. At most `2 × workers` inputs are in flight, which bounds
/// memory.
///
/// With a `caller` closure the submitting thread is a worker too: instead of waiting for a
/// result, it takes the next queued input itself (when more are queued than there are threads). `N` cores are then kept busy by `N - 1` threads
/// and the caller, which also does its own work (reading, dedupe) between inputs; with `N`
/// threads besides the caller, three threads shared two cores and evicted each other's caches
/// (every function ran about a fifth slower than on one thread).
final class OrderedWorkers<Input, Output>: @unchecked Sendable {
    private let condition = NSCondition()
    private var queue: [(Int, Input)] = []
    private var queueHead = 0
    private var results: [Int: Output] = [:]
    private var submitted = 0
    private var delivered = 0
    private var stopping = false
    private let maxInFlight: Int
    /// The submitting thread's own work, if it takes inputs too.
    private let caller: ((Input) -> Output)?
    /// The number of worker threads (besides the caller).
    private let threads: Int

    /// Starts one thread per element of `makers`; each maker is called on its thread and the
    /// closure it returns is only ever called there. `caller`, if given, is only ever called on
    /// the thread that submits.
    init(makers: [() -> (Input) -> Output], caller: ((Input) -> Output)? = nil) {
        self.caller = caller
        threads = makers.count
        maxInFlight = max(2, 2 * (makers.count + (caller == nil ? 0 : 1)))
        for m in makers {
            let box = MakerBox(m)
            let thread = Thread { [self] in self.loop(box.make()) }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    deinit { stop() }

    /// Queues `input`, then passes every result that is ready (in order) to `deliver`, waiting
    /// while too many inputs are in flight.
    func submit<E: Error>(_ input: Input, deliver: (Output) throws(E) -> Void) throws(E) {
        condition.lock()
        queue.append((submitted, input))
        submitted += 1
        condition.broadcast()
        condition.unlock()
        try drain(whileInFlightAtLeast: maxInFlight, deliver: deliver)
    }

    /// Waits for every submitted input and delivers the remaining results in order.
    func finish<E: Error>(deliver: (Output) throws(E) -> Void) throws(E) {
        try drain(whileInFlightAtLeast: 1, deliver: deliver)
    }

    /// Lets the threads end once the queue is empty.
    func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        condition.unlock()
    }

    private func drain<E: Error>(whileInFlightAtLeast limit: Int, deliver: (Output) throws(E) -> Void) throws(E) {
        while true {
            condition.lock()
            while results[delivered] == nil && submitted - delivered >= limit {
                // The caller leaves one queued input per worker thread, or it would take them
                // all while the workers sat idle.
                if let caller, queue.count - queueHead > threads, let (sequence, input) = takeQueued() {
                    condition.unlock()
                    let output = caller(input)
                    condition.lock()
                    results[sequence] = output
                    continue
                }
                condition.wait()
            }
            guard let output = results.removeValue(forKey: delivered) else { condition.unlock(); return }
            delivered += 1
            condition.unlock()
            try deliver(output)
        }
    }

    private func loop(_ work: (Input) -> Output) {
        while true {
            condition.lock()
            while queueHead == queue.count && !stopping { condition.wait() }
            guard let (sequence, input) = takeQueued() else { condition.unlock(); return }
            condition.unlock()
            let output = work(input)
            condition.lock()
            results[sequence] = output
            condition.broadcast()
            condition.unlock()
        }
    }
}

extension OrderedWorkers {
    /// The oldest queued input, taken off the queue (the lock held).
    fileprivate func takeQueued() -> (Int, Input)? {
        guard queueHead < queue.count else { return nil }
        let next = queue[queueHead]
        queueHead += 1
        if queueHead > 64 && queueHead * 2 > queue.count {
            queue.removeFirst(queueHead)
            queueHead = 0
        }
        return next
    }
}

/// Carries a worker's maker to its thread.
private struct MakerBox<Input, Output>: @unchecked Sendable {
    let make: () -> (Input) -> Output
    init(_ make: @escaping () -> (Input) -> Output) { self.make = make }
}
