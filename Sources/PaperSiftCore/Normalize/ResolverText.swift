/// One abstract's UTF-8 text as `ResultResolver` reads it: its sentences, found once, and each
/// sentence's clauses and whether it says `respectively`, found the first time they are asked for
/// (most sentences of an abstract hold no number).
final class ResolverText {
    let bytes: [UInt8]
    let sentences: [Range<Int>]
    private var clauses: [[Range<Int>]?]
    private var respectively: [Bool?]

    init(_ abstract: String?) {
        bytes = Array((abstract ?? "").utf8)
        sentences = SentenceBounds.sentences(bytes)
        clauses = Array(repeating: nil, count: sentences.count)
        respectively = Array(repeating: nil, count: sentences.count)
    }

    /// The index of the sentence that holds byte `offset`.
    func sentence(_ offset: Int) -> Int { SentenceBounds.index(of: offset, in: sentences) }

    /// The clauses of sentence `s` (`SentenceBounds.clauses`).
    func clauses(ofSentence s: Int) -> [Range<Int>] {
        if let known = clauses[s] { return known }
        let found = SentenceBounds.clauses(bytes, in: sentences[s])
        clauses[s] = found
        return found
    }

    /// The index, among the clauses of sentence `s`, of the one that holds byte `offset` (an
    /// offset inside that sentence; clauses of one sentence compare as they do in the whole text).
    func clauseIndex(_ offset: Int, inSentence s: Int) -> Int {
        SentenceBounds.index(of: offset, in: clauses(ofSentence: s))
    }

    /// Whether sentence `s` has the word `respectively`.
    func saysRespectively(_ s: Int) -> Bool {
        if let known = respectively[s] { return known }
        let found = ResultResolver.containsWord(bytes[sentences[s]], "respectively")
        respectively[s] = found
        return found
    }
}
