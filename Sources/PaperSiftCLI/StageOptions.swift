import ArgumentParser
import PaperSiftCore

/// `--rules DIR`: for the commands that load rules (every stage but `sift-dedupe`).
public struct RulesOption: ParsableArguments {
    public init() {}

    @Option(help: ArgumentHelp("Rules directory (default: $PAPERSIFT_RULES, else the installed rules/).", valueName: "dir"),
            completion: .directory)
    public var rules: String?

    /// Loads the rules a command uses (`scope`), or ends the run with exit 2 and `file:line: message`.
    public func load(_ scope: RuleScope, fullScan: Bool = false) throws -> RuleSet {
        try CommonOptions.loadRules(directory: rules, scope: scope, fullScan: fullScan)
    }
}

/// `--format FORMAT`: for the commands that read raw documents (`sift-clean`, `sift run`).
public struct FormatOption: ParsableArguments {
    public init() {}

    @Option(help: ArgumentHelp("Input format instead of sniffing it: \(InputFormat.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "format"),
            completion: .list(InputFormat.allCases.map(\.rawValue)))
    public var format: String?

    public func validate() throws {
        if let format, InputFormat(rawValue: format) == nil {
            throw ValidationError("unknown format '\(format)'; expected one of: \(InputFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    /// The format `--format` names, nil when the input's format is sniffed.
    public var forcedFormat: InputFormat? { format.flatMap(InputFormat.init(rawValue:)) }
}

/// `--full-scan`: for the commands that run the extraction rules (`sift-extract`, `sift run`).
public struct FullScanOption: ParsableArguments {
    public init() {}

    @Flag(help: "Run every rule over the whole text, ignoring the rules' starts:/window: search hints (slower; output must not change, so this checks the hints).")
    public var fullScan = false
}
