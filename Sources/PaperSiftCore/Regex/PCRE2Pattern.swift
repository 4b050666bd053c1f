import CPCRE2
import Synchronization

/// Options for compiling a `PCRE2Pattern`.
public struct PatternOptions: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let caseless = PatternOptions(rawValue: UInt32(PCRE2_CASELESS))
    public static let extended = PatternOptions(rawValue: UInt32(PCRE2_EXTENDED))
    public static let multiline = PatternOptions(rawValue: UInt32(PCRE2_MULTILINE))
    public static let dotAll = PatternOptions(rawValue: UInt32(PCRE2_DOTALL))
    public static let anchored = PatternOptions(rawValue: UInt32(PCRE2_ANCHORED))
    public static let ungreedy = PatternOptions(rawValue: UInt32(PCRE2_UNGREEDY))
    /// Anchored at the end too (the whole subject must match).
    public static let endAnchored = PatternOptions(rawValue: UInt32(PCRE2_ENDANCHORED))
    /// Allows `firstMatch(in:from:asciiSubject:startLimit:)` to bound where a match may begin.
    public static let offsetLimit = PatternOptions(rawValue: UInt32(PCRE2_USE_OFFSET_LIMIT))
}

/// A pattern failed to compile: PCRE2's message and the byte offset in the pattern.
public struct PatternCompileError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public let offset: Int
    public var description: String { "PCRE2 error at offset \(offset): \(message)" }
}

/// A match could not be completed (match or depth limit hit, or another PCRE2 error).
public struct PatternMatchError: Error, CustomStringConvertible, Sendable {
    public let code: Int32
    public let message: String
    public var description: String { "PCRE2 match error \(code): \(message)" }
}

/// A half-open byte range `start..<end` into a UTF-8 buffer.
public struct ByteSpan: Hashable, Sendable {
    public var start: Int
    public var end: Int
    public init(start: Int, end: Int) { self.start = start; self.end = end }
    public var count: Int { end - start }
}

/// One match: the byte span of every capture group (`nil` when the group did not take part).
public struct PatternMatch: Sendable {
    public let groups: [ByteSpan?]
    public var span: ByteSpan { groups[0]! }
}

/// A PCRE2 pattern compiled once (UTF, UCP, invalid UTF tolerated) and JIT-compiled.
///
/// Matching works on UTF-8 bytes and reports byte offsets. A `PCRE2Pattern` owns mutable match
/// data, so it is not thread-safe: give each thread its own copy via `init(copying:)`, which
/// shares the compiled (and JIT) code and has match data of its own.
///
/// The pattern is compiled a second time without UCP for subjects that are pure ASCII. On ASCII
/// text `\d`, `\w`, `\s`, `\b` and the POSIX classes mean the same with or without UCP, but
/// without it PCRE2 can compute a first-byte bitmap (e.g. the ten digits for `(?<![\w.])\d+%`)
/// and skips every other position instead of trying the pattern at each byte. The pattern is
/// checked when it is created; the JIT compilations are made on first use, so a stage pays only
/// for the rules it runs.
public final class PCRE2Pattern {
    public let pattern: String
    public let options: PatternOptions
    /// Capture group names by group number (index 0 is the whole match, unnamed groups are nil).
    public let groupNames: [String?]
    /// Any subject (UCP, invalid UTF-8 tolerated); compiled at once to check the pattern.
    private let unicode: Compilation
    /// Pure-ASCII subjects (no UCP).
    private let ascii: Compilation
    /// With a start filter: the compilations anchored, tried only where the filter allows.
    let startFilter: StartFilter?
    private let anchoredASCII: Compilation?
    private let anchoredUnicode: Compilation?
    private let matchData: OpaquePointer
    private let matchContext: OpaquePointer
    private let jitStack: OpaquePointer?
    private let matchLimit: UInt32
    private let depthLimit: UInt32

    /// Limits that turn catastrophic backtracking into a `PatternMatchError` instead of a hang.
    public static let defaultMatchLimit: UInt32 = 2_000_000
    public static let defaultDepthLimit: UInt32 = 10_000

