/// The labels the publication-date rules read, from `patterns/published.tsv`.
public struct PublicationVocabulary: Sendable {
    /// What a label is for.
    public enum Role: String, Sendable {
        case meta, jsonld, frontmatter, table, line, source, weekday
        case yearUnit = "year-unit", monthUnit = "month-unit", dayUnit = "day-unit"
        case statistics, reported, fullYear = "full-year", ahead, start
    }

    /// Labels by role, in the order of the file (earlier wins).
    public private(set) var words: [Role: [[UInt8]]] = [:]

    public init() {}

    mutating func add(_ word: String, as role: Role) {
        words[role, default: []].append(Array(word.utf8))
    }

    func labels(_ role: Role) -> [[UInt8]] { words[role] ?? [] }
}

/// A publication date read from the document itself, with the rule that read it.
public struct PublicationDateFinding: Hashable, Sendable {
    /// `YYYY-MM-DD` or `YYYY-MM`.
    public let date: String
    public let source: PublishedSource
    /// UTF-8 byte offsets of the date in the decoded file.
    public let range: Range<Int>
}

/// The rules that read a page's own publication date, most trusted first:
///
/// | rule | reads |
/// | --- | --- |
/// | `published.meta` | `<meta name="publishdate" content="2023-05-17">`, `article:published_time` |
/// | `published.json-ld` | `"datePublished": "2023-05-17T08:00:00+08:00"` |
/// | `published.front-matter` | `date: 2023-05-17T08:00:00` in a leading `---` or `<!-- -->` block |
/// | `published.table` | a gov.cn metadata table: `发布日期：2023年07月18日` (before `成文日期`) |
/// | `published.line` | `发布时间：2025-01-20`, `时间：2025-01-20 来源：…` at the start of a line |
/// | `published.byline` | `某某日报 2025-03-05 08:30`, `2025年03月05日 06:12 来源：…` |
/// | `published.header` | a newspaper header, `2024年1月29日 星期一` |
/// | `published.url` | a date in a URL of the page: `/2023-07/18/`, `/20230718/`, `content_20230718` |
/// | `published.file-name` | a date in the file's name: `20200115-16-02.txt` (after metadata files and `--published`) |
///
/// Labels are data (`patterns/published.tsv`). Only the first ``headLength``
/// bytes (labels, bylines, headers) and the first and last ``urlLength`` bytes
/// (URLs) are read, so the cost does not grow with the document.
public struct PublicationDateRules: Sendable {
    public static let headLength = 65_536
    public static let bylineLength = 4_096
    public static let urlLength = 262_144

    let vocabulary: PublicationVocabulary
    /// The labels of the roles read at the start of a line or cell (`table`, then `line`),
    /// found in one pass.
    let cellLabels: CellLabels
    /// The words after a date's year, month and day (年, 月, 日, 号).
    let units: DateScan.Units

    public init(vocabulary: PublicationVocabulary) {
        self.vocabulary = vocabulary
        units = DateScan.Units(vocabulary)
        cellLabels = CellLabels([vocabulary.labels(.table), vocabulary.labels(.line)])
    }

    /// The date the document states for itself, by the most trusted rule that finds one.
    public func find(in bytes: [UInt8]) -> PublicationDateFinding? {
        let head = bytes[0..<min(bytes.count, Self.headLength)]
        // A meta label counts only inside a tag, which opens with `<`: a page with none (plain
        // text) is not searched for the labels.
        if let found = (DateScan.next(UInt8(ascii: "<"), in: bytes, from: 0, end: head.endIndex) < head.endIndex
                ? labelled(head, role: .meta, source: .meta, maxGap: 200, tagAware: true) : nil)
            ?? labelled(head, role: .jsonld, source: .jsonLD, maxGap: 12, tagAware: false)
            ?? frontMatter(bytes) {
            return found
        }
        let cells = cellLabels.occurrences(in: head)
        return cellLabelled(head, list: 0, cells: cells, source: .table, maxGap: 120)
            ?? cellLabelled(head, list: 1, cells: cells, source: .line, maxGap: 40)
            ?? byline(bytes)
            ?? header(bytes)
            ?? url(bytes)
    }

