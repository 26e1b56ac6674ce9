/// The recursive-descent parser behind ``TimeNormalizer``, over UTF-8 bytes.
///
/// expression := prefix? core range? suffix*
/// prefix     := 截至 | 截止到 | 截止 | 到 | 至 | 于 | 在 | 自 | 从 | 力争(到|在|于)? | 争取(到|在)?
/// core       := year-point | month-day | relative | window | period
/// range      := (至 | 到 | - | — | ~) year-point
/// suffix     := 底前 | 末前 | 以前 | 之前 | 前后 | 前 | 以后 | 之后 | 后 | 起 | 开始 | 以来 | 左右 | 以内 | 内
struct TimeParser {
    let bytes: UnsafeBufferPointer<UInt8>
    let reference: ReferenceDate?

    /// Scalars an expression can start with.
    static let startScalars: Set<UInt32> = {
        var set = Set("截到至于在自从力争今去明后前本上下近未第一二三四十“年当".unicodeScalars.map(\.value))
        for digit in UInt32(0x30)...0x39 { set.insert(digit) }
        set.insert(0x3007) // 〇
        return set
    }()

    enum Prefix { case by, past, `in`, from, aim }

    // MARK: Reading

    func scalar(at index: Int) -> (UInt32, Int)? {
        guard index < bytes.count else { return nil }
        let (value, length) = UTF8Bytes.scalar(in: bytes, at: index)
        return (value, index + length)
    }

    /// The index after `word` if it is at `index`.
    func word(_ word: String, at index: Int) -> Int? {
        var position = index
        for byte in word.utf8 {
            guard position < bytes.count, bytes[position] == byte else { return nil }
            position += 1
        }
        return position
    }

    func firstWord(_ words: [String], at index: Int) -> (String, Int)? {
        for candidate in words { if let end = word(candidate, at: index) { return (candidate, end) } }
        return nil
    }

    /// ASCII digits at `index`: value, count, end. Spaces were folded away by normalisation.
    func digits(at index: Int, maximum: Int = 4) -> (Int, Int, Int)? {
        var value = 0
        var position = index
        while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39, position - index < maximum + 1 {
            value = value * 10 + Int(bytes[position] - 0x30)
            position += 1
        }
        let count = position - index
        guard count > 0, count <= maximum else { return nil }
        return (value, count, position)
    }

    static let chineseDigits: [UInt32: Int] = {
        var table: [UInt32: Int] = [0x3007: 0, 0x96F6: 0]
        for (offset, character) in "一二三四五六七八九".unicodeScalars.enumerated() { table[character.value] = offset + 1 }
        return table
    }()

    /// A year written digit by digit in Chinese numerals (二〇二五).
    func chineseYear(at index: Int) -> (Int, Int)? {
        var value = 0
        var position = index
        for _ in 0..<4 {
            guard let (scalar, next) = scalar(at: position), let digit = Self.chineseDigits[scalar] else { return nil }
            value = value * 10 + digit
            position = next
        }
        return (value, position)
    }

    /// The most numeral characters a small number takes (九十九 is three, 两千零四 four):
    /// a longer run of numerals is not a small number, and stopping there keeps
    /// the arithmetic far from overflow whatever the input.
    static let smallNumeralLimit = 4

    /// A small number in digits or Chinese numerals (未来五年, 近3年, 十二月): value and end.
    /// `nil` for a run of more than ``smallNumeralLimit`` numerals.
    func smallNumber(at index: Int) -> (Int, Int)? {
        if let (value, _, end) = digits(at: index, maximum: 2) { return (value, end) }
        var position = index
        var value = 0
        var seen = false
        var count = 0
        while let (scalar, next) = scalar(at: position) {
            let isNumeral = scalar == 0x5341 || scalar == 0x4E24 || scalar == 0x51E0 || (Self.chineseDigits[scalar] ?? 0) > 0
            guard isNumeral else { break }
            count += 1
            guard count <= Self.smallNumeralLimit else { return nil }
            if scalar == 0x5341 { // 十
                value = (value == 0 ? 1 : value) * 10
            } else if let digit = Self.chineseDigits[scalar], digit > 0 {
                value = value >= 10 && value % 10 == 0 ? value + digit : value * 10 + digit
            } else if scalar == 0x4E24 { // 两
                value = value * 10 + 2
            } else if scalar == 0x51E0 { // 几: an unspecified few, taken as 3
                value = 3
            } else { break }
            seen = true
            position = next
        }
        return seen ? (value, position) : nil
    }

    // MARK: Grammar

