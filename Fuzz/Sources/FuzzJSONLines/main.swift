import FuzzSupport
import PaperSiftCLI
import PaperSiftCore

/// The JSON Lines reader of the stages, for every record type: each non-blank line is either a
/// record or a reject, and every record read writes back to JSON that reads as the same record.
runFuzzer { data, size in
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    check(CleanRecord.self, bytes)
    check(Occurrence.self, bytes)
    check(ExtractedOccurrence.self, bytes)
    check(PaperRecord.self, bytes)
    return 0
}

func check<R: JSONRecord>(_ type: R.Type, _ bytes: [UInt8]) {
    let context = RunContext(stage: "fuzz", quiet: true, diagnostics: { _ in })
    var records = 0
    do {
        try JSONLinesInput.read(type, from: LineReader(bytes: bytes, path: "fuzz.jsonl"), name: "fuzz.jsonl",
                                context: context) { (record: R) in
            context.countIn()
            context.countOut()
            records += 1
            let line = record.jsonString()
            do {
                let again = try R(json: JSONParser.parse(line)).jsonString()
                invariant(again == line, "\(R.self) does not read back the same:\n\(line)\n\(again)")
            } catch {
                invariant(false, "\(R.self) written does not parse: \(error)\n\(line)")
            }
        }
    } catch {
        invariant(false, "reading stopped: \(error)")
    }
    invariant(context.isBalanced, context.statsLine)
    invariant(context.recordsIn == nonBlankLines(bytes),
              "\(context.recordsIn) records read (\(records) good) but \(nonBlankLines(bytes)) non-blank lines")
}

/// Lines that hold something other than spaces, tabs and CR (a leading UTF-8 BOM does not count).
func nonBlankLines(_ bytes: [UInt8]) -> Int {
    var body = bytes[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    return body.split(separator: 0x0A, omittingEmptySubsequences: true)
        .filter { line in line.contains { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0D) } }.count
}
