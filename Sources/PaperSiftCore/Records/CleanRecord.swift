/// Output of `sift-clean`: one cleaned paragraph of a text document, or one paper of a
/// structured source (API JSON, HTML listing, Atom feed, arXiv snapshot).
///
/// `{"file":"000.txt","line":13,"format":"hf-text","text":"A Deep Learning Approach…"}`
/// `{"file":"2031-02-14.json","line":2,"format":"hf-api","paper":{…Occurrence fields…}}`
public struct CleanRecord: JSONRecord, Equatable, Sendable {
    /// Input file name (last path component; `-` for standard input).
    public var file: String
    /// 1-based line of the paragraph's first line (or of the paper in the source file).
    public var line: Int
    /// The detected or forced input format, e.g. `hf-text`, `hf-api`, `arxiv-atom`.
    public var format: String
    /// A cleaned paragraph (text formats): Unicode NFC, whitespace collapsed, hard breaks joined.
    public var text: String?
    /// A paper taken from a structured source, already in occurrence shape.
    public var paper: Occurrence?

    public init(file: String, line: Int, format: String, text: String? = nil, paper: Occurrence? = nil) {
        self.file = file; self.line = line; self.format = format; self.text = text; self.paper = paper
    }

    public init(json: JSONValue) throws(RecordShapeError) {
        let r = try FieldReader(json, what: "clean record")
        file = try r.string("file")
        line = try r.int("line")
        format = try r.string("format")
        text = try r.optionalString("text")
        paper = try r.optionalObject("paper").map { v throws(RecordShapeError) in try Occurrence(json: v) }
        if text == nil && paper == nil { throw RecordShapeError("clean record: needs 'text' or 'paper'") }
    }

    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.key("file"); w.string(file)
        w.key("line"); w.int(line)
        w.key("format"); w.string(format)
        if let text { w.key("text"); w.string(text) }
        if let paper { w.key("paper"); paper.write(to: &w) }
        w.endObject()
    }
}
