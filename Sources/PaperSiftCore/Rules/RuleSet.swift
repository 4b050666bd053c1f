import Foundation

/// Every rule and table under a rules directory, compiled once before any input is read.
public final class RuleSet {
    public let directory: String
    /// Whether the search hints are ignored (see `init(directory:fullScan:)`).
    public let fullScan: Bool
    /// Rules by field, each list in file-path order.
    public let rulesByField: [String: [CompiledRule]]
    /// All rules in file-path order.
    public let rules: [CompiledRule]
    /// The organisation alias table (`orgs/aliases.txt`).
    public let orgs: OrgDirectory
    /// Number words (`six` → 6) from `numbers/number-words.tsv`.
    public let numberWords: [String: Double]
    /// The benchmark alias table (`benchmarks/aliases.txt`).
    public let benchmarkAliases: BenchmarkAliases

    /// Loads and compiles `directory`; throws the first invalid rule or table as `file:line: …`.
    /// `fullScan` ignores the rules' `starts:`/`window:` search hints (every pattern runs over the
    /// whole text), to check that the hints change nothing.
    public init(directory: String, fullScan: Bool = false) throws(RuleError) {
        self.directory = directory
        self.fullScan = fullScan
        let files = try RuleSet.ruleFiles(in: directory)
        var all: [CompiledRule] = []
        var ids: [String: String] = [:]
        var includes = PatternIncludes(directory: directory)
        for path in files where path.hasSuffix(".rule") {
            let text = try RuleSet.readText(path)
            var def = try RuleFileParser.parse(text: text, file: path)
            def.pattern = try includes.expand(def.pattern, file: path, line: def.patternLine)
            if let c = def.continuation { def.continuation = try includes.expand(c, file: path, line: def.continuationLine) }
            def.starts = try includes.expandLiterals(def.starts, file: path, line: def.hintLine)
            def.startsInside = try includes.expandLiterals(def.startsInside, file: path, line: def.hintLine)
            if let other = ids[def.id] {
                throw RuleError(file: path, line: 1, message: "rule id '\(def.id)' is also used by \(other)")
            }
            ids[def.id] = path
            all.append(try CompiledRule(def, fullScan: fullScan))
        }
        rules = all
        rulesByField = Dictionary(grouping: all, by: { $0.field })
        let aliasPath = directory + "/orgs/aliases.txt"
        orgs = FileManager.default.fileExists(atPath: aliasPath)
            ? try OrgDirectory.parse(text: try RuleSet.readText(aliasPath), file: aliasPath)
            : OrgDirectory(entries: [])
        let wordsPath = directory + "/numbers/number-words.tsv"
        numberWords = FileManager.default.fileExists(atPath: wordsPath)
            ? try RuleSet.parseNumberWords(try RuleSet.readText(wordsPath), file: wordsPath)
            : [:]
        let benchmarkAliasPath = directory + "/benchmarks/aliases.txt"
        benchmarkAliases = FileManager.default.fileExists(atPath: benchmarkAliasPath)
            ? try BenchmarkAliases.parse(text: try RuleSet.readText(benchmarkAliasPath), file: benchmarkAliasPath)
            : BenchmarkAliases(entries: [])
    }

    /// A second rule set with the same rules and tables, for another thread: the rules are
    /// compiled again from `other`'s definitions (compiled patterns keep per-match state), without
    /// reading or parsing the files again.
    public init(copying other: RuleSet) throws(RuleError) {
        directory = other.directory
        fullScan = other.fullScan
        var all: [CompiledRule] = []
        all.reserveCapacity(other.rules.count)
        for rule in other.rules { all.append(try CompiledRule(rule.definition, fullScan: fullScan)) }
        rules = all
        rulesByField = Dictionary(grouping: all, by: { $0.field })
        orgs = other.orgs
        numberWords = other.numberWords
        benchmarkAliases = other.benchmarkAliases
        aliasParts = .some(other.aliasAlternation)
    }

    /// The organisation names of the alias table as one trie alternation, and where a match may
    /// begin (nil under `fullScan`); made on first use (by the extractor) and handed to copies.
    public var aliasAlternation: (pattern: String, startFilter: StartFilter?)? {
        if let made = aliasParts { return made }
        let names = orgs.textNames
        let made: (pattern: String, startFilter: StartFilter?)?? = names.isEmpty ? .some(nil)
            : (LiteralTrie.alternation(of: names), fullScan ? nil : LiteralTrie.startFilter(of: names, atWordStart: true))
        aliasParts = made
        return made!
    }
    private var aliasParts: (pattern: String, startFilter: StartFilter?)??

    /// The rules feeding `field`, in file order.
    public func rules(for field: String) -> [CompiledRule] { rulesByField[field] ?? [] }

    /// The one rule with this id, or nil.
    public func rule(id: String) -> CompiledRule? { rules.first { $0.id == id } }

    static func ruleFiles(in directory: String) throws(RuleError) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw RuleError(file: directory, line: 0, message: "rules directory not found")
        }
        guard let walker = FileManager.default.enumerator(atPath: directory) else { return [] }
        var paths: [String] = []
        while let relative = walker.nextObject() as? String {
            paths.append(directory + "/" + relative)
        }
        return paths.sorted()
    }

    static func readText(_ path: String) throws(RuleError) -> String {
        do {
            let bytes = try readWholeFile(path)
            return String(decoding: bytes, as: UTF8.self)
        } catch {
            throw RuleError(file: path, line: 0, message: error.message)
        }
    }

    static func parseNumberWords(_ text: String, file: String) throws(RuleError) -> [String: Double] {
        var table: [String: Double] = [:]
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cols = line.split(separator: "\t")
            guard cols.count == 2, let v = Double(cols[1].trimmingCharacters(in: " \r")) else {
                throw RuleError(file: file, line: i + 1, message: "expected 'word<TAB>value'")
            }
            table[cols[0].lowercased()] = v
        }
        return table
    }

    /// The rules directory to use when none is given: `$PAPERSIFT_RULES`, else the `rules/` of the
    /// source tree or installation the executable belongs to (searched upwards, then `../share/papersift/rules`).
    public static func defaultDirectory(executablePath: String = CommandLine.arguments.first ?? "") -> String {
        if let env = ProcessInfo.processInfo.environment["PAPERSIFT_RULES"], !env.isEmpty { return env }
        let exe = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath()
        var dir = exe.deletingLastPathComponent()
        let fm = FileManager.default
        for _ in 0..<6 {
            let installed = dir.appendingPathComponent("share/papersift/rules").path
            if fm.fileExists(atPath: installed) { return installed }
            let candidate = dir.appendingPathComponent("rules")
            if fm.fileExists(atPath: candidate.appendingPathComponent("orgs").path) { return candidate.path }
            dir = dir.deletingLastPathComponent()
        }
        return "rules"
    }
}
