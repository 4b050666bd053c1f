/// An arXiv identifier split into the versionless id (the dedupe key) and the version.
///
/// Accepts new-style ids (`2407.21783`, `0704.0001v2`), old-style ids (`cond-mat/0412498v1`,
/// `math.GT/0309136`), with an optional `arXiv:` prefix or as an `arxiv.org/abs/…` or `/pdf/…` URL.
public struct ArxivID: Equatable, Sendable {
    public let id: String
    public let version: Int?

    public init?(_ text: String) {
        // The Foundation calls (trimming, searching) only where they can change something: a
        // bare id, the usual case, has no white space at its ends, no `/` and no `:`.
        let trim = text.utf8.first.map(ArxivID.isTrimmed) == true || text.utf8.last.map(ArxivID.isTrimmed) == true
        var s = trim ? Substring(text.trimmingCharacters(in: " \t\r\n")) : Substring(text)
        if s.utf8.contains(UInt8(ascii: "/")) {
            for marker in ["/abs/", "/pdf/"] {
                if let r = s.range(of: marker) { s = s[r.upperBound...]; break }
            }
        }
        if s.utf8.contains(UInt8(ascii: ":")), s.lowercased().hasPrefix("arxiv:") { s = s.dropFirst(6) }
        if s.hasSuffix(".pdf") { s = s.dropLast(4) }
        var body = s
        var version: Int?
        if let v = s.lastIndex(of: "v"), v != s.startIndex {
            let digits = s[s.index(after: v)...]
            if !digits.isEmpty, digits.allSatisfy(\.isASCIIDigitChar), let n = Int(digits) {
                body = s[..<v]
                version = n
            }
        }
        guard ArxivID.isNewStyle(body) || ArxivID.isOldStyle(body) else { return nil }
        id = String(body)
        self.version = version
    }

    /// `YYMM.NNNN` or `YYMM.NNNNN` with a month 01–12.
    static func isNewStyle(_ s: Substring) -> Bool {
        let u = Array(s.utf8)
        guard u.count == 9 || u.count == 10, u[4] == UInt8(ascii: "."),
              u[0..<4].allSatisfy(isDigit), u[5...].allSatisfy(isDigit) else { return false }
        let month = Int(u[2] - 0x30) * 10 + Int(u[3] - 0x30)
        return (1...12).contains(month)
    }

    /// `archive(.SC)?/YYMMNNN`, e.g. `hep-th/9901001`, `math.GT/0309136`.
    static func isOldStyle(_ s: Substring) -> Bool {
        guard let slash = s.firstIndex(of: "/") else { return false }
        let archive = s[..<slash].utf8
        let number = s[s.index(after: slash)...].utf8
        guard number.count == 7, number.allSatisfy(isDigit), let first = archive.first, isLower(first) else { return false }
        var parts = archive.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return false }
        if parts.count == 2 {
            let subject = parts.removeLast()
            guard subject.count == 2, subject.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) else { return false }
        }
        return parts[0].allSatisfy { isLower($0) || $0 == UInt8(ascii: "-") }
    }

    private static func isTrimmed(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A }
    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    private static func isLower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
}

extension Character {
    fileprivate var isASCIIDigitChar: Bool { isASCII && isNumber }
}
