import PaperSiftCore

/// Reads JSON Lines records of one type from files or standard input, line by line.
///
/// A line that is not JSON, or JSON of the wrong shape, is counted and rejected with
/// `file:line: reason` (the file being the JSON Lines input, `<stdin>` for standard input) and
/// goes to `--rejects`; invalid UTF-8 inside strings is replaced by U+FFFD with a warning; blank
/// lines are skipped (they hold no record); the run goes on.
public enum JSONLinesInput {
    /// The name JSON Lines inputs are reported under.
    public static func displayName(_ path: String) -> String { path == "-" ? "<stdin>" : path }

    /// `takeLine`, when given, is offered each non-blank line first: true means it took the line
    /// as it is (e.g. dedupe's canonical lines), false that it is decoded and given to `body`.
    public static func read<R: JSONRecord>(_ type: R.Type, paths: [String], context: RunContext,
                                           takeLine: ((UnsafeBufferPointer<UInt8>) throws -> Bool)? = nil,
                                           body: (R) throws -> Void) throws {
        for path in paths {
            let reader: LineReader
            do { reader = try LineReader(path: path) } catch {
                try context.inputFailed(error.description)
                continue
            }
            try read(type, from: reader, name: displayName(path), context: context, takeLine: takeLine, body: body)
        }
    }

    /// Reads every record of one opened input.
    public static func read<R: JSONRecord>(_ type: R.Type, from reader: LineReader, name: String, context: RunContext,
                                           takeLine: ((UnsafeBufferPointer<UInt8>) throws -> Bool)? = nil,
                                           body: (R) throws -> Void) throws {
        do {
            while let outcome = try reader.withNextLine({ buf -> Outcome<R>? in
                context.countBytes(buf.count + 1)
                if isBlankLine(buf) { return nil }
                if let takeLine, try takeLine(buf) { return nil }
                var repaired = false
                do {
                    return .record(try R.decode(buf, repairedUTF8: &repaired), repaired: repaired)
                } catch {
                    return .failure(reason: "\(error)", raw: String(decoding: buf, as: UTF8.self))
                }
            }) {
                guard let outcome else { continue }
                switch outcome {
                case .record(let record, let repaired):
                    if repaired { context.warn(file: name, line: reader.lineNumber, message: "invalid UTF-8 replaced by U+FFFD") }
                    try body(record)
                case .failure(let reason, let raw):
                    context.countIn()
                    try context.reject(file: name, line: reader.lineNumber, reason: reason, raw: raw)
                }
            }
        } catch let e as InputError {
            try context.inputFailed(e.description)
        }
    }

    enum Outcome<R> {
        case record(R, repaired: Bool)
        case failure(reason: String, raw: String)
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
            let name = displayName(path)
            do {
                while let failure = try reader.withNextLine({ buf -> ReadFailure? in
                    context.countBytes(buf.count + 1)
                    if isBlankLine(buf) { return nil }
                    guard let tab = buf.firstIndex(of: 0x09) else {
                        return ReadFailure(reason: "no key: expected key<TAB>json (sift-normalize --emit-key)",
                                           raw: String(decoding: buf, as: UTF8.self))
                    }
                    let record: R
                    var repaired = false
                    do {
                        record = try R.decode(UnsafeBufferPointer(rebasing: buf[(tab + 1)...]), repairedUTF8: &repaired)
                    } catch {
                        return ReadFailure(reason: "\(error)", raw: String(decoding: buf, as: UTF8.self))
                    }
                    if repaired { context.warn(file: name, line: reader.lineNumber, message: "invalid UTF-8 replaced by U+FFFD") }
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
