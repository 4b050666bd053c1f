import Foundation
import Testing
import PaperSiftCore

/// Hostile HTML and XML through the real executables: external entities and DTDs are never
/// loaded (no local file leaks into the output, no network connection is made), malformed and
/// deeply nested documents end in a diagnostic, never a crash, and every record is accounted for.
@Suite struct HostileMarkupTests {
    static let secretText = "TOP-SECRET-7f3a9c"

    /// A local file an attacker would like to read, and a DTD that defines an entity from it.
    static func secretFiles() -> (secret: String, dtd: String) {
        let secret = Fixtures.temporaryFile(secretText + "\n", name: "secret.txt")
        let dtd = Fixtures.temporaryFile("<!ENTITY leak \"\(secretText)\">\n<!ENTITY % remote SYSTEM \"file://\(secret)\">\n",
                                         name: "evil.dtd")
        return (secret, dtd)
    }

    /// An arXiv Atom feed with one entry whose title and summary use `entity`, and a DOCTYPE.
    static func atomFeed(doctype: String, entity: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        \(doctype)
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>query</title>
          <entry>
            <id>http://arxiv.org/abs/2401.00001v1</id>
            <title>A Paper About &\(entity); Entities</title>
            <summary>Before &\(entity); after.</summary>
            <published>2024-01-01T00:00:00Z</published>
            <author><name>A. Author</name></author>
          </entry>
        </feed>

        """
    }

    func expectNoLeak(_ r: Tools.Result, rejects: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!String(decoding: r.stdout, as: UTF8.self).contains(Self.secretText), "leaked to the output", sourceLocation: sourceLocation)
        #expect(!r.stderr.contains(Self.secretText), "leaked to stderr", sourceLocation: sourceLocation)
        if let rejects {
            #expect(!String(decoding: Fixtures.bytes(rejects), as: UTF8.self).contains(Self.secretText), "leaked to the rejects",
                    sourceLocation: sourceLocation)
        }
    }

    @Test func anExternalEntityNamingALocalFileIsNotExpanded() throws {
        let (secret, _) = Self.secretFiles()
        let feed = Self.atomFeed(doctype: "<!DOCTYPE feed [<!ENTITY xxe SYSTEM \"file://\(secret)\">]>", entity: "xxe")
        let path = Fixtures.temporaryFile(feed, name: "xxe.atom.xml")
        let rejects = Fixtures.temporaryDirectory() + "/rejects.jsonl"
        let clean = try Tools.run("sift-clean", ["--stats", "--rejects", rejects, path])
        expectNoLeak(clean, rejects: rejects)
        #expect(clean.status == 0)
        let records = try clean.stdoutLines.map { try CleanRecord(json: JSONParser.parse($0)) }
        #expect(records.count == 1)
        #expect(records.first?.paper?.title == "A Paper About &xxe; Entities", "the reference is kept as written")
        expectBalancedStats(clean.stderr)
        let fused = try Tools.run("sift", ["run", "--rejects", rejects, path])
        expectNoLeak(fused, rejects: rejects)
        #expect(fused.stdoutLines.count == 1)
    }

    @Test func anExternalDTDAndParameterEntitiesAreNotLoaded() throws {
        let (_, dtd) = Self.secretFiles()
        for doctype in ["<!DOCTYPE feed SYSTEM \"file://\(dtd)\">",
                        "<!DOCTYPE feed [<!ENTITY % ext SYSTEM \"file://\(dtd)\"> %ext; %remote;]>"] {
            let path = Fixtures.temporaryFile(Self.atomFeed(doctype: doctype, entity: "leak"), name: "dtd.atom.xml")
            let rejects = Fixtures.temporaryDirectory() + "/rejects.jsonl"
            let r = try Tools.run("sift-clean", ["--stats", "--rejects", rejects, path])
            expectNoLeak(r, rejects: rejects)
            #expect(!r.signaled)
            #expect([0, 1, 3].contains(r.status), "\(doctype): \(r.stderr)")
            expectBalancedStats(r.stderr, "\(doctype)")
        }
    }

    @Test func noNetworkConnectionIsMadeForExternalEntitiesOrDTDs() throws {
        // A listening socket on a free local port: any attempt to fetch a DTD or an entity from it
        // would leave a connection waiting in its accept queue.
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #expect(listener >= 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) == 0 && getsockname(listener, $0, &length) == 0 }
        }
        #expect(bound && listen(listener, 16) == 0)
        let port = UInt16(bigEndian: address.sin_port)
        let url = "http://127.0.0.1:\(port)"
        _ = fcntl(listener, F_SETFL, O_NONBLOCK)
        func pendingConnection() -> Bool {
            let connection = accept(listener, nil, nil)
            if connection >= 0 { close(connection); return true }
            return false
        }
        // The check itself works: a connection made here is seen.
        let client = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(client, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        #expect(connected && pendingConnection())
        close(client)

        let documents = [
            ("dtd.atom.xml", Self.atomFeed(doctype: "<!DOCTYPE feed SYSTEM \"\(url)/feed.dtd\">", entity: "amp")),
            ("entity.atom.xml", Self.atomFeed(doctype: "<!DOCTYPE feed [<!ENTITY net SYSTEM \"\(url)/entity\">]>", entity: "net")),
            ("parameter.atom.xml", Self.atomFeed(doctype: "<!DOCTYPE feed [<!ENTITY % p SYSTEM \"\(url)/p.dtd\"> %p;]>", entity: "amp")),
            ("page.html", "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"\(url)/xhtml.dtd\"><html><body><p>Text &ext;</p><img src=\"\(url)/i.png\"></body></html>"),
        ]
        for (name, text) in documents {
            let r = try Tools.run("sift-clean", ["--stats", Fixtures.temporaryFile(text, name: name)])
            #expect(!r.signaled, "\(name)")
            expectBalancedStats(r.stderr, "\(name)")
        }
        #expect(!pendingConnection(), "a document made a network connection")
    }

    @Test func malformedXMLIsReportedWithFileAndLineAndOtherInputsGoThrough() throws {
        let feed = Self.atomFeed(doctype: "", entity: "amp")
        let broken = feed.replacingOccurrences(of: "</summary>", with: "</summry>")
        let path = Fixtures.temporaryFile(broken, name: "broken.atom.xml")
        let r = try Tools.run("sift", ["run", "--stats", path, Fixtures.corpus[0]])
        #expect(r.status == 3)
        let summaryLine = broken.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("</summry>") }! + 1
        #expect(r.stderr.contains("\(path):\(summaryLine): invalid XML"), "\(r.stderr)")
        expectSameOutput(r.stdout, (try Tools.run("sift", ["run", Fixtures.corpus[0]])).stdout)
        expectBalancedStats(r.stderr)
    }

    @Test func deeplyNestedXMLEndsInADiagnosticNotACrash() throws {
        let depth = 100_000
        let feed = Self.atomFeed(doctype: "", entity: "amp").replacingOccurrences(
            of: "<title>query</title>", with: String(repeating: "<x>", count: depth) + String(repeating: "</x>", count: depth))
        let r = try Tools.run("sift-clean", ["--stats", Fixtures.temporaryFile(feed, name: "deep.atom.xml")])
        #expect(!r.signaled)
        #expect(r.status == 3)
        #expect(r.stderr.contains("deep.atom.xml:"))
        expectBalancedStats(r.stderr)
    }

    @Test func deeplyNestedAndMalformedHTMLGoThroughTheWholePipeline() throws {
        let depth = 100_000
        let pages = [
            ("deep.html", String(repeating: "<div><span>", count: depth) + "deep text" + String(repeating: "</span></div>", count: depth)),
            ("broken.html", "<html><body><p>Unclosed <b>bold <i>italic<p>Next &amp &unknown; &#xFFFFFFF; <table><tr><td>cell</p></div></body>"
                + String(repeating: "<p attr=\"unterminated>", count: 1000)),
            ("tags-only.html", String(repeating: "<", count: 50_000)),
        ]
        for (name, page) in pages {
            let r = try Tools.run("sift", ["run", "--stats", Fixtures.temporaryFile(page, name: name)])
            #expect(!r.signaled, "\(name)")
            #expect(r.status == 0, "\(name): \(r.stderr)")
            expectBalancedStats(r.stderr, "\(name)")
        }
    }

    @Test func binaryJunkThatLooksLikeMarkupIsRefused() throws {
        var rng = SeededRandom(seed: 42)
        for (name, start) in [("junk.html", "<html>"), ("junk.xml", "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">")] {
            let bytes = Array(start.utf8) + (0..<50_000).map { _ in rng.byte() }
            let r = try Tools.run("sift", ["run", "--stats", Fixtures.temporaryFile(bytes: bytes, name: name)])
            #expect(r.status == 3, "\(name)")
            #expect(r.stdout.isEmpty)
            #expect(r.stderr.contains("\(name): binary data, not a text document"), "\(r.stderr)")
        }
    }
}
