/// Absolute points: years, parts of years, quarters, months and days.
extension TimeParser {
    // Parts of a year (年底 11–12, 年头 1–3, 伊始 1) and relative years (去年 −1, 次年 +1)
    // are data: `patterns/time.tsv`, roles year-part and relative-year.

    func yearPart(at index: Int) -> (first: Int, last: Int, end: Int)? {
        if let (found, end) = vocabulary.yearPartWords.first(in: bytes, at: index) {
            return (vocabulary.yearParts[found].first, vocabulary.yearParts[found].last, end)
        }
        if standalone, let (found, end) = vocabulary.standaloneYearPartWords.first(in: bytes, at: index) {
            return (vocabulary.standaloneYearParts[found].first, vocabulary.standaloneYearParts[found].last, end)
        }
        return nil
    }

    func applyPart(first: Int, last: Int, to value: inout TimeValue) {
        value.month = first
        value.endMonth = last == first ? nil : last
        value.precision = value.endMonth == nil ? .month : (last - first == 5 ? .half : .month)
    }

    /// A year and what follows it: 2027年, 二〇二五年, 今年, 2025年1月31日, 2025年底,
    /// 2025年一季度, 2021年前两个季度, 年初, 年内. A four-digit year stands
    /// without 年 only before a range (2024-2026年) or as the whole input.
    func yearPoint(at index: Int) -> Core? {
        var year: Int
        var position: Int
        var relative = false
        var needsMore = false
        var form: TimeRule
        if let number = yearNumber(at: index) {
            year = number.year
            form = !number.full ? .yearTwoDigit : bytes[index] >= 0x30 && bytes[index] <= 0x39 ? .yearFourDigit : .yearNumeral
            if let after = word("年", at: number.end) {
                position = after
                // 15年 in running text is a duration far more often than 2015.
                needsMore = !number.full && !standalone
            } else if number.full {
                if let (_, separatorEnd) = firstWord(Self.rangeSeparatorWords, at: number.end), yearNumber(at: separatorEnd) != nil {
                    return Core(value: TimeValue(relation: .in, year: year, precision: .year), day: nil, end: number.end,
                                hasYear: true, bare: true, rules: [form])
                }
                if standalone, number.end == bytes.count {
                    return Core(value: TimeValue(relation: .in, year: year, precision: .year), day: nil, end: number.end, hasYear: true,
                                rules: [form])
                }
                // 一九八七十二月二十八日: a Chinese year straight before its month.
                guard standalone, month(at: number.end) != nil else { return nil }
                position = number.end
                needsMore = true
            } else {
                return nil
            }
        } else if let reference, let (word, end) = firstWord(Self.withinYearWords, at: index) {
            // 年内最后两个月: the last months of the reference year.
            let value = TimeValue(relation: .by, year: reference.year, precision: .year, relative: true)
            if let (last, lastEnd) = periodInsideYear(year: reference.year, at: end, afterYear: true) {
                var months = last
                months.relative = true
                return Core(value: months, day: nil, end: lastEnd, hasYear: true, rules: [.yearWithin, .periodInsideYear])
            }
            _ = word
            return Core(value: value, day: nil, end: end, hasYear: true, rules: [.yearWithin])
        } else if let reference, let (word, offset, end) = relativeWord(vocabulary.relativeYears, vocabulary.relativeYearWords, at: index) {
            year = reference.year + offset
            position = end
            relative = true
            form = .yearRelative
            if let after = self.word("内", at: end), word == "今年" || word == "本年" || word == "当年" {
                return Core(value: TimeValue(relation: .by, year: year, precision: .year, relative: true), day: nil, end: after, hasYear: true,
                            rules: [.yearRelative, .yearWithin])
            }
        } else if standalone, let reference, let (_, offset, end) = relativeWord(vocabulary.standaloneRelativeYears, vocabulary.standaloneRelativeYearWords, at: index) {
            year = reference.year + offset
            position = end
            relative = true
            form = .yearRelative
        } else if standalone, let reference, let afterOrdinal = word("第", at: index), let (number, numberEnd) = smallNumber(at: afterOrdinal),
                  (1...99).contains(number), let end = word("年", at: numberEnd) {
            // 第七年: the seventh year counting the reference year as the first.
            return Core(value: TimeValue(relation: .in, year: reference.year + number - 1, precision: .year, relative: true),
                        day: nil, end: end, hasYear: true, rules: [.yearOrdinal])
        } else if let reference, let (first, last, end) = standaloneYearPart(at: index) {
            var value = TimeValue(relation: .in, year: reference.year, precision: .month, relative: true)
            applyPart(first: first, last: last, to: &value)
            return Core(value: value, day: nil, end: end, hasYear: false, rules: [.partOfYear])
        } else {
            return nil
        }
        var value = TimeValue(relation: .in, year: year, precision: .year, relative: relative)
        var day: Int? = nil
        var endDay: Int? = nil
        var isRange = false
        var rules = [form]
        let start = position
        // In running text, where nothing that may follow a year starts (2025年，, 2025年我国), none is tried.
        let mayFollow = standalone || (formTable?.mayFollowYear(in: bytes, at: position) ?? true)
        if !mayFollow {
        } else if let (first, last, end) = yearPart(at: position) {
            applyPart(first: first, last: last, to: &value)
            position = end
            rules.append(.partOfYear)
        } else if let (period, end) = periodInsideYear(year: year, at: position, afterYear: true) {
            rules.append(.periodInsideYear)
            value.month = period.month
            value.endMonth = period.endMonth
            value.precision = period.precision
            position = end
        } else if let (quarter, end) = quarter(at: position) {
            applyQuarter(quarter, to: &value)
            position = end
            rules += [.quarter] + (quarter.onlyMonth != nil ? [.partOfQuarter] : [])
        } else if let reference, let referenceMonth = reference.month, let (_, monthEnd) = firstWord(Self.thisMonthWords, at: position) {
            // 去年本月十日: the reference month of that year.
            value.month = referenceMonth
            value.precision = .month
            position = monthEnd
            rules.append(.relativeMonth)
            if let (number, dayEnd) = daySpec(at: position) { day = number; value.precision = .day; position = dayEnd; rules.append(.day) }
        } else if let span = monthSpan(at: position) {
            rules.append(span.isRange ? (span.endMonth != nil && span.day == nil ? .rangeMonths : .rangeDays) : span.day != nil ? .monthDay : .month)
            value.month = span.month
            value.precision = .month
            if let endMonth = span.endMonth {
                if endMonth < span.month { value.endYear = year + 1 }
                value.endMonth = endMonth
                value.relation = .between
            }
            if span.day != nil { value.precision = .day }
            day = span.day
            endDay = span.lastDay
            position = span.end
            isRange = span.isRange
        }
        if needsMore, position == start { return nil }
        return Core(value: value, day: day, endDay: endDay, end: position, hasYear: true, isRange: isRange, rules: rules)
    }

