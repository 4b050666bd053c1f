import Foundation

/// Every rule and table under a rules directory that a command uses (its `RuleScope`), compiled
/// once before any input is read.
public final class RuleSet {
    public let directory: String
    /// Whether the search hints are ignored (see `init(directory:scope:fullScan:)`).
    public let fullScan: Bool
    /// What was compiled and read.
    public let scope: RuleScope
    /// Every rule of the directory as parsed, in file-path order; the rules of the fields in
    /// `scope` with their includes expanded (as compiled), the others with their patterns as written.
    public let definitions: [RuleDefinition]
    /// Compiled rules by field (the fields in `scope`), each list in file-path order.
    public let rulesByField: [String: [CompiledRule]]
    /// All compiled rules in file-path order.
    public let rules: [CompiledRule]
    private let orgTable: OrgDirectory
    private let numberWordTable: [String: Double]
    private let benchmarkAliasTable: BenchmarkAliases

    /// Loads `directory`: parses every rule file and compiles the rules of `scope`'s fields, reads
    /// `scope`'s tables; throws the first invalid rule or table as `file:line: …`.
    /// `fullScan` ignores the rules' `starts:`/`window:` search hints (every pattern runs over the
    /// whole text), to check that the hints change nothing.
    public init(directory: String, scope: RuleScope = .everything, fullScan: Bool = false) throws(RuleError) {
        self.directory = directory
        self.fullScan = fullScan
        self.scope = scope
        let files = try RuleSet.ruleFiles(in: directory)
        var definitions: [RuleDefinition] = []
        var all: [CompiledRule] = []
        var ids: [String: String] = [:]
        var includes = PatternIncludes(directory: directory)
        for path in files where path.hasSuffix(".rule") {
            var def = try RuleFileParser.parse(bytes: try RuleSet.readBytes(path), file: path)
            let compiled = scope.compiles(def.field)
            if compiled {
                def.pattern = try includes.expand(def.pattern, file: path, line: def.patternLine)
                if let c = def.continuation { def.continuation = try includes.expand(c, file: path, line: def.continuationLine) }
                def.starts = try includes.expandLiterals(def.starts, file: path, line: def.hintLine)
                def.startsInside = try includes.expandLiterals(def.startsInside, file: path, line: def.hintLine)
            }
            if let other = ids[def.id] {
                throw RuleError(file: path, line: 1, message: "rule id '\(def.id)' is also used by \(other)")
            }
            ids[def.id] = path
            if compiled { all.append(try CompiledRule(def, fullScan: fullScan)) }
            definitions.append(def)
        }
        self.definitions = definitions
        rules = all
        rulesByField = Dictionary(grouping: all, by: { $0.field })
        let aliasPath = directory + "/orgs/aliases.txt"
        orgTable = scope.tables.contains(.orgs) && RuleSet.exists(aliasPath)
            ? try OrgDirectory.parse(bytes: try RuleSet.readBytes(aliasPath), file: aliasPath)
            : OrgDirectory(entries: [])
        let wordsPath = directory + "/numbers/number-words.tsv"
        numberWordTable = scope.tables.contains(.numberWords) && RuleSet.exists(wordsPath)
            ? try RuleSet.parseNumberWords(try RuleSet.readText(wordsPath), file: wordsPath)
            : [:]
        let benchmarkAliasPath = directory + "/benchmarks/aliases.txt"
        benchmarkAliasTable = scope.tables.contains(.benchmarkAliases) && RuleSet.exists(benchmarkAliasPath)
            ? try BenchmarkAliases.parse(text: try RuleSet.readText(benchmarkAliasPath), file: benchmarkAliasPath)
            : BenchmarkAliases(entries: [])
    }

    /// A second rule set with the same rules and tables, for another thread: each compiled pattern
    /// shares `other`'s compiled and JIT code (made once, by the first thread to need it) and has
    /// match data of its own (`PCRE2Pattern.init(copying:)`), without reading, parsing or compiling
    /// again. Make it while no other thread uses `other` (e.g. before handing it to a worker).
    public init(copying other: RuleSet) {
        directory = other.directory
        fullScan = other.fullScan
        scope = other.scope
        definitions = other.definitions
        let all = other.rules.map(CompiledRule.init(copying:))
        rules = all
        rulesByField = Dictionary(grouping: all, by: { $0.field })
        orgTable = other.orgTable
        numberWordTable = other.numberWordTable
        benchmarkAliasTable = other.benchmarkAliasTable
        aliasParts = other.aliasParts
        aliasRuleMade = other.aliasRuleMade.map { made in made.map(CompiledRule.init(copying:)) }
    }

