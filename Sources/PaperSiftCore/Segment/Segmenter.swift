/// Stage 2: `CleanRecord`s → one `Occurrence` per paper occurrence.
///
/// Structured records already carry a paper. Text paragraphs of a listing follow the pattern
/// title, abstract, optional metadata; the metadata paragraph is recognised by the rule of field
/// `segment` with id `segment.listing-meta` (groups `authors`, `handle`, `orgname`, `date`,
/// `upvotes`). A paragraph longer than the rule's `max-title-bytes` that follows an abstract is
/// taken as a further paragraph of that abstract rather than a new title.
public final class Segmenter {
    private let metaRule: CompiledRule?
    private let maxTitleBytes: Int
    private var currentFile: String?
    private var pendingTitle: CleanRecord?
    private var pending: Occurrence?

    /// What segmentation reads of the rules: the rules of field `segment`, no table.
    public static let ruleScope = RuleScope(fields: ["segment"], tables: [])

    /// Needs a rule set of at least `ruleScope`.
    public init(rules: RuleSet) {
        metaRule = rules.rule(id: "segment.listing-meta")
        maxTitleBytes = metaRule.flatMap { Int($0.definition.attributes["max-title-bytes"] ?? "") } ?? 400
    }

    /// Feeds one record; completed occurrences are emitted in input order.
    public func process(_ record: CleanRecord, context: RunContext, emit: (Occurrence) -> Void) throws(StrictStop) {
        context.countIn()
        if record.file != currentFile { try finish(context: context, emit: emit); currentFile = record.file }
        if let paper = record.paper {
            try flush(context: context, emit: emit)
            context.countOut()
            emit(paper)
            return
        }
        guard let text = record.text else {
            try context.reject(file: record.file, line: record.line, reason: "clean record with neither text nor paper",
                               raw: record.jsonString())
            return
        }
        if let meta = metadata(text) {
            if pending == nil, let title = pendingTitle {
                pending = occurrence(title: title, abstract: nil)
                pendingTitle = nil
            }
            guard var occurrence = pending else {
                try context.reject(file: record.file, line: record.line, reason: "metadata without a paper before it", raw: text)
                return
            }
            context.countMerged()
            apply(meta, to: &occurrence)
            pending = nil
            context.countOut()
            emit(occurrence)
            return
        }
        if let title = pendingTitle {
            pending = occurrence(title: title, abstract: text)
            pendingTitle = nil
            context.countMerged()
        } else if var occurrence = pending, text.utf8.count > maxTitleBytes {
            occurrence.abstract = (occurrence.abstract.map { $0 + " " } ?? "") + text
            pending = occurrence
            context.countMerged()
        } else {
            try flush(context: context, emit: emit)
            pendingTitle = record
        }
    }

    /// Emits what is still pending (end of a file or of the input).
    public func finish(context: RunContext, emit: (Occurrence) -> Void) throws(StrictStop) {
        try flush(context: context, emit: emit)
        if let title = pendingTitle {
            pendingTitle = nil
            context.countOut()
            emit(occurrence(title: title, abstract: nil))
        }
    }

    private func flush(context: RunContext, emit: (Occurrence) -> Void) throws(StrictStop) {
        if let occurrence = pending {
            pending = nil
            context.countOut()
            emit(occurrence)
        }
    }

    private func occurrence(title: CleanRecord, abstract: String?) -> Occurrence {
        Occurrence(file: title.file, line: title.line, format: title.format, title: title.text ?? "", abstract: abstract)
    }

    private func metadata(_ text: String) -> Finding? {
        guard let metaRule, text.utf8.count < 300 else { return nil }
        return metaRule.firstMatch(text)
    }

    private func apply(_ meta: Finding, to occurrence: inout Occurrence) {
        if let a = meta.group("authors"), let n = Int(a) { occurrence.authorsCount = n }
        if let name = meta.group("orgname") { occurrence.org = ListingOrg(handle: meta.group("handle"), name: name) }
        if let date = meta.group("date") {
            occurrence.date = date
            occurrence.upvotes = meta.group("upvotes").flatMap { Int($0) } ?? 0
        }
    }
}
