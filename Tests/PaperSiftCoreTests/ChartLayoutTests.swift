import Foundation
import Testing
@testable import PaperSiftCore

/// The bar charts leave room for their texts: each value text, at an upper bound of its rendered
/// width, ends inside the chart, and each label fits left of its bars (`make check-report` also
/// renders the pages in headless Chromium and measures them).
@Suite struct ChartLayoutTests {
    /// `(x, text)` of every `<text class="…">` of an SVG.
    func texts(_ svg: String, class name: String) -> [(Double, String)] {
        svg.components(separatedBy: "<text class=\"\(name)\" x=\"").dropFirst().compactMap { piece in
            guard let x = Double(piece.prefix { $0 != "\"" }), let start = piece.firstIndex(of: ">"),
                  let end = piece.range(of: "</text>") else { return nil }
            return (x, String(piece[piece.index(after: start)..<end.lowerBound]))
        }
    }

    @Test(arguments: [(760, 250, 100.0 as Double?), (440, 130, nil), (440, 200, nil)])
    func valueTextsEndInsideTheChart(width: Int, labelWidth: Int, scale: Double?) {
        let bars = [SVGChart.Bar(label: "publication date", value: 100, text: "100.0% (1473)"),
                    SVGChart.Bar(label: "model size (B)", value: 99, text: "238 (237)"),
                    SVGChart.Bar(label: "Massachusetts Institute of Technology and Friends", value: 1, text: "99999 (99999)")]
        let svg = SVGChart.horizontalBars(bars, scale: scale, width: width, labelWidth: labelWidth, caption: "c")
        let values = texts(svg, class: "value")
        #expect(values.count == bars.count)
        for (x, text) in values {
            #expect(x + SVGChart.estimatedWidth(text, fontSize: 12, bold: true) <= Double(width), "\(text) at \(x) in \(width)")
        }
        for (_, label) in texts(svg, class: "label") {
            #expect(SVGChart.estimatedWidth(label, fontSize: 12, bold: false) <= Double(labelWidth - 10), "\(label)")
        }
    }

    @Test func shortLabelsAreKeptAndLongOnesCutWithAnEllipsis() {
        #expect(SVGChart.shortened("model size (B)", toWidth: 116, fontSize: 12, bold: false) == "model size (B)")
        let cut = SVGChart.shortened(String(repeating: "Wide Name ", count: 10), toWidth: 116, fontSize: 12, bold: false)
        #expect(cut.hasSuffix("…") && cut.count < 30)
    }

    @Test func theEstimateIsAnUpperBoundOfCommonFaces() {
        // Digits of DejaVu Sans Bold are 0.696 em, the widest common sans-serif digits.
        #expect(SVGChart.estimatedWidth("0123456789", fontSize: 10, bold: true) >= 69.6)
        #expect(SVGChart.estimatedWidth("%", fontSize: 10, bold: true) >= 10.0)
    }
}
