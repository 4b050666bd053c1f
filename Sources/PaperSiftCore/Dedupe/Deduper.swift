/// Stage 5: merges every occurrence of one paper into one record, in order of first occurrence,
/// within a memory budget (docs/DEDUPE.md).
///
/// 1. `add` numbers each record (its sequence number), keeps its canonical JSON in a log and
///    sorts a small tuple by (group key, number): identity, near-duplicate signature, arXiv id, DOI.
/// 2. Each group (same title key) is split into papers by `BlockClusterer`; a paper is named by
///    its first sequence number.
/// 3. Papers of different groups are joined by arXiv id, DOI and near-duplicate signatures
///    (LSH band keys, sorted) through `LinkResolver`; near-duplicates whose titles are not
///    near-duplicates stay apart and are paired for `similar_to`.
/// 4. The log is sorted by (paper, sequence number) and each paper's occurrences are folded by
///    `PaperMerger`: the output comes out in order of first occurrence.
///
/// Every sort is by a unique key, so the output is the same bytes whether the data stayed in
/// memory or went through temporary files.
public final class Deduper {
    public struct Options: Sendable {
        /// Bytes of memory the stage may use (`--max-memory`).
        public var maxMemory: Int
        /// Where temporary files go (`--temp-dir`; default `$TMPDIR`, else `/tmp`).
        public var temporaryDirectory: String?
        /// The Jaccard similarity of title + abstract shingles at or above which two records are
        /// near-duplicates; nil turns the check off (`--no-similar`).
        public var similarity: Double?

        public init(maxMemory: Int = Deduper.defaultMaxMemory, temporaryDirectory: String? = nil,
                    similarity: Double? = Deduper.defaultSimilarity) {
            self.maxMemory = maxMemory; self.temporaryDirectory = temporaryDirectory; self.similarity = similarity
        }
    }

    public static let defaultMaxMemory = 512 << 20
    public static let defaultSimilarity = 0.8
    /// In a near-duplicate band bucket, each paper is compared with this many papers before it.
    static let bucketWindow = 8

    private let options: Options
    private let directory: SpillDirectory
    private let budget: MemoryBudget
    private let log: RecordLog
    private let groups: ByteSorter
    private var count: UInt64 = 0
    /// Writes each record's canonical JSON (one buffer for all records).
    private var writer = JSONWriter(capacity: 1 << 16)
    /// The sort key being filed (one buffer for all records).
    private var keyBuffer: [UInt8] = []
    /// The sort value being filed, and an escaped abstract's bytes (buffers for all records).
    private var valueBuffer: [UInt8] = []
    private var abstractScratch: [UInt8] = []
    /// Statistics of the last run (for `--stats` and tests): sorted runs written by all sorters.
    public private(set) var spilledRuns = 0
    public private(set) var crossGroupJoins = 0
    /// Near-duplicate pairs kept apart because their titles differ (first sequence numbers).
    private var similarPairs: [(UInt64, UInt64)] = []

    public init(options: Options = Options()) {
        self.options = options
        directory = SpillDirectory(options.temporaryDirectory)
        // A quarter of the budget is left to buffers, the record being parsed, and the allocator.
        budget = MemoryBudget(limit: max(options.maxMemory / 4 * 3, 1))
        log = RecordLog(directory: directory, budget: budget)
        groups = ByteSorter(directory: directory, budget: budget)
    }

    /// The key `sift-normalize --emit-key` writes and `--keyed` groups by (`GroupKey`).
    public static func groupKey(of r: PaperRecord) -> String {
        GroupKey.of(r, titleKey: PaperKey.normalizedTitle(r.title), canonical: nil)
    }

    /// What `add` keeps of one record: its canonical JSON, its group key and its sort value
    /// (identity, near-duplicate signature, arXiv id, DOI). It depends on the record alone, so
    /// worker threads make it (`sift run --threads`) and the deduper only files it in order.
    public struct Entry: Sendable {
        let json: [UInt8]
        /// The group key's bytes and a zero byte; `add` appends the sequence number.
        let groupKey: [UInt8]
        let value: [UInt8]
    }

