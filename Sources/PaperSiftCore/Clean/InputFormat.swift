/// The input formats `sift-clean` reads, detected from the content or forced with `--format`.
public enum InputFormat: String, CaseIterable, Sendable {
    /// Text dump of a Hugging Face Daily Papers page (the seed pages).
    case hfText = "hf-text"
    /// Hugging Face `daily_papers` API response: a JSON array per day.
    case hfAPI = "hf-api"
    /// An HTML page: a Daily Papers listing, a paper page, or any page reduced to text blocks.
    case html = "html"
    /// arXiv API Atom XML.
    case arxivAtom = "arxiv-atom"
    /// arXiv metadata snapshot JSON Lines.
    case arxivOAI = "arxiv-oai"
    /// papersift envelopes: JSON Lines `{"file","line","text"}`, each a whole document or one JSON Lines
    /// record of the file `file` (Spark, Hadoop).
    case envelope = "envelope"

    /// The keys of an envelope; a JSON Lines file whose first object starts with one of them is
    /// taken as envelopes (an arXiv snapshot record starts with `id`).
    static let envelopeKeys: Set<String> = ["file", "line", "text"]

    /// The first key of a JSON object whose `{` has been consumed, or nil.
    static func firstKey(_ bytes: ArraySlice<UInt8>) -> String? {
        guard let quote = bytes.firstIndex(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }),
              bytes[quote] == UInt8(ascii: "\""),
              let close = bytes[(quote + 1)...].firstIndex(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }),
              bytes[close] == UInt8(ascii: "\"") else { return nil }
        return String(decoding: bytes[(quote + 1)..<close], as: UTF8.self)
    }

    /// Guesses the format from the first bytes of a document: `[` a Hugging Face API array, `{`
    /// JSON Lines (envelopes or the arXiv snapshot), `<` an Atom feed or else HTML, anything
    /// else a text dump.
    public static func sniff(_ head: [UInt8]) -> InputFormat {
        var i = 0
        if head.count >= 3, head[0] == 0xEF, head[1] == 0xBB, head[2] == 0xBF { i = 3 }
        while i < head.count, head[i] == 0x20 || head[i] == 0x09 || head[i] == 0x0A || head[i] == 0x0D { i += 1 }
        guard i < head.count else { return .hfText }
        switch head[i] {
        case UInt8(ascii: "["): return .hfAPI
        case UInt8(ascii: "{"):
            return envelopeKeys.contains(firstKey(head[(i + 1)...]) ?? "") ? .envelope : .arxivOAI
        case UInt8(ascii: "<"):
            let lower = asciiLowercased(String(decoding: head[i..<min(head.count, i + 4096)], as: UTF8.self))
            if lower.contains("<feed") || lower.contains("xmlns=\"http://www.w3.org/2005/atom\"") { return .arxivAtom }
            return .html
        default: return .hfText
        }
    }
}
