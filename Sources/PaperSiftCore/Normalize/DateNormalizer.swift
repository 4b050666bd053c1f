/// Dates as sources write them → ISO `YYYY-MM-DD`, or `--MM-DD` when the year is missing.
public enum DateNormalizer {
    static let months = ["jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
                         "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12]

    static let weekdays: Set<String> = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// `Sep 10, 2019` → `2019-09-10`; `Apr 9` → `--04-09`; `2024-07-31T…` → `2024-07-31`;
    /// `Mon, 2 Apr 2007 19:18:42 GMT` (RFC 2822, the arXiv snapshot) → `2007-04-02`; else nil.
    public static func iso(_ text: String) -> String? {
        var copy = text
        if let fast = copy.withUTF8({ buf -> String?? in isPrintableASCII(buf, spaceAllowed: true) ? .some(asciiISO(buf)) : .none }) { return fast }
        return unicodeISO(text)
    }

    /// `iso` for any text (the ASCII case has a faster path).
    static func unicodeISO(_ text: String) -> String? {
        let t = text.trimmingCharacters(in: " ")
        let u = Array(t.utf8)
        if u.count >= 10, u[4] == 0x2D, u[7] == 0x2D, u[0..<4].allSatisfy(isDigit), u[5..<7].allSatisfy(isDigit), u[8..<10].allSatisfy(isDigit) {
            return String(t.prefix(10))
        }
        return fromWords(t.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "." }).map(String.init))
    }

    /// The date written as words (`Sep`, `10`, `2019`; a weekday first and day before month allowed).
    static func fromWords(_ words: [String]) -> String? {
        var words = words
        if let first = words.first, weekdays.contains(String(first.lowercased().prefix(3))) { words.removeFirst() }
        if words.count >= 3, Int(words[0]) != nil, months[String(words[1].lowercased().prefix(3))] != nil {
            words.swapAt(0, 1)
        }
        guard words.count >= 2, let month = months[String(words[0].lowercased().prefix(3))],
              let day = Int(words[1]), (1...31).contains(day) else { return nil }
        if words.count >= 3, words[2].count == 4, let year = Int(words[2]) {
            return "\(year)-\(pad(month))-\(pad(day))"
        }
        return "--\(pad(month))-\(pad(day))"
    }

    static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
}
