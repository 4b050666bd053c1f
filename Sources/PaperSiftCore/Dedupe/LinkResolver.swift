/// Joins papers found under different group keys (default mode only): by a shared arXiv id, a
/// shared DOI, or near-duplicate title + abstract. A union-find over the papers' first sequence
/// numbers, holding only the papers that were joined; a join is refused when the two sides'
/// identities are incompatible, so one link can never tie two different arXiv ids together.
/// A joined paper's number is the smallest of its parts, i.e. its first occurrence.
struct LinkResolver {
    private var parent: [UInt64: UInt64] = [:]
    private var identities: [UInt64: PaperIdentity] = [:]
    private var joinKinds: [UInt64: MatchKinds] = [:]
    /// Joins made, by kind (for statistics and tests).
    private(set) var joins = 0

    /// The paper that `x` belongs to after all joins.
    mutating func find(_ x: UInt64) -> UInt64 {
        var root = x
        while let p = parent[root] { root = p }
        var y = x
        while let p = parent[y], p != root { parent[y] = root; y = p }
        return root
    }

    /// Calls `body` with the paper of every paper joined into another one (once per join).
    mutating func forEachJoinedRoot(_ body: (UInt64) -> Void) {
        for child in Array(parent.keys) { body(find(child)) }
    }

    /// How papers were joined into the paper whose number is `root`.
    func kinds(ofRoot root: UInt64) -> MatchKinds { joinKinds[root] ?? [] }

    /// Joins the papers of `a` and `b` (numbers with their own identities) if they are not joined
    /// yet and their identities are compatible; `verify` is asked last (the similarity check).
    mutating func join(_ a: UInt64, _ aIdentity: PaperIdentity, _ b: UInt64, _ bIdentity: PaperIdentity,
                       kind: MatchKinds, verify: () throws(SpillError) -> Bool = { true }) throws(SpillError) {
        let ra = find(a), rb = find(b)
        guard ra != rb else { return }
        let ia = identities[ra] ?? (ra == a ? aIdentity : PaperIdentity())
        let ib = identities[rb] ?? (rb == b ? bIdentity : PaperIdentity())
        guard ia.isCompatible(with: ib), try verify() else { return }
        let (root, child) = ra < rb ? (ra, rb) : (rb, ra)
        let (rootIdentity, childIdentity) = ra < rb ? (ia, ib) : (ib, ia)
        parent[child] = root
        identities[root] = rootIdentity.filled(from: childIdentity)
        identities[child] = nil
        joinKinds[root] = kinds(ofRoot: root).union(kinds(ofRoot: child)).union(kind)
        joinKinds[child] = nil
        joins += 1
    }
}