    /// Compiles `pattern`. A `startFilter` must allow every position where the pattern can match.
    public init(_ pattern: String, options: PatternOptions = [],
                matchLimit: UInt32 = PCRE2Pattern.defaultMatchLimit,
                depthLimit: UInt32 = PCRE2Pattern.defaultDepthLimit,
                startFilter: StartFilter? = nil) throws(PatternCompileError) {
        self.pattern = pattern
        self.options = options
        let bytes = Array(pattern.utf8)
        let base = options.rawValue | UInt32(PCRE2_UTF)
        unicode = Compilation(bytes, flags: base | UInt32(PCRE2_UCP) | UInt32(PCRE2_MATCH_INVALID_UTF))
        guard let code = unicode.code else {
            throw PatternCompileError(message: PCRE2Pattern.errorMessage(unicode.errorCode), offset: unicode.errorOffset)
        }
        ascii = Compilation(bytes, flags: base, lazy: true)
        anchoredASCII = startFilter == nil ? nil : Compilation(bytes, flags: base | UInt32(PCRE2_ANCHORED), lazy: true)
        anchoredUnicode = startFilter == nil ? nil
            : Compilation(bytes, flags: base | UInt32(PCRE2_UCP) | UInt32(PCRE2_MATCH_INVALID_UTF) | UInt32(PCRE2_ANCHORED), lazy: true)
        self.startFilter = startFilter
        self.matchLimit = matchLimit
        self.depthLimit = depthLimit
        (matchData, matchContext, jitStack) = PCRE2Pattern.matchState(code, matchLimit: matchLimit, depthLimit: depthLimit)
        groupNames = PCRE2Pattern.readGroupNames(code)
    }

    /// The same pattern for another thread, without compiling it again: the compilations (and
    /// their JIT code, made once by whichever thread first needs it) are shared, as PCRE2 allows
    /// for matching; the match data, match context and JIT stack are this copy's own.
    public init(copying other: PCRE2Pattern) {
        pattern = other.pattern
        options = other.options
        groupNames = other.groupNames
        startFilter = other.startFilter
        matchLimit = other.matchLimit
        depthLimit = other.depthLimit
        unicode = other.unicode
        ascii = other.ascii
        anchoredASCII = other.anchoredASCII
        anchoredUnicode = other.anchoredUnicode
        (matchData, matchContext, jitStack) = PCRE2Pattern.matchState(unicode.code!, matchLimit: matchLimit, depthLimit: depthLimit)
    }

    /// Match data for `code`'s groups and a match context with the limits and a JIT stack.
    private static func matchState(_ code: OpaquePointer, matchLimit: UInt32, depthLimit: UInt32)
        -> (OpaquePointer, OpaquePointer, OpaquePointer?) {
        let matchData = pcre2_match_data_create_from_pattern_8(code, nil)!
        let matchContext = pcre2_match_context_create_8(nil)!
        pcre2_set_match_limit_8(matchContext, matchLimit)
        pcre2_set_depth_limit_8(matchContext, depthLimit)
        let jitStack = pcre2_jit_stack_create_8(32 * 1024, 1024 * 1024, nil)
        if let jitStack { pcre2_jit_stack_assign_8(matchContext, nil, UnsafeMutableRawPointer(jitStack)) }
        return (matchData, matchContext, jitStack)
    }

    deinit {
        pcre2_match_data_free_8(matchData)
        pcre2_match_context_free_8(matchContext)
        if let jitStack { pcre2_jit_stack_free_8(jitStack) }
    }

    /// Whether matching runs JIT-compiled code (false where the platform has no PCRE2 JIT).
    public var usesJIT: Bool { unicode.prepare() && unicode.isJIT }

    /// Compiles and JIT-compiles now what matching a subject of this kind would prepare on first
    /// use (shared with every copy), so another thread can do it ahead of the one that matches.
    public func prepareMatching(asciiSubject: Bool) {
        if startFilter != nil, let anchored = asciiSubject ? anchoredASCII : anchoredUnicode, anchored.prepare() { return }
        if asciiSubject, ascii.prepare() { return }
        _ = unicode.prepare()
    }

    /// Whether the compilation that matching a subject of this kind uses is prepared (tests).
    func isPrepared(asciiSubject: Bool) -> Bool {
        if startFilter != nil, let anchored = asciiSubject ? anchoredASCII : anchoredUnicode { return anchored.isPrepared }
        return (asciiSubject ? ascii : unicode).isPrepared
    }

    /// The group number of a named group, or nil.
    public func groupIndex(_ name: String) -> Int? {
        groupNames.firstIndex(where: { $0 == name })
    }

