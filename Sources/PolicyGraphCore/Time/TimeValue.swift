/// How a target's time relates to its year (FORMAT.md's `time.relation`).
public enum TimeRelation: String, Codable, Sendable, CaseIterable {
    /// 于2027年, 2027年实现, 2030年前后 (approximate).
    case `in`
    /// 到2025年, 2027年前, 2030年以前, 年内 — a deadline, inclusive.
    case by
    /// 2030年后 — open-ended.
    case after
    /// 2025年1月起, 自…起 — a start.
    case from
    /// 2023年至2025年, 2024-2026年, 未来2年至3年内 — an inclusive range.
    case between
}

/// How finely a time is known.
public enum TimePrecision: String, Codable, Sendable {
    case day, month, quarter, half, year, period, window, decade, century
}

/// A date that relative times are resolved against (a document's publication date).
public struct ReferenceDate: Hashable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int?
    public var day: Int?

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, let year = Int(parts[0]) else { return nil }
        self.year = year
        if parts.count > 1 {
            guard let month = Int(parts[1]), (1...12).contains(month) else { return nil }
            self.month = month
        }
        if parts.count > 2 {
            guard let day = Int(parts[2]), (1...31).contains(day) else { return nil }
            self.day = day
        }
    }

    public var description: String {
        var text = String(format: "%04d", year)
        if let month { text += String(format: "-%02d", month) }
        if let day { text += String(format: "-%02d", day) }
        return text
    }
}

/// The value of a Chinese time expression.
public struct TimeValue: Hashable, Sendable {
    public var relation: TimeRelation
    public var year: Int
    public var month: Int?
    /// For `between`: the last year (and month) of the range.
    public var endYear: Int?
    public var endMonth: Int?
    /// The day of `month` the expression names (2025年1月31日), or `nil`.
    public var day: Int?
    /// The last day of a range of days (12-19日: 19), in `endMonth` when there is one, else in `month`.
    public var endDay: Int?
    public var precision: TimePrecision
    /// 前后, 左右: the time is approximate.
    public var approximate: Bool = false
    /// Resolved against the reference date (今年, 明年, 未来2年至3年内).
    public var relative: Bool = false
    /// Marked as past by the expression itself (截至, 以来, 近三年).
    public var markedPast: Bool = false

    public init(relation: TimeRelation, year: Int, month: Int? = nil, endYear: Int? = nil, endMonth: Int? = nil,
                day: Int? = nil, endDay: Int? = nil,
                precision: TimePrecision, approximate: Bool = false, relative: Bool = false, markedPast: Bool = false) {
        self.relation = relation
        self.year = year
        self.month = month
        self.endYear = endYear
        self.endMonth = endMonth
        self.day = day
        self.endDay = endDay
        self.precision = precision
        self.approximate = approximate
        self.relative = relative
        self.markedPast = markedPast
    }

    /// The last year the time covers (the end of a range, else the year).
    public var lastYear: Int { endYear ?? year }

    /// Years in range, months 1–12, days that their month has (only with a
    /// month), and a start not after the end.
    public var isWellFormed: Bool {
        guard (1...9999).contains(year) else { return false }
        if let month, !(1...12).contains(month) { return false }
        if let endMonth, !(1...12).contains(endMonth) { return false }
        if let endYear, !(1...9999).contains(endYear) { return false }
        if let day {
            guard let month, (1...TimeParser.daysIn(year: year, month: month)).contains(day) else { return false }
        }
        if let endDay {
            guard let lastMonth = endMonth ?? month, (1...TimeParser.daysIn(year: endYear ?? year, month: lastMonth)).contains(endDay) else { return false }
        }
        let first = ((year * 12 + (month ?? 1)) * 32) + (day ?? 1)
        let last = (((endYear ?? year) * 12 + (endMonth ?? month ?? 12)) * 32) + (endDay ?? 31)
        return first <= last
    }

    /// A span inside one year (2025年底 is November–December, 8月11日至22日 days
    /// 11–22) read as a deadline or an end: its last month (and day).
    mutating func collapseToEnd() {
        guard endYear == nil else { return }
        if let last = endMonth {
            month = last
            endMonth = nil
            day = endDay
            endDay = nil
        } else if let lastDay = endDay {
            day = lastDay
            endDay = nil
        } else {
            return
        }
        if precision == .quarter || precision == .half || (precision == .day && day == nil) { precision = .month }
    }

    /// A span inside one year read as a start: its first month (and day).
    mutating func collapseToStart() {
        guard endYear == nil, endMonth != nil || endDay != nil else { return }
        endMonth = nil
        endDay = nil
        if precision == .quarter || precision == .half { precision = .month }
    }

    /// Whether the time lies wholly before `reference` or is marked as past.
    public func isPast(relativeTo reference: ReferenceDate?) -> Bool {
        if markedPast { return true }
        guard let reference else { return false }
        if relation == .after || relation == .from { return false }
        if lastYear < reference.year { return true }
        if lastYear == reference.year, let month = endMonth ?? month, let referenceMonth = reference.month,
           relation != .by, month < referenceMonth { return true }
        return false
    }
}

/// A time expression found in text.
public struct TimeExpression: Hashable, Sendable {
    /// UTF-8 byte range in the text it was found in.
    public var range: Range<Int>
    public var text: String
    public var value: TimeValue
    /// The rules that read it (``TimeRule``), its form first.
    public var rules: [TimeRule] = []
}
