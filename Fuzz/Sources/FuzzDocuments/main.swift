import FuzzSupport
import PaperSiftCore

/// Documents of every format as `sift-clean` sniffs them (seeded with HTML pages and arXiv Atom XML
/// for libxml2, the API JSON and the arXiv snapshot), through the rest of the pipeline.
nonisolated(unsafe) let pipeline = CheckedPipeline()

runFuzzer { data, size in
    guard let data else { return 0 }
    pipeline.run(UnsafeBufferPointer(start: data, count: size), format: nil)
    return 0
}
