import CFuzzer
#if canImport(Glibc)
import Glibc
#endif

/// Runs libFuzzer with the program's arguments on `callback`, and exits with its status.
/// (SwiftPM gives every executable its own `main`, so libFuzzer's is not used.)
public func runFuzzer(_ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, callback))
}
