import Foundation
import PaperSiftCore

/// Paths and shared fixtures for the tests.
enum Fixtures {
    /// The repository root (two levels above this file's folder).
    static let root: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }()

    static var rulesDirectory: String { root + "/rules" }

    /// The seed pages of `corpus/`, sorted.
    static var corpus: [String] {
        let dir = root + "/corpus"
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [])
            .filter { $0.hasSuffix(".txt") }.sorted().map { dir + "/" + $0 }
    }

    /// A real sample of `Tests/Fixtures/real/` (e.g. `hf-api/2024-08-01.json`).
    static func real(_ path: String) -> String { root + "/Tests/Fixtures/real/" + path }

    /// Every real sample, as paths relative to `Tests/Fixtures/real/`, in byte order (as `make golden`).
    static var realSamples: [String] {
        let dir = root + "/Tests/Fixtures/real"
        let all = FileManager.default.subpaths(atPath: dir) ?? []
        return all.filter { !$0.hasSuffix("README.md") && !isDirectory(dir + "/" + $0) }.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    static func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }

    /// The lines of a text file.
    static func lines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    /// `sift-clean` in process: the records of `paths`, the context and its diagnostics.
    static func clean(_ paths: [String], format: InputFormat? = nil) throws -> ([CleanRecord], RunContext, Collected) {
        let (context, diagnostics) = Fixtures.context()
        let cleaner = Cleaner(rules: rules)
        var records: [CleanRecord] = []
        for p in paths { try cleaner.clean(path: p, forcedFormat: format, context: context) { records.append($0) } }
        return (records, context, diagnostics)
    }

    /// The rules of the repository, freshly compiled: compiled patterns own mutable match data,
    /// so tests (which run in parallel) must not share one `RuleSet`.
    static var rules: RuleSet {
        do { return try RuleSet(directory: rulesDirectory) } catch { fatalError("rules do not load: \(error)") }
    }

    /// A temporary file holding `text`.
    static func temporaryFile(_ text: String, name: String = "input.txt") -> String {
        temporaryFile(bytes: Array(text.utf8), name: name)
    }

    static func temporaryFile(bytes: [UInt8], name: String = "input.txt") -> String {
        let dir = NSTemporaryDirectory() + "papersift-tests-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let path = dir + "/" + name
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    /// A context that collects diagnostics instead of printing them.
    final class Collected { var lines: [String] = [] }
    static func context(_ stage: String = "test", strict: Bool = false) -> (RunContext, Collected) {
        let c = Collected()
        return (RunContext(stage: stage, strict: strict, diagnostics: { c.lines.append($0) }), c)
    }
}

/// Runs the whole pipeline in process; with `throughJSON`, every record is written as JSON and
/// parsed back between stages, exactly as the piped executables do.
func runPipeline(_ paths: [String], throughJSON: Bool, context: RunContext = Fixtures.context().0) throws -> [String] {
    let rules = Fixtures.rules
    var lines: [String] = []
    if !throughJSON {
        let pipeline = try FusedPipeline(rules: rules)
        try pipeline.run(paths: paths, context: context) { lines.append(String(decoding: $0, as: UTF8.self)) }
        return lines
    }
    func roundTrip<R: JSONRecord>(_ r: R) throws -> R { try R(json: JSONParser.parse(r.jsonString())) }
    var cleaned: [CleanRecord] = []
    let cleaner = Cleaner(rules: rules)
    for p in paths { try cleaner.clean(path: p, context: context) { cleaned.append($0) } }
    let segmenter = Segmenter(rules: rules)
    var occurrences: [Occurrence] = []
    for c in cleaned { try segmenter.process(try roundTrip(c), context: context) { occurrences.append($0) } }
    try segmenter.finish(context: context) { occurrences.append($0) }
    let extractor = try Extractor(rules: rules)
    let normalizer = Normalizer(rules: rules)
    let deduper = Deduper()
    for o in occurrences {
        let extracted = try roundTrip(try extractor.extract(try roundTrip(o)))
        try deduper.add(try roundTrip(normalizer.normalize(extracted)), context: context)
    }
    try deduper.finish(context: context) { lines.append(String(decoding: $0, as: UTF8.self)) }
    return lines
}