    /// The organisation alias table (`orgs/aliases.txt`); the scope must read it.
    public var orgs: OrgDirectory {
        precondition(scope.tables.contains(.orgs), "orgs/aliases.txt is not in this rule set's scope")
        return orgTable
    }

    /// Number words (`six` → 6) from `numbers/number-words.tsv`; the scope must read it.
    public var numberWords: [String: Double] {
        precondition(scope.tables.contains(.numberWords), "numbers/number-words.tsv is not in this rule set's scope")
        return numberWordTable
    }

    /// The benchmark alias table (`benchmarks/aliases.txt`); the scope must read it.
    public var benchmarkAliases: BenchmarkAliases {
        precondition(scope.tables.contains(.benchmarkAliases), "benchmarks/aliases.txt is not in this rule set's scope")
        return benchmarkAliasTable
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

    /// The rule that finds the organisation names of the alias table in text (`aliasAlternation`),
    /// nil when the table has none; compiled on first use (by the extractor) and copied by copies.
    public func aliasRule() throws(RuleError) -> CompiledRule? {
        if let made = aliasRuleMade { return made }
        var made: CompiledRule?
        if let (alternation, filter) = aliasAlternation {
            let definition = RuleDefinition(
                id: "orgs.aliases", field: "orgs", description: "Organisation names of orgs/aliases.txt",
                pattern: "(?<![\\p{L}\\p{N}_])(?<raw>" + alternation + ")(?![\\p{L}\\p{N}_])",
                flags: [], prefilters: [], priority: 0, attributes: [:], matchExamples: [], noMatchExamples: [],
                file: directory + "/orgs/aliases.txt", patternLine: 1)
            // The names themselves say where a match can begin (unless every shortcut is off).
            made = try CompiledRule(definition, startFilter: filter)
        }
        aliasRuleMade = .some(made)
        return made
    }
    private var aliasRuleMade: CompiledRule??

    /// The definitions of the rules of `field` (compiled or not), in file order: for the stages
    /// that read only the rules' attributes.
    public func definitions(for field: String) -> [RuleDefinition] { definitions.filter { $0.field == field } }

    /// The rules feeding `field`, in file order.
    public func rules(for field: String) -> [CompiledRule] {
        precondition(scope.compiles(field), "the rules of field '\(field)' are not in this rule set's scope")
        return rulesByField[field] ?? []
    }

    /// The one rule with this id, or nil.
    public func rule(id: String) -> CompiledRule? { rules.first { $0.id == id } }

    static func ruleFiles(in directory: String) throws(RuleError) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw RuleError(file: directory, line: 0, message: "rules directory not found")
        }
        var paths: [String] = []
        RuleSet.walk(directory, into: &paths)
        return paths.sorted()
    }

    /// Every entry under `directory`, directories too, at any depth (not into symbolic links to
    /// directories), as `directory/relative/path`: what `FileManager.enumerator(atPath:)` lists,
    /// read with `readdir` (the enumerator was a tenth of a stage's start-up).
    private static func walk(_ directory: String, into paths: inout [String]) {
        guard let stream = opendir(directory) else { return }
        defer { closedir(stream) }
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let path = directory + "/" + name
            paths.append(path)
            var isDirectory = entry.pointee.d_type == UInt8(DT_DIR)
            if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                var info = stat()
                isDirectory = lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
            }
            if isDirectory { walk(path, into: &paths) }
        }
    }

    static func readBytes(_ path: String) throws(RuleError) -> [UInt8] {
        do {
            return try readWholeFile(path)
        } catch {
            throw RuleError(file: path, line: 0, message: error.message)
        }
    }

    static func readText(_ path: String) throws(RuleError) -> String {
        String(decoding: try RuleSet.readBytes(path), as: UTF8.self)
    }

    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

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
