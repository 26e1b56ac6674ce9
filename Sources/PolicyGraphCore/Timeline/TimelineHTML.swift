import Foundation

/// The timeline as one self-contained HTML page: inline SVG and CSS, no
/// scripts, fonts or network. Years are the axis, targets are marks in lanes
/// (by subject type or by topic), coloured by modality; ranges are bars and
/// open ends arrows. Each mark is focusable and carries its details (shown on
/// hover and focus); a table below lists the same targets for reading and
/// printing. Marks that share a year and lane are stacked, so hundreds stay
/// readable. The page is well-formed XML as well as HTML.
public enum TimelineHTML {
    public enum Lanes: String, Sendable, CaseIterable { case subjectType = "subject-type", topic }

    /// Above this many years between the first and the last, the axis shows
    /// only the years that occur, so that its width follows the targets, not the span.
    static let maximumContinuousYears = 100

    static let colors = ["goal": "#4e79a7", "promise": "#f28e2b", "forecast": "#59a14f"]

    /// `text` cleaned (``XMLSafe/clean(_:)``) and escaped for HTML (`SafeText.forHTML`). Text with no
    /// byte that either looks at (a control character but tab and line breaks, `&`, `<`, `>`, `"`,
    /// `'`, or 0xEF, the lead byte of U+FFFE and U+FFFF) is returned as it is, without a scalar read.
    static func escape(_ text: String) -> String {
        var text = text
        let plain = text.withUTF8 { bytes in
            for byte in bytes {
                switch byte {
                case 0x09, 0x0A, 0x0D: continue
                case 0..<0x20, 0x22, 0x26, 0x27, 0x3C, 0x3E, 0xEF: return false
                default: continue
                }
            }
            return true
        }
        return plain ? text : SafeText.forHTML(XMLSafe.clean(text))
    }

