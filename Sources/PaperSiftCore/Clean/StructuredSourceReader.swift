/// Reads documents of structured formats (API JSON, HTML, Atom, arXiv snapshot, envelopes) into
/// `CleanRecord`s carrying a `paper`.
public struct StructuredSourceReader {
    let rules: RuleSet

    public init(rules: RuleSet) { self.rules = rules }

    /// A format this build cannot read yet.
    public struct Unsupported: Error, CustomStringConvertible {
        public let format: InputFormat
        public var description: String { "input format '\(format.rawValue)' is not supported yet" }
    }

    public func read(_ reader: LineReader, name: String, format: InputFormat, context: RunContext,
                     emit: (CleanRecord) -> Void) throws {
        throw Unsupported(format: format)
    }
}
