import Foundation

/// What an occurrence says about which paper it is beyond its title: the versionless arXiv id,
/// the DOI, the first author and the year, each hashed (0 = unknown). Two occurrences with the
/// same title key are one paper unless their identities disagree (`isCompatible`).
public struct PaperIdentity: Equatable, Sendable {
    public var arxiv: UInt64 = 0
    public var doi: UInt64 = 0
    /// Up to four name tokens of the first author (letters only, two or more, case and
    /// diacritics folded): the first two and the last two.
    public var author: SIMD4<UInt32> = .zero
    public var year: UInt16 = 0

    public init() {}

    public init(_ r: PaperRecord) {
        self.init(arxivID: r.arxivID, doi: r.doi, firstAuthor: r.firstAuthor, published: r.published)
    }

    /// The identity of a record with these fields.
    public init(arxivID: String?, doi: String?, firstAuthor: String?, published: String?) {
        if let a = arxivID { arxiv = PaperIdentity.hashID(PaperIdentity.versionless(a)) }
        if let d = doi { self.doi = PaperIdentity.hashID(PaperIdentity.bareDOI(d)) }
        if let name = firstAuthor { author = PaperIdentity.nameTokens(name) }
        if let p = published { year = PaperIdentity.year(p) }
    }

    /// Whether two occurrences (or groups) can be one paper. An arXiv id on both sides decides
    /// alone; else equal DOIs match and different DOIs do not; else first authors sharing no
    /// name token, or years more than one apart, mean different papers.
    public func isCompatible(with o: PaperIdentity) -> Bool {
        if arxiv != 0 && o.arxiv != 0 { return arxiv == o.arxiv }
        if doi != 0 && o.doi != 0 { return doi == o.doi }
        if author != .zero && o.author != .zero && !sharesAuthorToken(with: o) { return false }
        if year != 0 && o.year != 0 && (year > o.year ? year - o.year : o.year - year) > 1 { return false }
        return true
    }

    private func sharesAuthorToken(with o: PaperIdentity) -> Bool {
        for i in 0..<4 where author[i] != 0 {
            for j in 0..<4 where o.author[j] == author[i] { return true }
        }
        return false
    }

    /// This identity with its unknown parts filled from `o` (known parts are kept).
    public func filled(from o: PaperIdentity) -> PaperIdentity {
        var r = self
        if r.arxiv == 0 { r.arxiv = o.arxiv }
        if r.doi == 0 { r.doi = o.doi }
        if r.author == .zero { r.author = o.author }
        if r.year == 0 { r.year = o.year }
        return r
    }

    /// How an occurrence with identity `o` matches a group with this identity: by arXiv id, by
    /// DOI, or by the title alone.
    func matchKind(of o: PaperIdentity) -> MatchKinds {
        if arxiv != 0 && arxiv == o.arxiv { return .arxivID }
        if doi != 0 && doi == o.doi { return .doi }
        return .title
    }

    // MARK: fixed-size binary form (for spill files)

    public static let encodedSize = 34

    func encode(into out: inout [UInt8]) {
        appendLE(arxiv, to: &out)
        appendLE(doi, to: &out)
        for i in 0..<4 { appendLE(author[i], to: &out) }
        appendLE(year, to: &out)
    }

    init(decoding p: UnsafeRawPointer) {
        arxiv = p.loadUnaligned(as: UInt64.self).littleEndian
        doi = p.loadUnaligned(fromByteOffset: 8, as: UInt64.self).littleEndian
        for i in 0..<4 { author[i] = p.loadUnaligned(fromByteOffset: 16 + 4 * i, as: UInt32.self).littleEndian }
        year = p.loadUnaligned(fromByteOffset: 32, as: UInt16.self).littleEndian
    }

    // MARK: normalisation of the parts

    /// An arXiv id without a trailing version (`2401.00001v2` → `2401.00001`), lower-cased.
    public static func versionless(_ id: String) -> String {
        var bytes = Array(asciiLowercased(id).utf8)
        if bytes.count > 2, let v = bytes.lastIndex(of: UInt8(ascii: "v")), v > 0, v + 1 < bytes.count,
           bytes[(v + 1)...].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), bytes[v - 1] >= 0x30, bytes[v - 1] <= 0x39 {
            bytes.removeSubrange(v...)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A DOI without `https://doi.org/` or `doi:` in front, lower-cased.
    public static func bareDOI(_ doi: String) -> String {
        var d = asciiLowercased(doi)
        for prefix in ["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:"]
        where d.hasPrefix(prefix) {
            d.removeFirst(prefix.count)
            break
        }
        return d
    }

    static func hashID(_ s: String) -> UInt64 {
        let h = PaperKey.fnv1a(s.utf8)
        return h == 0 ? 1 : h
    }

    static func nameTokens(_ name: String) -> SIMD4<UInt32> {
        let folded = name.utf8.allSatisfy({ $0 < 0x80 }) ? asciiLowercased(name)
            : name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        var tokens: [UInt32] = []
        var current: [UInt8] = []
        func endToken() {
            if current.count >= 2 {
                var h: UInt32 = 0x811c9dc5
                for b in current { h = (h ^ UInt32(b)) &* 0x01000193 }
                tokens.append(h == 0 ? 1 : h)
            }
            current.removeAll(keepingCapacity: true)
        }
        for b in folded.utf8 {
            if (b >= 0x61 && b <= 0x7A) || b >= 0x80 { current.append(b) } else { endToken() }
        }
        endToken()
        var picked = tokens.count <= 4 ? tokens : Array(tokens.prefix(2) + tokens.suffix(2))
        while picked.count < 4 { picked.append(0) }
        return SIMD4(picked[0], picked[1], picked[2], picked[3])
    }

    static func year(_ published: String) -> UInt16 {
        let b = Array(published.utf8.prefix(5))
        guard b.count >= 4, b[0...3].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), b.count == 4 || b[4] == UInt8(ascii: "-") else { return 0 }
        return b[0...3].reduce(0) { $0 * 10 + UInt16($1 - 0x30) }
    }
}

/// How occurrences were matched into one paper, reported in `merged_by`.
public struct MatchKinds: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let arxivID = MatchKinds(rawValue: 1)
    public static let doi = MatchKinds(rawValue: 2)
    public static let title = MatchKinds(rawValue: 4)
    public static let similar = MatchKinds(rawValue: 8)

    /// The `merged_by` names in their fixed order.
    static let names: [(MatchKinds, String)] = [(.arxivID, "arxiv_id"), (.doi, "doi"), (.title, "title"), (.similar, "similar")]

    public init(names: [String]) {
        self = []
        for (k, n) in MatchKinds.names where names.contains(n) { insert(k) }
    }

    public var names: [String] { MatchKinds.names.compactMap { contains($0.0) ? $0.1 : nil } }
}
