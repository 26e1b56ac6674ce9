/// Reads the publication date that a newspaper page prints in its header:
/// `2024.1.29 星期一`, `2024年2月5日 星期一`.
///
/// Only the first lines are read, and a date counts only when a weekday
/// follows it within a few characters, so that dates in the articles are not
/// taken for the page's.
public enum PublicationDate {
    /// How many bytes of the normalised text the header may take.
    public static let headerLength = 1200

    /// The date as `YYYY-MM-DD`, or `nil`.
    public static func fromHeader(_ text: NormalizedText) -> String? {
        let bytes = Array(text.bytes.prefix(headerLength))
        var index = 0
        while index + 4 <= bytes.count {
            guard let (year, afterYear) = number(bytes, at: index, digits: 4...4), (1949...2100).contains(year) else {
                index += 1
                continue
            }
            var position = afterYear
            guard let separator = separatorLength(bytes, at: position, kind: 0) else { index = afterYear; continue }
            position += separator
            guard let (month, afterMonth) = number(bytes, at: position, digits: 1...2), (1...12).contains(month) else { index = afterYear; continue }
            position = afterMonth
            guard let separator2 = separatorLength(bytes, at: position, kind: 1) else { index = afterYear; continue }
            position += separator2
            guard let (day, afterDay) = number(bytes, at: position, digits: 1...2), (1...31).contains(day) else { index = afterYear; continue }
            position = afterDay
            if position + 3 <= bytes.count, Array(bytes[position..<(position + 3)]) == Array("日".utf8) { position += 3 }
            let rest = String(decoding: bytes[position..<min(bytes.count, position + 24)], as: UTF8.self)
            if rest.contains("星期") || rest.contains("周一") || rest.contains("周二") || rest.contains("周三")
                || rest.contains("周四") || rest.contains("周五") || rest.contains("周六") || rest.contains("周日") {
                return String(format: "%04d-%02d-%02d", year, month, day)
            }
            index = afterYear
        }
        return nil
    }

    private static func number(_ bytes: [UInt8], at index: Int, digits: ClosedRange<Int>) -> (Int, Int)? {
        if index > 0, bytes[index - 1] >= 0x30, bytes[index - 1] <= 0x39 { return nil }
        var value = 0
        var position = index
        while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39, position - index < digits.upperBound {
            value = value * 10 + Int(bytes[position] - 0x30)
            position += 1
        }
        let count = position - index
        guard digits.contains(count) else { return nil }
        if position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 { return nil }
        return (value, position)
    }

    /// `.` `-` `/` or 年 (kind 0) / 月 (kind 1).
    private static func separatorLength(_ bytes: [UInt8], at index: Int, kind: Int) -> Int? {
        guard index < bytes.count else { return nil }
        if bytes[index] == 0x2E || bytes[index] == 0x2D || bytes[index] == 0x2F { return 1 }
        let word = Array((kind == 0 ? "年" : "月").utf8)
        if index + 3 <= bytes.count, Array(bytes[index..<(index + 3)]) == word { return 3 }
        return nil
    }
}

import Foundation

extension PublicationDate {
    /// Statistics cues after a year: 2023年，我国动力电池累计销量达…
    static let statisticsCues = ["同比", "增长", "累计", "销量", "达到", "总额", "规模", "实现营收", "营收", "产量", "出口"]

    /// Infers the publication year where the text allows it safely: one year
    /// after the latest year reported as a full year of statistics (据统计，2024年…
    /// 增长), and no earlier than the latest dated past event (2023年2月9日). `nil`
    /// when the text offers neither, and `nil` too when that year would lie after a
    /// deadline the text still looks ahead to (到2030年, 2030年前): a document that
    /// calls 2030 future was not written after it, so the guess is dropped rather
    /// than given off by years.
    public static func inferYear(_ text: NormalizedText, normalizer: TimeNormalizer = TimeNormalizer()) -> Int? {
        let expressions = normalizer.expressions(in: text.string, reference: nil)
        var latest: Int? = nil
        var earliestDeadline = Int.max
        for expression in expressions where !expression.value.relative && !expression.value.markedPast
            && (expression.value.relation == .by || expression.value.relation == .after) {
            earliestDeadline = min(earliestDeadline, expression.value.year)
        }
        let bytes = text.bytes
        for expression in expressions where !expression.value.relative && expression.value.relation == .in && !expression.value.approximate {
            let end = expression.range.upperBound
            let after = String(decoding: bytes[end..<min(bytes.count, end + 90)], as: UTF8.self)
            let clause = after.split(whereSeparator: { "。；！？\n".contains($0) }).first.map(String.init) ?? ""
            let start = expression.range.lowerBound
            let before = String(decoding: bytes[max(0, start - 15)..<start], as: UTF8.self)
            let reported = before.hasSuffix("统计，") || before.hasSuffix("显示，") || before.hasSuffix("数据显示")
            switch expression.value.precision {
            case .year where after.hasPrefix("，") || after.hasPrefix("全年"):
                // A full year followed by figures in the same sentence.
                if (reported || statisticsCues.contains(where: { clause.contains($0) })) && !clause.contains("将") && !clause.contains("预计") {
                    latest = max(latest ?? 0, expression.value.year + 1)
                }
            case .day:
                // A dated event told in the past (no 起, 前: those are deadlines and starts).
                if !clause.hasPrefix("起") && !clause.hasPrefix("前") && !clause.contains("将") {
                    latest = max(latest ?? 0, expression.value.year)
                }
            default:
                break
            }
        }
        if let year = latest, year > earliestDeadline { return nil }
        return latest
    }
}