    public static func render(_ timeline: Timeline, lanes: Lanes = .subjectType, title: String = "Timeline of targets") -> String {
        let entries = timeline.entries
        // Years are clamped to the range a graph file may hold, so that no
        // arithmetic below can overflow, and the axis has one column per year
        // only when the span is short; otherwise one per year that occurs.
        func clamped(_ year: Int) -> Int { min(max(year, GraphIntegrity.years.lowerBound), GraphIntegrity.years.upperBound) }
        let years = entries.flatMap { [clamped($0.year), clamped($0.facts.endYear ?? $0.year)] }
        let first = (years.min() ?? 2024), last = max((years.max() ?? first), first) + 1
        let axis: [Int] = last - first <= maximumContinuousYears
            ? Array(first...last)
            : Array(Set(years + years.map { $0 + 1 })).sorted()
        func lane(of entry: TimelineEntry) -> String {
            lanes == .subjectType ? entry.subject.kind.rawValue : (entry.facts.technology.map { _ in entry.facts.topic ?? "" } ?? entry.facts.topic ?? "—")
        }
        let laneNames = Set(entries.map(lane(of:))).sorted()
        let laneIndexes = Dictionary(uniqueKeysWithValues: laneNames.enumerated().map { ($1, $0) })
        // Stack marks that share a lane and a year.
        var stackDepth: [String: Int] = [:]
        var rows: [(entry: TimelineEntry, index: Int, lane: Int, level: Int)] = []
        for (index, entry) in entries.enumerated() {
            let laneIndex = laneIndexes[lane(of: entry)]!
            let key = "\(laneIndex)|\(entry.year)"
            let level = stackDepth[key, default: 0]
            stackDepth[key] = level + 1
            rows.append((entry, index, laneIndex, level))
        }
        var laneHeights = [Int](repeating: 1, count: laneNames.count)
        for row in rows { laneHeights[row.lane] = max(laneHeights[row.lane], row.level + 1) }
        let left = 130, yearWidth = 90, rowHeight = 18, top = 40
        var laneTop: [Int] = []
        var offset = top
        for height in laneHeights { laneTop.append(offset); offset += height * rowHeight + 14 }
        let width = left + axis.count * yearWidth + 40
        let height = offset + 20
        /// The column of the first axis year at or after `year`.
        func x(_ year: Int) -> Int {
            let target = clamped(year)
            var low = 0, high = axis.count
            while low < high {
                let mid = (low + high) / 2
                if axis[mid] < target { low = mid + 1 } else { high = mid }
            }
            return left + low * yearWidth
        }

        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-label=\"\(escape(title))\">\n"
        for year in axis {
            svg += "<line class=\"grid\" x1=\"\(x(year))\" y1=\"\(top - 10)\" x2=\"\(x(year))\" y2=\"\(height - 10)\"/>"
            svg += "<text class=\"year\" x=\"\(x(year) + 4)\" y=\"\(top - 16)\">\(year)</text>\n"
        }
        for (index, name) in laneNames.enumerated() {
            svg += "<text class=\"lane\" x=\"4\" y=\"\(laneTop[index] + 12)\">\(escape(name))</text>\n"
        }
        for row in rows {
            let entry = row.entry
            let y = laneTop[row.lane] + row.level * rowHeight
            let color = colors[entry.facts.modality] ?? "#888888"
            let details = "\(entry.subject.label) · \(Timeline.when(entry)) · \([entry.facts.action, entry.facts.topic, entry.facts.value].compactMap { $0 }.joined(separator: " ")) · \(entry.facts.modality) — \(entry.document): “\(entry.quote)”"
            svg += "<a href=\"#target-\(row.index)\" class=\"mark\" aria-label=\"\(escape(details))\"><title>\(escape(details))</title>"
            let start = x(entry.year) + 2
            switch entry.facts.relation {
            case .between:
                let end = x(clamped(entry.facts.endYear ?? entry.year) + 1) - 2
                svg += "<rect x=\"\(start)\" y=\"\(y + 3)\" width=\"\(max(8, end - start))\" height=\"12\" rx=\"3\" fill=\"\(color)\"/>"
            case .after, .from:
                svg += "<path d=\"M\(start) \(y + 15) H\(start + yearWidth - 10) l-5 -4 v8 z\" stroke=\"\(color)\" stroke-width=\"2\" fill=\"\(color)\"/>"
                svg += "<circle cx=\"\(start + 6)\" cy=\"\(y + 9)\" r=\"4\" fill=\"\(color)\"/>"
            default:
                svg += "<circle cx=\"\(start + 6)\" cy=\"\(y + 9)\" r=\"6\" fill=\"\(color)\"/>"
            }
            let label = entry.subject.label.count > 6 ? String(entry.subject.label.prefix(6)) + "…" : entry.subject.label
            svg += "<text class=\"label\" x=\"\(start + 16)\" y=\"\(y + 13)\">\(escape(label))</text></a>\n"
        }
        svg += "</svg>"

        var table = "<table>\n<thead><tr><th>time</th><th>subject</th><th>type</th><th>action and topic</th><th>value</th><th>modality</th><th>source</th><th>linked</th></tr></thead>\n<tbody>\n"
        for (index, entry) in entries.enumerated() {
            let links = timeline.links(of: index).map { link -> String in
                let other = timeline.entries[link.from == index ? link.to : link.from]
                return "\(link.kind.rawValue): \(other.subject.label) \(Timeline.when(other))"
            }.joined(separator: "; ")
            table += "<tr id=\"target-\(index)\"><td>\(escape(Timeline.when(entry)))</td><td>\(escape(entry.subject.label))</td><td>\(escape(entry.subject.kind.rawValue))</td>"
            table += "<td>\(escape([entry.facts.action, entry.facts.topic].compactMap { $0 }.joined(separator: " ")))</td><td>\(escape(entry.facts.value ?? ""))</td>"
            table += "<td class=\"\(escape(entry.facts.modality))\">\(escape(entry.facts.modality))</td><td>\(escape(entry.document)): “\(escape(entry.quote))”</td><td>\(escape(links))</td></tr>\n"
        }
        table += "</tbody>\n</table>"

        let legend = colors.keys.sorted().map { "<span class=\"key\"><span class=\"swatch\" style=\"background:\(colors[$0]!)\"></span>\($0)</span>" }.joined(separator: " ")
        return """
        <!DOCTYPE html>
        <html lang="zh-Hans">
        <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>\(escape(title))</title>
        <style>
        body { font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; margin: 1.5em; color: #222; }
        .chart { overflow-x: auto; }
        svg text { font-size: 11px; fill: #222; }
        svg .label { paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
        svg .year { font-weight: bold; }
        svg .lane { font-weight: bold; fill: #555; }
        svg .grid { stroke: #ddd; }
        svg a.mark:focus { outline: none; }
        svg a.mark:focus circle, svg a.mark:focus rect, svg a.mark:focus path, svg a.mark:hover circle, svg a.mark:hover rect, svg a.mark:hover path { stroke: #000; stroke-width: 2; }
        table { border-collapse: collapse; margin-top: 1.5em; font-size: 13px; }
        th, td { border: 1px solid #ccc; padding: 3px 6px; text-align: left; vertical-align: top; }
        tr:target { background: #fff3c4; }
        .key { margin-right: 1em; } .swatch { display: inline-block; width: 0.8em; height: 0.8em; margin-right: 0.3em; }
        @media print { .chart { overflow: visible; } svg { max-width: 100%; height: auto; } a { color: inherit; text-decoration: none; } }
        </style>
        </head>
        <body>
        <h1>\(escape(title))</h1>
        <p>\(entries.count) targets. Colours: \(legend). Ranges are bars, open ends arrows; hover or focus (Tab) a mark for its details.</p>
        <div class="chart">
        \(svg)
        </div>
        \(table)
        </body>
        </html>

        """
    }
}

/// Text without characters HTML and XML cannot carry.
enum XMLSafe {
    static func clean(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { u in
            let v = u.value
            return v == 0x9 || v == 0xA || v == 0xD || (0x20...0xD7FF).contains(v) || (0xE000...0xFFFD).contains(v) || v >= 0x10000
        }))
    }
}
