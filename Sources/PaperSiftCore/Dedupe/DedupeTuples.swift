/// The small fixed layouts dedupe keeps in its sorters and stores (`Deduper`).

/// One occurrence of a group while the group is split.
struct GroupMember {
    var seq: UInt64
    var identity: PaperIdentity
    var signature: [UInt8]?
    var arxiv: String
    var doi: String
    var paper = 0

    init(seq: UInt64, value: UnsafeRawBufferPointer) {
        self.seq = seq
        let p = value.baseAddress!
        identity = PaperIdentity(decoding: p)
        var at = PaperIdentity.encodedSize
        if value[at] == 1 {
            signature = Array(UnsafeRawBufferPointer(rebasing: value[(at + 1)..<(at + 1 + MinHash.encodedSize)]))
            at += 1 + MinHash.encodedSize
        } else {
            at += 1
        }
        arxiv = readShortString(value, at: &at)
        doi = readShortString(value, at: &at)
    }
}

/// Where an occurrence goes: the paper (first sequence number) it joined within its group, how
/// it matched, and for a paper's first occurrence its rank among papers sharing the title key.
struct MemberTuple: SortTuple {
    var seq: UInt64 = 0
    var paper: UInt64 = 0
    var kind: UInt8 = 0
    var rank: UInt32 = 0
    static func < (a: MemberTuple, b: MemberTuple) -> Bool { a.seq < b.seq }
    static func == (a: MemberTuple, b: MemberTuple) -> Bool { a.seq == b.seq && a.paper == b.paper && a.kind == b.kind && a.rank == b.rank }
}

/// A near-duplicate band key of a paper (its slot in the paper store).
struct BandTuple: SortTuple {
    var key: UInt64 = 0
    var slot: UInt32 = 0
    static func < (a: BandTuple, b: BandTuple) -> Bool { a.key != b.key ? a.key < b.key : a.slot < b.slot }

    /// By (key, slot): a least-significant-digit radix sort, one byte at a time.
    static func sort(_ items: inout [BandTuple]) {
        guard items.count > 256 else { items.sort(); return }
        RadixSort.sort(&items, digits: 12) { t, d in
            d < 4 ? Int(truncatingIfNeeded: t.slot >> (8 * UInt32(d))) & 0xFF : Int(truncatingIfNeeded: t.key >> (8 * UInt64(d - 4))) & 0xFF
        }
    }
}

/// A paper that may be joined across groups: first sequence number, identity, signature.
enum PaperSlot {
    static let size = 8 + PaperIdentity.encodedSize + 1 + MinHash.encodedSize + TitleSketch.encodedSize

    static func encode(seq: UInt64, identity: PaperIdentity, signature: [UInt8]?, title: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(size)
        appendLE(seq, to: &out)
        identity.encode(into: &out)
        out.append(signature == nil ? 0 : 1)
        out.append(contentsOf: signature ?? [UInt8](repeating: 0, count: MinHash.encodedSize))
        out.append(contentsOf: title)
        return out
    }

    static func seq(_ p: UnsafeRawPointer) -> UInt64 { p.loadUnaligned(as: UInt64.self).littleEndian }
    static func identity(_ p: UnsafeRawPointer) -> PaperIdentity { PaperIdentity(decoding: p + 8) }

    struct Loaded {
        var seq: UInt64
        var identity: PaperIdentity
        var signature: [UInt8]
        /// The paper's `TitleSketch`.
        var title: [UInt8]
        init(_ p: UnsafeRawPointer) {
            seq = PaperSlot.seq(p)
            identity = PaperSlot.identity(p)
            let signatureAt = 8 + PaperIdentity.encodedSize + 1
            signature = Array(UnsafeRawBufferPointer(start: p + signatureAt, count: MinHash.encodedSize))
            title = Array(UnsafeRawBufferPointer(start: p + signatureAt + MinHash.encodedSize, count: TitleSketch.encodedSize))
        }
    }
}
