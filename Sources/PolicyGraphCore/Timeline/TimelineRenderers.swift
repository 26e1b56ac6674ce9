import Foundation

/// Renders a ``Timeline`` as Markdown, CSV or TimelineJS3 JSON.
public enum TimelineRenderer {
    /// Grouped by year (and month where known), one line a target.
    public static func markdown(_ timeline: Timeline, title: String = "Timeline of targets") -> String {
        var output = "# \(title)\n\n"
        output += "\(timeline.entries.count) targets; ranges are placed at their first year and open ends (after …) carry an arrow.\n"
        var currentYear: Int? = nil
        var currentMonth: Int?? = nil
        for (index, entry) in timeline.entries.enumerated() {
            if entry.year != currentYear {
                output += "\n## \(entry.year)\n\n"
                currentYear = entry.year
                currentMonth = nil
            }
            if let month = entry.month, currentMonth != .some(month) {
                output += "\n### \(entry.year)-\(String(format: "%02d", month))\n\n"
                currentMonth = .some(month)
            }
            // Names come from the inputs: shown as text, never as HTML or Markdown.
            let md = markdownText
            var line = "- **\(md(entry.subject.label))** (\(entry.subject.kind.rawValue)) · \(md(Timeline.when(entry)))"
            let what = [entry.facts.action, entry.facts.topic].compactMap { $0 }.joined(separator: " ")
            if !what.isEmpty { line += " · \(md(what))" }
            if let value = entry.facts.value { line += " · \(md(value))" }
            line += " · \(md(entry.facts.modality))"
            line += " — \(md(entry.document)): “\(md(shortQuote(entry.quote)))”"
            for link in timeline.links(of: index) {
                let other = timeline.entries[link.from == index ? link.to : link.from]
                let role = link.kind == .revision ? (link.to == index ? "revises" : "revised by") : "disagrees with"
                line += " ⟷ \(role) \(md(other.subject.label)) \(md(Timeline.when(other))) (\(md(other.document)))"
            }
            output += line + "\n"
        }
        return output
    }

    /// `SafeText.forMarkdown(text)`: text with no byte that it changes (a control character, a
    /// C1 control's lead byte 0xC2, `<`, `>`, `&` or a Markdown mark) is returned as it is.
    static func markdownText(_ text: String) -> String {
        var text = text
        let plain = text.withUTF8 { bytes in
            for byte in bytes {
                switch byte {
                case 0..<0x20, 0x7F, 0xC2, 0x26, 0x2A, 0x3C, 0x3E, 0x5B, 0x5C, 0x5D, 0x60, 0x7C: return false
                default: continue
                }
            }
            return true
        }
        return plain ? text : SafeText.forMarkdown(text)
    }

    /// `Table.csvLine(cells)`: when no cell has a byte that quoting or the spreadsheet guard
    /// looks at (`,`, `"`, CR, LF anywhere, `=`, `+`, `-`, `@`, tab first), the cells joined by
    /// commas; otherwise `Table.csvLine` itself.
    static func csvLine(_ cells: [String]) -> String {
        let plain = cells.allSatisfy { cell in
            var cell = cell
            return cell.withUTF8 { bytes in
                if let first = bytes.first, first == 0x3D || first == 0x2B || first == 0x2D || first == 0x40 || first == 0x09 { return false }
                for byte in bytes where byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D { return false }
                return true
            }
        }
        return plain ? cells.joined(separator: ",") : Table.csvLine(cells)
    }

    static func shortQuote(_ quote: String, limit: Int = 60) -> String {
        quote.count <= limit ? quote : String(quote.prefix(limit)) + "…"
    }

    /// One row a target with every field and its source.
    public static func csv(_ timeline: Timeline) -> String {
        let columns = ["year", "month", "relation", "end_year", "end_month", "subject", "subject_type", "action", "topic", "value",
                       "modality", "document", "quote", "links"]
        let rows: [[String]] = timeline.entries.enumerated().map { index, entry in
            let links = timeline.links(of: index).map { link -> String in
                let other = timeline.entries[link.from == index ? link.to : link.from]
                return "\(link.kind.rawValue): \(other.subject.label) \(Timeline.when(other))"
            }
            return [String(entry.year), entry.month.map(String.init) ?? "", entry.facts.relation.rawValue, entry.facts.endYear.map(String.init) ?? "",
                    entry.facts.endMonth.map(String.init) ?? "", entry.subject.label, entry.subject.kind.rawValue, entry.facts.action ?? "",
                    entry.facts.topic ?? "", entry.facts.value ?? "", entry.facts.modality, entry.document, entry.quote,
                    links.joined(separator: "; ")]
        }
        // Table(columns:rows:).csv(), line by line.
        return ([columns] + rows).map(csvLine).joined(separator: "\n") + "\n"
    }

    /// The JSON TimelineJS3 reads: `events` with `start_date`, `end_date`, `text.headline`, `text.text`, `group`.
    public static func timelineJS(_ timeline: Timeline) throws -> Data {
        var events: [[String: Any]] = []
        for (index, entry) in timeline.entries.enumerated() {
            let links = timeline.links(of: index).map { link -> String in
                let other = timeline.entries[link.from == index ? link.to : link.from]
                return "\(link.kind.rawValue): \(other.subject.label) \(Timeline.when(other)) (\(other.document))"
            }
            // TimelineJS shows text.headline and text.text as HTML: names are escaped.
            let html = SafeText.forHTML
            var start: [String: Any] = ["year": entry.year]
            if let month = entry.month { start["month"] = month }
            var event: [String: Any] = [
                "start_date": start,
                "text": ["headline": html("\(entry.subject.label) · \(Timeline.when(entry))"),
                         "text": html(([entry.facts.action, entry.facts.topic, entry.facts.value, entry.facts.modality, "\(entry.document): “\(entry.quote)”"]
                            .compactMap { $0 } + links).joined(separator: " · "))],
                "group": entry.subject.kind.rawValue,
                "unique_id": entry.target.id.rawValue,
            ]
            if let end = entry.facts.endYear, entry.facts.relation == .between {
                var endDate: [String: Any] = ["year": end]
                if let month = entry.facts.endMonth { endDate["month"] = month }
                event["end_date"] = endDate
            }
            events.append(event)
        }
        var data = try JSONSerialization.data(withJSONObject: ["title": ["text": ["headline": "Timeline of targets"]], "events": events],
                                              options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        data.append(0x0A)
        return data
    }
}
