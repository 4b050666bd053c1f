/// The per-record steps of the extract and normalize stages with their accounting, shared by the
/// stage executables and the fused run so that both count records the same way.
extension Extractor {
    /// Extracts one occurrence: written, or rejected when a rule cannot finish matching (its PCRE2
    /// match limit was hit on hostile text).
    public func process(_ occurrence: Occurrence, context: RunContext,
                        emit: (ExtractedOccurrence) -> Void) throws(StrictStop) {
        context.countIn()
        let extracted: ExtractedOccurrence
        do { extracted = try extract(occurrence) } catch {
            try context.reject(file: occurrence.file, line: occurrence.line, reason: error.description,
                               raw: occurrence.jsonString())
            return
        }
        context.countOut()
        emit(extracted)
    }
}

extension Normalizer {
    /// Normalises one extracted occurrence (always written: normalisation cannot fail).
    public func process(_ extracted: ExtractedOccurrence, context: RunContext, emit: (PaperRecord) -> Void) {
        context.countIn()
        let record = normalize(extracted)
        context.countOut()
        emit(record)
    }
}
