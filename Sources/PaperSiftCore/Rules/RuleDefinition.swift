/// A rule as written in a `*.rule` file, before compilation. See `docs/RULES.md`.
public struct RuleDefinition: Sendable {
    public var id: String
    public var field: String
    public var description: String
    public var pattern: String
    /// `continue:` — a pattern tried anchored right after each match, again and again, for the
    /// further items of a list (each of its matches is a finding too); nil when absent.
    public var continuation: String?
    public var flags: [String]
    public var prefilters: [String]
    /// `starts:` — literals one of which begins every match, at the start of a word (a search
    /// hint: the pattern is tried only where one begins). `{{list:PATH}}` items are expanded by `RuleSet`.
    public var starts: [String] = []
    /// `starts-at:` — `word` (the default: a `starts:` literal begins a word) or `any` (anywhere).
    public var startsAtWordStart = true
    /// `starts-inside:` — further literals that may begin a match anywhere, inside a word too
    /// (`100x` in `A100x`), while the `starts:` ones begin a word.
    public var startsInside: [String] = []
    /// `window:` — every match begins at most this many bytes before an occurrence of a prefilter
    /// literal (a search hint: the pattern is tried only there).
    public var window: Int? = nil
    public var priority: Int
    /// Every other `key: value` of the file, for the code that interprets the field.
    public var attributes: [String: String]
    public var matchExamples: [RuleExample]
    public var noMatchExamples: [RuleExample]
    /// Where it was read from, for error messages.
    public var file: String
    public var patternLine: Int
    public var continuationLine: Int = 0
    /// The line of `starts:` or `window:`, for error messages.
    public var hintLine: Int = 0
}

/// One `match:` or `no-match:` example and the line it is on.
public struct RuleExample: Sendable {
    public var text: String
    public var line: Int
}

/// A rule or table file is invalid; `description` is `file:line: message`.
public struct RuleError: Error, CustomStringConvertible, Sendable {
    public let file: String
    public let line: Int
    public let message: String
    public init(file: String, line: Int, message: String) { self.file = file; self.line = line; self.message = message }
    public var description: String { "\(file):\(line): \(message)" }
}

/// Parses the `key: value` format of rule files.
public enum RuleFileParser {
    static let knownFlags: Set<String> = ["caseless", "extended", "multiline", "dotall", "anchored", "ungreedy"]

    public static func parse(text: String, file: String) throws(RuleError) -> RuleDefinition {
        try parse(bytes: Array(text.utf8), file: file)
    }

    /// Parses a rule file's UTF-8 bytes (lines end at LF, not at a CR LF pair, as `String.split`
    /// on `"\n"` has them; a CR ending a line is dropped).
    public static func parse(bytes: [UInt8], file: String) throws(RuleError) -> RuleDefinition {
        try bytes.withUnsafeBufferPointer { text throws(RuleError) in try parse(text, file: file) }
    }

