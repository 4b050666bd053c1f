/// Which part of a rules directory a command compiles and reads, so that a stage pays at start-up
/// only for what it uses (see `docs/RULES.md`, "Who reads what").
///
/// Every `*.rule` file is always read and parsed (a rule's field is only known from its file), so
/// a malformed rule file stops every command that loads rules. Only the rules of `fields` have
/// their includes expanded and their patterns compiled, so an invalid pattern stops the commands
/// that use its field. The other rules are still there as definitions (`RuleSet.definitions(for:)`,
/// their patterns as written), for the stages that read only their attributes.
public struct RuleScope: Sendable {
    /// The tables of a rules directory besides the rules.
    public struct Tables: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// `orgs/aliases.txt`.
        public static let orgs = Tables(rawValue: 1)
        /// `numbers/number-words.tsv`.
        public static let numberWords = Tables(rawValue: 2)
        /// `benchmarks/aliases.txt`.
        public static let benchmarkAliases = Tables(rawValue: 4)
        public static let all: Tables = [.orgs, .numberWords, .benchmarkAliases]
    }

    /// The fields whose rules are compiled; nil for every field.
    public let fields: Set<String>?
    /// The tables that are read (the others are empty).
    public let tables: Tables

    public init(fields: Set<String>?, tables: Tables) {
        self.fields = fields
        self.tables = tables
    }

    /// Every rule compiled and every table read: `sift run`, `sift check-rules`, `sift-extract --check-rules`.
    public static let everything = RuleScope(fields: nil, tables: .all)

    /// Whether the rules of `field` are compiled.
    public func compiles(_ field: String) -> Bool { fields?.contains(field) ?? true }
}
