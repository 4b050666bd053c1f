/// One occurrence of a paper as dedupe stores it: its record as canonical JSON, and how it was
/// matched to the paper's other occurrences.
struct StoredOccurrence {
    var bytes: [UInt8]
    var matchedBy: MatchKinds
}

/// Folds a paper's occurrences (in order) into its output line; shared by the default and the
/// keyed mode, so both write the same bytes for the same occurrences.
enum ClusterOutput {
    /// The output line. A lone occurrence with nothing to add is written as it was read (after
    /// canonical re-serialisation); otherwise the occurrences are merged (`PaperMerger`).
    static func line(_ occurrences: [StoredOccurrence], collisionRank: Int) throws(SpillError) -> [UInt8] {
        if occurrences.count == 1, occurrences[0].matchedBy.isEmpty, collisionRank == 0 { return occurrences[0].bytes }
        var merger = PaperMerger(try record(occurrences[0].bytes))
        merger.add(kinds: occurrences[0].matchedBy)
        for o in occurrences.dropFirst() { merger.add(try record(o.bytes), matchedBy: o.matchedBy) }
        return merger.result(collisionRank: collisionRank).jsonBytes()
    }

    /// A stored or written line read back as a record.
    static func decode(_ bytes: [UInt8]) throws(SpillError) -> PaperRecord { try record(bytes) }

    private static func record(_ bytes: [UInt8]) throws(SpillError) -> PaperRecord {
        var repaired = false
        do { return try bytes.withUnsafeBufferPointer { buf in try PaperRecord.decode(buf, repairedUTF8: &repaired) } } catch {
            throw SpillError("stored record does not read back: \(error)")
        }
    }
}

/// The key that groups the occurrences of one paper: `t:<title key>`; for a record whose title
/// has no letter or digit, `a:<arXiv id>`, `d:<DOI>`, or `x:<hash of the record>`. It is what
/// `sift-normalize --emit-key` writes and what the default mode sorts by.
enum GroupKey {
    static func of(_ r: PaperRecord, titleKey: String, canonical: [UInt8]?) -> String {
        of(titleKey: titleKey, arxivID: r.arxivID, doi: r.doi) { PaperKey.fnv1a(canonical ?? r.jsonBytes()) }
    }

    /// The key of a record with these fields; `recordHash` gives the FNV-1a 64 of its canonical JSON.
    static func of(titleKey: String, arxivID: String?, doi: String?, recordHash: () -> UInt64) -> String {
        if !titleKey.isEmpty { return "t:" + titleKey }
        if let a = arxivID, !a.isEmpty { return "a:" + printable(PaperIdentity.versionless(a)) }
        if let d = doi, !d.isEmpty { return "d:" + printable(PaperIdentity.bareDOI(d)) }
        return "x:" + PaperKey.hex(recordHash())
    }

    /// Without control characters (a key never holds a TAB or a line break).
    private static func printable(_ s: String) -> String {
        String(decoding: s.utf8.filter { $0 >= 0x20 && $0 != 0x7F }, as: UTF8.self)
    }
}