    private static func parse(_ text: UnsafeBufferPointer<UInt8>, file: String) throws(RuleError) -> RuleDefinition {
        var values: [String: (String, Int)] = [:]
        var matches: [RuleExample] = []
        var noMatches: [RuleExample] = []
        var lastKey: String?
        var lineNumber = 0
        func string(_ from: Int, _ to: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: text[from..<to]), as: UTF8.self)
        }
        func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
        var lines = ByteLines(text)
        while let line = lines.next() {
            lineNumber = lines.number
            let (start, end) = (line.lowerBound, line.upperBound)
            if start < end, text[start] == 0x23 { continue }
            if !(start..<end).contains(where: { !isBlank(text[$0]) }) { lastKey = start == end ? nil : lastKey; continue }
            if isBlank(text[start]) {
                guard let key = lastKey, key == "pattern" || key == "continue" else {
                    throw RuleError(file: file, line: lineNumber, message: "a continuation line is only allowed after 'pattern:' or 'continue:'")
                }
                var from = start
                while from < end, isBlank(text[from]) { from += 1 }
                let (old, at) = values[key]!
                values[key] = (old + "\n" + string(from, end), at)
                continue
            }
            guard let colon = (start..<end).first(where: { text[$0] == 0x3A }) else {
                throw RuleError(file: file, line: lineNumber, message: "expected 'key: value'")
            }
            var keyStart = start, keyEnd = colon
            while keyStart < keyEnd, isBlank(text[keyStart]) { keyStart += 1 }
            while keyEnd > keyStart, isBlank(text[keyEnd - 1]) { keyEnd -= 1 }
            let key = string(keyStart, keyEnd)
            var valueStart = colon + 1
            if valueStart < end, text[valueStart] == 0x20 { valueStart += 1 }
            let value = string(valueStart, end)
            switch key {
            case "match": matches.append(RuleExample(text: value, line: lineNumber))
            case "no-match": noMatches.append(RuleExample(text: value, line: lineNumber))
            default:
                if values[key] != nil { throw RuleError(file: file, line: lineNumber, message: "'\(key)' given twice") }
                values[key] = (value, lineNumber)
            }
            lastKey = key
        }
        func required(_ key: String) throws(RuleError) -> String {
            guard let v = values[key]?.0, !v.isEmpty else { throw RuleError(file: file, line: max(lineNumber, 1), message: "missing '\(key):'") }
            return v
        }
        let flags = (values["flags"]?.0 ?? "").split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
        for f in flags where !knownFlags.contains(f) {
            throw RuleError(file: file, line: values["flags"]!.1, message: "unknown flag '\(f)'")
        }
        var priority = 0
        if let (p, at) = values["priority"] {
            guard let n = Int(p.trimmingCharacters(in: " ")) else { throw RuleError(file: file, line: at, message: "priority must be an integer") }
            priority = n
        }
        let prefilters = literalList(values["prefilter"]?.0)
        let starts = literalList(values["starts"]?.0)
        let startsInside = literalList(values["starts-inside"]?.0)
        var startsAtWordStart = true
        if let (v, at) = values["starts-at"] {
            switch v.trimmingCharacters(in: " ") {
            case "word": startsAtWordStart = true
            case "any": startsAtWordStart = false
            default: throw RuleError(file: file, line: at, message: "starts-at must be 'word' or 'any'")
            }
            guard !starts.isEmpty else { throw RuleError(file: file, line: at, message: "'starts-at:' needs a 'starts:'") }
            guard startsInside.isEmpty else {
                throw RuleError(file: file, line: at, message: "give 'starts-at: any' or 'starts-inside:', not both")
            }
        }
        var window: Int?
        if let (w, at) = values["window"] {
            guard let n = Int(w.trimmingCharacters(in: " ")), n >= 0 else {
                throw RuleError(file: file, line: at, message: "window must be a number of bytes (0 or more)")
            }
            guard !prefilters.isEmpty else { throw RuleError(file: file, line: at, message: "'window:' needs a 'prefilter:' (the window ends at its literals)") }
            guard starts.isEmpty, startsInside.isEmpty else { throw RuleError(file: file, line: at, message: "give 'starts:' or 'window:', not both") }
            window = n
        }
        var attributes: [String: String] = [:]
        let reserved: Set<String> = ["id", "field", "description", "pattern", "continue", "flags", "prefilter", "starts", "starts-at", "starts-inside", "window", "priority"]
        for (k, (v, _)) in values where !reserved.contains(k) { attributes[k] = v }
        let definition = RuleDefinition(
            id: try required("id"), field: try required("field"), description: try required("description"),
            pattern: try required("pattern"), continuation: values["continue"]?.0, flags: flags,
            prefilters: prefilters, starts: starts, startsAtWordStart: startsAtWordStart, startsInside: startsInside,
            window: window, priority: priority,
            attributes: attributes, matchExamples: matches, noMatchExamples: noMatches,
            file: file, patternLine: values["pattern"]!.1, continuationLine: values["continue"]?.1 ?? 0,
            hintLine: values["starts"]?.1 ?? values["starts-inside"]?.1 ?? values["window"]?.1 ?? 0)
        if matches.isEmpty { throw RuleError(file: file, line: lineNumber, message: "a rule needs at least one 'match:' example") }
        if noMatches.isEmpty { throw RuleError(file: file, line: lineNumber, message: "a rule needs at least one 'no-match:' example") }
        return definition
    }
}

/// The items of a ` | `-separated literal list (`prefilter:`, `starts:`), trimmed, empty ones dropped.
private func literalList(_ value: String?) -> [String] {
    guard let value else { return [] }
    let bytes = Array(value.utf8)
    var items: [String] = []
    var from = 0
    while from <= bytes.count {
        // The next " | " (leftmost, as `components(separatedBy:)` finds it), or the end.
        var to = from
        while to < bytes.count, !(to + 2 < bytes.count && bytes[to] == 0x20 && bytes[to + 1] == 0x7C && bytes[to + 2] == 0x20) { to += 1 }
        var start = from, end = to
        while start < end, bytes[start] == 0x20 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 { end -= 1 }
        if start < end { items.append(String(decoding: bytes[start..<end], as: UTF8.self)) }
        from = to + 3
    }
    return items
}

extension StringProtocol {
    /// Trims the given characters from both ends (no Foundation needed).
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
