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
        guard pattern.contains("{{") else { return pattern }
        guard depth < 4 else { throw RuleError(file: file, line: line, message: "includes nested too deeply") }
        var out = ""
        var rest = Substring(pattern)
        while let open = rest.range(of: "{{") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                throw RuleError(file: file, line: line, message: "unterminated '{{' include")
            }
            let marker = rest[open.upperBound..<close.lowerBound]
            rest = rest[close.upperBound...]
            guard let colon = marker.firstIndex(of: ":") else {
                throw RuleError(file: file, line: line, message: "include '{{\(marker)}}' needs 'list:' or 'pattern:'")
            }
            let kind = String(marker[..<colon])
            let path = String(marker[marker.index(after: colon)...]).trimmingCharacters(in: " ")
            switch kind {
            case "list": out += "(?:" + (try listAlternation(path, file: file, line: line)) + ")"
            case "pattern": out += try expand(try fragment(path, file: file, line: line), file: file, line: line, depth: depth + 1)
            default: throw RuleError(file: file, line: line, message: "unknown include kind '\(kind)' (use list: or pattern:)")
            }
        }
        return out + rest
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
        let joined = text.split(separator: "\n", omittingEmptySubsequences: true)
            .filter { !$0.trimmingCharacters(in: " \t\r").hasPrefix("#") }
            .map { $0.trimmingCharacters(in: " \t\r") }
            .joined()
        cache[key] = joined
        return joined
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
