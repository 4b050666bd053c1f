import ArgumentParser
import PaperSiftCore
#if canImport(Glibc)
import Glibc
#endif

/// Runs a stage command with papersift's exit codes: 0 ok, 1 records rejected, 2 usage or
/// configuration error, 3 input/output error, 4 stopped by `--strict`.
public enum StageMain {
    public static func run<Command: ParsableCommand>(_ type: Command.Type, arguments: [String]? = nil) -> Never {
        do {
            var command = try type.parseAsRoot(arguments)
            try command.run()
            exit(SiftExitCode.ok.rawValue)
        } catch let failure as StageFailure {
            if let message = failure.message { FileHandleStderr.write("\(type.configuration.commandName ?? "papersift"): \(message)\n") }
            exit(failure.code.rawValue)
        } catch let stop as StrictStop {
            FileHandleStderr.write("\(type.configuration.commandName ?? "papersift"): stopped (--strict): \(stop)\n")
            exit(SiftExitCode.strictStop.rawValue)
        } catch {
            let code = type.exitCode(for: error)
            let message = type.fullMessage(for: error)
            if code == .success {
                print(message)
                exit(SiftExitCode.ok.rawValue)
            }
            // The parser's message already ends with a hint ("Did you mean …?", "See '… --help'").
            FileHandleStderr.write(message + "\n")
            exit(SiftExitCode.usage.rawValue)
        }
    }
}
