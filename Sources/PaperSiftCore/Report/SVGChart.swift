/// Inline SVG charts for the HTML report: plain shapes and text, colours as attributes (so a chart
/// renders on its own too) that the page's style sheet may override, a `<title>` per mark for hover.
public enum SVGChart {
    /// One bar: its label, its value, and the text shown after it.
    public struct Bar {
        public let label: String
        public let value: Double
        public let text: String
        public init(label: String, value: Double, text: String) { self.label = label; self.value = value; self.text = text }
    }

    static let font = "font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif\""

    /// Horizontal bars, one row each, scaled to `scale` (or to the largest value).
    public static func horizontalBars(_ bars: [Bar], scale: Double? = nil, width: Int = 560, labelWidth: Int = 190,
                                      color: String = "#4f6bed", caption: String) -> String {
        let row = 26, top = 6
        let height = top * 2 + row * max(bars.count, 1)
        let maxValue = max(scale ?? bars.map(\.value).max() ?? 1, 1e-9)
        // The value texts sit right of the bars (or of the full track): the track gets what is
        // left once the widest of them, at an upper bound of its rendered width, fits.
        let valueWidth = bars.map { estimatedWidth($0.text, fontSize: 12, bold: true) }.max() ?? 0
        let trackWidth = max(width - labelWidth - valueGap - Int(valueWidth.rounded(.up)) - margin, 40)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(width) \(height)\" "
            + "width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-label=\"\(escape(caption))\" \(font) font-size=\"12\">"
        svg += "<title>\(escape(caption))</title>"
        for (i, bar) in bars.enumerated() {
            let y = top + i * row
            let barWidth = bar.value <= 0 ? 0 : max(2, Int((bar.value / maxValue * Double(trackWidth)).rounded()))
            svg += "<g><title>\(escape(bar.label)): \(escape(bar.text))</title>"
            svg += "<text class=\"label\" x=\"\(labelWidth - 10)\" y=\"\(y + 17)\" text-anchor=\"end\" fill=\"#3b4252\">\(escape(shortened(bar.label, toWidth: Double(labelWidth - 10 - margin), fontSize: 12, bold: false)))</text>"
            if scale != nil {
                svg += "<rect class=\"track\" x=\"\(labelWidth)\" y=\"\(y + 5)\" width=\"\(trackWidth)\" height=\"16\" rx=\"4\" fill=\"#eceff4\"/>"
            }
            svg += "<rect class=\"bar\" x=\"\(labelWidth)\" y=\"\(y + 5)\" width=\"\(barWidth)\" height=\"16\" rx=\"4\" fill=\"\(color)\"/>"
            let textX = labelWidth + (scale != nil ? trackWidth : barWidth) + valueGap
            svg += "<text class=\"value\" x=\"\(textX)\" y=\"\(y + 17)\" fill=\"#2e3440\" font-weight=\"600\">\(escape(bar.text))</text></g>"
        }
        if bars.isEmpty {
            svg += "<text class=\"label\" x=\"\(labelWidth)\" y=\"\(top + 17)\" fill=\"#7b8394\">none</text>"
        }
        return svg + "</svg>"
    }

    /// Columns over consecutive months (`YYYY-MM`, gaps filled with zero), years marked on the axis.
    public static func monthColumns(_ months: [Tally], width: Int = 880, height: Int = 220,
                                    color: String = "#4f6bed", caption: String) -> String {
        let series = consecutiveMonths(months)
        let left = 36, right = 8, top = 12, bottom = 28
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let maxCount = max(series.map(\.count).max() ?? 0, 1)
        let ceiling = niceCeiling(maxCount)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(width) \(height)\" "
            + "width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-label=\"\(escape(caption))\" \(font) font-size=\"11\">"
        svg += "<title>\(escape(caption))</title>"
        for step in 0...4 {
            let value = ceiling * step / 4
            let y = top + plotHeight - Int((Double(value) / Double(ceiling) * Double(plotHeight)).rounded())
            svg += "<line class=\"grid\" x1=\"\(left)\" y1=\"\(y)\" x2=\"\(width - right)\" y2=\"\(y)\" stroke=\"#e5e9f0\" stroke-width=\"1\"/>"
            svg += "<text class=\"axis\" x=\"\(left - 6)\" y=\"\(y + 4)\" text-anchor=\"end\" fill=\"#7b8394\">\(value)</text>"
        }
        guard !series.isEmpty else {
            return svg + "<text class=\"label\" x=\"\(left + 8)\" y=\"\(top + plotHeight / 2)\" fill=\"#7b8394\">no dated papers</text></svg>"
        }
        let slot = Double(plotWidth) / Double(series.count)
        let minLabelGap = 40.0
        let yearStep = max(1, Int((minLabelGap / (slot * 12)).rounded(.up)))
        let firstMonth = Int(series[0].name.suffix(2)) ?? 1
        let barWidth = max(1.0, min(22.0, slot * 0.8))
        for (i, m) in series.enumerated() {
            let x = Double(left) + slot * Double(i) + (slot - barWidth) / 2
            let h = Double(m.count) / Double(ceiling) * Double(plotHeight)
            if m.count > 0 {
                svg += "<rect class=\"bar\" x=\"\(fixed(x))\" y=\"\(fixed(Double(top + plotHeight) - h))\" width=\"\(fixed(barWidth))\" "
                    + "height=\"\(fixed(h))\" rx=\"2\" fill=\"\(color)\"><title>\(m.name): \(m.count) \(m.count == 1 ? "paper" : "papers")</title></rect>"
            }
            // Years on the axis: a tick each January, a label every `yearStep` years so labels
            // stay apart, and the first month labelled when there is room before the next label.
            let tickX = Double(left) + slot * Double(i)
            let year = Int(m.name.prefix(4)) ?? 0
            if m.name.hasSuffix("-01") || i == 0 {
                svg += "<line class=\"tick\" x1=\"\(fixed(tickX))\" y1=\"\(top + plotHeight)\" x2=\"\(fixed(tickX))\" y2=\"\(top + plotHeight + 5)\" stroke=\"#7b8394\"/>"
            }
            let labelled = m.name.hasSuffix("-01") ? year % yearStep == 0 : (i == 0 && slot * Double(13 - firstMonth) >= minLabelGap)
            if labelled && tickX + 30 <= Double(width) {
                svg += "<text class=\"axis\" x=\"\(fixed(tickX + 2))\" y=\"\(top + plotHeight + 18)\" fill=\"#4c566a\">\(year)</text>"
            }
        }
        svg += "<line class=\"baseline\" x1=\"\(left)\" y1=\"\(top + plotHeight)\" x2=\"\(width - right)\" y2=\"\(top + plotHeight)\" stroke=\"#7b8394\" stroke-width=\"1\"/>"
        return svg + "</svg>"
    }

