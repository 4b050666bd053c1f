/// An HTML page, parsed by libxml2 in recovery mode.
///
/// Hugging Face pages hydrate their components from HTML-escaped JSON in the `data-props`
/// attribute of `<div data-target="…">`: the Daily Papers listing (`DailyPapers`, a
/// `dailyPapers` list of day entries) and a paper page (`PaperContent`, a `paper` and its
/// `submitterOrganization`). Every paper gets the line of its component's element. A page
/// without such data is reduced to text blocks (`HTMLTextBlocks`).
enum HTMLPageReader {
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, firstLine: Int, into sink: RecordSink) throws {
        var repaired: [UInt8]?
        if String(validating: bytes, as: UTF8.self) == nil {
            repaired = Array(String(decoding: bytes, as: UTF8.self).utf8)
            sink.warn(line: firstLine, "invalid UTF-8 replaced by U+FFFD")
        }
        let document: MarkupDocument
        do {
            if let repaired {
                document = try repaired.withUnsafeBufferPointer { b throws(MarkupError) in try MarkupDocument.html(b) }
            } else {
                document = try MarkupDocument.html(bytes)
            }
        } catch {
            throw DocumentError(line: error.line.map { $0 + firstLine - 1 }, message: error.message)
        }
        guard let root = document.root else { return }
        let shift = firstLine - 1
        var foundPaperData = false
        for component in root.elements(where: { $0.attribute("data-target") != nil }) {
            let target = component.attribute("data-target") ?? ""
            guard target == "DailyPapers" || target == "PaperContent" else { continue }
            let line = component.line + shift
            guard let propsText = component.attribute("data-props") else {
                throw DocumentError(line: line, message: "<div data-target=\"\(target)\"> has no data-props")
            }
            let props: JSONValue
            do { props = try JSONParser.parse(propsText) } catch {
                throw DocumentError(line: line, message: "data-props of <div data-target=\"\(target)\">: \(error)")
            }
            foundPaperData = true
            if target == "DailyPapers" {
                guard let entries = props["dailyPapers"]?.arrayValue else {
                    throw DocumentError(line: line, message: "data-props of <div data-target=\"DailyPapers\"> has no dailyPapers list")
                }
                for entry in entries { try emitPaper(entry, line: line, fallbackOrg: nil, into: sink) }
            } else {
                guard let paper = props["paper"] else {
                    throw DocumentError(line: line, message: "data-props of <div data-target=\"PaperContent\"> has no paper")
                }
                try emitPaper(paper, line: line, fallbackOrg: props["submitterOrganization"], into: sink)
            }
        }
        if !foundPaperData {
            HTMLTextBlocks.extract(from: root) { text, line in sink.textBlock(text, line: line + shift) }
        }
    }

    private static func emitPaper(_ entry: JSONValue, line: Int, fallbackOrg: JSONValue?, into sink: RecordSink) throws(StrictStop) {
        sink.context.countIn()
        do {
            sink.paper(try HFPaperEntry.occurrence(entry, file: sink.file, line: line, format: sink.format, fallbackOrg: fallbackOrg))
        } catch {
            try sink.reject(line: line, reason: error.description, raw: entry.compactJSON)
        }
    }
}
