/// Reduces an HTML page to its text blocks: the text of each block-level element (paragraph,
/// heading, list item, table cell, …), cleaned with `TextNormalizer`; scripts, styles,
/// navigation, headers, footers, forms and the like are dropped. `<br>` joins like a space.
enum HTMLTextBlocks {
    /// Elements whose content is never text of the page.
    static let skipped: Set<String> = [
        "head", "script", "style", "noscript", "template", "nav", "header", "footer", "aside",
        "svg", "math", "iframe", "object", "canvas", "form", "button", "select", "textarea", "dialog",
    ]

    /// Elements that start and end a block.
    static let blocks: Set<String> = [
        "address", "article", "blockquote", "body", "caption", "dd", "details", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "main",
        "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead",
        "tr", "ul",
    ]

    /// Calls `block` with each non-empty block's text and the line of the element holding its
    /// first text (libxml2 numbers a text node by the line where it ends).
    static func extract(from root: MarkupNode, block: (String, Int) -> Void) {
        var parts: [String] = []
        var blockLine = 0
        func flush() {
            guard !parts.isEmpty else { return }
            let text = TextNormalizer.clean(parts.joined())
            parts.removeAll(keepingCapacity: true)
            if !text.isEmpty { block(text, blockLine) }
        }
        root.walk(enter: { node in
            switch node.kind {
            case .element:
                let name = node.name
                if skipped.contains(name) { return false }
                if name == "br" { parts.append(" ") }
                if blocks.contains(name) { flush() }
                return true
            case .text:
                let text = node.ownText
                if parts.isEmpty {
                    if isBlankText(text) { return false }
                    blockLine = node.parent?.line ?? node.line
                }
                parts.append(text)
                return false
            case .entityReference, .other:
                return false
            }
        }, leave: { node in
            if node.kind == .element, blocks.contains(node.name) { flush() }
        })
        flush()
    }

    private static func isBlankText(_ s: String) -> Bool {
        s.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x0C }
    }
}