    /// The entry of `record`; `writer` is scratch space the caller keeps between records.
    public static func entry(for record: PaperRecord, similarity: Bool, writer: inout JSONWriter) -> Entry {
        writer.reset()
        record.write(to: &writer)
        let bytes = writer.bytes
        var key = Array(GroupKey.of(record, titleKey: PaperKey.normalizedTitle(record.title), canonical: bytes).utf8)
        key.append(0)
        var value: [UInt8] = []
        value.reserveCapacity(PaperIdentity.encodedSize + 1 + MinHash.encodedSize + 64)
        appendValue(identity: PaperIdentity(record), arxivID: record.arxivID, doi: record.doi, to: &value) { out in
            guard similarity, var abstract = record.abstract else { return false }
            var title = record.title
            return title.withUTF8 { t in abstract.withUTF8 { a in MinHash.appendSignature(title: t, abstract: a, to: &out) } }
        }
        return Entry(json: bytes, groupKey: key, value: value)
    }

    /// The sort value of an occurrence: identity, a flag and the near-duplicate signature when
    /// `signature` appends one, versionless arXiv id, bare DOI.
    private static func appendValue(identity: PaperIdentity, arxivID: String?, doi: String?, to value: inout [UInt8],
                                    signature: (inout [UInt8]) -> Bool) {
        identity.encode(into: &value)
        let flag = value.count
        value.append(1)
        if !signature(&value) { value[flag] = 0 }
        appendShortString(arxivID.map(PaperIdentity.versionless) ?? "", to: &value)
        appendShortString(doi.map(PaperIdentity.bareDOI) ?? "", to: &value)
    }

    /// Takes the next record as its JSON line (pass 1) when the line is canonical
    /// (`CanonicalPaperLine`): the line is kept as it is and only the fields dedupe decides on are
    /// read. False, with nothing taken, for any other line (decode it and call `add(_:context:)`).
    public func add(canonicalLine line: UnsafeBufferPointer<UInt8>, context: RunContext) throws(SpillError) -> Bool {
        guard let fields = CanonicalPaperLine(line) else { return false }
        let title = fields.string(fields.title)
        let arxivID = fields.string(fields.arxivID), doi = fields.string(fields.doi)
        let groupKey = GroupKey.of(titleKey: PaperKey.normalizedTitle(title), arxivID: arxivID, doi: doi) { PaperKey.fnv1a(line) }
        let identity = PaperIdentity(arxivID: arxivID, doi: doi, firstAuthor: fields.string(fields.firstAuthor),
                                     published: fields.string(fields.published))
        valueBuffer.removeAll(keepingCapacity: true)
        let similarity = usesSimilarity
        Deduper.appendValue(identity: identity, arxivID: arxivID, doi: doi, to: &valueBuffer) { out in
            guard similarity, let abstract = fields.abstract else { return false }
            var t = title
            return t.withUTF8 { t in
                fields.withBytes(abstract, scratch: &abstractScratch) { a in MinHash.appendSignature(title: t, abstract: a, to: &out) }
            }
        }
        keyBuffer.removeAll(keepingCapacity: true)
        keyBuffer.append(contentsOf: groupKey.utf8)
        keyBuffer.append(0)
        try file(json: UnsafeRawBufferPointer(line), context: context)
        return true
    }

    /// Whether entries for this deduper carry near-duplicate signatures.
    public var usesSimilarity: Bool { options.similarity != nil }

    /// Takes the next record (pass 1).
    public func add(_ record: PaperRecord, context: RunContext) throws(SpillError) {
        try add(Deduper.entry(for: record, similarity: usesSimilarity, writer: &writer), context: context)
    }

    /// Takes the next record's entry (pass 1), made by `entry(for:similarity:writer:)`.
    public func add(_ entry: Entry, context: RunContext) throws(SpillError) {
        keyBuffer.removeAll(keepingCapacity: true)
        keyBuffer.append(contentsOf: entry.groupKey)
        valueBuffer.removeAll(keepingCapacity: true)
        valueBuffer.append(contentsOf: entry.value)
        try withBytes(of: entry.json) { (p: UnsafeRawBufferPointer) throws(SpillError) in try file(json: p, context: context) }
    }

    /// Files one occurrence: its JSON in the log, (`keyBuffer` + sequence number, `valueBuffer`)
    /// in the group sorter.
    private func file(json: UnsafeRawBufferPointer, context: RunContext) throws(SpillError) {
        context.countIn()
        let seq = count
        count += 1
        try log.append(json)
        appendBE(seq, to: &keyBuffer)
        try groups.add(key: keyBuffer, value: valueBuffer)
    }

