import Testing
@testable import PolicyGraphCore

/// Generated inputs: the normaliser never traps or hangs, and every value it
/// returns is well formed (years in range, months 1–12, days their month has,
/// start ≤ end).
@Suite struct TimePropertyTests {
    /// A small deterministic generator (SplitMix64), so a failure can be replayed.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    }

    /// Pieces time expressions are made of, and some that are not.
    static let pieces = [
        "0", "1", "2", "3", "9", "12", "31", "99", "2025", "1987", "9999", "0000", "13", "00",
        "〇", "零", "一", "二", "两", "五", "九", "十", "百", "千", "几",
        "年", "月", "日", "号", "季度", "季", "世纪", "年代", "个月", "个", "份", "的",
        "前", "后", "後", "以前", "之后", "或之前", "及以后", "以来", "起", "开始", "内", "內", "左右", "前后",
        "至", "到", "-", "—", "——", "~", "－", "/", ".", "·", "，", "、", "和", " ",
        "上", "下", "本", "今", "明", "去", "这", "当", "同", "次", "首", "最后", "第", "近", "未来", "未來", "过去", "接下来",
        "底", "末", "初", "头", "尾", "中", "伊始", "上半年", "下半年", "旬", "中叶", "期间", "时期",
        "“", "”", "「", "」", "十四五", "十五", "六五", "截至", "从", "自", "于", "於", "在", "力争", "大约",
        "今明两年", "现在", "至今", "29日", "30号", "31日", "2月", "4月", "二月", "三十", "三十一", "号到", "日至", "公司", "增长", "%", "亿元", "http://a.b/2022/11/09/", "x",
    ]

    static func input(_ generator: inout Generator) -> String {
        var text = ""
        for _ in 0..<(1 + generator.below(14)) { text += pieces[generator.below(pieces.count)] }
        return text
    }

    static let references: [ReferenceDate?] = [nil, ReferenceDate(year: 2025), ReferenceDate(year: 2024, month: 1, day: 5),
                                                ReferenceDate(year: 2021, month: 12, day: 31), ReferenceDate(year: 1973, month: 6)]

    static func check(_ value: TimeValue, _ text: String, _ reference: ReferenceDate?) {
        #expect(value.isWellFormed, "\(text) @ \(reference?.description ?? "none")")
        if let month = value.month { #expect((1...12).contains(month), "\(text)") }
        if let month = value.endMonth { #expect((1...12).contains(month), "\(text)") }
        // Days only with a month, and only days that month has.
        if let day = value.day {
            #expect(value.month.map { (1...TimeParser.daysIn(year: value.year, month: $0)).contains(day) } == true, "\(text): day \(day)")
        }
        if let day = value.endDay {
            let month = value.endMonth ?? value.month
            #expect(month.map { (1...TimeParser.daysIn(year: value.endYear ?? value.year, month: $0)).contains(day) } == true, "\(text): end day \(day)")
        }
        if value.day != nil, value.endYear == nil, value.endMonth == nil, let endDay = value.endDay {
            #expect(value.day! <= endDay, "\(text): days \(value.day!)–\(endDay)")
        }
        let interval = value.interval(reference: reference)
        if let first = interval.first, let last = interval.last { #expect(first <= last, "\(text): \(interval)") }
        if let first = interval.first { #expect((1...12).contains(first.month)) }
        if let last = interval.last { #expect((1...12).contains(last.month)) }
    }

    @Test(arguments: [1, 2, 3, 4])
    func generatedExpressionsAreWellFormed(seed: UInt64) {
        var generator = Generator(state: seed)
        let normalizer = TimeNormalizer()
        for _ in 0..<3000 {
            let text = Self.input(&generator)
            for reference in Self.references {
                if let value = normalizer.parse(text, reference: reference) { Self.check(value, text, reference) }
                var previousEnd = 0
                for expression in normalizer.expressions(in: text, reference: reference) {
                    Self.check(expression.value, expression.text, reference)
                    #expect(expression.range.lowerBound >= previousEnd && expression.range.upperBound <= text.utf8.count)
                    previousEnd = expression.range.upperBound
                }
            }
        }
    }

    /// Long runs of the pieces (a megabyte-sized line of numerals, dashes and
    /// years) are scanned to the end: every start has a bounded look-ahead.
    @Test(arguments: ["一", "2025年", "十四五", "1-", "年底前", "2025-", "九十年代"])
    func longRunsAreScannedLinearly(piece: String) {
        let text = String(repeating: piece, count: 200_000 / max(1, piece.utf8.count))
        let found = TimeNormalizer().expressions(in: text, reference: ReferenceDate(year: 2025, month: 3, day: 1))
        for expression in found.prefix(100) { Self.check(expression.value, expression.text, nil) }
        _ = TimeNormalizer().parse(text, reference: ReferenceDate(year: 2025, month: 3, day: 1))
    }
}