    /// 年初, 年底, 上半年 … standing alone: parts of the reference year.
    func standaloneYearPart(at index: Int) -> (Int, Int, Int)? {
        if let (found, end) = vocabulary.yearPartWithoutYearWords.first(in: bytes, at: index) {
            return (vocabulary.yearPartsWithoutYear[found].first, vocabulary.yearPartsWithoutYear[found].last, end)
        }
        if standalone, let (found, end) = vocabulary.standaloneYearPartWords.first(in: bytes, at: index) {
            return (vocabulary.standaloneYearParts[found].first, vocabulary.standaloneYearParts[found].last, end)
        }
        return nil
    }

    /// Periods inside a year: 前三季度, 前两个季度, 首季度, 最后一个季度, 前五个月,
    /// 首月, 后三月, 最后两个月, 第8个月. Without a year before them (`afterYear`
    /// false) only the quarter forms and 首月 are read: 前两个月 alone is the two
    /// months before the reference.
    func periodInsideYear(year: Int, at index: Int, afterYear: Bool) -> (TimeValue, Int)? {
        func months(_ first: Int, _ last: Int, _ precision: TimePrecision, _ end: Int) -> (TimeValue, Int) {
            (TimeValue(relation: .in, year: year, month: first, endMonth: last == first ? nil : last, precision: precision), end)
        }
        if let (_, end) = firstWord(Self.firstQuarterWords, at: index) { return months(1, 3, .quarter, end) }
        if let (_, end) = firstWord(Self.lastQuarterWords, at: index) { return months(10, 12, .quarter, end) }
        if let end = word("首月", at: index) { return months(1, 1, .month, end) }
        if let afterFirst = word("前", at: index), let (count, countEnd) = smallNumber(at: afterFirst) {
            if let (_, end) = firstWord(Self.quarterUnits, at: countEnd), (1...4).contains(count) { return months(1, count * 3, .quarter, end) }
            if afterYear, let (_, end) = firstWord(Self.monthUnits, at: countEnd), (1...12).contains(count) { return months(1, count, .month, end) }
        }
        guard afterYear else { return nil }
        if let (_, afterLast) = firstWord(Self.lastWords, at: index), let (count, countEnd) = smallNumber(at: afterLast),
           (1...12).contains(count), let (_, end) = firstWord(Self.monthUnits, at: countEnd) {
            return months(13 - count, 12, .month, end)
        }
        if let afterOrdinal = word("第", at: index), let (number, numberEnd) = smallNumber(at: afterOrdinal), (1...12).contains(number),
           let end = word("个月", at: numberEnd) {
            return months(number, number, .month, end)
        }
        return nil
    }

