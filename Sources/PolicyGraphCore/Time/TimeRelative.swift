/// Times counted from the reference: 上个月, 上季度末, 3年后, 两个月前, 未来五年,
/// 近三个月, 今明两年.
extension TimeParser {
    /// Month arithmetic on a bounded count (a small number is below 10^5).
    static func shift(year: Int, month: Int, by months: Int) -> (year: Int, month: Int) {
        let index = year * 12 + (month - 1) + months
        let wrapped = index >= 0 ? index : 0
        return (wrapped / 12, wrapped % 12 + 1)
    }

    /// A value covering the months from (`year`, `month`) + `from` to + `to`.
    func monthWindow(_ year: Int, _ month: Int, from: Int, to: Int) -> TimeValue {
        let start = Self.shift(year: year, month: month, by: from)
        let end = Self.shift(year: year, month: month, by: to)
        if start == end { return TimeValue(relation: .in, year: start.year, month: start.month, precision: .month, relative: true) }
        return TimeValue(relation: .between, year: start.year, month: start.month, endYear: end.year, endMonth: end.month,
                         precision: .window, relative: true)
    }

    /// 上个月, 下月, 本月, 当月, 这个月 (+ a day or a part of the month).
    func relativeMonth(at index: Int) -> Core? {
        guard let reference, let referenceMonth = reference.month else { return nil }
        var found = relativeWord(vocabulary.relativeMonths, vocabulary.relativeMonthWords, at: index)
        if found == nil, standalone { found = relativeWord(vocabulary.standaloneRelativeMonths, vocabulary.standaloneRelativeMonthWords, at: index) }
        // 月底, 月初 alone: parts of the reference month.
        if found == nil, let (part, _) = firstWord(vocabulary.monthPartWords, at: index), part.hasPrefix("月") { found = ("", 0, index) }
        guard let (_, offset, afterWord) = found else { return nil }
        var position = afterWord
        let (year, month) = Self.shift(year: reference.year, month: referenceMonth, by: offset)
        var value = TimeValue(relation: .in, year: year, month: month, precision: .month, relative: true)
        var day: Int? = nil
        var endDay: Int? = nil
        if let span = daySpan(at: position) {
            day = span.first
            // 本月3号到5号, 本月3号和5号: the last day, when it is in the same month.
            if let last = span.last ?? span.listLast, last >= span.first { endDay = last }
            value.precision = .day
            position = span.end
        }
        let beforePart = position
        position = monthPart(at: position)
        guard position > index else { return nil }
        let rules: [TimeRule] = [.relativeMonth] + (day != nil ? [.day] : []) + (position > beforePart ? [.partOfMonth] : [])
        return Core(value: value, day: day, endDay: endDay, end: position, hasYear: true, rules: rules)
    }

    /// 上个季度, 本季度, 下季度, 上季度末 (its last month), 下季度初 (its first).
    func relativeQuarter(at index: Int) -> (TimeValue, Int)? {
        guard let reference, let referenceMonth = reference.month else { return nil }
        guard let (_, offset, afterWord) = relativeWord(vocabulary.relativeQuarters, vocabulary.relativeQuarterWords, at: index) else { return nil }
        var position = afterWord
        let firstMonth = (referenceMonth - 1) / 3 * 3 + 1
        let start = Self.shift(year: reference.year, month: firstMonth, by: offset * 3)
        var value = TimeValue(relation: .in, year: start.year, month: start.month, endMonth: start.month + 2, precision: .quarter, relative: true)
        if let (part, end) = firstWord(Self.quarterParts, at: position) {
            value.month = part == "初" ? start.month : start.month + 2
            value.endMonth = nil
            value.precision = .month
            position = end
        }
        return (value, position)
    }

    /// A count of years, months or quarters before or after the reference:
    /// 3年后 and 两年前 are that one year (JioNLP, HeidelTime); 3年以前 is `by`
    /// that year, 3年以后 `from` it; 两个月前 is the two months before the
    /// reference month, 三个月后 the three after it (Duckling); 三个季度后 the
    /// month nine months on (JioNLP).
    func counted(at index: Int) -> (TimeValue, Int)? {
        guard let reference, let (count, countEnd) = smallNumber(at: index), count > 0 else { return nil }
        guard let (unit, unitEnd) = firstWord(Self.countedUnits, at: countEnd),
              let (direction, end) = firstWord(Self.countedDirections, at: unitEnd) else { return nil }
        // 五八年前七个月: the first months of 1958, not 58 years ago.
        if smallNumber(at: end) != nil { return nil }
        let before = direction == "以前" || direction == "之前" || direction == "前"
        let bounded = direction.utf8.count > 3
        switch unit {
        case "年":
            let year = reference.year + (before ? -count : count)
            var value = TimeValue(relation: .in, year: year, precision: .year, relative: true)
            if bounded { value.relation = before ? .by : .from }
            return (value, end)
        case "个月":
            guard let month = reference.month else { return nil }
            let value = before ? monthWindow(reference.year, month, from: -count, to: -1) : monthWindow(reference.year, month, from: 1, to: count)
            return (value, end)
        default:
            guard let month = reference.month else { return nil }
            let offset = before ? -3 * count : 3 * count
            return (monthWindow(reference.year, month, from: offset, to: offset), end)
        }
    }

