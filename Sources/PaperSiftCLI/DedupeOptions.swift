import ArgumentParser
import PaperSiftCore

/// The dedupe options of `sift-dedupe` and `sift run`, declared once.
public struct DedupeOptions: ParsableArguments {
    public init() {}

    @Option(help: ArgumentHelp("Memory budget of dedupe; past it, sorted runs spill to temporary files (e.g. 256MB, 2GB).", valueName: "size"))
    public var maxMemory: String = "512MB"

    @Option(help: ArgumentHelp("Directory for temporary files (default: $TMPDIR, else /tmp).", valueName: "dir"))
    public var tempDir: String?

    @Flag(help: "Do not look for near-duplicates (similar title + abstract under different title keys): none is merged, and similar_to stays empty.")
    public var noSimilar = false

    @Option(help: ArgumentHelp("Jaccard similarity of title+abstract word 3-shingles from which two records are near-duplicates: merged when their titles are near-duplicates too, else kept apart, each naming the other in similar_to.", valueName: "0..1"))
    public var similarity: Double = Deduper.defaultSimilarity

    public func validate() throws {
        guard DedupeOptions.bytes(maxMemory) != nil else {
            throw ValidationError("--max-memory '\(maxMemory)': expected a size such as 256MB, 2GB, 640K (at least 64KB)")
        }
        guard similarity > 0, similarity <= 1 else { throw ValidationError("--similarity must be in (0, 1]") }
    }

    /// The options for `Deduper`.
    public var options: Deduper.Options {
        Deduper.Options(maxMemory: DedupeOptions.bytes(maxMemory) ?? Deduper.defaultMaxMemory,
                        temporaryDirectory: tempDir, similarity: noSimilar ? nil : similarity)
    }

    /// `256MB`, `2G`, `640k`, `1048576` → bytes (units are powers of 1024), at least 64 KiB.
    static func bytes(_ text: String) -> Int? {
        let upper = text.uppercased()
        let digits = upper.prefix { $0.isASCII && $0.isNumber }
        guard let n = Int(digits), n > 0 else { return nil }
        let unit = upper.dropFirst(digits.count).trimmingPrefix(" ")
        let shift: Int
        switch unit {
        case "", "B": shift = 0
        case "K", "KB", "KIB": shift = 10
        case "M", "MB", "MIB": shift = 20
        case "G", "GB", "GIB": shift = 30
        default: return nil
        }
        guard n < (1 << (62 - shift)) else { return nil }
        let bytes = n << shift
        return bytes >= 64 << 10 ? bytes : nil
    }
}
