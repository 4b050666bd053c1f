/// A whole document that cannot be read as its format (not well-formed XML, a truncated JSON
/// array, …), with the line of the problem when the format has one.
public struct DocumentError: Error, CustomStringConvertible, Sendable {
    public let line: Int?
    public let message: String
    public init(line: Int?, message: String) { self.line = line; self.message = message }
    public var description: String { (line.map { "line \($0): " } ?? "") + message }
}

/// Reads documents of structured formats (Hugging Face API JSON, HTML pages, arXiv Atom, the
/// arXiv snapshot) into `CleanRecord`s carrying a `paper`; an HTML page without paper data is
/// reduced to text blocks instead.
///
/// A paper that cannot be read (no title, wrong field types, a bad snapshot line) is rejected
/// with its line and the reader goes on. A document that cannot be parsed at all throws
/// `DocumentError` and yields no records (JSON Lines sources: every good line still counts).
public struct StructuredSourceReader {
    let rules: RuleSet

    public init(rules: RuleSet) { self.rules = rules }

    /// Reads one document of `format` from `reader`; its lines are numbered from the reader's
    /// position (so an envelope's document keeps the line numbers of its source file).
    public func read(_ reader: LineReader, name: String, format: InputFormat, context: RunContext,
                     emit: (CleanRecord) -> Void) throws {
        try withoutActuallyEscaping(emit) { emit in
            let sink = RecordSink(file: name, format: format, context: context, rules: rules, emit: emit)
            switch format {
            case .arxivOAI: try ArxivSnapshotReader.read(reader, into: sink)
            case .hfAPI, .html, .arxivAtom:
                let firstLine = reader.lineNumber + 1
                let document = try wholeDocument(reader, context: context)
                try document.withUnsafeBufferPointer { bytes in
                    switch format {
                    case .hfAPI: try HFAPIReader.read(bytes, firstLine: firstLine, into: sink)
                    case .html: try HTMLPageReader.read(bytes, firstLine: firstLine, into: sink)
                    default: try ArxivAtomReader.read(bytes, firstLine: firstLine, into: sink)
                    }
                }
            case .hfText, .envelope:
                throw DocumentError(line: nil, message: "input format '\(format.rawValue)' is not a structured format")
            }
        }
    }

    /// Largest document of a whole-document format (HTML, XML, a JSON array) read into memory.
    public static let maxDocumentBytes = 512 << 20

    /// The rest of the input, without a UTF-8 byte order mark.
    private func wholeDocument(_ reader: LineReader, context: RunContext) throws -> [UInt8] {
        guard var bytes = try reader.readAll(atMost: StructuredSourceReader.maxDocumentBytes) else {
            throw DocumentError(line: nil, message: "document larger than \(StructuredSourceReader.maxDocumentBytes >> 20) MiB")
        }
        context.countBytes(bytes.count)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        return bytes
    }
}

/// Where a structured reader sends what it read: papers, text blocks, rejected records.
final class RecordSink {
    let file: String
    let format: InputFormat
    let context: RunContext
    private let emit: (CleanRecord) -> Void
    private var boilerplate: BoilerplateFilter

    init(file: String, format: InputFormat, context: RunContext, rules: RuleSet, emit: @escaping (CleanRecord) -> Void) {
        self.file = file; self.format = format; self.context = context; self.emit = emit
        boilerplate = BoilerplateFilter(rules: rules)
    }

    /// A paper read from the source.
    func paper(_ occurrence: Occurrence) {
        context.countOut()
        emit(CleanRecord(file: file, line: occurrence.line, format: format.rawValue, paper: occurrence))
    }

    /// A cleaned text block of a page without paper data; page boilerplate is dropped.
    func textBlock(_ text: String, line: Int) {
        context.countIn()
        if boilerplate.drops(text) { context.countSkipped(); return }
        context.countOut()
        emit(CleanRecord(file: file, line: line, format: format.rawValue, text: text))
    }

    /// A record of the source that could not be read.
    func reject(line: Int, reason: String, raw: String) throws(StrictStop) {
        try context.reject(file: file, line: line, reason: reason, raw: raw)
    }

    func warn(line: Int, _ message: String) { context.warn(file: file, line: line, message: message) }
}

extension JSONValue {
    /// The value as one compact JSON text (for rejects).
    var compactJSON: String {
        var w = JSONWriter()
        w.value(self)
        return String(decoding: w.bytes, as: UTF8.self)
    }
}
