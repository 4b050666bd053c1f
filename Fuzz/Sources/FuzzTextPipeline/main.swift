import FuzzSupport
import PaperSiftCore

/// Text dumps through the text cleaner, the segmenter and the rest of the pipeline.
nonisolated(unsafe) let pipeline = CheckedPipeline()

runFuzzer { data, size in
    guard let data else { return 0 }
    pipeline.run(UnsafeBufferPointer(start: data, count: size), format: .hfText)
    return 0
}
