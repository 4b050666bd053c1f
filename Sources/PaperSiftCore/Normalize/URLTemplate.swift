/// A `url` attribute of a rule (`https://github.com/{owner}/{repo}`), split once into literal
/// text and group names.
struct URLTemplate {
    private enum Piece { case text(String), group(String) }
    private let pieces: [Piece]

    init(_ template: String) {
        var pieces: [Piece] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            pieces.append(.text(String(rest[..<open])))
            pieces.append(.group(String(rest[rest.index(after: open)..<close])))
            rest = rest[rest.index(after: close)...]
        }
        pieces.append(.text(String(rest)))
        self.pieces = pieces
    }

    /// `{name}` replaced by the text of group `name` of `m` (empty when the group did not take
    /// part), as `LinkCanonicalizer.fill` does.
    func filled(from m: Finding) -> String {
        var out = ""
        for piece in pieces {
            switch piece {
            case .text(let t): out += t
            case .group(let name): out += m.group(name) ?? ""
            }
        }
        return out
    }
}
