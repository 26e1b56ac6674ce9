/// A year and month.
public struct YearMonth: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int

    public init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }

    /// `2025-03`.
    public var description: String {
        let digits = String(year)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits + (month < 10 ? "-0" : "-") + String(month)
    }

    func adding(months: Int) -> YearMonth {
        let shifted = TimeParser.shift(year: year, month: month, by: months)
        return YearMonth(year: shifted.year, month: shifted.month)
    }
}

/// The months a time covers, first to last, inclusive; `nil` on an open side.
///
/// ```swift
/// let value = TimeNormalizer().parse("2025年前", reference: ReferenceDate(year: 2021, month: 6))!
/// value.interval(reference: ReferenceDate(year: 2021, month: 6)).description   // "2021-06..2025-12"
/// ```
public struct MonthInterval: Hashable, Sendable, CustomStringConvertible {
    public var first: YearMonth?
    public var last: YearMonth?

    /// `2021-06..2025-12`; an open side is empty (`..2016-12`, `2031-01..`).
    public var description: String { (first?.description ?? "") + ".." + (last?.description ?? "") }
}

extension TimeValue {
    /// The months this time covers, seen from `reference`:
    /// - `in` and `between`: from the first month named to the last (a year is January–December);
    /// - `by`: up to its month, from the reference when the deadline has not passed (open before it otherwise);
    /// - `from`: from its month, up to the reference when that start has passed (open after it otherwise);
    /// - `after`: from the month after it, open-ended.
    public func interval(reference: ReferenceDate?) -> MonthInterval {
        let start = YearMonth(year: year, month: month ?? 1)
        let end = YearMonth(year: endYear ?? year, month: endMonth ?? (relation == .between && endYear != nil ? 12 : month ?? 12))
        let now = reference.map { YearMonth(year: $0.year, month: $0.month ?? 1) }
        switch relation {
        case .in, .between:
            return MonthInterval(first: start, last: end)
        case .by:
            if !markedPast, let now, now <= end { return MonthInterval(first: now, last: end) }
            return MonthInterval(first: nil, last: end)
        case .from:
            if let reference, let now, start <= now {
                return MonthInterval(first: start, last: YearMonth(year: reference.year, month: reference.month ?? 12))
            }
            return MonthInterval(first: start, last: nil)
        case .after:
            return MonthInterval(first: end.adding(months: 1), last: nil)
        }
    }
}
