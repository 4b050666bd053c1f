/// Stage 1: raw documents → `CleanRecord`s (cleaned paragraphs or structured papers).
///
/// Text dumps are streamed line by line: leading page boilerplate (rules of field `clean`) is
/// dropped, lines are grouped into paragraphs at blank lines, and each paragraph is cleaned with
/// `TextNormalizer` and keeps the line number of its first line. Other formats go to
/// `StructuredSourceReader`; envelopes (`Cleaner+Envelope.swift`) carry documents of any format.
public final class Cleaner {
    public let rules: RuleSet
    /// Documents in other formats are handed to this reader.
    public var structuredReader: StructuredSourceReader

    /// What cleaning reads of the rules: the rules of field `clean` (boilerplate), no table.
    public static let ruleScope = RuleScope(fields: ["clean"], tables: [])

    /// Needs a rule set of at least `ruleScope`.
    public init(rules: RuleSet) {
        self.rules = rules
        structuredReader = StructuredSourceReader(rules: rules)
    }

    /// Cleans one input (a path, or `-` for standard input) and emits its records in order.
    ///
    /// `forcedFormat` replaces sniffing; for envelopes it applies to the documents they carry.
    /// A document that cannot be read or parsed is reported with `RunContext.inputFailed`
    /// (`path:line: reason`), and the caller goes on with its other inputs.
    public func clean(path: String, forcedFormat: InputFormat? = nil, context: RunContext,
                      emit: (CleanRecord) -> Void) throws(StrictStop) {
        let reader: LineReader
        do {
            reader = try LineReader(path: path)
        } catch {
            try context.inputFailed(error.description)
            return
        }
        do {
            let sniffed = InputFormat.sniff(try reader.peek(4096))
            if sniffed == .envelope || forcedFormat == .envelope {
                try cleanEnvelopes(reader, name: displayName(path), contentsFormat: forcedFormat == .envelope ? nil : forcedFormat,
                                   context: context, emit: emit)
            } else {
                try cleanDocument(reader, name: displayName(path), format: forcedFormat ?? sniffed, context: context, emit: emit)
            }
        } catch let error as StrictStop {
            throw error
        } catch let error as DocumentError {
            try context.inputFailed("\(path):\(error.line.map { "\($0):" } ?? "") \(error.message)")
        } catch {
            try context.inputFailed("\(path): \(error)")
        }
    }

    /// One document of a known format (not an envelope file). A document that starts as binary
    /// data (a PDF, an archive, random bytes) or as UTF-16 is refused as a whole.
    func cleanDocument(_ reader: LineReader, name: String, format: InputFormat, context: RunContext,
                       emit: (CleanRecord) -> Void) throws {
        if let problem = binaryDocumentProblem(head: try reader.peek(4096)) {
            throw DocumentError(line: nil, message: problem)
        }
        switch format {
        case .hfText: try cleanText(reader, name: name, context: context, emit: emit)
        case .envelope: throw DocumentError(line: reader.lineNumber + 1, message: "an envelope cannot hold envelopes")
        default: try structuredReader.read(reader, name: name, format: format, context: context, emit: emit)
        }
    }

    /// The text-dump path: boilerplate header, paragraphs, cleaning. A paragraph is its lines'
    /// bytes joined with spaces, cleaned once when it ends.
    ///
    /// A line of binary data is rejected and ends the paragraph; invalid UTF-8 and control
    /// characters in a line are repaired with a warning; a line with nothing left after cleaning
    /// counts as blank.
    func cleanText(_ reader: LineReader, name: String, context: RunContext, emit: (CleanRecord) -> Void) throws {
        var boilerplate = BoilerplateFilter(rules: rules)
        var paragraph: [UInt8] = []
        var paragraphLine = 0
        func flush() {
            guard !paragraph.isEmpty else { return }
            let text = paragraph.withUnsafeBufferPointer { TextNormalizer.clean(utf8: $0) }
            paragraph.removeAll(keepingCapacity: true)
            guard !text.isEmpty else { return }
            context.countOut()
            emit(CleanRecord(file: name, line: paragraphLine, format: InputFormat.hfText.rawValue, text: text))
        }
        while let raw = try reader.withNextLine({ RawLine($0) }) {
            let lineNumber = reader.lineNumber
            context.countBytes(raw.byteCount + 1)
            if raw.isBlank { flush(); continue }
            // The collapsed line, where it is needed: for the boilerplate rules, or to tell whether
            // a line without printable ASCII has anything left.
            let trimmed = boilerplate.mayDrop || !raw.hasPrintableASCII ? TextNormalizer.collapseWhitespace(raw.text) : nil
            let isEmpty = trimmed?.isEmpty ?? false
            if !isEmpty, raw.looksBinary { // never glue text across junk: it ends a paragraph
                flush()
                context.countIn()
                try context.reject(file: name, line: lineNumber, reason: raw.binaryReason, raw: raw.text)
                continue
            }
            if let repairs = raw.repairs { context.warn(file: name, line: lineNumber, message: repairs) }
            if isEmpty { flush(); continue }
            context.countIn()
            if let trimmed, boilerplate.mayDrop, boilerplate.drops(trimmed) { context.countSkipped(); continue }
            if paragraph.isEmpty { paragraphLine = lineNumber } else { context.countMerged(); paragraph.append(0x20) }
            paragraph.append(contentsOf: raw.text.utf8)
        }
        flush()
    }
}

/// The name an input is recorded under: its last path component (`-` for standard input).
public func displayName(_ path: String) -> String {
    guard path != "-" else { return "-" }
    return path.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? path
}

@inline(__always)
func isBlank(_ buf: UnsafeBufferPointer<UInt8>) -> Bool {
    for b in buf where !(b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0B || b == 0x0C) { return false }
    return true
}
