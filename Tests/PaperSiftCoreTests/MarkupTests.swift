import Foundation
import Testing
import PaperSiftCore

/// The libxml2 wrapper and the HTML text-block reduction.
@Suite struct MarkupTests {
    func xml(_ text: String) throws(MarkupError) -> MarkupDocument {
        var copy = text
        return try copy.withUTF8Bytes { b throws(MarkupError) in try MarkupDocument.xml(b) }
    }

    func html(_ text: String) throws(MarkupError) -> MarkupDocument {
        var copy = text
        return try copy.withUTF8Bytes { b throws(MarkupError) in try MarkupDocument.html(b) }
    }

    @Test func xmlNodesAttributesTextAndLines() throws {
        let doc = try xml("<?xml version=\"1.0\"?>\n<feed xmlns=\"urn:a\" xmlns:x=\"urn:x\">\n  <entry n=\"1\">\n    <title>A &amp; B</title>\n    <x:doi>10.1/2</x:doi>\n  </entry>\n</feed>\n")
        let root = try #require(doc.root)
        #expect(root.isElement("feed", namespace: "urn:a"))
        let entry = try #require(root.firstChild(named: "entry", namespace: "urn:a"))
        #expect(entry.line == 3)
        #expect(entry.attribute("n") == "1" && entry.attribute("missing") == nil)
        #expect(entry.firstChild(named: "title")?.text == "A & B")
        #expect(entry.firstChild(named: "doi", namespace: "urn:x")?.text == "10.1/2")
        #expect(entry.firstChild(named: "doi", namespace: "urn:a") == nil)
    }

    @Test func malformedXMLNamesTheLine() {
        #expect(throws: MarkupError.self) { try xml("<a>\n<b>\n</a>\n") }
        do { _ = try xml("<a>\n<b>\n</a>\n") } catch { #expect(error.line == 3, "\(error)") }
    }

    @Test func externalEntitiesAreNeverLoaded() throws {
        let secret = Fixtures.temporaryFile("TOP-SECRET-CONTENT\n", name: "secret.txt")
        let doc = try xml("<?xml version=\"1.0\"?>\n<!DOCTYPE t [<!ENTITY xxe SYSTEM \"file://\(secret)\">]>\n<t>before &xxe; after</t>\n")
        let text = try #require(doc.root?.text)
        #expect(!text.contains("TOP-SECRET"))
        #expect(text.hasPrefix("before ") && text.hasSuffix(" after"))
    }

    @Test func entityExpansionBombDoesNotExpand() throws {
        var dtd = "<!ENTITY a0 \"lol\">"
        for i in 1...10 { dtd += "<!ENTITY a\(i) \"" + String(repeating: "&a\(i - 1);", count: 10) + "\">" }
        // libxml2 either refuses the document or keeps the reference unexpanded; it never builds 10^10 'lol's.
        do {
            let doc = try xml("<?xml version=\"1.0\"?>\n<!DOCTYPE t [\(dtd)]>\n<t>&a10;</t>\n")
            #expect((doc.root?.text.utf8.count ?? 0) < 100)
        } catch {
            #expect(error.message.contains("invalid XML"))
        }
    }

    @Test func brokenHTMLIsRecoveredWithEntitiesDecoded() throws {
        let doc = try html("<html><body><div data-props='{\"a\":&quot;x&amp;y&quot;}' id=x><p>Caf&eacute; &lt;3<p>next</body>")
        let root = try #require(doc.root)
        let div = try #require(root.elements { $0.attribute("id") == "x" }.first)
        #expect(div.attribute("data-props") == "{\"a\":\"x&y\"}")
        #expect(root.elements { $0.name == "p" }.map(\.text) == ["Café <3", "next"])
    }

    @Test func htmlIsReadAsUTF8WhateverItsMetaCharsetSays() throws {
        let doc = try html("<html><head><meta charset=\"iso-8859-1\"></head><body><p>Café – naïve</p></body></html>")
        #expect(doc.root?.elements { $0.name == "p" }.first?.text == "Café – naïve")
    }

    @Test func pageWithoutPaperDataIsReducedToTextBlocks() throws {
        let page = """
        <!DOCTYPE html>
        <html><head><title>T</title><style>p { color: red }</style><script>var x = "<p>no</p>";</script></head>
        <body>
        <nav><a href="/">Home</a> <a href="/papers">Papers</a></nav>
        <header>Site header</header>
        <main>
        <h1>A Paper   Title</h1>
        <p>An abstract with a hard
        line break, an entity &amp; a <b>bold</b> word.<br>After a break.</p>
        <ul><li>first item</li><li>second <i>item</i></li></ul>
        </main>
        <footer>© footer</footer>
        </body></html>
        """
        let (records, _, _) = try Fixtures.clean([Fixtures.temporaryFile(page, name: "page.html")])
        #expect(records.map { $0.text ?? "" } == [
            "A Paper Title",
            "An abstract with a hard line break, an entity & a bold word. After a break.",
            "first item", "second item",
        ])
        #expect(records.map(\.line) == [7, 8, 10, 10])
        #expect(records.allSatisfy { $0.format == "html" && $0.file == "page.html" })
    }

    @Test func deeplyNestedHTMLDoesNotExhaustTheStack() throws {
        func page(depth: Int) -> String {
            String(repeating: "<div>", count: depth) + "deep text" + String(repeating: "</div>", count: depth)
        }
        let (shallow, _, _) = try Fixtures.clean([Fixtures.temporaryFile(page(depth: 200), name: "nested.html")])
        #expect(shallow.compactMap(\.text) == ["deep text"])
        // Beyond libxml2's depth limit the rest of the page is cut, but nothing crashes.
        let (deep, _, _) = try Fixtures.clean([Fixtures.temporaryFile(page(depth: 100_000), name: "deep.html")])
        #expect(deep.allSatisfy { $0.text == "deep text" })
    }
}
