import Foundation
import Testing
@testable import PolicyGraphCore

/// Every time form is named by a stable rule id, its form first (docs/time.md, "Rules").
@Suite struct TimeRuleTests {
    static let reference = ReferenceDate(year: 2025, month: 3, day: 15)

    @Test(arguments: [
        ("2030年後", ["time.year.four-digit", "time.suffix.after"]),
        ("19年底", ["time.year.two-digit", "time.part.year"]),           // two-digit year, a part of it
        ("二〇三〇年", ["time.year.numeral"]),
        ("次年", ["time.year.relative"]),
        ("一季度末", ["time.quarter", "time.part.quarter"]),
        ("前三季度", ["time.period.inside-year"]),
        ("8月至2月", ["time.month", "time.range.months"]),              // a range of months across a year
        ("1-9月", ["time.range.months"]),
        ("8月11日至8月22日", ["time.month.day", "time.range.days"]),
        ("2023年至2025年", ["time.year.four-digit", "time.range.years"]),
        ("去年到现在", ["time.year.relative", "time.range.to-now"]),
        ("到2025年底", ["time.year.four-digit", "time.part.year", "time.prefix.by"]),
        ("上个月", ["time.relative.month"]),
        ("下月初", ["time.relative.month", "time.part.month"]),
        ("未来五年", ["time.relative.window"]),
        ("3年后", ["time.relative.count"]),
        ("“十四五”时期", ["time.era.plan"]),
        ("上世纪80年代", ["time.era.decade"]),
        ("2015-03-03", ["time.date.numeric"]),
        ("2030年或之前", ["time.year.four-digit", "time.suffix.before"]),
        ("2010年之后2018年之前", ["time.year.four-digit", "time.suffix.after", "time.range.open-bounds"]),
    ])
    func rulesNameTheForm(expression: String, rules: [String]) throws {
        let result = try #require(TimeNormalizer().parseExplained(expression, reference: Self.reference))
        #expect(result.rules.map(\.rawValue) == rules)
    }

    /// Two open bounds make one range, which includes both times it names (a lone 2010年之后 starts in 2011).
    @Test(arguments: [
        ("2010年之后2018年之前", "2010-01..2018-12"),
        ("2010年起2018年前", "2010-01..2018-12"),
        ("2020年3月以后2021年5月之前", "2020-03..2021-05"),
        ("2010年之后", "2011-01.."),
    ])
    func openBoundsMakeOneRange(expression: String, months: String) throws {
        let value = try #require(TimeNormalizer().parse(expression, reference: Self.reference))
        let interval = value.interval(reference: Self.reference)
        #expect("\(interval)" == months)
    }

    @Test func reversedOpenBoundsAreNoRange() {
        #expect(TimeNormalizer().parse("2020年后2019年前", reference: Self.reference) == nil)
    }

    /// Rule ids are unique and every one is documented with an example.
    @Test func everyRuleIsDocumented() throws {
        let docs = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/time.md"), encoding: .utf8)
        #expect(Set(TimeRule.allCases.map(\.rawValue)).count == TimeRule.allCases.count)
        for rule in TimeRule.allCases { #expect(docs.contains("| `\(rule.rawValue)` |"), "\(rule.rawValue) is not in docs/time.md") }
    }

    /// `time --explain` adds the rules as the last field; without it the JSON keeps its shape.
    @Test func commandExplains() throws {
        let explained = try CommandLineTests.run(["time", "--explain", "--reference", "2025-03-15", "2030年後"])
        #expect(explained.output.contains(#""past": false, "rules": ["time.year.four-digit", "time.suffix.after"]}"#))
        let plain = try CommandLineTests.run(["time", "--reference", "2025-03-15", "2030年後"])
        #expect(!plain.output.contains("rules"))
    }
}
