/// One span a rule found in an abstract: byte offsets into the abstract's UTF-8, the text, and
/// the text of each named group that took part.
public struct Finding: JSONRecord, Equatable, Sendable {
    public var rule: String
    public var raw: String
    public var start: Int
    public var end: Int
    public var groups: [(String, String)]

    public init(rule: String, raw: String, start: Int, end: Int, groups: [(String, String)]) {
        self.rule = rule; self.raw = raw; self.start = start; self.end = end; self.groups = groups
    }

    public static func == (a: Finding, b: Finding) -> Bool {
        a.rule == b.rule && a.raw == b.raw && a.start == b.start && a.end == b.end
            && a.groups.count == b.groups.count && zip(a.groups, b.groups).allSatisfy { $0 == $1 }
    }

    /// The text of a named group, or nil.
    public func group(_ name: String) -> String? {
        for (k, v) in groups where k == name { return v }
        return nil
    }

    public init(json: JSONValue) throws(RecordShapeError) {
        let r = try FieldReader(json, what: "finding")
        rule = try r.string("rule")
        raw = try r.string("raw")
        start = try r.int("start")
        end = try r.int("end")
        groups = []
        if let g = try r.optionalObject("groups"), case .object(let members) = g {
            for (k, v) in members {
                guard let s = v.stringValue else { throw RecordShapeError("finding: group '\(k)' must be a string") }
                groups.append((k, s))
            }
        }
    }

    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.key("rule"); w.string(rule)
        w.key("raw"); w.string(raw)
        w.key("start"); w.int(start)
        w.key("end"); w.int(end)
        w.key("groups")
        w.beginObject()
        for (k, v) in groups { w.key(k); w.string(v) }
        w.endObject()
        w.endObject()
    }
}

/// What the extraction rules found in one abstract, by field.
public struct Findings: Equatable, Sendable {
    public var links: [Finding] = []
    public var numbers: [Finding] = []
    public var modelSizes: [Finding] = []
    public var benchmarks: [Finding] = []
    public var orgs: [Finding] = []
    /// Phrases around numbers naming their metric, benchmark or baseline (`number_context` rules).
    public var numberContext: [Finding] = []
    public init() {}

    /// The fields in output order, with their JSON names.
    public static let fieldNames = ["links", "numbers", "model_sizes", "benchmarks", "orgs", "number_context"]

    public subscript(field: String) -> [Finding] {
        get {
            switch field {
            case "links": return links
            case "numbers": return numbers
            case "model_sizes": return modelSizes
            case "benchmarks": return benchmarks
            case "orgs": return orgs
            case "number_context": return numberContext
            default: return []
            }
        }
        set {
            switch field {
            case "links": links = newValue
            case "numbers": numbers = newValue
            case "model_sizes": modelSizes = newValue
            case "benchmarks": benchmarks = newValue
            case "orgs": orgs = newValue
            case "number_context": numberContext = newValue
            default: break
            }
        }
    }
}

/// Output of `sift-extract`: the occurrence plus `found`, every rule hit in its abstract.
public struct ExtractedOccurrence: JSONRecord, Equatable, Sendable {
    public var occurrence: Occurrence
    public var found: Findings

    public init(occurrence: Occurrence, found: Findings) { self.occurrence = occurrence; self.found = found }

    public init(json: JSONValue) throws(RecordShapeError) {
        occurrence = try Occurrence(json: json)
        found = Findings()
        guard let f = json["found"], !f.isNull else { return }
        let r = try FieldReader(f, what: "found")
        for name in Findings.fieldNames { found[name] = try r.records(name, as: Finding.self) }
    }

    public func write(to w: inout JSONWriter) {
        w.beginObject()
        occurrence.writeFields(to: &w)
        w.key("found")
        w.beginObject()
        for name in Findings.fieldNames { w.key(name); w.records(found[name]) }
        w.endObject()
        w.endObject()
    }
}
