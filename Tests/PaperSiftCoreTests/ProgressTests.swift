import Testing
import PaperSiftCore

/// `--progress`: the line, the throttle, and how rarely the hot path looks at the clock. Time is a
/// counter the test advances, so nothing here depends on how fast the machine is.
@Suite struct ProgressTests {
    final class FakeClock {
        var now: UInt64 = 1_000
        var reads = 0
        func read() -> UInt64 { reads += 1; return now }
    }

    final class Sink { var text = "" }

    static func meter(interactive: Bool, explicit: Bool) -> (ProgressMeter, FakeClock, Sink) {
        let clock = FakeClock(), sink = Sink()
        let meter = ProgressMeter(label: "sift-test", interactive: interactive, explicit: explicit,
                                  clock: clock.read, write: { sink.text += $0 })
        return (meter, clock, sink)
    }

    @Test func lineShowsRecordsMegabytesThroughputAndElapsedTime() {
        #expect(ProgressMeter.line(label: "sift-clean", records: 1_234_567, bytes: 512_345_678,
                                   elapsedNanoseconds: 6_000_000_000)
                == "sift-clean: 1,234,567 records, 512.3 MB, 85.4 MB/s, 0:06")
        #expect(ProgressMeter.line(label: "s", records: 0, bytes: 0, elapsedNanoseconds: 0) == "s: 0 records, 0.0 MB, 0.0 MB/s, 0:00")
        #expect(ProgressMeter.line(label: "s", records: 999, bytes: 1, elapsedNanoseconds: 3_725_000_000_000)
                .hasSuffix("1:02:05"))
    }

    @Test func aTerminalGetsAtMostFourUpdatesASecondRedrawnInPlace() {
        let (meter, clock, sink) = ProgressTests.meter(interactive: true, explicit: false)
        for i in 1...100 {  // ten seconds, an update asked for every 100 ms
            clock.now += 100_000_000
            meter.tick(records: i, bytes: i * 1000)
        }
        #expect(meter.draws <= 40)
        #expect(meter.draws >= 30)
        #expect(!sink.text.contains("\n"))
        #expect(sink.text.hasPrefix("\rsift-test: "))
        meter.finish(records: 100, bytes: 100_000)
        #expect(sink.text.hasSuffix("sift-test: 100 records, 0.1 MB, 0.0 MB/s, 0:10\u{1B}[K\n"))
    }

    @Test func aLogGetsOneLineASecond() {
        let (meter, clock, sink) = ProgressTests.meter(interactive: false, explicit: true)
        for i in 1...100 {
            clock.now += 100_000_000
            meter.tick(records: i, bytes: 0)
        }
        #expect(meter.draws == 10)
        #expect(!sink.text.contains("\r"))
        meter.finish(records: 100, bytes: 0)
        #expect(sink.text.split(separator: "\n").count == 11)
    }

    @Test func aShortRunOnATerminalPrintsNothingUnlessAskedFor() {
        let (quiet, _, quietSink) = ProgressTests.meter(interactive: true, explicit: false)
        quiet.tick(records: 10, bytes: 10)
        quiet.finish(records: 10, bytes: 10)
        #expect(quietSink.text.isEmpty)
        let (asked, _, askedSink) = ProgressTests.meter(interactive: false, explicit: true)
        asked.finish(records: 10, bytes: 10)
        #expect(askedSink.text == "sift-test: 10 records, 0.0 MB, 0.0 MB/s, 0:00\n")
    }

    @Test func diagnosticsWipeTheLineFirst() throws {
        let (meter, clock, sink) = ProgressTests.meter(interactive: true, explicit: false)
        var diagnostics: [String] = []
        let context = RunContext(stage: "sift-test", diagnostics: { diagnostics.append(sink.text); sink.text += $0 + "\n" })
        context.progress = meter
        clock.now += 1_000_000_000
        for _ in 0..<ProgressMeter.checkInterval { context.countBytes(10) }
        #expect(meter.draws == 1)
        try context.reject(file: "f", line: 3, reason: "bad", raw: "x")
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].hasSuffix("\r\u{1B}[K"))
    }

    @Test func theHotPathReadsTheClockOnlyOnceEveryCheckInterval() {
        let (meter, clock, _) = ProgressTests.meter(interactive: true, explicit: false)
        let context = RunContext(stage: "sift-test", diagnostics: { _ in })
        context.progress = meter
        let readsAtStart = clock.reads
        let records = ProgressMeter.checkInterval * 10 + 17
        for _ in 0..<records { context.countBytes(100) }
        #expect(clock.reads - readsAtStart == 10)
        #expect(context.recordsRead == records)
        #expect(context.bytesIn == records * 100)
    }
}