    /// Parses one expression starting at `start`.
    func parse(at start: Int) -> (TimeValue, Int)? {
        var index = start
        var prefix: Prefix? = nil
        if let (_, end) = firstWord(["截至", "截止到", "截止"], at: index) {
            prefix = .past; index = end
        } else if let (_, end) = firstWord(["力争", "争取"], at: index) {
            prefix = .aim; index = end
            if let (word, after) = firstWord(["到", "至", "在", "于"], at: index) {
                index = after
                prefix = word == "到" || word == "至" ? .by : .in
            }
        } else if let (word, end) = firstWord(["到", "至", "于", "在", "自", "从"], at: index) {
            prefix = word == "到" || word == "至" ? .by : word == "于" || word == "在" ? .in : .from
            index = end
        }
        guard var (value, afterCore) = core(at: index) else { return nil }
        index = afterCore
        // A range: 2023年至2025年, 2024-2026年, 2027年至2028年.
        if let (_, separatorEnd) = firstWord(["至", "到", "-", "—", "–", "~", "～"], at: index),
           let (end, endAfter) = yearPoint(at: separatorEnd, allowBare: false), end.year >= value.year, end.year - value.year <= 50 {
            value.relation = .between
            value.endYear = end.year
            value.endMonth = end.month
            if value.precision == .year, end.precision == .month { value.precision = .month }
            index = endAfter
            afterCore = endAfter
        } else if value.month != nil, value.precision != .quarter, value.endMonth == nil,
                  let (_, separatorEnd) = firstWord(["至", "到", "-", "—", "~"], at: index),
                  let (endMonth, monthEnd) = month(at: separatorEnd), endMonth > value.month! {
            // 2025年1月至6月: a range of months in one year.
            value.relation = .between
            value.endYear = value.year
            value.endMonth = endMonth
            index = monthEnd
        }
        switch prefix {
        case .by?: if value.relation == .in { value.relation = .by }
        case .past?: value.relation = value.relation == .between ? .between : .by; value.markedPast = true
        case .from?: if value.relation == .in { value.relation = .from }
        case .in?, .aim?, nil: break
        }
        // Suffixes, longest first.
        let suffixes = ["底前", "末前", "年底前", "以前", "之前", "前后", "左右", "以后", "之后", "以来", "开始", "以内", "前", "后", "起", "内"]
        if let (word, end) = firstWord(suffixes, at: index) {
            switch word {
            case "底前", "末前", "年底前":
                value.relation = .by
                value.month = 12
                value.precision = .month
            case "以前", "之前", "前": value.relation = .by
            case "前后", "左右": value.approximate = true
            case "以后", "之后", "后": value.relation = .after
            case "以来": value.relation = .from; value.markedPast = true
            case "开始", "起": value.relation = .from
            case "以内", "内": if value.relation == .in { value.relation = .by }
            default: break
            }
            index = end
        }
        return (value, index)
    }

    /// A core time: a year point (with month, day, part of year), a month-day
    /// in the reference year, a relative year, a window or a five-year plan.
    func core(at index: Int) -> (TimeValue, Int)? {
        if let result = window(at: index) { return result }
        if let result = period(at: index) { return result }
        if let result = yearPoint(at: index, allowBare: true) { return result }
        if let result = monthDay(at: index) { return result }
        // 一季度 alone: a quarter of the reference year.
        if let reference, let (quarter, end) = quarter(at: index) {
            return (TimeValue(relation: .in, year: reference.year, month: (quarter - 1) * 3 + 1, endMonth: quarter * 3,
                              precision: .quarter, relative: true), end)
        }
        return nil
    }

    /// 2027年, 二〇二五年, 今年, 2025年1月, 2024年1月31日, 2025年底, 年初, 上半年, 一季度.
    /// `allowBare` lets a four-digit year stand without 年 when a range follows (2024-2026年).
    func yearPoint(at index: Int, allowBare: Bool) -> (TimeValue, Int)? {
        var year: Int
        var position: Int
        var relative = false
        if let (value, count, end) = digits(at: index), count == 4, (1900...2199).contains(value) {
            year = value
            if let after = word("年", at: end) {
                position = after
            } else if allowBare, let (_, separatorEnd) = firstWord(["-", "—", "–", "~", "～", "至", "到"], at: end),
                      let (next, _, nextEnd) = digits(at: separatorEnd), next >= value, word("年", at: nextEnd) != nil {
                return (TimeValue(relation: .in, year: year, precision: .year), end)
            } else {
                return nil
            }
        } else if let (value, end) = chineseYear(at: index), let after = word("年", at: end), (1900...2199).contains(value) {
            year = value
            position = after
        } else if let reference, let (word, end) = firstWord(["今年", "本年", "当年", "去年", "上年", "明年", "后年", "前年"], at: index) {
            let offsets = ["今年": 0, "本年": 0, "当年": 0, "去年": -1, "上年": -1, "明年": 1, "后年": 2, "前年": -2]
            year = reference.year + offsets[word]!
            position = end
            relative = true
            if word == "今年" || word == "本年" || word == "当年", let after = self.word("内", at: end) {
                return (TimeValue(relation: .by, year: year, precision: .year, relative: true), after)
            }
        } else if let reference, let end = word("年内", at: index) {
            return (TimeValue(relation: .by, year: reference.year, precision: .year, relative: true), end)
        } else if let reference, let (word, end) = firstWord(["年初", "年底", "年末", "上半年", "下半年"], at: index) {
            var value = TimeValue(relation: .in, year: reference.year, precision: .month, relative: true)
            applyPart(word, to: &value)
            return (value, end)
        } else {
            return nil
        }
        var value = TimeValue(relation: .in, year: year, precision: .year, relative: relative)
        // Parts of a year.
        if let (part, end) = firstWord(["年底", "年末", "年初", "底", "末", "初", "上半年", "下半年"], at: position) {
            applyPart(part, to: &value)
            position = end
        } else if let (quarter, end) = quarter(at: position) {
            value.month = (quarter - 1) * 3 + 1
            value.endMonth = quarter * 3
            value.precision = .quarter
            position = end
        } else if let (month, monthEnd) = month(at: position) {
            value.month = month
            value.precision = .month
            position = monthEnd
            if let (_, dayEnd) = day(at: position) {
                value.precision = .day
                position = dayEnd
            }
            if let (_, end) = firstWord(["底", "末", "初", "中旬", "下旬", "上旬"], at: position) { position = end }
        }
        return (value, position)
    }

