import Foundation
import Testing
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

    /// A sample of `Tests/Fixtures/formats/` (one small document per input format, written for
    /// this project), e.g. `hf-api/2031-02-14.json`.
    static func format(_ path: String) -> String { root + "/Tests/Fixtures/formats/" + path }

    /// Every format sample, as paths relative to `Tests/Fixtures/formats/`, in byte order (as `make golden`).
    static var formatSamples: [String] { files(under: root + "/Tests/Fixtures/formats") }

    /// The team's shared directory `../shared` (or `$PAPERSIFT_SHARED`): third-party samples are
    /// read from there at test time and never copied into the repository.
    static let sharedDirectory: String = {
        if let dir = ProcessInfo.processInfo.environment["PAPERSIFT_SHARED"], !dir.isEmpty { return dir }
        return URL(fileURLWithPath: root).deletingLastPathComponent().appendingPathComponent("shared").path
    }()

    /// Whether `../shared/corpus-real` (real documents of every format) is there.
    static var hasSharedReal: Bool { isDirectory(sharedDirectory + "/corpus-real") }
    /// Whether `../shared/corpus-dev` (real Hugging Face API days) is there.
    static var hasSharedDev: Bool { isDirectory(sharedDirectory + "/corpus-dev/hf-api") }

    /// Why the tests on third-party samples did not run.
    static let sharedAbsent: Comment = "../shared absent (the third-party samples of ../shared/corpus-real and ../shared/corpus-dev are not in the repository; set PAPERSIFT_SHARED to point elsewhere)"

    /// A real sample of `../shared/corpus-real/` (e.g. `hf-api/2024-08-01.json`).
    static func real(_ path: String) -> String { sharedDirectory + "/corpus-real/" + path }

    /// Every real sample of `../shared/corpus-real/` (relative paths, byte order); none when absent.
    static var realSamples: [String] { files(under: sharedDirectory + "/corpus-real") }

    /// The day files of `../shared/corpus-dev/hf-api/` (absolute paths, sorted); none when absent.
    static var devFiles: [String] {
        files(under: sharedDirectory + "/corpus-dev/hf-api").map { sharedDirectory + "/corpus-dev/hf-api/" + $0 }
    }

    /// Every document input the tests have: the format samples, and the real samples when `../shared` is there.
    static var documentSamples: [String] { formatSamples.map(format) + realSamples.map(real) }

    /// The files under `dir` (relative paths, byte order), without READMEs; none when `dir` is absent.
    static func files(under dir: String) -> [String] {
        let all = FileManager.default.subpaths(atPath: dir) ?? []
        return all.filter { !$0.hasSuffix("README.md") && !isDirectory(dir + "/" + $0) }
            .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
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

/// The record count and 64-bit FNV-1a digest (16 hex digits) of JSON Lines, each line ending in
/// a newline: how the golden outputs of third-party samples are pinned without copying them.
func linesDigest(_ lines: [String]) -> (count: Int, digest: String) {
    var bytes: [UInt8] = []
    for l in lines { bytes += Array(l.utf8); bytes.append(0x0A) }
    return (lines.count, PaperKey.hex(PaperKey.fnv1a(bytes)))
}