    /// Every month from the first to the last of `months`, with zero where there is none.
    public static func consecutiveMonths(_ months: [Tally]) -> [Tally] {
        let parsed = months.compactMap { t -> (Int, Int)? in
            let parts = t.name.split(separator: "-")
            guard parts.count == 2, let y = Int(parts[0]), let m = Int(parts[1]), (1...12).contains(m) else { return nil }
            return (y * 12 + m - 1, t.count)
        }
        guard let first = parsed.map(\.0).min(), let last = parsed.map(\.0).max() else { return [] }
        var counts: [Int: Int] = [:]
        for (k, c) in parsed { counts[k, default: 0] += c }
        return (first...last).map { k in
            let month = k % 12 + 1
            return Tally(name: "\(k / 12)-\(month < 10 ? "0" : "")\(month)", count: counts[k] ?? 0)
        }
    }

    /// The smallest of 4, 8, 12, 20, 40, 80, 120, 200, … that is at least `n` (a quarter of it is a round step).
    static func niceCeiling(_ n: Int) -> Int {
        var magnitude = 1
        while true {
            for m in [4, 8, 12, 20, 40] where m * magnitude >= n { return m * magnitude }
            magnitude *= 10
        }
    }

    static func fixed(_ x: Double) -> String {
        let tenths = Int((x * 10).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }

    /// Space between a bar and its value text, and kept free at the chart's edges.
    static let valueGap = 8, margin = 4

    /// An upper bound of the width of `text` in pixels at `fontSize`, in any common sans-serif
    /// face (the widths are those of DejaVu Sans Bold, wider than Arial, Helvetica, Liberation
    /// Sans or Roboto, so a label measured with them fits whichever face the browser picks; the
    /// regular weight is at most 0.92 of the bold one).
    static func estimatedWidth(_ text: String, fontSize: Double, bold: Bool) -> Double {
        var em = 0.0
        for scalar in text.unicodeScalars { em += emWidth(scalar) }
        return em * fontSize * (bold ? 1 : regularWeight)
    }

    static let regularWeight = 0.92

    /// The advance of one character in em (DejaVu Sans Bold, rounded up; 1 em outside ASCII).
    static func emWidth(_ scalar: Unicode.Scalar) -> Double {
        switch scalar {
        case "0"..."9": return 0.70
        case "M", "W", "m", "w": return 1.10
        case "I", "J": return 0.42
        case "A"..."Z": return 0.86
        case "f", "i", "j", "l", "r", "t": return 0.50
        case "a"..."z": return 0.72
        case " ": return 0.35
        case ".", ",", ":", ";", "'", "!", "|": return 0.42
        case "(", ")", "[", "]", "{", "}", "-", "/", "\\": return 0.52
        case "%", "@", "&", "…": return 1.02
        case "\u{21}"..."\u{7e}": return 0.84
        default: return 1.0
        }
    }

    /// `text`, cut with an ellipsis where needed so that it fits in `maxWidth` pixels at `fontSize`.
    static func shortened(_ text: String, toWidth maxWidth: Double, fontSize: Double, bold: Bool) -> String {
        guard estimatedWidth(text, fontSize: fontSize, bold: bold) > maxWidth else { return text }
        let scale = fontSize * (bold ? 1 : regularWeight)
        var out = String.UnicodeScalarView()
        var width = emWidth("…") * scale
        for scalar in text.unicodeScalars {
            width += emWidth(scalar) * scale
            if width > maxWidth { break }
            out.append(scalar)
        }
        return String(out) + "…"
    }

    /// Text for XML content and attribute values.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Characters XML 1.0 does not allow are dropped.
                if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" && scalar != "\r" { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
