/// The Hugging Face `daily_papers` API response: a JSON array of day entries. Each paper's line
/// is the line where its array element starts.
enum HFAPIReader {
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, firstLine: Int, into sink: RecordSink) throws {
        var lines = LineCounter(bytes, firstLine: firstLine)
        let start = firstNonSpace(bytes)
        guard start < bytes.count, bytes[start] == UInt8(ascii: "[") else {
            throw DocumentError(line: lines.line(at: start), message: "not a JSON array of papers (Hugging Face daily_papers API)")
        }
        var elements: [(JSONValue, Int)] = []
        var cursor = JSONArrayCursor(bytes)
        do {
            while let (value, offset) = try cursor.next() { elements.append((value, lines.line(at: offset))) }
        } catch {
            throw DocumentError(line: lines.line(at: error.offset), message: error.description)
        }
        for (entry, line) in elements {
            sink.context.countIn()
            do {
                sink.paper(try HFPaperEntry.occurrence(entry, file: sink.file, line: line, format: sink.format))
            } catch {
                try sink.reject(line: line, reason: error.description, raw: entry.compactJSON)
            }
        }
    }

    private static func firstNonSpace(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        bytes.firstIndex { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) } ?? bytes.count
    }
}