    /// Writes the merged records, in order of first occurrence.
    public func finish(context: RunContext, emit: ([UInt8]) -> Void) throws(SpillError) {
        try finish(context: context, emitLine: { emit(Array($0)) })
    }

    /// Writes the merged records to `output`, one line each, in order of first occurrence.
    public func finish(context: RunContext, output: OutputWriter) throws(SpillError) {
        try finish(context: context, emitLine: { output.writeLine($0) })
    }

    private func finish(context: RunContext, emitLine: (UnsafeBufferPointer<UInt8>) -> Void) throws(SpillError) {
        let mapping = TupleSorter<MemberTuple>(directory: directory, budget: budget)
        let links = ByteSorter(directory: directory, budget: budget)
        let bands = TupleSorter<BandTuple>(directory: directory, budget: budget)
        let papers = SlotStore(slotSize: PaperSlot.size, directory: directory, budget: budget)
        let folded = SequenceFlags(count: count, budget: budget)
        try splitGroups(mapping: mapping, links: links, bands: bands, papers: papers, folded: folded)
        var resolver = LinkResolver()
        try joinByIdentifier(links, papers: papers, resolver: &resolver)
        if let threshold = options.similarity { try joinSimilar(bands, papers: papers, threshold: threshold, resolver: &resolver) }
        crossGroupJoins = resolver.joins
        resolver.forEachJoinedRoot { folded[$0] = true }
        papers.release()
        let similar = similarPapers(resolver: &resolver)
        try writePapers(mapping: mapping, resolver: &resolver, similar: similar, folded: folded, context: context, emit: emitLine)
        spilledRuns += groups.runsWritten + links.runsWritten + bands.runsWritten + mapping.runsWritten
    }

    // MARK: 2. split each group into papers

    /// Also flags in `folded` the occurrences of papers with more than one occurrence in their
    /// group, and the first occurrence of a paper ranked after another with the same title key.
    private func splitGroups(mapping: TupleSorter<MemberTuple>, links: ByteSorter, bands: TupleSorter<BandTuple>,
                             papers: SlotStore, folded: SequenceFlags) throws(SpillError) {
        var clusterer = BlockClusterer()
        var current: [UInt8] = []
        var members: [GroupMember] = []
        func flush() throws(SpillError) {
            guard !members.isEmpty else { return }
            clusterer.reset()
            // A title group's key is `t:<title key>`; the other groups have no title to compare.
            let titleKey = current.starts(with: [0x74, 0x3A]) ? current.dropFirst(2) : []
            var firsts: [Int] = []
            for (i, m) in members.enumerated() {
                let (paper, kind) = clusterer.assign(m.identity)
                if paper == firsts.count {
                    firsts.append(i)
                    if paper > 0 { try mapping.add(MemberTuple(seq: m.seq, paper: m.seq, kind: 0, rank: UInt32(paper))) }
                } else {
                    try mapping.add(MemberTuple(seq: m.seq, paper: members[firsts[paper]].seq, kind: kind.rawValue, rank: 0))
                }
                members[i].paper = paper
            }
            for (paper, first) in firsts.enumerated() {
                let own = members.filter { $0.paper == paper }
                if own.count > 1 || paper > 0 { for m in own { folded[m.seq] = true } }
                try addLinks(of: own, seq: members[first].seq,
                             identity: clusterer.identities[paper], titleKey: titleKey, links: links, bands: bands, papers: papers)
            }
            members.removeAll(keepingCapacity: true)
        }
        while let (key, value) = try groups.next() {
            let groupKey = UnsafeRawBufferPointer(rebasing: key[..<(key.count - 9)])
            if !groupKey.elementsEqual(current) {
                try flush()
                current = Array(groupKey)
            }
            members.append(GroupMember(seq: readBE(key, at: key.count - 8), value: value))
        }
        try flush()
    }

