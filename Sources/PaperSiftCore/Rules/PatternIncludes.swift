/// Expands the include markers of a rule pattern, so shared name lists and sub-patterns live in
/// one data file each (see `docs/RULES.md`, "Includes"):
///
/// - `{{list:PATH}}`: the literals of a list file (one per line, `#` comments), as a non-capturing
///   trie-factored alternation (`LiteralTrie`): longer literals win over their prefixes.
/// - `{{pattern:PATH}}`: a pattern fragment; its lines (without `#` comment lines) are trimmed and
///   joined, and may themselves contain includes.
///
/// PATH is relative to the rules directory. Files are read once per `RuleSet` (the cache).
struct PatternIncludes {
    let directory: String
    private var cache: [String: String] = [:]
    private var literalCache: [String: [String]] = [:]

    init(directory: String) { self.directory = directory }

    /// `pattern` with every include replaced; a missing file or marker error names the rule's pattern line.
    mutating func expand(_ pattern: String, file: String, line: Int, depth: Int = 0) throws(RuleError) -> String {
        let bytes = Array(pattern.utf8)
        guard PatternIncludes.find(0x7B, in: bytes, from: 0) != nil else { return pattern }
        guard depth < 4 else { throw RuleError(file: file, line: line, message: "includes nested too deeply") }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var rest = 0
        while let open = PatternIncludes.find(0x7B, in: bytes, from: rest) {
            out.append(contentsOf: bytes[rest..<open])
            guard let close = PatternIncludes.find(0x7D, in: bytes, from: open + 2) else {
                throw RuleError(file: file, line: line, message: "unterminated '{{' include")
            }
            let marker = open + 2..<close
            rest = close + 2
            guard let colon = bytes[marker].firstIndex(of: 0x3A) else {
                throw RuleError(file: file, line: line, message: "include '{{\(String(decoding: bytes[marker], as: UTF8.self))}}' needs 'list:' or 'pattern:'")
            }
            let kind = String(decoding: bytes[marker.lowerBound..<colon], as: UTF8.self)
            var pathStart = colon + 1, pathEnd = close
            while pathStart < pathEnd, bytes[pathStart] == 0x20 { pathStart += 1 }
            while pathEnd > pathStart, bytes[pathEnd - 1] == 0x20 { pathEnd -= 1 }
            let path = String(decoding: bytes[pathStart..<pathEnd], as: UTF8.self)
            switch kind {
            case "list":
                out.append(contentsOf: "(?:".utf8)
                out.append(contentsOf: try listAlternation(path, file: file, line: line).utf8)
                out.append(0x29)
            case "pattern":
                out.append(contentsOf: try expandedFragment(path, file: file, line: line, depth: depth + 1).utf8)
            default: throw RuleError(file: file, line: line, message: "unknown include kind '\(kind)' (use list: or pattern:)")
            }
        }
        out.append(contentsOf: bytes[rest...])
        return String(decoding: out, as: UTF8.self)
    }

    /// The offset of the first pair `byte byte` (`{{` or `}}`) at or after `from`, or nil.
    private static func find(_ byte: UInt8, in bytes: [UInt8], from: Int) -> Int? {
        var i = from
        while i + 1 < bytes.count {
            if bytes[i] == byte && bytes[i + 1] == byte { return i }
            i += 1
        }
        return nil
    }

    /// A fragment with its own includes expanded, made once per path and depth (the depth decides
    /// whether its includes nest too deeply).
    private mutating func expandedFragment(_ path: String, file: String, line: Int, depth: Int) throws(RuleError) -> String {
        let key = "expanded:\(depth):" + path
        if let cached = cache[key] { return cached }
        let expanded = try expand(try fragment(path, file: file, line: line), file: file, line: line, depth: depth)
        cache[key] = expanded
        return expanded
    }

    /// The literals of a list file: one per line, blank and `#` lines skipped, outer spaces trimmed.
    static func literals(_ text: String) -> [String] {
        text.utf8.split(separator: 0x0A, omittingEmptySubsequences: true).compactMap { line in
            var bytes = Substring(line).utf8[...]
            while let b = bytes.first, b == 0x20 || b == 0x09 || b == 0x0D { bytes = bytes.dropFirst() }
            while let b = bytes.last, b == 0x20 || b == 0x09 || b == 0x0D { bytes = bytes.dropLast() }
            guard let first = bytes.first, first != 0x23 else { return nil }
            return String(Substring(bytes))
        }
    }

    /// `items` with every `{{list:PATH}}` item replaced by the literals of that list (for `starts:`).
    mutating func expandLiterals(_ items: [String], file: String, line: Int) throws(RuleError) -> [String] {
        var out: [String] = []
        for item in items {
            guard item.hasPrefix("{{list:"), item.hasSuffix("}}") else { out.append(item); continue }
            let path = String(item.dropFirst(7).dropLast(2)).trimmingCharacters(in: " ")
            out += try listLiterals(path, file: file, line: line)
        }
        return out
    }

    /// The literals of a list file, read once.
    private mutating func listLiterals(_ path: String, file: String, line: Int) throws(RuleError) -> [String] {
        if let cached = literalCache[path] { return cached }
        let names = PatternIncludes.literals(try read(path, file: file, line: line))
        literalCache[path] = names
        return names
    }

    private mutating func listAlternation(_ path: String, file: String, line: Int) throws(RuleError) -> String {
        let key = "list:" + path
        if let cached = cache[key] { return cached }
        let names = try listLiterals(path, file: file, line: line)
        guard !names.isEmpty else { throw RuleError(file: file, line: line, message: "list '\(path)' is empty") }
        let alternation = LiteralTrie.alternation(of: names)
        cache[key] = alternation
        return alternation
    }

    private mutating func fragment(_ path: String, file: String, line: Int) throws(RuleError) -> String {
        let key = "pattern:" + path
        if let cached = cache[key] { return cached }
        let text = try read(path, file: file, line: line)
        // Lines end at LF (not at a CR LF pair, as `String.split` on "\n" has them); each is
        // trimmed of spaces, tabs and CRs, and empty and `#` lines are dropped.
        var joined: [UInt8] = []
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { b in
            func isTrimmed(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0D }
            for line in ByteLines(b) {
                var start = line.lowerBound, end = line.upperBound
                while start < end, isTrimmed(b[start]) { start += 1 }
                while end > start, isTrimmed(b[end - 1]) { end -= 1 }
                if start < end, b[start] != 0x23 { joined.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<end])) }
            }
        }
        let result = String(decoding: joined, as: UTF8.self)
        cache[key] = result
        return result
    }

    private func read(_ path: String, file: String, line: Int) throws(RuleError) -> String {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.split(separator: "/").contains("..") else {
            throw RuleError(file: file, line: line, message: "include path '\(path)' must be relative to the rules directory")
        }
        do {
            return String(decoding: try readWholeFile(directory + "/" + path), as: UTF8.self)
        } catch {
            throw RuleError(file: file, line: line, message: "include '\(path)': \(error.message)")
        }
    }
}
