/// Stage 1: raw documents → `CleanRecord`s (cleaned paragraphs or structured papers).
///
/// Text dumps are streamed line by line: leading page boilerplate (rules of field `clean`) is
/// dropped, lines are grouped into paragraphs at blank lines, and each paragraph is cleaned with
/// `TextNormalizer` and keeps the line number of its first line.
public final class Cleaner {
    private let headerRules: [CompiledRule]
    private let anywhereRules: [CompiledRule]
    public let rules: RuleSet
    /// Documents in other formats are handed to these readers (see `StructuredSources`).
    public var structuredReader: StructuredSourceReader

    public init(rules: RuleSet) {
        self.rules = rules
        let clean = rules.rules(for: "clean")
        headerRules = clean.filter { ($0.definition.attributes["where"] ?? "header") == "header" }
        anywhereRules = clean.filter { $0.definition.attributes["where"] == "anywhere" }
        structuredReader = StructuredSourceReader(rules: rules)
    }

    /// Cleans one input (a path, or `-` for standard input) and emits its records in order.
    public func clean(path: String, forcedFormat: InputFormat? = nil, context: RunContext,
                      emit: (CleanRecord) -> Void) throws(StrictStop) {
        let reader: LineReader
        do {
            reader = try LineReader(path: path)
        } catch {
            try context.inputFailed(error.description)
            return
        }
        let name = displayName(path)
        do {
            let format = try forcedFormat ?? InputFormat.sniff(reader.peek(4096))
            switch format {
            case .hfText:
                try cleanText(reader, name: name, context: context, emit: emit)
            default:
                try structuredReader.read(reader, name: name, format: format, context: context, emit: emit)
            }
        } catch let error as StrictStop {
            throw error
        } catch {
            try context.inputFailed("\(path): \(error)")
        }
    }

    /// The text-dump path: boilerplate header, paragraphs, cleaning.
    func cleanText(_ reader: LineReader, name: String, context: RunContext, emit: (CleanRecord) -> Void) throws {
        var inHeader = true
        var paragraph: [String] = []
        var paragraphLine = 0
        var lineNumber = 0
        func flush() {
            guard !paragraph.isEmpty else { return }
            let text = TextNormalizer.clean(paragraph.joined(separator: " "))
            paragraph.removeAll(keepingCapacity: true)
            guard !text.isEmpty else { return }
            context.countOut()
            emit(CleanRecord(file: name, line: paragraphLine, format: InputFormat.hfText.rawValue, text: text))
        }
        while let (line, repaired, blank) = try reader.withNextLine({ buf -> (String, Bool, Bool) in
            let (s, repaired) = TextNormalizer.decodeUTF8(buf)
            return (s, repaired, isBlank(buf))
        }) {
            lineNumber = reader.lineNumber
            context.countBytes(line.utf8.count + 1)
            if repaired { context.warn(file: name, line: lineNumber, message: "invalid UTF-8 replaced by U+FFFD") }
            if blank { flush(); continue }
            context.countIn()
            let trimmed = TextNormalizer.collapseWhitespace(line)
            if inHeader {
                if headerRules.contains(where: { $0.pattern.matches(trimmed) }) { context.countMerged(); continue }
                inHeader = false
            }
            if anywhereRules.contains(where: { $0.pattern.matches(trimmed) }) { context.countMerged(); continue }
            if paragraph.isEmpty { paragraphLine = lineNumber } else { context.countMerged() }
            paragraph.append(line)
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
