/// Ranges: 2023年至2025年, 2024-2026年, 2025年1月至6月, 8月11日至8月22日,
/// 12號到3號, 8月至2月 (into the next year), 去年到现在, 2007年与2009年之间.
extension TimeParser {
    /// The most years a range may span; longer is not a time range (a page range, a count).
    static let rangeYearLimit = 200

    /// A start bound followed by an end bound (2010年之后2018年之前): one range that,
    /// like every range, includes the times it names, so 2010–2018 (a lone 2010年之后
    /// is `after` and starts in 2011, but as a range's start it names 2010, as
    /// Recognizers-Text reads it too). Rule `time.range.open-bounds`. The end is read
    /// without a further range or bound, so the look-ahead stays bounded.
    func openBoundsRange(from start: TimeValue, at index: Int) -> (TimeValue, Int)? {
        guard start.relation == .after || start.relation == .from, !start.markedPast, start.endYear == nil,
              let second = core(at: index), !second.bare, second.value.relation == .in else { return nil }
        var end = second.value
        var ignored: [TimeRule] = []
        let position = suffix(after: second.end, value: &end, rules: &ignored)
        guard position > second.end, end.relation == .by, end.endYear == nil else { return nil }
        var value = start
        value.relation = .between
        value.endYear = end.year
        value.endMonth = end.month
        value.endDay = end.month != nil ? end.day : nil
        value.precision = value.day != nil ? .day : value.month != nil || end.month != nil ? .month : .year
        guard value.isWellFormed, end.year - value.year <= Self.rangeYearLimit else { return nil }
        return (value, position)
    }

    /// Reads a range end after `start`; the range as a value, the index after it and its rule:
    /// `time.range.to-now` (去年到现在), `time.range.days` (8月11日至8月22日),
    /// `time.range.months` (2025年1月至6月, 8月至2月), else `time.range.years` (2023年至2025年).
    func range(from start: Core, at index: Int) -> (TimeValue, Int, TimeRule)? {
        guard start.value.relation == .in || start.value.relation == .between && start.value.precision != .window,
              let (separator, afterSeparator) = firstWord(Self.rangeJoiners, at: index) else { return nil }
        var value = start.value
        let startMonth = value.month
        var endYear: Int
        var endMonth: Int?
        var endDay: Int? = nil
        var position: Int
        var toNow = false
        if let reference, let (_, end) = firstWord(Self.nowWords, at: afterSeparator) {
            toNow = true
            endYear = reference.year
            endMonth = reference.month ?? 12
            position = end
        } else if let end = yearPoint(at: afterSeparator) ?? numericDate(at: afterSeparator) ?? relativeMonth(at: afterSeparator),
                  end.value.relation == .in || end.value.relation == .between && end.value.precision != .window {
            endYear = end.value.endYear ?? end.value.year
            endMonth = end.value.endMonth ?? end.value.month
            if endMonth != nil { endDay = end.endDay ?? end.day }
            if !end.hasYear {
                // 8月至11月: the start's year; 12月至1月: the next one.
                endYear = value.year
                if let endMonth, let startMonth, endMonth < startMonth { endYear += 1 }
            }
            position = end.end
        } else if let span = monthSpan(at: afterSeparator), startMonth != nil || start.value.precision == .year && !start.hasYear {
            endYear = value.year
            endMonth = span.endMonth ?? span.month
            endDay = span.lastDay ?? (span.endMonth == nil ? span.day : nil)
            if let startMonth, span.month < startMonth { endYear += 1 }
            position = span.end
        } else if let startDay = start.day, let startMonth, let (day, end) = daySpec(at: afterSeparator) {
            // 12號到3號: a day range that ends in the next month.
            let next = day < startDay ? Self.shift(year: value.year, month: startMonth, by: 1) : (value.year, startMonth)
            endYear = next.0
            endMonth = next.1
            endDay = day
            position = end
        } else {
            return nil
        }
        // 2007年与2009年之间: 与 and 和 join a range only before 间 or 之间 (else they list two times).
        if separator == "与" || separator == "和", firstWord(Self.betweenWords, at: position) == nil { return nil }
        value.relation = .between
        value.endYear = endYear
        value.endMonth = endMonth
        value.endDay = endDay
        if value.month == nil, endMonth != nil, value.precision == .year { value.precision = .month }
        // Compared with their days: 8月22日至8月11日 is no range.
        let first = (value.year * 12 + (value.month ?? 1)) * 32 + (value.day ?? 1)
        let last = (endYear * 12 + (endMonth ?? 12)) * 32 + (endDay ?? 31)
        guard last >= first, endYear - value.year <= Self.rangeYearLimit else { return nil }
        if value.endYear == value.year, value.month != nil, endMonth == value.month {
            // 8月11日至8月22日: days inside one month are `in` that month, from `day` to `endDay`.
            value.endYear = nil
            value.endMonth = nil
            value.relation = .in
            if value.endDay == value.day { value.endDay = nil }
        }
        let rule: TimeRule = toNow ? .rangeToNow : value.precision == .day ? .rangeDays : value.month != nil ? .rangeMonths : .rangeYears
        return (value, position, rule)
    }
}
