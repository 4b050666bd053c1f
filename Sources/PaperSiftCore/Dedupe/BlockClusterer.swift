/// Splits the occurrences that share one title key into papers, in the order they are given.
///
/// An occurrence joins the paper with its arXiv id if there is one, else the paper with its DOI
/// (when compatible), else the first paper (in order of creation) whose identity is compatible
/// with its own (`PaperIdentity.isCompatible`); otherwise it starts a new paper. A paper's
/// identity is filled in by its occurrences as they join. Default and keyed mode both use this,
/// so they split a block the same way.
struct BlockClusterer {
    private(set) var identities: [PaperIdentity] = []
    private var byArxiv: [UInt64: Int] = [:]
    private var byDOI: [UInt64: Int] = [:]

    mutating func reset() {
        identities.removeAll(keepingCapacity: true)
        byArxiv.removeAll(keepingCapacity: true)
        byDOI.removeAll(keepingCapacity: true)
    }

    /// The paper (index in order of creation) the occurrence joins, and how it matched; the
    /// match is empty for the occurrence that starts a paper.
    mutating func assign(_ id: PaperIdentity) -> (paper: Int, matchedBy: MatchKinds) {
        var chosen: Int?
        if id.arxiv != 0, let c = byArxiv[id.arxiv] {
            chosen = c
        } else if id.doi != 0, let c = byDOI[id.doi], identities[c].isCompatible(with: id) {
            chosen = c
        } else {
            chosen = identities.firstIndex { $0.isCompatible(with: id) }
        }
        guard let c = chosen else {
            identities.append(id)
            index(identities.count - 1)
            return (identities.count - 1, [])
        }
        let kind = identities[c].matchKind(of: id)
        identities[c] = identities[c].filled(from: id)
        index(c)
        return (c, kind)
    }

    private mutating func index(_ c: Int) {
        let id = identities[c]
        if id.arxiv != 0, byArxiv[id.arxiv] == nil { byArxiv[id.arxiv] = c }
        if id.doi != 0, byDOI[id.doi] == nil { byDOI[id.doi] = c }
    }
}