    /// The first match in `subject[from...]`, or nil. `asciiSubject` says the whole subject is
    /// pure ASCII (see `isASCII`), which allows the faster non-UCP compilation. `startLimit`, for
    /// a pattern compiled with `.offsetLimit`, is the last offset where the match may begin.
    /// `candidates`, for a pattern with a start filter: the positions the filter allows, in order,
    /// found by the caller (`StartCandidates`), so the filter need not scan the subject.
    public func firstMatch(in subject: UnsafeBufferPointer<UInt8>, from start: Int = 0,
                           asciiSubject: Bool = false, startLimit: Int? = nil,
                           candidates: UnsafeBufferPointer<Int>? = nil) throws(PatternMatchError) -> PatternMatch? {
        guard start >= 0, start <= subject.count else {
            throw PatternMatchError(code: PCRE2_ERROR_BADOFFSET, message: PCRE2Pattern.errorMessage(PCRE2_ERROR_BADOFFSET))
        }
        if options.contains(.offsetLimit) {
            pcre2_set_offset_limit_8(matchContext, startLimit.map { max($0, 0) } ?? papersift_pcre2_unset())
        }
        var empty: UInt8 = 0
        let rc = withUnsafePointer(to: &empty) { emptyPointer -> Int32 in
            let base = subject.baseAddress ?? emptyPointer
            if let startFilter, let anchored = asciiSubject ? anchoredASCII : anchoredUnicode, anchored.prepare() {
                let last = min(startLimit ?? subject.count, subject.count)
                func attempt(_ candidate: Int) -> Int32 {
                    // Never inside a multi-byte character (a hashed triple may let one through).
                    if subject[candidate] & 0xC0 == 0x80 { return PCRE2_ERROR_NOMATCH }
                    return anchored.match(base, subject.count, candidate, matchData, matchContext, validUTF8: asciiSubject)
                }
                if let candidates {
                    var i = firstIndex(in: candidates, notBefore: start)
                    while i < candidates.count, candidates[i] <= last {
                        let rc = attempt(candidates[i])
                        if rc != PCRE2_ERROR_NOMATCH { return rc }
                        i += 1
                    }
                    return PCRE2_ERROR_NOMATCH
                }
                var q = start
                while let candidate = startFilter.nextCandidate(in: subject, from: q), candidate <= last {
                    let rc = attempt(candidate)
                    if rc != PCRE2_ERROR_NOMATCH { return rc }
                    q = candidate + 1
                }
                return PCRE2_ERROR_NOMATCH
            }
            if asciiSubject, ascii.prepare() {
                return ascii.match(base, subject.count, start, matchData, matchContext, validUTF8: true)
            }
            _ = unicode.prepare()
            return unicode.match(base, subject.count, start, matchData, matchContext, validUTF8: false)
        }
        if rc == PCRE2_ERROR_NOMATCH { return nil }
        if rc < 0 { throw PatternMatchError(code: rc, message: PCRE2Pattern.errorMessage(rc)) }
        let ovector = pcre2_get_ovector_pointer_8(matchData)!
        let unset = papersift_pcre2_unset()
        var groups: [ByteSpan?] = []
        groups.reserveCapacity(groupNames.count)
        for i in 0..<groupNames.count {
            let s = ovector[2 * i], e = ovector[2 * i + 1]
            groups.append(s == unset ? nil : ByteSpan(start: s, end: e))
        }
        return PatternMatch(groups: groups)
    }

    /// Every non-overlapping match, left to right.
    public func allMatches(in subject: UnsafeBufferPointer<UInt8>) throws(PatternMatchError) -> [PatternMatch] {
        try allMatches(in: subject, asciiSubject: isASCII(subject))
    }

    /// Every non-overlapping match, left to right; `asciiSubject` as for `firstMatch`.
    public func allMatches(in subject: UnsafeBufferPointer<UInt8>, asciiSubject: Bool) throws(PatternMatchError) -> [PatternMatch] {
        var result: [PatternMatch] = []
        var position = 0
        while position <= subject.count, let m = try firstMatch(in: subject, from: position, asciiSubject: asciiSubject) {
            result.append(m)
            // Step past an empty match by one whole UTF-8 character.
            position = m.span.end == m.span.start ? PCRE2Pattern.nextCharacter(after: m.span.end, in: subject) : m.span.end
        }
        return result
    }

    /// The offset of the UTF-8 character after the one starting at `offset`.
    public static func nextCharacter(after offset: Int, in subject: UnsafeBufferPointer<UInt8>) -> Int {
        var next = offset + 1
        while next < subject.count, subject[next] & 0xC0 == 0x80 { next += 1 }
        return next
    }

    /// Convenience for tests and cold paths: matches over a String's UTF-8 bytes.
    public func allMatches(in text: String) throws(PatternMatchError) -> [PatternMatch] {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { buf throws(PatternMatchError) in try allMatches(in: buf) }
    }

    /// Whether the pattern matches anywhere in `text`.
    public func matches(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { buf in (try? firstMatch(in: buf, asciiSubject: isASCII(buf))) != nil }
    }

