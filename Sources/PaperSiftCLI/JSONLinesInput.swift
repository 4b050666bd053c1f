import PaperSiftCore

/// Reads JSON Lines records of one type from files or standard input, line by line.
///
/// A line that is not JSON, or JSON of the wrong shape, is rejected with `file:line: reason`
/// (and goes to `--rejects`); blank lines are skipped; the run goes on.
public enum JSONLinesInput {
    public static func read<R: JSONRecord>(_ type: R.Type, paths: [String], context: RunContext,
                                           body: (R) throws -> Void) throws {
        for path in paths {
            let reader: LineReader
            do { reader = try LineReader(path: path) } catch {
                try context.inputFailed(error.description)
                continue
            }
            let name = path == "-" ? "<stdin>" : path
            do {
                while let outcome = try reader.withNextLine({ buf -> Result<R, ReadFailure>? in
                    context.countBytes(buf.count + 1)
                    if isBlankLine(buf) { return nil }
                    do {
                        let json = try JSONParser.parse(buf)
                        return .success(try R(json: json))
                    } catch let e as JSONParseError {
                        return .failure(ReadFailure(reason: e.description, raw: String(decoding: buf, as: UTF8.self)))
                    } catch {
                        return .failure(ReadFailure(reason: "\(error)", raw: String(decoding: buf, as: UTF8.self)))
                    }
                }) {
                    guard let outcome else { continue }
                    switch outcome {
                    case .success(let record): try body(record)
                    case .failure(let f):
                        context.countIn()
                        try context.reject(file: name, line: reader.lineNumber, reason: f.reason, raw: f.raw)
                    }
                }
            } catch let e as InputError {
                try context.inputFailed(e.description)
            }
        }
    }

    /// Reads `key<TAB>json` lines (`sift-normalize --emit-key`); `body` gets the key, the record,
    /// and the input's name and line. A line without a TAB is rejected.
    public static func readKeyed<R: JSONRecord>(_ type: R.Type, paths: [String], context: RunContext,
                                                body: (UnsafeBufferPointer<UInt8>, R, String, Int) throws -> Void) throws {
        for path in paths {
            let reader: LineReader
            do { reader = try LineReader(path: path) } catch {
                try context.inputFailed(error.description)
                continue
            }
            let name = path == "-" ? "<stdin>" : path
            do {
                while let failure = try reader.withNextLine({ buf -> ReadFailure? in
                    context.countBytes(buf.count + 1)
                    if isBlankLine(buf) { return nil }
                    guard let tab = buf.firstIndex(of: 0x09) else {
                        return ReadFailure(reason: "no key: expected key<TAB>json (sift-normalize --emit-key)",
                                           raw: String(decoding: buf, as: UTF8.self))
                    }
                    let record: R
                    do {
                        record = try R(json: JSONParser.parse(UnsafeBufferPointer(rebasing: buf[(tab + 1)...])))
                    } catch {
                        return ReadFailure(reason: "\(error)", raw: String(decoding: buf, as: UTF8.self))
                    }
                    try body(UnsafeBufferPointer(rebasing: buf[..<tab]), record, name, reader.lineNumber)
                    return nil
                }) {
                    guard let failure else { continue }
                    context.countIn()
                    try context.reject(file: name, line: reader.lineNumber, reason: failure.reason, raw: failure.raw)
                }
            } catch let e as InputError {
                try context.inputFailed(e.description)
            }
        }
    }

    struct ReadFailure: Error { let reason: String; let raw: String }

    static func isBlankLine(_ buf: UnsafeBufferPointer<UInt8>) -> Bool {
        for b in buf where !(b == 0x20 || b == 0x09 || b == 0x0D) { return false }
        return true
    }
}
