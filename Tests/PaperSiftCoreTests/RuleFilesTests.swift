import Foundation
import Testing
@testable import PaperSiftCore

/// The rules directory is listed with `readdir`; the list is what `FileManager`'s enumerator
/// gives (files and directories at every depth, hidden ones too), sorted.
@Suite struct RuleFilesTests {
    static func enumerated(_ directory: String) -> [String] {
        let walker = FileManager.default.enumerator(atPath: directory)!
        var paths: [String] = []
        while let relative = walker.nextObject() as? String { paths.append(directory + "/" + relative) }
        return paths.sorted()
    }

    @Test func theBundledRulesAreListedAsTheEnumeratorListsThem() throws {
        let listed = try RuleSet.ruleFiles(in: Fixtures.rulesDirectory)
        #expect(listed.filter { $0.hasSuffix(".rule") }.count > 30)
        #expect(listed == Self.enumerated(Fixtures.rulesDirectory))
    }

    @Test func nestedHiddenAndEmptyDirectoriesToo() throws {
        let root = Fixtures.temporaryDirectory()
        let fm = FileManager.default
        for dir in ["a", "a/b/c", "empty", ".hidden"] {
            try fm.createDirectory(atPath: root + "/" + dir, withIntermediateDirectories: true)
        }
        for file in ["x.rule", "a/y.rule", "a/b/c/z.rule", ".hidden/h.rule", "a/notes.txt", "é.rule"] {
            #expect(fm.createFile(atPath: root + "/" + file, contents: Data("id: x\n".utf8)))
        }
        let listed = try RuleSet.ruleFiles(in: root)
        #expect(listed == Self.enumerated(root))
        #expect(listed.contains(root + "/a/b/c/z.rule"))
        #expect(throws: RuleError.self) { try RuleSet.ruleFiles(in: root + "/missing") }
    }
}