    func applyPart(_ part: String, to value: inout TimeValue) {
        switch part {
        case "年底", "年末", "底", "末": value.month = 12; value.precision = .month
        case "年初", "初": value.month = 1; value.precision = .month
        case "上半年": value.month = 1; value.endMonth = 6; value.precision = .half
        case "下半年": value.month = 7; value.endMonth = 12; value.precision = .half
        default: break
        }
    }

    /// 一季度, 第一季度, 1季度, 二季度末.
    func quarter(at index: Int) -> (Int, Int)? {
        var position = index
        if let end = word("第", at: position) { position = end }
        guard let (number, end) = smallNumber(at: position), (1...4).contains(number), let after = word("季度", at: end) else { return nil }
        var finish = after
        if let (_, partEnd) = firstWord(["末", "底"], at: after) { finish = partEnd }
        return (number, finish)
    }

    func month(at index: Int) -> (Int, Int)? {
        guard let (number, end) = smallNumber(at: index), (1...12).contains(number), let after = word("月", at: end) else { return nil }
        // 3个月 is a duration, not a month: smallNumber stops before 个, so 月 must follow directly.
        return (number, after)
    }

    func day(at index: Int) -> (Int, Int)? {
        guard let (number, end) = smallNumber(at: index), (1...31).contains(number),
              let (_, after) = firstWord(["日", "号"], at: end) else { return nil }
        return (number, after)
    }

    /// 1月23日 (the reference year), 6月底.
    func monthDay(at index: Int) -> (TimeValue, Int)? {
        guard let reference, let (month, monthEnd) = month(at: index) else { return nil }
        var position = monthEnd
        var precision = TimePrecision.month
        if let (_, dayEnd) = day(at: position) {
            position = dayEnd
            precision = .day
        }
        if let (_, end) = firstWord(["底", "末", "初", "中旬", "下旬", "上旬"], at: position) { position = end }
        var year = reference.year
        // A December date read in early January is last year's.
        if month == 12, reference.month == 1, (reference.day ?? 1) <= 15 { year -= 1 }
        return (TimeValue(relation: .in, year: year, month: month, precision: precision, relative: true), position)
    }

    /// 未来五年, 未来2年至3年内, 今后三年, 近三年, 过去五年.
    func window(at index: Int) -> (TimeValue, Int)? {
        guard let reference, let (word, afterWord) = firstWord(["未来", "今后", "近", "过去", "最近"], at: index),
              let (first, firstEnd) = smallNumber(at: afterWord) else { return nil }
        var position = firstEnd
        guard let afterYear = firstWord(["年", "个年头"], at: position)?.1 else { return nil }
        position = afterYear
        let future = word == "未来" || word == "今后"
        if future {
            if let (_, separatorEnd) = firstWord(["至", "到", "-", "~"], at: position),
               let (second, secondEnd) = smallNumber(at: separatorEnd), second >= first, let afterSecond = self.word("年", at: secondEnd) {
                return (TimeValue(relation: .between, year: reference.year + first, endYear: reference.year + second,
                                  precision: .window, relative: true), afterSecond)
            }
            return (TimeValue(relation: .by, year: reference.year + first, precision: .window, relative: true), position)
        }
        return (TimeValue(relation: .between, year: reference.year - first, endYear: reference.year - 1,
                          precision: .window, relative: true, markedPast: true), position)
    }

    static let plans: [(String, Int)] = [("十一五", 2006), ("十二五", 2011), ("十三五", 2016), ("十四五", 2021), ("十五五", 2026), ("十六五", 2031)]

    /// “十四五” (2021–2025) and “十四五”末 (by 2025).
    func period(at index: Int) -> (TimeValue, Int)? {
        var position = index
        let quoted = word("“", at: position) != nil
        if quoted { position = word("“", at: position)! }
        for (name, first) in Self.plans {
            guard let end = word(name, at: position) else { continue }
            var after = end
            if quoted { guard let close = word("”", at: after) else { return nil }; after = close }
            if let (_, partEnd) = firstWord(["期末", "末期", "末"], at: after) {
                return (TimeValue(relation: .by, year: first + 4, precision: .period), partEnd)
            }
            if let (_, partEnd) = firstWord(["时期", "期间", "期"], at: after) { after = partEnd }
            return (TimeValue(relation: .between, year: first, endYear: first + 4, precision: .period), after)
        }
        return nil
    }
}
