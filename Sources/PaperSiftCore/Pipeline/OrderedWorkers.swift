import Foundation

/// A fixed set of worker threads that process inputs in parallel and hand the results back on
/// the submitting thread in submission order, so output stays byte-identical to a serial run.
///
/// Each worker owns its own state (its maker is called once, on its thread, so workers set up in
/// parallel with the submitting thread's first inputs), which is how compiled patterns, not
/// thread-safe, are kept to one thread. At most `2 × workers` inputs are in flight, which bounds
/// memory.
final class OrderedWorkers<Input, Output>: @unchecked Sendable {
    private let condition = NSCondition()
    private var queue: [(Int, Input)] = []
    private var queueHead = 0
    private var results: [Int: Output] = [:]
    private var submitted = 0
    private var delivered = 0
    private var stopping = false
    private let maxInFlight: Int

    /// Starts one thread per element of `makers`; each maker is called on its thread and the
    /// closure it returns is only ever called there.
    init(makers: [() -> (Input) -> Output]) {
        maxInFlight = max(2, 2 * makers.count)
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
            while results[delivered] == nil && submitted - delivered >= limit { condition.wait() }
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
            if queueHead == queue.count { condition.unlock(); return }
            let (sequence, input) = queue[queueHead]
            queueHead += 1
            if queueHead > 64 && queueHead * 2 > queue.count {
                queue.removeFirst(queueHead)
                queueHead = 0
            }
            condition.unlock()
            let output = work(input)
            condition.lock()
            results[sequence] = output
            condition.broadcast()
            condition.unlock()
        }
    }
}

/// Carries a worker's maker to its thread.
private struct MakerBox<Input, Output>: @unchecked Sendable {
    let make: () -> (Input) -> Output
    init(_ make: @escaping () -> (Input) -> Output) { self.make = make }
}