    /// Records what can join this paper to papers of other groups.
    private func addLinks(of members: [GroupMember], seq: UInt64, identity: PaperIdentity, titleKey: ArraySlice<UInt8>, links: ByteSorter,
                          bands: TupleSorter<BandTuple>, papers: SlotStore) throws(SpillError) {
        var arxivIDs: [String] = [], dois: [String] = []
        for m in members {
            if !m.arxiv.isEmpty, !arxivIDs.contains(m.arxiv) { arxivIDs.append(m.arxiv) }
            if !m.doi.isEmpty, !dois.contains(m.doi) { dois.append(m.doi) }
        }
        let signature = options.similarity == nil ? nil : members.first(where: { $0.signature != nil })?.signature
        guard !arxivIDs.isEmpty || !dois.isEmpty || signature != nil else { return }
        let slot = try papers.append(PaperSlot.encode(seq: seq, identity: identity, signature: signature,
                                                          title: TitleSketch.encode(titleKey)))
        for (tag, ids) in [(UInt8(1), arxivIDs), (UInt8(2), dois)] {
            for id in ids {
                var key: [UInt8] = [tag]
                key.append(contentsOf: id.utf8)
                key.append(0)
                appendBE(seq, to: &key)
                var value: [UInt8] = []
                appendLE(slot, to: &value)
                try links.add(key: key, value: value)
            }
        }
        if let signature {
            let keys = signature.withUnsafeBytes { MinHash.bandKeys($0.baseAddress!) }
            for k in keys { try bands.add(BandTuple(key: k, slot: slot)) }
        }
    }

    // MARK: 3. join papers across groups

    private func joinByIdentifier(_ links: ByteSorter, papers: SlotStore, resolver: inout LinkResolver) throws(SpillError) {
        var current: [UInt8] = []
        var first: (seq: UInt64, identity: PaperIdentity)?
        while let (key, value) = try links.next() {
            let linkKey = UnsafeRawBufferPointer(rebasing: key[..<(key.count - 8)])
            let slot = value.loadUnaligned(as: UInt32.self).littleEndian
            let (seq, identity) = try papers.withSlot(slot) { (PaperSlot.seq($0), PaperSlot.identity($0)) }
            if !linkKey.elementsEqual(current) {
                current = Array(linkKey)
                first = (seq, identity)
                continue
            }
            guard let f = first else { continue }
            try resolver.join(f.seq, f.identity, seq, identity, kind: current[0] == 1 ? .arxivID : .doi)
        }
    }

    private func joinSimilar(_ bands: TupleSorter<BandTuple>, papers: SlotStore, threshold: Double,
                             resolver: inout LinkResolver) throws(SpillError) {
        var currentKey: UInt64?
        // The bucket's last papers; a paper's slot is read only once a second paper shares the key.
        var window: [(slot: UInt32, paper: PaperSlot.Loaded?)] = []
        while let t = try bands.next() {
            if t.key != currentKey {
                currentKey = t.key
                window.removeAll(keepingCapacity: true)
                window.append((t.slot, nil))
                continue
            }
            for i in window.indices where window[i].paper == nil {
                window[i].paper = try papers.withSlot(window[i].slot) { PaperSlot.Loaded($0) }
            }
            let paper = try papers.withSlot(t.slot) { PaperSlot.Loaded($0) }
            for (_, other) in window.reversed() {
                // The signature comparison is cheap (fixed bins); the titles are compared only then.
                guard let other, MinHash.similarity(other.signature, paper.signature) >= threshold else { continue }
                if TitleSketch.nearDuplicates(other.title, paper.title) {
                    try resolver.join(other.seq, other.identity, paper.seq, paper.identity, kind: .similar)
                } else {
                    similarPairs.append((other.seq, paper.seq))
                }
            }
            window.append((t.slot, paper))
            if window.count > Deduper.bucketWindow { window.removeFirst() }
        }
    }

    /// For each paper (by its final number) the papers it is similar to but kept apart from, in
    /// output order; pairs that other joins put into one paper anyway are dropped.
    private func similarPapers(resolver: inout LinkResolver) -> [UInt64: [UInt64]] {
        var similar: [UInt64: [UInt64]] = [:]
        for (a, b) in similarPairs {
            let ra = resolver.find(a), rb = resolver.find(b)
            guard ra != rb else { continue }
            if !(similar[ra]?.contains(rb) ?? false) { similar[ra, default: []].append(rb) }
            if !(similar[rb]?.contains(ra) ?? false) { similar[rb, default: []].append(ra) }
        }
        for k in similar.keys { similar[k]?.sort() }
        similarPairs = []
        return similar
    }

    // MARK: 4. fold each paper's occurrences, in order of first occurrence

