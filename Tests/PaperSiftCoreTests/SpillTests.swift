import Foundation
import Testing
@testable import PaperSiftCore

/// The external-memory pieces on their own: with a tiny budget they must write many runs (more
/// than one merge level) and still give back exactly what an in-memory sort gives.
@Suite struct SpillTests {
    static let directory = SpillDirectory(NSTemporaryDirectory())

    @Test func byteSorterGivesSortedEntriesThroughManyRunLevels() throws {
        var rng = SplitMix(seed: 7)
        var entries: [([UInt8], [UInt8])] = []
        for i in 0..<20_000 {
            var key = Array("k\(rng.next() % 5000)".utf8)
            key.append(0)
            appendBE(UInt64(i), to: &key)
            let value = (0..<Int(rng.next() % 300)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            entries.append((key, value))
        }
        let budget = MemoryBudget(limit: 16 << 10)
        let sorter = ByteSorter(directory: SpillTests.directory, budget: budget)
        for (k, v) in entries { try sorter.add(key: k, value: v) }
        #expect(sorter.runsWritten > RunLevels.fanIn * 2)
        var out: [([UInt8], [UInt8])] = []
        while let (k, v) = try sorter.next() { out.append((Array(k), Array(v))) }
        let expected = entries.sorted { $0.0.lexicographicallyPrecedes($1.0) }
        #expect(out.count == expected.count)
        #expect(out.map(\.0).elementsEqual(expected.map(\.0)) && out.map(\.1).elementsEqual(expected.map(\.1)))
    }

    @Test func tupleSorterGivesSortedValuesThroughManyRunLevels() throws {
        var rng = SplitMix(seed: 9)
        let values = (0..<100_000).map { _ in BandTuple(key: rng.next() % 3000, slot: UInt32(truncatingIfNeeded: rng.next())) }
        let budget = MemoryBudget(limit: 8 << 10)
        let sorter = TupleSorter<BandTuple>(directory: SpillTests.directory, budget: budget)
        for v in values { try sorter.add(v) }
        #expect(sorter.runsWritten > RunLevels.fanIn * 2)
        var out: [BandTuple] = []
        while let v = try sorter.next() { out.append(v) }
        let expected = values.sorted()
        #expect(out.count == expected.count)
        #expect(out.elementsEqual(expected), "first difference at \(String(describing: out.indices.first { $0 < expected.count && out[$0] != expected[$0] }))")
    }

    @Test func logAndSlotStoreReadBackWhatWasWrittenAfterSpilling() throws {
        let budget = MemoryBudget(limit: 64 << 10)
        let log = RecordLog(directory: SpillTests.directory, budget: budget)
        let slots = SlotStore(slotSize: 299, directory: SpillTests.directory, budget: budget)
        var rng = SplitMix(seed: 11)
        var records: [[UInt8]] = [], slotValues: [[UInt8]] = []
        for _ in 0..<5000 {
            let r = (0..<Int(rng.next() % 2000)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            records.append(r)
            try withBytes(of: r) { (p: UnsafeRawBufferPointer) throws(SpillError) in try log.append(p) }
            let s = (0..<299).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            slotValues.append(s)
            _ = try slots.append(s)
        }
        #expect(log.memoryInUse < 64 << 10 && slots.memoryInUse < 64 << 10, "both spilled")
        var slotsRead: [[UInt8]] = []
        for i in slotValues.indices.reversed() {
            slotsRead.append(try slots.withSlot(UInt32(i)) { Array(UnsafeRawBufferPointer(start: $0, count: 299)) })
        }
        #expect(slotsRead.reversed().elementsEqual(slotValues))
        var back: [[UInt8]] = []
        while let r = try log.next() { back.append(Array(r)) }
        #expect(back.count == records.count && back.elementsEqual(records))
    }
}