    private static func readGroupNames(_ code: OpaquePointer) -> [String?] {
        var captureCount: UInt32 = 0
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_CAPTURECOUNT), &captureCount)
        var names = [String?](repeating: nil, count: Int(captureCount) + 1)
        var nameCount: UInt32 = 0
        var entrySize: UInt32 = 0
        var table: UnsafePointer<UInt8>? = nil
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMECOUNT), &nameCount)
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMEENTRYSIZE), &entrySize)
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMETABLE), &table)
        guard let table, nameCount > 0 else { return names }
        for i in 0..<Int(nameCount) {
            let entry = table + i * Int(entrySize)
            let number = Int(entry[0]) << 8 | Int(entry[1])
            let nameStart = entry + 2
            var length = 0
            while length < Int(entrySize) - 2, nameStart[length] != 0 { length += 1 }
            names[number] = String(decoding: UnsafeBufferPointer(start: nameStart, count: length), as: UTF8.self)
        }
        return names
    }

    static func errorMessage(_ code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let n = buffer.withUnsafeMutableBufferPointer { pcre2_get_error_message_8(code, $0.baseAddress, $0.count) }
        return n > 0 ? String(decoding: buffer[0..<Int(n)], as: UTF8.self) : "unknown error \(code)"
    }
}

/// The index of the first element ≥ `start` in the ascending `positions` (binary search).
@inline(__always)
func firstIndex(in positions: UnsafeBufferPointer<Int>, notBefore start: Int) -> Int {
    var low = 0, high = positions.count
    while low < high {
        let mid = (low + high) >> 1
        if positions[mid] < start { low = mid + 1 } else { high = mid }
    }
    return low
}

/// Finds `needle` in `haystack` with libc `memmem`; returns the byte offset or nil.
public func findBytes(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
    guard needle.count > 0, haystack.count >= needle.count,
          let h = haystack.baseAddress, let n = needle.baseAddress,
          let found = memmem(h, haystack.count, n, needle.count) else { return nil }
    return UnsafeRawPointer(found) - UnsafeRawPointer(h)
}

/// Whether every byte is below 0x80 (eight bytes at a time).
@inline(__always)
public func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    let raw = UnsafeRawPointer(base)
    var i = 0
    var high: UInt64 = 0
    while i + 8 <= bytes.count {
        high |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        i += 8
    }
    while i < bytes.count { high |= UInt64(base[i]); i += 1 }
    return high & 0x8080_8080_8080_8080 == 0
}

/// One compilation of a pattern, JIT-compiled on first use (a lazy one is compiled then too).
/// Shared by the copies of a pattern on several threads: PCRE2 code and its JIT code are only
/// read while matching, and the one write, `prepare`, happens once, under a lock, before any
/// thread matches with it (the flag is read with acquire ordering on every match).
private final class Compilation: @unchecked Sendable {
    private let pattern: [UInt8]
    private let flags: UInt32
    private(set) var code: OpaquePointer?
    private(set) var errorCode: Int32 = 0
    private(set) var errorOffset = 0
    private let prepared = Atomic<Bool>(false)
    private let preparing = Mutex<Void>(())
    private(set) var isJIT = false

    init(_ pattern: [UInt8], flags: UInt32, lazy: Bool = false) {
        self.pattern = pattern
        self.flags = flags
        if !lazy { compile() }
    }

    deinit { if let code { pcre2_code_free_8(code) } }

    private func compile() {
        code = pattern.withUnsafeBufferPointer { buf in
            pcre2_compile_8(buf.baseAddress, buf.count, flags, &errorCode, &errorOffset, nil)
        }
    }

    /// Whether `prepare` has run.
    var isPrepared: Bool { prepared.load(ordering: .acquiring) }

    /// Compiles and JIT-compiles on the first call (from any thread); false when the pattern
    /// does not compile.
    @inline(__always)
    func prepare() -> Bool {
        if prepared.load(ordering: .acquiring) { return code != nil }
        return preparing.withLock { _ in
            if prepared.load(ordering: .acquiring) { return code != nil }
            if code == nil { compile() }
            // JIT failure (e.g. an unsupported platform) is not fatal: the interpreter still works.
            if let code { isJIT = pcre2_jit_compile_8(code, UInt32(PCRE2_JIT_COMPLETE)) == 0 }
            prepared.store(true, ordering: .releasing)
            return code != nil
        }
    }

    /// `pcre2_jit_match`, or `pcre2_match` without a JIT; `validUTF8` skips the UTF-8 check.
    @inline(__always)
    func match(_ subject: UnsafePointer<UInt8>, _ length: Int, _ start: Int, _ matchData: OpaquePointer,
               _ context: OpaquePointer, validUTF8: Bool) -> Int32 {
        isJIT ? pcre2_jit_match_8(code, subject, length, start, 0, matchData, context)
              : pcre2_match_8(code, subject, length, start, validUTF8 ? UInt32(PCRE2_NO_UTF_CHECK) : 0, matchData, context)
    }
}