    /// The `count` calendar years from `year`: `between` them, or `in` the one year.
    func yearWindow(from year: Int, count: Int) -> TimeValue {
        if count == 1 { return TimeValue(relation: .in, year: year, precision: .window, relative: true) }
        return TimeValue(relation: .between, year: year, endYear: year + count - 1, precision: .window, relative: true)
    }

    /// Windows: 未来五年 and 今后五年 (the five calendar years from the reference year), 未来2年至3年内 (`between`
    /// reference+2 and reference+3), 未来两个月, 接下来三个月,
    /// 近三年 and 过去十年 (the years up to the reference month, past), 近三个月,
    /// 今明两年; standalone also 上两个月, 前两年, 下三个月, 后三个月, 下三年.
    func window(at index: Int) -> (TimeValue, Int)? {
        guard let reference else { return nil }
        if let (_, end) = Self.bothYearsWords.first(in: bytes, at: index) {
            return (TimeValue(relation: .between, year: reference.year, endYear: reference.year + 1, precision: .window, relative: true), end)
        }
        guard let (lead, afterLead) = firstWord(standalone ? Self.standaloneWindowLeads : Self.windowLeads, at: index), let (count, countEnd) = smallNumber(at: afterLead), count > 0,
              let (unit, unitEnd) = firstWord(Self.windowUnits, at: countEnd) else { return nil }
        var position = unitEnd
        let months = unit == "个月" || unit == "月"
        let quarters = unit == "个季度"
        if unit == "月", lead != "前", lead != "上" { return nil }
        switch lead {
        case "未来", "今后":
            if months || quarters {
                guard let month = reference.month else { return nil }
                let span = quarters ? count * 3 : count
                // With a day in the reference the window ends N months on; with a month only, it counts the reference month.
                let last = reference.day == nil ? span - 1 : span
                let end = Self.shift(year: reference.year, month: month, by: last)
                position = skip(Self.withinWords, at: position)
                return (TimeValue(relation: .by, year: end.year, month: end.month, precision: .window, relative: true), position)
            }
            if let (_, separatorEnd) = firstWord(Self.windowSeparators, at: position),
               let (second, secondEnd) = smallNumber(at: separatorEnd), second >= count, let afterSecond = word("年", at: secondEnd) {
                return (TimeValue(relation: .between, year: reference.year + count, endYear: reference.year + second,
                                  precision: .window, relative: true), afterSecond)
            }
            // 未来五年, 今后五年: the N calendar years that start with the reference year, as a
            // plan counts them (今后五年 in a 2021 report is 2021–2025; MiNLP reads it so).
            return (yearWindow(from: reference.year, count: count), position)
        case "接下来":
            if months || quarters {
                guard let month = reference.month else { return nil }
                return (monthWindow(reference.year, month, from: 0, to: (quarters ? count * 3 : count) - 1), position)
            }
            return (yearWindow(from: reference.year, count: count), position)
        case "近", "过去的", "过去", "最近":
            if let month = reference.month {
                var value = monthWindow(reference.year, month, from: -(months ? count : quarters ? count * 3 : count * 12), to: 0)
                value.markedPast = true
                return (value, position)
            }
            guard !months, !quarters else { return nil }
            return (TimeValue(relation: .between, year: reference.year - count, endYear: reference.year - 1,
                              precision: .window, relative: true, markedPast: true), position)
        case "上", "前":
            if months || quarters {
                guard let month = reference.month else { return nil }
                return (monthWindow(reference.year, month, from: -(quarters ? count * 3 : count), to: -1), position)
            }
            if count == 1 { return (TimeValue(relation: .in, year: reference.year - 1, precision: .year, relative: true), position) }
            return (TimeValue(relation: .between, year: reference.year - count, endYear: reference.year - 1, precision: .window, relative: true), position)
        default: // 下, 后
            if months || quarters {
                guard let month = reference.month else { return nil }
                return (monthWindow(reference.year, month, from: 1, to: quarters ? count * 3 : count), position)
            }
            if count == 1 { return (TimeValue(relation: .in, year: reference.year + 1, precision: .year, relative: true), position) }
            return (TimeValue(relation: .between, year: reference.year + 1, endYear: reference.year + count, precision: .window, relative: true), position)
        }
    }
}
