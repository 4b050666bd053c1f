import Testing
import PaperSiftCore

/// Abstracts as arXiv writes them, with LaTeX left in: links, numbers and sizes read as the
/// author meant them, `raw` as written (docs/RULES.md, "LaTeX in abstracts").
@Suite struct LaTeXReadingTests {
    func record(_ abstract: String) throws -> PaperRecord {
        let rules = Fixtures.rules
        let occurrence = Occurrence(file: "t.txt", line: 1, format: "hf-text", title: "T", abstract: abstract)
        return Normalizer(rules: rules).normalize(try Extractor(rules: rules).extract(occurrence))
    }

    @Test func flattenedHrefAndUrlEndTheLinkAtABrace() throws {
        let r = try record("Code: https://github.com/acme/tool{our code}. Page {https://acme.github.io/tool}{here}, "
            + "data \\url{https://huggingface.co/datasets/acme/set-v1.2} and https://example.org/demo{https://example.org/demo}.")
        #expect(r.links.map(\.raw) == ["https://github.com/acme/tool", "https://acme.github.io/tool",
                                       "https://huggingface.co/datasets/acme/set-v1.2", "https://example.org/demo"])
        #expect(r.links.map(\.kind) == ["github", "project_page", "hf_dataset", "project_page"])
        // URL{URL} is one link written twice: one entry.
        #expect(r.links.filter { $0.url == "https://example.org/demo" }.count == 1)
    }

    @Test func escapesAndBreakHintsInsideAURLAreReadBack() throws {
        let r = try record("See https://github.com/acme/my\\_tool and https://github.com/acme/\\allowbreak long-name "
            + "and https://acme.github.io/pro\\-ject/ and the split https://github.com/ acme/other.")
        #expect(r.links.map(\.url) == ["https://github.com/acme/my_tool", "https://github.com/acme/long-name",
                                       "https://acme.github.io/project", "https://github.com/acme/other"])
        #expect(r.links[0].raw == "https://github.com/acme/my\\_tool")
        #expect(r.links[1].part("repo") == .string("long-name"))
    }

    @Test func aSchemeGluedToTheWordBeforeStillStartsALink() throws {
        let r = try record("Available on GitHub.https://github.com/acme/a and in this fieldhttps://github.com/acme/b. "
            + "Code:https://github.com/acme/c, mirror~https://acme.github.io/d but not alice@github.com/acme.")
        #expect(r.links.map(\.url) == ["https://github.com/acme/a", "https://github.com/acme/b",
                                       "https://github.com/acme/c", "https://acme.github.io/d"])
    }

    @Test func deeperGitHubPathsAndHuggingFaceNamesWithDotsAndUnderscores() throws {
        let r = try record("Repo https://github.com/acme/tool/blob/main/README.md, model https://huggingface.co/ac.me/Tool_v1.5-7B "
            + "and space https://huggingface.co/spaces/ac-me/tool_demo.v2.")
        #expect(r.links.map(\.url) == ["https://github.com/acme/tool", "https://huggingface.co/ac.me/Tool_v1.5-7B",
                                       "https://huggingface.co/spaces/ac-me/tool_demo.v2"])
        #expect(r.links[0].part("path") == .string("/blob/main/README.md"))
        #expect(r.links[1].part("name") == .string("Tool_v1.5-7B"))
        #expect(r.modelSizes.isEmpty)  // the 7B inside the model URL is no size
    }

    @Test func percentagesMultipliersAndSizesInMath() throws {
        let r = try record("It reaches $95\\%$ accuracy, a {\\sim}12\\% gain, $\\sim$3\\% more, 2.5$\\times$ faster, "
            + "a 3\\times speed-up and $10\\times$ cheaper with $7$B and $1.5$B models, on a $3 \\times 4$ grid.")
        #expect(r.numbers.map(\.value) == [95, 12, 3, 2.5, 3, 10])
        #expect(r.numbers.map(\.unit) == ["%", "%", "%", "x", "x", "x"])
        #expect(r.numbers.map(\.raw) == ["95\\%", "{\\sim}12\\%", "$\\sim$3\\%", "2.5$\\times$", "3\\times", "10\\times$"])
        #expect(r.modelSizes.map(\.value) == [7, 1.5])
        #expect(r.modelSizes.map(\.raw) == ["$7$B", "$1.5$B"])
    }
}