    /// Two readings of the log: the first sorts the occurrences to fold (`folded`, and those
    /// joined into another paper) by (paper, sequence number); the second writes each paper at its
    /// first occurrence: a paper seen once as it was read, the others folded by `PaperMerger`.
    private func writePapers(mapping: TupleSorter<MemberTuple>, resolver: inout LinkResolver,
                             similar: [UInt64: [UInt64]], folded: SequenceFlags, context: RunContext,
                             emit: (UnsafeBufferPointer<UInt8>) -> Void) throws(SpillError) {
        let ordered = ByteSorter(directory: directory, budget: budget)
        var nextMember = try mapping.next()
        var seq: UInt64 = 0
        var key: [UInt8] = [], value: [UInt8] = []
        try log.startReading(keeping: true)
        while let bytes = try log.next() {
            defer { seq += 1 }
            var paper = seq, kind: UInt8 = 0, rank: UInt32 = 0
            if let m = nextMember, m.seq == seq {
                paper = m.paper; kind = m.kind; rank = m.rank
                nextMember = try mapping.next()
            }
            let root = resolver.find(paper)
            guard root != seq || folded[seq] else { continue }
            folded[seq] = true
            if root == seq { kind |= resolver.kinds(ofRoot: root).rawValue }
            key.removeAll(keepingCapacity: true)
            appendBE(root, to: &key)
            appendBE(seq, to: &key)
            value.removeAll(keepingCapacity: true)
            value.append(kind)
            appendLE(rank, to: &value)
            value.append(contentsOf: bytes)
            try ordered.add(key: key, value: value)
        }
        spilledRuns += ordered.runsWritten
        // With similar papers, a paper may name one written after it: lines are held (with their
        // paper number) until every such paper's final id is known, then written.
        let held = similar.isEmpty ? nil : RecordLog(directory: directory, budget: budget)
        var finalIDs: [UInt64: String] = [:]
        func write(_ line: UnsafeBufferPointer<UInt8>, paper: UInt64, occurrences: Int) throws(SpillError) {
            if let held {
                if similar[paper] != nil { finalIDs[paper] = try ClusterOutput.decode(Array(line)).id }
                var entry: [UInt8] = []
                appendLE(paper, to: &entry)
                entry.append(contentsOf: line)
                try withBytes(of: entry) { (p: UnsafeRawBufferPointer) throws(SpillError) in try held.append(p) }
            } else {
                emit(line)
            }
            context.countOut()
            context.countMerged(occurrences - 1)
        }
        var pending = try ordered.next()
        var occurrences: [StoredOccurrence] = []
        seq = 0
        try log.startReading(keeping: false)
        while let bytes = try log.next() {
            defer { seq += 1 }
            if !folded[seq] {
                try write(bytes.assumingMemoryBound(to: UInt8.self), paper: seq, occurrences: 1)
                continue
            }
            // A paper's occurrences follow its first one in `ordered`; an occurrence of a paper
            // seen earlier has nothing to write here.
            guard let first = pending, readBE(first.key, at: 0) == seq else { continue }
            let rank = Int(first.value.loadUnaligned(fromByteOffset: 1, as: UInt32.self).littleEndian)
            while let (k, v) = pending, readBE(k, at: 0) == seq {
                occurrences.append(StoredOccurrence(bytes: Array(UnsafeRawBufferPointer(rebasing: v[5...])),
                                                    matchedBy: MatchKinds(rawValue: v[0])))
                pending = try ordered.next()
            }
            let line = try ClusterOutput.line(occurrences, collisionRank: rank)
            try withBytes(of: line) { (p: UnsafeRawBufferPointer) throws(SpillError) in
                try write(p.assumingMemoryBound(to: UInt8.self), paper: seq, occurrences: occurrences.count)
            }
            occurrences.removeAll(keepingCapacity: true)
        }
        guard let held else { return }
        while let entry = try held.next() {
            let paper = entry.loadUnaligned(as: UInt64.self).littleEndian
            let line = UnsafeRawBufferPointer(rebasing: entry[8...]).assumingMemoryBound(to: UInt8.self)
            guard let partners = similar[paper] else { emit(line); continue }
            var record = try ClusterOutput.decode(Array(line))
            for p in partners { if let id = finalIDs[p], !record.similarTo.contains(id) { record.similarTo.append(id) } }
            record.jsonBytes().withUnsafeBufferPointer { emit($0) }
        }
    }
}