    /// A quarter and the part of it named: 一季度, 第一季度, 1季度, 第一季, 二季度末
    /// (its last month), 四季度初 (its first month).
    struct Quarter { var number: Int; var onlyMonth: Int? }

    func quarter(at index: Int) -> (Quarter, Int)? {
        var position = skip(Self.ordinalWords, at: index)
        guard let (number, end) = smallNumber(at: position), (1...4).contains(number),
              let (_, after) = firstWord(Self.quarterWords, at: end) else { return nil }
        position = after
        var onlyMonth: Int? = nil
        if let (part, partEnd) = firstWord(Self.quarterParts, at: position) {
            onlyMonth = part == "初" ? (number - 1) * 3 + 1 : number * 3
            position = partEnd
        }
        return (Quarter(number: number, onlyMonth: onlyMonth), position)
    }

    func applyQuarter(_ quarter: Quarter, to value: inout TimeValue) {
        if let month = quarter.onlyMonth {
            value.month = month
            value.endMonth = nil
            value.precision = .month
        } else {
            value.month = (quarter.number - 1) * 3 + 1
            value.endMonth = quarter.number * 3
            value.precision = .quarter
        }
    }

    /// A month: 3月, 十二月, 3月份 (and 的 before a day).
    func month(at index: Int) -> (Int, Int)? {
        guard let (number, end) = smallNumber(at: index), (1...12).contains(number), let after = word("月", at: end) else { return nil }
        // 3个月 is a duration, not a month: smallNumber stops before 个, so 月 must follow directly.
        return (number, skip(Self.monthSuffixWords, at: after))
    }

    /// Parts of a month, read as the month itself at month precision.
    func monthPart(at index: Int) -> Int {
        if let (_, end) = firstWord(vocabulary.monthPartWords, at: index) { return end }
        if standalone, let end = word("中", at: index) { return end }
        return index
    }

    /// A month with what follows it: a day (with a day range or a list of days),
    /// a month range (1-9月, 8月至11月 is left to the range), a part of the month.
    struct MonthSpan { var month: Int; var endMonth: Int?; var day: Int?; var lastDay: Int? = nil; var end: Int; var isRange = false }

    func monthSpan(at index: Int) -> MonthSpan? {
        if let (month, afterMonth) = month(at: index) {
            var position = afterMonth
            var day: Int? = nil
            var lastDay: Int? = nil
            var endMonth: Int? = nil
            var isRange = false
            if let span = daySpan(at: skip(Self.ofWords, at: position)) {
                day = span.first
                lastDay = span.last ?? span.listLast
                position = span.end
                if let last = span.last {
                    isRange = true
                    // 28号到3号: the range ends in the next month.
                    if last < span.first { endMonth = month % 12 + 1 }
                }
            }
            position = monthPart(at: position)
            return MonthSpan(month: month, endMonth: endMonth, day: day, lastDay: lastDay, end: position, isRange: isRange)
        }
        // 1-9月, 2——4月, 十二至一月: a month range whose first month has no 月.
        guard let (first, firstEnd) = smallNumber(at: index), (1...12).contains(first),
              let (_, separatorEnd) = firstWord(Self.rangeSeparatorWords, at: firstEnd),
              let (last, lastEnd) = month(at: separatorEnd), last != first else { return nil }
        return MonthSpan(month: first, endMonth: last, day: nil, end: monthPart(at: lastEnd), isRange: true)
    }

