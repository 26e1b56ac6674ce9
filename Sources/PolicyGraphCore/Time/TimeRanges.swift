/// Ranges: 2023年至2025年, 2024-2026年, 2025年1月至6月, 8月11日至8月22日,
/// 12號到3號, 8月至2月 (into the next year), 去年到现在, 2007年与2009年之间.
extension TimeParser {
    /// The most years a range may span; longer is not a time range (a page range, a count).
    static let rangeYearLimit = 200

    /// Reads a range end after `start`; the range as a value and the index after it.
    func range(from start: Core, at index: Int) -> (TimeValue, Int)? {
        guard start.value.relation == .in || start.value.relation == .between && start.value.precision != .window,
              let (separator, afterSeparator) = firstWord(Self.rangeSeparators + ["与", "和"], at: index) else { return nil }
        var value = start.value
        let startMonth = value.month
        var endYear: Int
        var endMonth: Int?
        var position: Int
        if let reference, let (_, end) = firstWord(["今天", "今日", "现在", "今"], at: afterSeparator) {
            endYear = reference.year
            endMonth = reference.month ?? 12
            position = end
        } else if let end = yearPoint(at: afterSeparator) ?? numericDate(at: afterSeparator) ?? relativeMonth(at: afterSeparator),
                  end.value.relation == .in || end.value.relation == .between && end.value.precision != .window {
            endYear = end.value.endYear ?? end.value.year
            endMonth = end.value.endMonth ?? end.value.month
            if !end.hasYear {
                // 8月至11月: the start's year; 12月至1月: the next one.
                endYear = value.year
                if let endMonth, let startMonth, endMonth < startMonth { endYear += 1 }
            }
            position = end.end
        } else if let span = monthSpan(at: afterSeparator), startMonth != nil || start.value.precision == .year && !start.hasYear {
            endYear = value.year
            endMonth = span.endMonth ?? span.month
            if let startMonth, span.month < startMonth { endYear += 1 }
            position = span.end
        } else if let startDay = start.day, let startMonth, let (day, end) = daySpec(at: afterSeparator) {
            // 12號到3號: a day range that ends in the next month.
            let next = day < startDay ? Self.shift(year: value.year, month: startMonth, by: 1) : (value.year, startMonth)
            endYear = next.0
            endMonth = next.1
            position = end
        } else {
            return nil
        }
        // 2007年与2009年之间: 与 and 和 join a range only before 间 or 之间 (else they list two times).
        if separator == "与" || separator == "和", firstWord(["之间", "间"], at: position) == nil { return nil }
        value.relation = .between
        value.endYear = endYear
        value.endMonth = endMonth
        if value.month == nil, endMonth != nil, value.precision == .year { value.precision = .month }
        let first = value.year * 12 + (value.month ?? 1)
        let last = endYear * 12 + (endMonth ?? 12)
        guard last >= first, endYear - value.year <= Self.rangeYearLimit else { return nil }
        if value.endYear == value.year, value.month != nil, endMonth == value.month { value.endYear = nil; value.endMonth = nil; value.relation = .in }
        return (value, position)
    }
}
