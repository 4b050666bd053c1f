import Testing
import PaperSiftCore

/// How a run's outcome maps to the documented exit codes.
@Suite struct RunContextTests {
    @Test func anUnreadableInputOutranksRejectedRecords() throws {
        let (clean, _) = Fixtures.context()
        #expect(clean.exitCode == .ok)

        let (rejecting, _) = Fixtures.context()
        try rejecting.reject(file: "a.jsonl", line: 2, reason: "not JSON", raw: "x")
        #expect(rejecting.exitCode == .rejected)

        let (failing, lines) = Fixtures.context()
        try failing.reject(file: "a.jsonl", line: 2, reason: "not JSON", raw: "x")
        try failing.inputFailed("missing.txt: No such file or directory")
        #expect(failing.exitCode == .ioError)
        #expect(failing.inputsFailed == 1)
        #expect(lines.lines.last == "test: missing.txt: No such file or directory")
    }
}
