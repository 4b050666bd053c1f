import PaperSiftCore
#if canImport(Glibc)
import Glibc
#endif

/// Stops the fuzzer with a message when an invariant does not hold (libFuzzer saves the input).
public func invariant(_ condition: Bool, _ message: @autoclosure () -> String) {
    guard !condition else { return }
    FileHandleStderr.write("papersift fuzz: invariant broken: \(message())\n")
    abort()
}

/// The repository's rules ($PAPERSIFT_RULES, else found from the executable), loaded once.
nonisolated(unsafe) public let fuzzRules: RuleSet = {
    do { return try RuleSet(directory: RuleSet.defaultDirectory()) } catch {
        FileHandleStderr.write("papersift fuzz: rules do not load: \(error)\n")
        exit(2)
    }
}()

/// One file, rewritten for every input, for the code paths that read inputs by path.
public enum ScratchFile {
    public static let path: String = {
        let dir = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        return "\(dir)/papersift-fuzz-\(getpid()).input"
    }()

    public static func write(_ data: UnsafeBufferPointer<UInt8>) -> String {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        invariant(fd >= 0, "cannot write \(path)")
        var offset = 0
        while offset < data.count {
            let n = Glibc.write(fd, data.baseAddress! + offset, data.count - offset)
            invariant(n > 0, "cannot write \(path)")
            offset += n
        }
        close(fd)
        return path
    }
}

/// The whole pipeline over one input, checked: every stage balances its record account, and every
/// record written reads back as the same record.
public final class CheckedPipeline {
    private let pipeline: FusedPipeline

    public init() {
        do { pipeline = try FusedPipeline(rules: fuzzRules) } catch {
            FileHandleStderr.write("papersift fuzz: invalid rules: \(error)\n")
            exit(2)
        }
    }

    public func run(_ data: UnsafeBufferPointer<UInt8>, format: InputFormat?) {
        let path = ScratchFile.write(data)
        let context = RunContext(stage: "fuzz", quiet: true, diagnostics: { _ in })
        var written: [String] = []
        do {
            try pipeline.run(paths: [path], forcedFormat: format, context: context) { written.append(String(decoding: $0, as: UTF8.self)) }
        } catch {
            invariant(false, "a run without --strict stopped: \(error)")
        }
        invariant(context.isBalanced, context.statsLines.joined(separator: "\n"))
        invariant(context.recordsOut == written.count, "out \(context.recordsOut) but \(written.count) records written")
        for line in written {
            do {
                let again = try PaperRecord(json: JSONParser.parse(line)).jsonString()
                invariant(again == line, "record does not read back the same:\n\(line)\n\(again)")
            } catch {
                invariant(false, "written record does not parse: \(error)\n\(line)")
            }
        }
    }
}
