import Foundation
import Testing
import PaperSiftCore

/// The typed fast path of `JSONRecord.decode` must read every text to the record the generic path
/// (`JSONParser` + `init(json:)`) reads, or leave it to the generic path: checked on the records
/// the stages write for the corpus and the real samples, and on variants of them (members
/// reordered, dropped, given twice, nulled or of another type, escaped keys, white space,
/// invalid UTF-8).
@Suite struct FastDecodeTests {
    /// Each stage's records, in process, as the executables write them.
    static let stageLines: (clean: [String], occurrences: [String], extracted: [String], papers: [String]) = {
        let rules = Fixtures.rules
        let (context, _) = Fixtures.context()
        let (cleaned, _, _) = try! Fixtures.clean(Fixtures.corpus + Fixtures.documentSamples)
        let segmenter = Segmenter(rules: rules)
        var occurrences: [Occurrence] = []
        for c in cleaned { try! segmenter.process(c, context: context) { occurrences.append($0) } }
        try! segmenter.finish(context: context) { occurrences.append($0) }
        let extractor = try! Extractor(rules: rules)
        let extracted = occurrences.map { try! extractor.extract($0) }
        let normalizer = Normalizer(rules: rules)
        let golden = try! Fixtures.lines(GoldenTests.goldenPath)
        return (cleaned.map { $0.jsonString() }, occurrences.map { $0.jsonString() },
                extracted.map { $0.jsonString() }, extracted.map { normalizer.normalize($0).jsonString() } + golden)
    }()

    @Test func stageRecordsTakeTheFastPath() {
        let lines = FastDecodeTests.stageLines
        #expect(lines.clean.count > 100 && lines.extracted.count > 100)
        for l in lines.clean { #expect(agree(CleanRecord.self, Array(l.utf8)) == true, "\(l)") }
        for l in lines.occurrences { #expect(agree(Occurrence.self, Array(l.utf8)) == true, "\(l)") }
        for l in lines.extracted { #expect(agree(ExtractedOccurrence.self, Array(l.utf8)) == true, "\(l)") }
        for l in lines.papers { #expect(agree(PaperRecord.self, Array(l.utf8)) == true, "\(l)") }
    }

    @Test func variantsReadTheSameOrGoToTheGenericPath() throws {
        let lines = FastDecodeTests.stageLines
        var fast = 0, generic = 0
        func check<R: JSONRecord & Equatable>(_ type: R.Type, _ samples: [String]) throws {
            // Records with the most members nested in arrays first: their variants reach deepest.
            for line in samples.sorted(by: { $0.utf8.count > $1.utf8.count }).prefix(12) {
                for v in try variants(of: line) {
                    switch agree(type, v) {
                    case true: fast += 1
                    case false: generic += 1
                    case nil: Issue.record("fast and generic paths disagree on \(String(decoding: v, as: UTF8.self))")
                    }
                }
            }
        }
        try check(CleanRecord.self, lines.clean)
        try check(Occurrence.self, lines.occurrences)
        try check(ExtractedOccurrence.self, lines.extracted)
        try check(PaperRecord.self, lines.papers)
        #expect(fast > 100 && generic > 100)
    }

    /// true: the fast path read the record the generic path reads; false: it left the text to the
    /// generic path; nil: they disagree.
    private func agree<R: JSONRecord & Equatable>(_ type: R.Type, _ bytes: [UInt8]) -> Bool? {
        var fastRepaired = false, genericRepaired = false
        let fast = bytes.withUnsafeBufferPointer { R.fastDecode($0, repairedUTF8: &fastRepaired) }
        let generic = try? bytes.withUnsafeBufferPointer { try R(json: JSONParser.parse($0, repairedUTF8: &genericRepaired)) }
        guard let fast else { return false }
        return fast == generic && fastRepaired == genericRepaired ? true : nil
    }

    /// Texts derived from one record's JSON text.
    private func variants(of line: String) throws -> [[UInt8]] {
        var out: [[UInt8]] = [Array(line.utf8)]
        let value = try JSONParser.parse(line)
        for v in mutations(of: value, depth: 0) { out.append(text(v)) }
        out.append(Array(line.replacingOccurrences(of: ",", with: " ,\n\t").replacingOccurrences(of: ":", with: ": ").utf8))
        out.append(Array(line.replacingOccurrences(of: #""title":"#, with: #""titl\u0065":"#).utf8))
        out.append(Array(line.replacingOccurrences(of: #""raw":"#, with: #""r\u0061w":"#).utf8))
        var broken = Array(line.utf8)
        if let i = line.utf8.firstIndex(of: UInt8(ascii: ":")) { broken.insert(contentsOf: [0x22, 0xFF, 0x22, 0x2C, 0x22, 0x78, 0x22, 0x3A], at: line.utf8.distance(from: line.utf8.startIndex, to: i) + 1) }
        out.append(broken)
        out.append(Array((line + " x").utf8))
        out.append(Array(line.utf8.dropLast()))
        return out
    }

    /// The value with one change: a member dropped, nulled, retyped, repeated, or the members
    /// reversed; the same inside the first element of every array of objects, two levels down.
    private func mutations(of value: JSONValue, depth: Int) -> [JSONValue] {
        guard case .object(let members) = value else { return [] }
        var out: [JSONValue] = [.object(members.reversed()), .array([value]), .object(members + [("extra", .array([.int(1), .object([])]))])]
        for (i, (key, v)) in members.enumerated() {
            func with(_ nv: JSONValue) -> JSONValue { var m = members; m[i] = (key, nv); return .object(m) }
            var dropped = members
            dropped.remove(at: i)
            out += [.object(dropped), with(.null), with(.string("7")), with(.int(7)), with(.double(7.5)), with(.bool(true)),
                    with(.array([])), with(.object([])), .object(members + [(key, .null)]), .object(members + [(key, v)])]
            if case .int(let n) = v { out.append(with(.double(Double(n)))) }
            guard depth < 2 else { continue }
            if case .object = v { out += mutations(of: v, depth: depth + 1).map(with) }
            if case .array(let elements) = v, let first = elements.first {
                out += mutations(of: first, depth: depth + 1).map { with(.array([$0] + elements.dropFirst())) }
            }
        }
        return out
    }

    private func text(_ v: JSONValue) -> [UInt8] {
        var w = JSONWriter()
        w.value(v)
        return w.bytes
    }
}
