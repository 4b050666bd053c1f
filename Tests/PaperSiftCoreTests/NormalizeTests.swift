import Testing
@testable import PaperSiftCore

@Suite struct NormalizeTests {
    @Test(arguments: [
        ("https://sites.google.com/umn.edu/grasping-invisible.", "https://sites.google.com/umn.edu/grasping-invisible"),
        ("https://aka.ms/orca-lm),", "https://aka.ms/orca-lm"),
        ("(https://www.fets.ai/).", "https://www.fets.ai/"),
        ("github.com/MatiasAlvo/Neural_inventory_control.", "https://github.com/MatiasAlvo/Neural_inventory_control"),
        ("https://VADE-RL.github.io", "https://vade-rl.github.io/"),
        ("http://example.org/a_(b)", "https://example.org/a_(b)"),
        ("https://github.com/foo/bar.git", "https://github.com/foo/bar"),
        ("https://github.com/foo/bar.git/", "https://github.com/foo/bar"),
        ("https://github.com/ microsoft/Orca).", "https://github.com/microsoft/Orca"),
        ("WWW.Fets.AI/Path/", "https://www.fets.ai/Path"),
        ("not a url", nil),
    ])
    func canonicalURL(_ raw: String, _ expected: String?) {
        #expect(LinkCanonicalizer.canonicalURL(raw) == expected)
    }

    @Test func githubLinkIsCutToTheRepositoryWithOwnerRepoAndPath() throws {
        let c = LinkCanonicalizer(rules: Fixtures.rules)
        let (link, _) = try #require(c.canonicalize(raw: "https://github.com/Owner/repo.js/tree/main/src."))
        #expect(link.kind == "github")
        #expect(link.url == "https://github.com/Owner/repo.js")
        #expect(link.part("owner") == .string("Owner"))
        #expect(link.part("repo") == .string("repo.js"))
        #expect(link.part("path") == .string("/tree/main/src"))
    }

    @Test func urlTemplatesFillGroupsAndLeaveMissingOnesEmpty() {
        let m = Finding(rule: "r", raw: "arXiv:2401.12345", start: 0, end: 0, groups: [("id", "2401.12345")])
        #expect(LinkCanonicalizer.fill("https://arxiv.org/abs/{id}{vtag}", from: m) == "https://arxiv.org/abs/2401.12345")
    }

    @Test func linkKindRulesRewriteTheURLAndTypeTheirParts() throws {
        let c = LinkCanonicalizer(rules: Fixtures.rules)
        let (arxiv, _) = try #require(c.canonicalize(raw: "(https://arxiv.org/pdf/2310.06825v3.pdf)."))
        #expect(arxiv.url == "https://arxiv.org/abs/2310.06825v3")
        #expect(arxiv.kind == "arxiv")
        #expect(arxiv.part("version") == .int(3))
        let (model, org) = try #require(c.canonicalize(raw: "https://hf.co/microsoft/phi-2/tree/main"))
        #expect(model.url == "https://huggingface.co/microsoft/phi-2")
        #expect(model.kind == "hf_model")
        #expect(org?.name == "Microsoft")
        let (platform, _) = try #require(c.canonicalize(raw: "https://github.com/"))
        #expect(platform.kind == "other")
    }

    @Test(arguments: [("Sep 10, 2019", "2019-09-10"), ("Apr 9", "--04-09"), ("2024-07-31T12:00:00Z", "2024-07-31"),
                      ("Feb 10", "--02-10"), ("nonsense", nil)])
    func isoDates(_ text: String, _ expected: String?) {
        #expect(DateNormalizer.iso(text) == expected)
    }

    @Test func titleKeyIgnoresCasePunctuationAndDashVariants() {
        let a = PaperKey.normalizedTitle("From Imitation to Refinement -- Residual RL")
        let b = PaperKey.normalizedTitle("from imitation to refinement – residual RL")
        #expect(a == b)
        #expect(PaperKey.id(arxivID: nil, title: "X").hasPrefix("title:"))
        #expect(PaperKey.id(arxivID: "2401.00001", title: "X") == "arxiv:2401.00001")
    }
}
