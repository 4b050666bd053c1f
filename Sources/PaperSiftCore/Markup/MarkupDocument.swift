import CLibXML2

/// A document that libxml2 could not parse, with the 1-based line of the first error when known.
public struct MarkupError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public let line: Int?
    public var description: String { message }
}

/// A parsed HTML or XML document (libxml2). `Markup/` is the only place that imports CLibXML2.
///
/// HTML is parsed in recovery mode (broken pages still give a tree). XML is parsed strictly and
/// safely: no network (`XML_PARSE_NONET`), external entities and DTDs are never loaded (no
/// `XML_PARSE_NOENT`/`XML_PARSE_DTDLOAD`), libxml2's default size and depth limits stay on (no
/// `XML_PARSE_HUGE`), and entity references are never expanded when text is read.
public final class MarkupDocument {
    let pointer: xmlDocPtr

    private init(_ pointer: xmlDocPtr) { self.pointer = pointer }

    deinit { xmlFreeDoc(pointer) }

    /// Largest document handed to libxml2 (its API takes an `int` length).
    public static let maxBytes = Int(Int32.max)

    /// Parses an HTML page given as UTF-8 bytes (a `<meta charset>` is ignored: callers hand
    /// UTF-8); never fails on malformed markup.
    public static func html(_ bytes: UnsafeBufferPointer<UInt8>) throws(MarkupError) -> MarkupDocument {
        LibXML2.initialize()
        try checkSize(bytes)
        guard let ctxt = htmlNewParserCtxt() else { throw MarkupError(message: "libxml2: out of memory", line: nil) }
        defer { htmlFreeParserCtxt(ctxt) }
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue) | Int32(XML_PARSE_BIG_LINES.rawValue)
        let doc = bytes.withMemoryRebound(to: CChar.self) { chars in
            htmlCtxtReadMemory(ctxt, chars.baseAddress!, Int32(bytes.count), nil, "UTF-8", options)
        }
        guard let doc else { throw MarkupError(message: "not an HTML document", line: nil) }
        return MarkupDocument(doc)
    }

    /// Parses an XML document; a document that is not well-formed is an error naming the line.
    public static func xml(_ bytes: UnsafeBufferPointer<UInt8>) throws(MarkupError) -> MarkupDocument {
        LibXML2.initialize()
        try checkSize(bytes)
        guard let ctxt = xmlNewParserCtxt() else { throw MarkupError(message: "libxml2: out of memory", line: nil) }
        defer { xmlFreeParserCtxt(ctxt) }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_NOCDATA.rawValue | XML_PARSE_BIG_LINES.rawValue)
        let firstError = FirstError()
        ctxt.pointee._private = Unmanaged.passUnretained(firstError).toOpaque()
        ctxt.pointee.sax.pointee.serror = { userData, error in
            guard let userData, let error else { return }
            let ctxt = userData.assumingMemoryBound(to: xmlParserCtxt.self)
            guard let box = ctxt.pointee._private else { return }
            Unmanaged<FirstError>.fromOpaque(box).takeUnretainedValue().record(error.pointee)
        }
        let doc = withExtendedLifetime(firstError) {
            bytes.withMemoryRebound(to: CChar.self) { chars in
                xmlCtxtReadMemory(ctxt, chars.baseAddress!, Int32(bytes.count), nil, nil, options)
            }
        }
        guard let doc, ctxt.pointee.wellFormed != 0 else {
            if let doc { xmlFreeDoc(doc) }
            throw MarkupError(message: "invalid XML: " + (firstError.message ?? "not well-formed"), line: firstError.line)
        }
        return MarkupDocument(doc)
    }

    private static func checkSize(_ bytes: UnsafeBufferPointer<UInt8>) throws(MarkupError) {
        if bytes.isEmpty { throw MarkupError(message: "empty document", line: nil) }
        if bytes.count > maxBytes { throw MarkupError(message: "document too large for libxml2", line: nil) }
    }

    /// The root element.
    public var root: MarkupNode? {
        xmlDocGetRootElement(pointer).map { MarkupNode(document: self, pointer: $0) }
    }
}

/// The first error libxml2 reports while parsing a document (its `lastError` is the last one,
/// often a consequence such as "premature end of data").
private final class FirstError {
    var message: String?
    var line: Int?

    func record(_ error: xmlError) {
        guard message == nil, error.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        message = error.message.map { TextNormalizer.collapseWhitespace(String(cString: $0)) } ?? "error \(error.code)"
        line = error.line > 0 ? Int(error.line) : nil
    }
}

/// One-time libxml2 set-up (required before use from several threads).
enum LibXML2 {
    private static let initialized: Void = { xmlInitParser() }()
    static func initialize() { _ = initialized }
}