    /// A day: 15日, 十五号; with a day range (12-19日, 九号到十五号), a list
    /// (10号，11号，12号; 14日和16日), or, standalone, a bare number (二月十五).
    func daySpec(at index: Int) -> (Int, Int)? {
        daySpan(at: index).map { ($0.first, $0.end) }
    }

    /// A day, a list or a range of days: the first day, the last (for a range), the
    /// last listed (for a list), the end.
    func daySpan(at index: Int) -> (first: Int, last: Int?, listLast: Int?, end: Int)? {
        guard let (first, firstEnd) = smallNumber(at: index), (1...31).contains(first) else { return nil }
        var position: Int
        if let (_, after) = firstWord(Self.dayWords, at: firstEnd) {
            position = after
        } else if let (_, separatorEnd) = firstWord(Self.rangeSeparatorWords, at: firstEnd), let (last, lastEnd) = day(at: separatorEnd) {
            return (first, last, nil, lastEnd)
        } else if standalone, let (_, separatorEnd) = firstWord(Self.rangeSeparatorWords, at: firstEnd),
                  let (last, lastEnd) = smallNumber(at: separatorEnd), (1...31).contains(last), lastEnd == bytes.count {
            return (first, last, nil, lastEnd)
        } else if standalone, firstEnd == bytes.count || firstWord(Self.rangeSeparatorWords, at: firstEnd) != nil {
            return (first, nil, nil, firstEnd)
        } else {
            return nil
        }
        // A list of days, bounded by the days of a month.
        var listed = 0
        var listLast: Int? = nil
        while listed < 31, let (_, separatorEnd) = firstWord(Self.dayListSeparators, at: position), let (listedDay, dayEnd) = day(at: separatorEnd) {
            position = dayEnd
            listLast = max(listLast ?? first, listedDay)
            listed += 1
        }
        if let (_, separatorEnd) = firstWord(Self.rangeSeparatorWords, at: position), let (last, lastEnd) = day(at: separatorEnd) {
            return (first, last, nil, lastEnd)
        }
        return (first, nil, listLast, position)
    }

    func day(at index: Int) -> (Int, Int)? {
        guard let (number, end) = smallNumber(at: index), (1...31).contains(number),
              let (_, after) = firstWord(Self.dayWords, at: end) else { return nil }
        return (number, after)
    }

    /// A month and day without a year (1月23日, 十二至一月, 下个十二月): the reference
    /// year, except a December date read in the first half of January (the year
    /// before); after 下个, the next such month.
    func monthDay(at index: Int) -> Core? {
        guard let reference else { return nil }
        var position = index
        let next = firstWord(Self.nextWords, at: position)
        if let next { position = next.1 }
        guard let span = monthSpan(at: position) else { return nil }
        var year = reference.year
        if next != nil {
            if let month = reference.month, span.month <= month { year += 1 }
        } else if span.month == 12, reference.month == 1, (reference.day ?? 1) <= 15 {
            year -= 1
        }
        var value = TimeValue(relation: .in, year: year, month: span.month, precision: span.day == nil ? .month : .day, relative: true)
        if let endMonth = span.endMonth {
            value.relation = .between
            value.endYear = endMonth < span.month ? year + 1 : year
            value.endMonth = endMonth
        }
        return Core(value: value, day: span.day, endDay: span.lastDay, end: span.end, hasYear: false, isRange: span.isRange)
    }

    static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// 30日, 9号 alone (standalone): a day of the reference month.
    func bareDay(at index: Int) -> Core? {
        guard let reference, let referenceMonth = reference.month, let span = daySpan(at: index) else { return nil }
        // A day the reference month does not have (29日 in February 2018) is the previous month's.
        let (year, month) = span.first > Self.daysIn(year: reference.year, month: referenceMonth)
            ? Self.shift(year: reference.year, month: referenceMonth, by: -1) : (reference.year, referenceMonth)
        var value = TimeValue(relation: .in, year: year, month: month, precision: .day, relative: true)
        if let last = span.last, last < span.first {
            // 12號到3號: into the next month.
            let next = Self.shift(year: year, month: month, by: 1)
            value.relation = .between
            value.endYear = next.year
            value.endMonth = next.month
        }
        return Core(value: value, day: span.first, endDay: span.last ?? span.listLast, end: span.end, hasYear: false, isRange: span.last != nil)
    }

