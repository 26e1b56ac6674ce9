/// Five-year plans, decades and centuries.
extension TimeParser {
    // The five-year plans and their first years, and the words after a plan's name
    // (末, 期间, 以来 …), are data: `patterns/time.tsv`, roles plan, plan-tail, plan-end, plan-period.

    /// A plan, else a century or decade (each only if asked for: ``TimeFormTable`` says which can start here).
    func era(at index: Int, plan tryPlan: Bool = true, centuryOrDecade tryCentury: Bool = true) -> (TimeValue, Int)? {
        if tryPlan, let result = plan(at: index) { return result }
        return tryCentury ? centuryOrDecade(at: index) : nil
    }

    /// “十四五” (2021–2025), “十四五”末 (by 2025), “十三五”以来 (from 2016, past).
    func plan(at index: Int) -> (TimeValue, Int)? {
        var position = index
        let quoted = word("“", at: position) != nil
        if quoted { position += 3 }
        if let (found, end) = vocabulary.planWords.first(in: bytes, at: position) {
            let (name, first) = vocabulary.plans[found]
            var after = end
            if quoted { guard let close = word("”", at: after) else { return nil }; after = close }
            let short = name.unicodeScalars.count == 2
            if short, !quoted, !(standalone && after == bytes.count), firstWord(vocabulary.planTailWords, at: after) == nil { return nil }
            if let (_, partEnd) = firstWord(vocabulary.planEndWords, at: after) {
                return (TimeValue(relation: .by, year: first + 4, precision: .period), partEnd)
            }
            if let partEnd = word("以来", at: after) {
                return (TimeValue(relation: .from, year: first, precision: .period, markedPast: true), partEnd)
            }
            if let (_, partEnd) = firstWord(vocabulary.planPeriodWords, at: after) { after = partEnd }
            return (TimeValue(relation: .between, year: first, endYear: first + 4, precision: .period), after)
        }
        return nil
    }

    /// 18世纪 (1700–1799), 上世纪80年代, 本世纪20年代, 十九世纪七十年代, 50年代 (the
    /// latest such decade not after the reference), 二十世纪九十年代末期 (its last
    /// three years), 20世纪60年代前期 (its first three), 11世纪初 (its first twenty
    /// years), 本世纪中叶 (about 2050).
    func centuryOrDecade(at index: Int) -> (TimeValue, Int)? {
        var position = index
        var centuryStart: Int? = nil
        if let (word, end) = firstWord(Self.centuryWords, at: position) {
            guard let reference else { return nil }
            let current = reference.year / 100 * 100
            centuryStart = word.hasPrefix("上") ? current - 100 : word.hasPrefix("下") ? current + 100 : current
            position = end
        } else if let (number, end) = smallNumber(at: position), (1...99).contains(number), let after = word("世纪", at: end) {
            centuryStart = (number - 1) * 100
            position = after
        }
        if let (decade, decadeEnd) = smallNumber(at: position), decade % 10 == 0, decade < 100, let after = word("年代", at: decadeEnd) {
            var start: Int
            if let centuryStart {
                start = centuryStart + decade
            } else {
                // 50年代 alone: the latest such decade that has begun by the reference.
                let latest = reference?.year ?? 1999
                start = 2000 + decade <= latest ? 2000 + decade : 1900 + decade
            }
            var (first, last) = (start, start + 9)
            var end = after
            if let (part, partEnd) = firstWord(Self.decadeParts, at: after) {
                switch part {
                case "前期", "初期", "初": last = start + 2
                case "末期", "后期", "末": first = start + 7
                default: (first, last) = (start + 3, start + 6)
                }
                end = partEnd
            }
            guard Self.yearRange.contains(first) || first >= 0, last <= 9999 else { return nil }
            return (TimeValue(relation: .between, year: first, endYear: last, precision: .decade), end)
        }
        guard let centuryStart, centuryStart >= 0, centuryStart <= 9900 else { return nil }
        if let end = word("中叶", at: position) {
            return (TimeValue(relation: .in, year: centuryStart + 50, precision: .century, approximate: true), end)
        }
        var (first, last) = (centuryStart, centuryStart + 99)
        if let (part, partEnd) = firstWord(Self.centuryParts, at: position) {
            switch part {
            case "初期", "初": last = centuryStart + 19
            case "末期", "末": first = centuryStart + 80
            default: (first, last) = (centuryStart + 40, centuryStart + 59)
            }
            position = partEnd
        }
        return (TimeValue(relation: .between, year: first, endYear: last, precision: .century), position)
    }
}
