import Foundation
import Testing
import PaperSiftCore

/// `sift-… | head -1` ends quietly with status 0 for every stage and for `sift run`.
@Suite struct PipeTests {
    /// Each executable with the arguments of a real run on the corpus (its output is hundreds of
    /// kilobytes, far more than a pipe holds, so the writer must meet a closed pipe).
    static let commands: [(String, [String])] = [
        ("sift-clean", Fixtures.corpus),
        ("sift-segment", [Fixtures.stageInput["sift-segment"]!]),
        ("sift-extract", [Fixtures.stageInput["sift-extract"]!]),
        ("sift-normalize", [Fixtures.stageInput["sift-normalize"]!]),
        ("sift-dedupe", [Fixtures.stageInput["sift-dedupe"]!]),
        ("sift", ["run"] + Fixtures.corpus),
    ]

    static func quoted(_ args: [String]) -> String { args.map { "'\($0)'" }.joined(separator: " ") }

    @Test(arguments: commands.map(\.0))
    func headOneEndsQuietlyWithStatusZero(tool: String) throws {
        let args = Self.commands.first(where: { $0.0 == tool })!.1
        let full = try Tools.run(tool, args)
        #expect(full.stdout.count > 200_000, "enough output to overflow the pipe")
        // With pipefail the status is the tool's own unless head fails; stderr is the tool's.
        let r = try Tools.shell("set -o pipefail; \(tool) \(Self.quoted(args)) | head -1", shell: "/bin/bash")
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty)
        #expect(r.stdoutLines == [full.stdoutLines[0]])
    }

    @Test(arguments: commands.map(\.0))
    func aPipeWhoseReaderHasGoneIsQuietStatusZero(tool: String) throws {
        let args = Self.commands.first(where: { $0.0 == tool })!.1
        let (reader, writer) = Tools.pipe()
        close(reader) // no reader: every write fails with EPIPE (or raises SIGPIPE, which must be ignored)
        let r = try Tools.run(tool, args, stdoutFD: writer)
        close(writer)
        #expect(!r.signaled, "\(tool) was killed by signal \(r.status)")
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty)
    }
}
