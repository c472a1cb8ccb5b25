/// Bars drawn with Unicode blocks, eighths included, so they read in monochrome and under NO_COLOR:
/// horizontal bars beside labels (a breakdown), and columns of two series month by month (a year).
enum BarChart {
    private static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    private static let rising = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// A bar of `value` out of `maximum` in `width` columns, to an eighth of a column.
    static func bar(_ value: Double, of maximum: Double, width: Int) -> String {
        guard maximum > 0, value > 0, width > 0 else { return "" }
        let eighthsLong = Int((value / maximum * Double(width * 8)).rounded())
        return String(repeating: "█", count: eighthsLong / 8) + eighths[eighthsLong % 8]
    }

    /// One line per bar: the label fitted to `labelWidth` (Chinese counts two), the bar, and its text.
    /// Bars are of `maximum` (a rate's 100%), else of the longest.
    static func horizontal(_ bars: [(label: String, value: Double, text: String)], labelWidth: Int, width: Int,
                           maximum given: Double? = nil) -> [String] {
        let textWidth = bars.map(\.text.displayWidth).max() ?? 0
        let barWidth = max(1, width - labelWidth - textWidth - 2)
        let maximum = given ?? bars.map(\.value).max() ?? 0
        return bars.map { bar in
            let drawn = BarChart.bar(bar.value, of: maximum, width: barWidth)
            return bar.label.fitted(to: labelWidth, ellipsis: true) + " " + drawn.fitted(to: barWidth) + " " + bar.text
        }
    }

    /// Columns `height` rows tall, two to a period (the first series, then the second), a blank between
    /// periods; the last line labels each period under its pair.
    static func columns(_ pairs: [(label: String, first: Int, second: Int)], height: Int) -> [String] {
        let maximum = Double(pairs.flatMap { [$0.first, $0.second] }.max() ?? 0)
        func cell(_ value: Int, row: Int) -> String {
            guard maximum > 0 else { return " " }
            let eighthsTall = Int((Double(value) / maximum * Double(height * 8)).rounded())
            let filled = eighthsTall - row * 8
            return filled >= 8 ? "█" : filled <= 0 ? " " : rising[filled]
        }
        var lines: [String] = []
        for row in (0..<height).reversed() {
            lines.append(pairs.map { cell($0.first, row: row) + cell($0.second, row: row) + " " }.joined())
        }
        lines.append(pairs.map { $0.label.fitted(to: 3) }.joined())
        return lines
    }
}