    /// A date in a file name: `20200115-16-02.txt`, `2024-01-29_news.md` (rule `published.file-name`).
    public func fromFileName(_ name: String) -> String? {
        let bytes = Array(name.utf8)
        var index = 0
        while index < bytes.count {
            if let date = DateScan.compact(bytes, at: index) ?? DateScan.date(bytes, at: index, units: units).flatMap({ $0.day != nil ? $0 : nil }) {
                return date.text
            }
            index += 1
        }
        return nil
    }

    // MARK: Rules

    /// A label, then within `maxGap` bytes of separators (`：`, `:`, quotes, `=`, white space, tags) a date.
    private func labelled(_ bytes: ArraySlice<UInt8>, role: PublicationVocabulary.Role, source: PublishedSource,
                          maxGap: Int, tagAware: Bool) -> PublicationDateFinding? {
        for label in vocabulary.labels(role) {
            var from = bytes.startIndex
            while let at = DateScan.find(label, in: bytes, from: from, caseInsensitive: tagAware || role == .jsonld) {
                from = at + 1
                let afterLabel = at + label.count
                // The label must end there: `date` is not `dated`, `时间` is not `时间表`.
                if tagAware {
                    if let found = metaContent(bytes, labelAt: at, labelEnd: afterLabel) { return found.with(source) }
                    continue
                }
                guard afterLabel < bytes.endIndex, DateScan.isSeparator(bytes, at: afterLabel) || role == .jsonld else { continue }
                if let found = DateScan.dateAfter(bytes, from: afterLabel, maxGap: maxGap, units: units) { return found.with(source) }
            }
        }
        return nil
    }

    /// A label of ``cellLabels``' list `list` at the start of a line or cell (`cells`: where
    /// each label stands so), then within `maxGap` bytes of separators a date: the labels
    /// in the list's order, each at its places in order, as a search for each label in turn would.
    func cellLabelled(_ bytes: ArraySlice<UInt8>, list: Int, cells: [[Int]], source: PublishedSource,
                              maxGap: Int) -> PublicationDateFinding? {
        for label in cellLabels.lists[list] {
            guard let label else { continue }
            let length = cellLabels.labels[label].count
            for at in cells[label] {
                let afterLabel = at + length
                // The label must end there: `时间` is not `时间表`.
                guard afterLabel < bytes.endIndex, DateScan.isSeparator(bytes, at: afterLabel) else { continue }
                if let found = DateScan.dateAfter(bytes, from: afterLabel, maxGap: maxGap, units: units) { return found.with(source) }
            }
        }
        return nil
    }

    /// The `content` of the `<meta …>` tag around a label.
    private func metaContent(_ bytes: ArraySlice<UInt8>, labelAt: Int, labelEnd: Int) -> DateScan.Found? {
        var open = labelAt
        while open > bytes.startIndex, labelAt - open < 300, bytes[open] != UInt8(ascii: "<") { open -= 1 }
        guard bytes[open] == UInt8(ascii: "<"), DateScan.find(Array("meta".utf8), in: bytes[open..<min(bytes.endIndex, open + 6)], from: open, caseInsensitive: true) != nil else { return nil }
        var close = labelEnd
        while close < bytes.endIndex, close - labelEnd < 400, bytes[close] != UInt8(ascii: ">") { close += 1 }
        let tag = bytes[open..<min(close, bytes.endIndex)]
        guard let content = DateScan.find(Array("content".utf8), in: tag, from: tag.startIndex, caseInsensitive: true) else { return nil }
        return DateScan.dateAfter(bytes, from: content + 7, maxGap: 4, units: units)
    }

    /// `date: …` in a front-matter block that opens the file (`---` or `<!--`).
    private func frontMatter(_ bytes: [UInt8]) -> PublicationDateFinding? {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        let slice = bytes[start..<min(bytes.count, start + 8_192)]
        let closing: [UInt8]
        if slice.starts(with: Array("---".utf8)) { closing = Array("\n---".utf8) }
        else if slice.starts(with: Array("<!--".utf8)) { closing = Array("-->".utf8) }
        else { return nil }
        let end = DateScan.find(closing, in: slice, from: slice.startIndex + 3, caseInsensitive: false) ?? slice.endIndex
        let block = slice[slice.startIndex..<end]
        for key in vocabulary.labels(.frontmatter) {
            var from = block.startIndex
            while let at = DateScan.find(key, in: block, from: from, caseInsensitive: true) {
                from = at + 1
                guard DateScan.startsCell(block, at: at), at + key.count < block.endIndex,
                      DateScan.isSeparator(block, at: at + key.count) else { continue }
                if let found = DateScan.dateAfter(block, from: at + key.count, maxGap: 8, units: units) { return found.with(.frontMatter) }
            }
        }
        return nil
    }

