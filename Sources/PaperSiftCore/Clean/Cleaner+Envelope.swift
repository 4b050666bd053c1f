/// Envelopes: JSON Lines whose every line is `{"file": NAME, "line": N, "text": CONTENT}`, as a
/// cluster driver (Spark, Hadoop) hands documents to `sift-clean`. CONTENT is read as if it were
/// the file NAME starting at line N: a whole document (HTML, XML, a JSON array, a text dump)
/// when N is 1, or one record of a JSON Lines source file whose line is N. Its format is sniffed
/// (or forced by `--format`). An envelope that cannot be read, or whose document cannot be
/// parsed, is rejected (`NAME:line: reason (envelope FILE:LINE)`, the envelope line as raw).
extension Cleaner {
    func cleanEnvelopes(_ reader: LineReader, name: String, contentsFormat: InputFormat?, context: RunContext,
                        emit: (CleanRecord) -> Void) throws {
        while try reader.withNextLine({ line -> Bool in
            if !isBlank(line) {
                try cleanEnvelope(line, file: name, line: reader.lineNumber, contentsFormat: contentsFormat, context: context, emit: emit)
            }
            return true
        }) != nil {}
    }

    private func cleanEnvelope(_ bytes: UnsafeBufferPointer<UInt8>, file: String, line: Int, contentsFormat: InputFormat?,
                               context: RunContext, emit: (CleanRecord) -> Void) throws {
        let raw = { String(decoding: bytes, as: UTF8.self) }
        let envelope: JSONValue
        do { envelope = try JSONParser.parse(bytes) } catch {
            context.countIn()
            try context.reject(file: file, line: line, reason: "envelope: \(error)", raw: raw())
            return
        }
        guard let source = envelope["file"]?.stringValue, !source.isEmpty,
              let firstLine = envelope["line"]?.intValue, firstLine >= 1,
              let text = envelope["text"]?.stringValue else {
            context.countIn()
            try context.reject(file: file, line: line, reason: "envelope: needs \"file\" (string), \"line\" (integer ≥ 1) and \"text\" (string)", raw: raw())
            return
        }
        let name = displayName(source)
        let origin = "(envelope \(file):\(line))"
        let document = LineReader(bytes: Array(text.utf8), path: source, firstLine: firstLine)
        do {
            let format = try contentsFormat ?? InputFormat.sniff(document.peek(4096))
            try cleanDocument(document, name: name, format: format, context: context, emit: emit)
        } catch let error as StrictStop {
            throw error
        } catch let error as DocumentError {
            context.countIn()
            try context.reject(file: name, line: error.line ?? firstLine, reason: "\(error.message) \(origin)", raw: raw())
        } catch {
            context.countIn()
            try context.reject(file: name, line: firstLine, reason: "\(error) \(origin)", raw: raw())
        }
    }
}
