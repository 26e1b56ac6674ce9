import Foundation
import Testing
@testable import PolicyGraphCore

/// Days: the value (and the JSON of `policygraph time` and of targets) gives
/// the day an expression names, and the last day of a range or list of days.
/// Expected values are written `relation Y-M-D[..Y-M-D]`; `none` when the
/// input is not read.
@Suite struct TimeDayTests {
    static func describe(_ value: TimeValue?) -> String {
        guard let value else { return "none" }
        var text = "\(value.relation.rawValue) \(value.year)"
        if let month = value.month { text += "-\(month)" }
        if let day = value.day { text += "-\(day)" }
        if value.endYear != nil || value.endMonth != nil || value.endDay != nil {
            text += "..\(value.endYear ?? value.year)"
            if let month = value.endMonth ?? value.month { text += "-\(month)" }
            if let day = value.endDay { text += "-\(day)" }
        }
        return text
    }

    static let cases: [(String, String, String)] = [
        // A date names its day.
        ("2024年1月31日", "2024-01-29", "in 2024-1-31"),
        ("2015-03-03", "2021-06-14", "in 2015-3-3"),
        ("2015/3/3", "2021-06-14", "in 2015-3-3"),
        ("19871228", "2012-03-01", "in 1987-12-28"),
        ("7月 10日", "2025-03-15", "in 2025-7-10"),
        ("十二月十五", "2025-03-15", "in 2025-12-15"),
        ("八月十五号", "2025-03-15", "in 2025-8-15"),
        ("下月5号", "2025-03-15", "in 2025-4-5"),
        ("30日", "2025-03-15", "in 2025-3-30"),
        // A day the reference month does not have is the month before's.
        ("29日", "2018-02-10", "in 2018-1-29"),
        // No day named, no day given.
        ("2025年", "2025-03-15", "in 2025"),
        ("2025年6月", "2025-03-15", "in 2025-6"),
        ("2025年6月底", "2025-03-15", "in 2025-6"),
        // Ranges and lists of days: inside one month `in` from day to end day, else `between`.
        ("8月11日至8月22日", "2025-03-15", "in 2025-8-11..2025-8-22"),
        ("12-19日", "2025-03-15", "in 2025-3-12..2025-3-19"),
        ("87年12月28至31日", "2012-03-01", "in 1987-12-28..1987-12-31"),
        ("1987年十二月14日和16日", "2012-03-01", "in 1987-12-14..1987-12-16"),
        ("本月3号到5号", "2013-02-12", "in 2013-2-3..2013-2-5"),
        ("本月三号到下月5号", "2013-02-12", "between 2013-2-3..2013-3-5"),
        ("12號到3號", "2013-02-12", "between 2013-2-12..2013-3-3"),
        ("1月3至2月10", "2013-02-12", "between 2013-1-3..2013-2-10"),
        ("二零一三年十二月一號至二零一四年一月一號", "2013-02-12", "between 2013-12-1..2014-1-1"),
        ("2018/1/10-2018/7/10", "2017-03-22", "between 2018-1-10..2018-7-10"),
        ("2017年8月15日至2018年3月29日", "2021-06-14", "between 2017-8-15..2018-3-29"),
        ("2020年3月5日以后2021年5月10日之前", "2025-03-15", "between 2020-3-5..2021-5-10"),
        // Deadlines and starts keep their day; a span read as a deadline keeps its last day.
        ("到2025年6月30日", "2025-03-15", "by 2025-6-30"),
        ("2025年6月30日前", "2025-03-15", "by 2025-6-30"),
        ("二零四九年十月一号以前", "2021-06-14", "by 2049-10-1"),
        ("2025年1月1日起", "2025-03-15", "from 2025-1-1"),
        ("8月11日至22日前", "2025-03-15", "by 2025-8-22"),
        // Days a month does not have are no date; a reversed range of days is no range.
        ("2024年2月29日", "2025-03-15", "in 2024-2-29"),
        ("2023年2月29日", "2025-03-15", "none"),
        ("2月30日", "2025-03-15", "none"),
        ("4月31日", "2025-03-15", "none"),
        ("8月22日至8月11日", "2025-03-15", "none"),
    ]

    @Test(arguments: cases)
    func daysAreGiven(expression: String, reference: String, expected: String) {
        let value = TimeNormalizer().parse(expression, reference: ReferenceDate(reference))
        #expect(Self.describe(value) == expected, "\(expression) @ \(reference)")
        if let value {
            #expect(value.isWellFormed)
            #expect((value.precision == .day) == (value.day != nil) || value.day == nil, "\(expression): precision \(value.precision)")
        }
    }

    /// In running text a reversed range of days leaves the first date standing.
    @Test func reversedDayRangeInText() {
        let found = TimeNormalizer().expressions(in: "8月22日至8月11日举行", reference: ReferenceDate(year: 2025, month: 3, day: 15))
        #expect(found.first.map { Self.describe($0.value) } == "in 2025-8-22")
    }

    /// A target's time carries the day its expression names, as extra fields `day` and `end_day`.
    @Test func targetTimesCarryTheirDay() throws {
        let document = SourceDocument(name: "a.txt", string: "工业和信息化部提出，2025年6月30日前建成100家绿色工厂，2026年建成200家。")
        let extraction = sharedExtractor.extract(document, published: "2025-03-01")
        let times = extraction.targets.map(\.time)
        #expect(times.map(\.year) == [2025, 2026])
        #expect(times.first?.day == 30 && times.first?.month == 6 && times.first?.end_day == nil)
        #expect(times.last?.day == nil && times.last?.end_day == nil)
        let json = String(decoding: try ExtractionJSON.encode([extraction]), as: UTF8.self)
        #expect(json.contains(#""day" : 30,"#) && json.contains(#""day" : null,"#) && json.contains(#""end_day" : null,"#))
        // The fields read back.
        let decoded = try JSONDecoder().decode([DocumentExtraction].self, from: Data(json.utf8))
        #expect(decoded.first?.targets.first?.time.day == 30)
    }

    /// The text listing (`extract --format text`) shows the days.
    @Test(arguments: [
        (TargetTime(relation: "by", year: 2021, month: 12, end_year: nil, day: 31), "by 2021-12-31"),
        (TargetTime(relation: "in", year: 2025, month: 8, end_year: nil, day: 11, end_day: 22), "in 2025-08-11–22"),
        (TargetTime(relation: "between", year: 2025, month: 3, end_year: 2025, end_month: 4, day: 3, end_day: 5), "2025-03-03–2025-04-05"),
        (TargetTime(relation: "by", year: 2025, month: 6, end_year: nil), "by 2025-06"),
        (TargetTime(relation: "by", year: 2027, month: nil, end_year: nil), "by 2027"),
    ])
    func listingShowsDays(time: TargetTime, text: String) {
        #expect(ExtractionListing.describe(time) == text)
    }
}
