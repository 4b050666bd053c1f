import Foundation
import Testing
@testable import PaperSiftCore

/// `-o FILE` and `--rejects FILE` are written to a temporary file in the same directory and
/// renamed when the run reaches its end, so an interrupted run never leaves a truncated file
/// under the real name (nor a temporary file behind).
@Suite struct OutputFileTests {
    static func entries(_ dir: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
    }

    /// The segment stage's corpus input with line 3 truncated (a record `--strict` stops at).
    static func inputWithABadLine() -> String {
        var lines = Fixtures.textLines(Fixtures.stageInput["sift-segment"]!)
        lines[2] = "{\"file\":"
        return Fixtures.temporaryFile(lines.map { $0 + "\n" }.joined(), name: "bad.jsonl")
    }

    @Test func outputAppearsWithTheSameBytesAsStandardOutput() throws {
        let dir = Fixtures.temporaryDirectory()
        let r = try Tools.run("sift", ["run", "-o", dir + "/papers.jsonl", "--rejects", dir + "/rejects.jsonl"] + Fixtures.corpus)
        #expect(r.status == 0)
        #expect(r.stdout.isEmpty)
        #expect(Self.entries(dir) == ["papers.jsonl", "rejects.jsonl"])
        let expected = try Tools.run("sift", ["run"] + Fixtures.corpus)
        expectSameOutput(Fixtures.bytes(dir + "/papers.jsonl"), expected.stdout)
        #expect(Fixtures.bytes(dir + "/rejects.jsonl").isEmpty)
    }

    @Test func replacingAFileKeepsItsPermissions() throws {
        let dir = Fixtures.temporaryDirectory()
        let target = dir + "/out.jsonl"
        _ = FileManager.default.createFile(atPath: target, contents: Data("old\n".utf8))
        chmod(target, 0o600)
        let r = try Tools.run("sift-clean", ["-o", target, Fixtures.corpus[0]])
        #expect(r.status == 0)
        expectSameOutput(Fixtures.bytes(target), (try Tools.run("sift-clean", [Fixtures.corpus[0]])).stdout)
        let mode = (try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int) ?? -1
        #expect(mode == 0o600)
    }

    @Test func aStrictStopLeavesTheOldOutputAndNoTemporaryFile() throws {
        let dir = Fixtures.temporaryDirectory()
        let target = dir + "/occurrences.jsonl"
        _ = FileManager.default.createFile(atPath: target, contents: Data("previous run\n".utf8))
        let r = try Tools.run("sift-segment", ["--strict", "-o", target, "--rejects", dir + "/rejects.jsonl", Self.inputWithABadLine()])
        #expect(r.status == 4)
        #expect(r.stderr.contains("stopped (--strict)"))
        #expect(Fixtures.bytes(target) == Array("previous run\n".utf8))
        #expect(Self.entries(dir) == ["occurrences.jsonl", "rejects.jsonl"])
        #expect(Fixtures.textLines(dir + "/rejects.jsonl").count == 1, "the record --strict stopped at")
    }

    @Test func aRunWithRejectsStillWritesItsOutput() throws {
        let dir = Fixtures.temporaryDirectory()
        let r = try Tools.run("sift-segment", ["-q", "-o", dir + "/out.jsonl", Self.inputWithABadLine()])
        #expect(r.status == 1)
        #expect(Fixtures.textLines(dir + "/out.jsonl").count > 100)
        #expect(Self.entries(dir) == ["out.jsonl"])
    }

    @Test func devNullIsWrittenNotReplaced() throws {
        let r = try Tools.run("sift-clean", ["-o", "/dev/null", Fixtures.corpus[0]])
        #expect(r.status == 0)
        let type = try FileManager.default.attributesOfItem(atPath: "/dev/null")[.type] as? FileAttributeType
        #expect(type == .typeCharacterSpecial)
    }

    @Test func anUnwritableOutputDirectoryIsAnIOError() throws {
        let r = try Tools.run("sift-clean", ["-o", "/nonexistent-dir/out.jsonl", Fixtures.corpus[0]])
        #expect(r.status == 3)
        #expect(r.stderr.contains("/nonexistent-dir/out.jsonl"))
    }

    @Test func aTerminatedRunLeavesNeitherOutputNorTemporaryFile() throws {
        let dir = Fixtures.temporaryDirectory()
        let (inputRead, inputWrite) = Tools.pipe()
        let devNull = open("/dev/null", O_WRONLY | O_CLOEXEC)
        let pid = try Tools.spawn(Tools.directory + "/sift-clean", ["-o", dir + "/out.jsonl", "-"],
                                  stdin: inputRead, stdout: devNull, stderr: devNull)
        close(inputRead); close(devNull)
        let page = Fixtures.bytes(Fixtures.corpus[0])
        #expect(page.withUnsafeBytes { write(inputWrite, $0.baseAddress, $0.count) } == page.count) // stdin stays open
        var sawTemporary = false
        for _ in 0..<600 where !sawTemporary { // the temporary file is made before any input is read
            sawTemporary = Self.entries(dir).contains { $0.hasPrefix(".out.jsonl.") && $0.hasSuffix(".tmp") }
            if !sawTemporary { usleep(50_000) }
        }
        #expect(sawTemporary)
        kill(pid, SIGTERM)
        let (status, signaled) = Tools.wait(pid)
        close(inputWrite)
        #expect(signaled && status == SIGTERM, "ended by SIGTERM, as without a handler")
        #expect(Self.entries(dir).isEmpty)
    }
}

/// Standard output into a pipe: the pipe buffer is enlarged so neighbouring stages of a pipeline
/// work at the same time rather than in turns.
@Suite struct PipeBufferTests {
    @Test func aPipeIsRecognisedAndItsBufferEnlarged() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        defer { close(fds[0]); close(fds[1]) }
        #expect(OutputWriter.enlargePipeBuffer(fds[1]))
        #if os(Linux)
        let getPipeSize: Int32 = 1032  // F_GETPIPE_SZ
        let limit = (try? String(contentsOfFile: "/proc/sys/fs/pipe-max-size", encoding: .utf8))
            .flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? 1 << 20
        #expect(fcntl(fds[1], getPipeSize) >= min(1 << 20, limit))
        #endif
        let file = Fixtures.temporaryFile("x")
        let fd = open(file, O_WRONLY)
        defer { close(fd) }
        #expect(!OutputWriter.enlargePipeBuffer(fd))
    }
}