    /// Numeric dates: 2015-03-03, 2015/3/3, 2019.9.6, 1994.01-19; standalone also
    /// 19871228, 2013.03, 3/3/2015 (month first), 15.3.3, 03-03, 6·30, and ranges
    /// of them (1999.08-2002.02, 2008.03-2009).
    func numericDate(at index: Int) -> Core? {
        guard let (first, firstCount, afterFirst) = digits(at: index, maximum: 8) else { return nil }
        func isDigit(_ position: Int) -> Bool { position < bytes.count && bytes[position] >= 0x30 && bytes[position] <= 0x39 }
        // In running text, digits inside a URL, a path or a code (…/2022/11/09/…) are no date.
        func isCodeByte(_ position: Int) -> Bool {
            guard position >= 0, position < bytes.count else { return false }
            let byte = bytes[position]
            return byte == 0x2F || byte == 0x5F || byte == 0x3D || byte == 0x26 || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
        }
        if !standalone, isCodeByte(index - 1) { return nil }
        if firstCount == 8 {
            guard standalone else { return nil }
            let (year, month, day) = (first / 10000, first / 100 % 100, first % 100)
            guard Self.yearRange.contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
            return Core(value: TimeValue(relation: .in, year: year, month: month, precision: .day), day: day, end: afterFirst, hasYear: true)
        }
        guard let (separator, afterSeparator) = firstWord(Self.dateSeparators, at: afterFirst),
              let (second, secondCount, afterSecond) = digits(at: afterSeparator, maximum: 4) else { return nil }
        var third: (value: Int, count: Int, end: Int, sameSeparator: Bool)? = nil
        if let (separator2, afterSeparator2) = firstWord(Self.dateSeparators, at: afterSecond),
           let (value, count, end) = digits(at: afterSeparator2, maximum: 4), !isDigit(end) {
            third = (value, count, end, separator2 == separator)
        }
        if firstCount == 4 {
            guard Self.yearRange.contains(first), secondCount <= 2, (1...12).contains(second) else { return nil }
            if let third, third.count <= 2, (1...31).contains(third.value),
               standalone || (third.sameSeparator && separator != "·" && !isCodeByte(third.end)) {
                return Core(value: TimeValue(relation: .in, year: first, month: second, precision: .day), day: third.value,
                            end: third.end, hasYear: true)
            }
            guard standalone, !isDigit(afterSecond) else { return nil }
            return Core(value: TimeValue(relation: .in, year: first, month: second, precision: .month), day: nil, end: afterSecond, hasYear: true)
        }
        guard standalone, firstCount <= 2 else { return nil }
        if let third, separator != "·", third.count == 4 || third.count == 2, (1...31).contains(first), (1...31).contains(second) {
            // Day, month, year (13.5.2015, 10/1/2018, 3-7-2017), unless the second number
            // cannot be a month (10/31/1974); with a two-digit year month first (3-7-07),
            // unless the first cannot be a month. These follow Recognizers-Text and Duckling.
            let monthFirst = second > 12 || (third.count == 2 && first <= 12)
            let (month, day) = monthFirst ? (first, second) : (second, first)
            let year = third.count == 4 ? third.value : resolveTwoDigitYear(third.value)
            guard Self.yearRange.contains(year), (1...12).contains(month) else { return nil }
            return Core(value: TimeValue(relation: .in, year: year, month: month, precision: .day), day: day, end: third.end, hasYear: true)
        }
        if let third, separator == ".", firstCount == 2, third.count <= 2, (1...12).contains(second), (1...31).contains(third.value) {
            // 15.3.3: a two-digit year, month, day.
            return Core(value: TimeValue(relation: .in, year: resolveTwoDigitYear(first), month: second, precision: .day),
                        day: third.value, end: third.end, hasYear: true)
        }
        // 1-9月 and 12-19日 are ranges of months and days, not month-day dates.
        guard third == nil, let reference, (1...12).contains(first), secondCount <= 2, (1...31).contains(second), !isDigit(afterSecond),
              firstWord(Self.dateUnits, at: afterSecond) == nil else { return nil }
        return Core(value: TimeValue(relation: .in, year: reference.year, month: first, precision: .day, relative: true),
                    day: second, end: afterSecond, hasYear: false)
    }
}
