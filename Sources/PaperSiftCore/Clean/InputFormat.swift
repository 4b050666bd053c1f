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
    /// papersift envelopes: JSON Lines `{"file","line","text"}`, each a whole document (Spark, Hadoop).
    case envelope = "envelope"

    /// Guesses the format from the first bytes of a document.
    public static func sniff(_ head: [UInt8]) -> InputFormat {
        var i = 0
        if head.count >= 3, head[0] == 0xEF, head[1] == 0xBB, head[2] == 0xBF { i = 3 }
        while i < head.count, head[i] == 0x20 || head[i] == 0x09 || head[i] == 0x0A || head[i] == 0x0D { i += 1 }
        guard i < head.count else { return .hfText }
        let rest = String(decoding: head[i..<min(head.count, i + 4096)], as: UTF8.self)
        let lower = asciiLowercased(rest)
        switch head[i] {
        case UInt8(ascii: "["): return .hfAPI
        case UInt8(ascii: "{"):
            let firstLine = lower.prefix(while: { $0 != "\n" })
            if firstLine.contains("\"text\""), firstLine.contains("\"file\""), !firstLine.contains("\"abstract\"") { return .envelope }
            return .arxivOAI
        case UInt8(ascii: "<"):
            if lower.contains("<feed") || lower.contains("xmlns=\"http://www.w3.org/2005/atom\"") { return .arxivAtom }
            return .html
        default: return .hfText
        }
    }
}