    /// A date with a clock time after it, or with a source word on its line, near the top.
    private func byline(_ bytes: [UInt8]) -> PublicationDateFinding? {
        let head = bytes[0..<min(bytes.count, Self.bylineLength)]
        var index = head.startIndex
        while index < head.endIndex {
            // A date starts with a digit: other bytes are passed over, eight at a time, without trying one.
            index = DateScan.nextDigit(head, from: index)
            guard index < head.endIndex else { break }
            guard let date = DateScan.date(head, at: index, units: units), date.day != nil else { index += 1; continue }
            let lineEnd = head[date.end...].firstIndex(of: 0x0A) ?? head.endIndex
            let rest = head[date.end..<lineEnd]
            if DateScan.clockTime(head, at: date.end) || vocabulary.labels(.source).contains(where: { DateScan.find($0, in: rest, from: rest.startIndex, caseInsensitive: false) != nil }) {
                return date.with(.byline)
            }
            index = date.end
        }
        return nil
    }

    /// A date followed closely by a weekday, near the top (a newspaper page's header).
    private func header(_ bytes: [UInt8]) -> PublicationDateFinding? {
        let head = bytes[0..<min(bytes.count, Self.bylineLength)]
        var index = head.startIndex
        while index < head.endIndex {
            index = DateScan.nextDigit(head, from: index)
            guard index < head.endIndex else { break }
            guard let date = DateScan.date(head, at: index, units: units), date.day != nil else { index += 1; continue }
            let window = head[date.end..<min(head.endIndex, date.end + 24)]
            if vocabulary.labels(.weekday).contains(where: { DateScan.find($0, in: window, from: window.startIndex, caseInsensitive: false) != nil }) {
                return date.with(.header)
            }
            index = date.end
        }
        return nil
    }

    /// The most frequent date in the page's URLs (the first on a tie).
    private func url(_ bytes: [UInt8]) -> PublicationDateFinding? {
        var counts: [String: (count: Int, first: DateScan.Found)] = [:]
        var order: [String] = []
        let ranges = bytes.count <= 2 * Self.urlLength ? [0..<bytes.count]
            : [0..<Self.urlLength, (bytes.count - Self.urlLength)..<bytes.count]
        for range in ranges {
            var index = range.lowerBound
            // Only an `h` or a `w` can start a URL: found with `memchr`, not byte by
            // byte, each letter's next place remembered so that every byte is read once.
            var nextH = -1, nextW = -1
            while index < range.upperBound {
                if nextH < index { nextH = DateScan.next(UInt8(ascii: "h"), in: bytes, from: index, end: range.upperBound) }
                if nextW < index { nextW = DateScan.next(UInt8(ascii: "w"), in: bytes, from: index, end: range.upperBound) }
                index = min(nextH, nextW)
                guard index < range.upperBound else { break }
                guard DateScan.startsURL(bytes, at: index) else { index += 1; continue }
                var end = index
                while end < range.upperBound, !DateScan.endsURL(bytes[end]) { end += 1 }
                var position = index
                while position < end {
                    let previous = position > index ? bytes[position - 1] : 0
                    if previous == UInt8(ascii: "/") || previous == UInt8(ascii: "_") || previous == UInt8(ascii: "t"),
                       let found = DateScan.compact(bytes, at: position) ?? DateScan.urlDate(bytes, at: position, end: end, units: units) {
                        if counts[found.text] == nil { order.append(found.text); counts[found.text] = (0, found) }
                        counts[found.text]?.count += 1
                        break
                    }
                    position += 1
                }
                index = end
            }
        }
        guard let best = order.max(by: { (counts[$0]?.count ?? 0) < (counts[$1]?.count ?? 0) }) else { return nil }
        // `max` returns the last of equal elements; take the first instead.
        let top = counts[best]?.count ?? 0
        guard let first = order.first(where: { counts[$0]?.count == top }), let found = counts[first]?.first else { return nil }
        return found.with(.url)
    }
}
