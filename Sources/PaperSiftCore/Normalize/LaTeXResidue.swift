/// LaTeX left in titles (`$\alpha$-Net`, `\textbf{X}`, `Na\"ive`), resolved for the title key so
/// that it matches the rendered title (`α-Net`, `X`, `Naïve`) and the text-dump form whose
/// backslashes were lost (`alpha-Net`).
enum LaTeXResidue {
    /// Replaces every `\command`: a formatting command or a one-letter accent command (`\v`, `\c`)
    /// is dropped, a control symbol (`\"`, `\%`, `\\`) is dropped with its symbol, any other
    /// command is replaced by its name (`\alpha` → ` alpha `, `\varepsilon` → ` epsilon `).
    static func resolve(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            guard b == 0x5C else { out.append(b); i += 1; continue }
            var j = i + 1
            while j < bytes.count, isASCIILetter(bytes[j]) { j += 1 }
            if j == i + 1 {
                // A control symbol; a following multibyte character is kept whole.
                i = j < bytes.count && bytes[j] < 0x80 ? j + 1 : j
                continue
            }
            let name = String(decoding: bytes[(i + 1)..<j], as: UTF8.self)
            i = j
            if name.count == 1 || dropped.contains(name) { continue }
            out.append(0x20)
            out.append(contentsOf: (greekVariants[name] ?? name).utf8)
            out.append(0x20)
        }
        return out
    }

    @inline(__always) private static func isASCIILetter(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }

    /// Commands that only change how their argument looks.
    static let dropped: Set<String> = [
        "textbf", "textit", "texttt", "textsc", "textsf", "textrm", "textup", "textmd", "textsl",
        "textnormal", "emph", "mathrm", "mathbf", "mathit", "mathsf", "mathtt", "mathcal", "mathbb",
        "mathfrak", "mathscr", "mathnormal", "boldsymbol", "bm", "text", "operatorname", "mbox",
        "hbox", "ensuremath", "displaystyle", "textstyle", "scriptstyle", "left", "right", "big",
        "Big", "bigg", "Bigg", "rm", "bf", "it", "tt", "sf", "sc", "em", "sl", "url", "underline",
        "overline", "textsuperscript", "textsubscript", "hat", "tilde", "bar", "vec", "dot", "ddot",
        "acute", "grave", "breve", "check", "widehat", "widetilde", "xspace", "protect", "footnotesize",
        "small", "large", "Large", "LARGE", "huge", "Huge", "normalsize", "scriptsize", "tiny",
    ]

    /// Greek variant letters, spelled as the plain letter (Unicode NFKC does the same to `ϵ`, `ϑ`…).
    static let greekVariants: [String: String] = [
        "varepsilon": "epsilon", "vartheta": "theta", "varphi": "phi", "varpi": "pi",
        "varrho": "rho", "varsigma": "sigma", "varkappa": "kappa",
    ]
}
