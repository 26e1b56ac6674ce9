import Foundation
import Testing
@testable import PolicyGraphCore

/// `policygraph time`, end to end: every ported peer case and every form of
/// the conventions table goes through the built binary, and each JSON line
/// says what the library says.
@Suite struct TimeCommandTests {
    struct Line: Decodable {
        var text: String
        var relation: String?
        var year: Int?
        var month: Int?
        var end_year: Int?
        var end_month: Int?
        var day: Int?
        var end_day: Int?
        var precision: String?
        var approximate: Bool?
        var past: Bool?
        var error: String?
    }

    /// Runs `time --reference R` once per reference, the expressions on standard input.
    static func run(_ expressions: [String], reference: String) throws -> [Line] {
        let arguments = ["time"] + (reference.isEmpty ? [] : ["--reference", reference])
        let result = try CommandLineTests.run(arguments, input: expressions.joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result.error)")
        return try result.output.split(separator: "\n").map { try JSONDecoder().decode(Line.self, from: Data($0.utf8)) }
    }

    @Test func everyPeerCaseAndConventionAgreesWithTheLibrary() throws {
        var byReference: [String: [String]] = [:]
        for item in TimePeerSuiteTests.cases { byReference[item.reference, default: []].append(item.expression) }
        for (expression, reference, _) in TimeNormalizerTests.cases { byReference[reference, default: []].append(expression) }
        var checked = 0
        for (reference, expressions) in byReference.sorted(by: { $0.key < $1.key }) {
            let date = ReferenceDate(reference)
            let lines = try Self.run(expressions, reference: reference)
            #expect(lines.count == expressions.count, "\(reference)")
            for (expression, line) in zip(expressions, lines) {
                let value = TimeNormalizer().parse(expression.trimmingCharacters(in: .whitespaces), reference: date)
                #expect(line.relation == value?.relation.rawValue && line.year == value?.year && line.month == value?.month
                        && line.end_year == value?.endYear && line.end_month == value?.endMonth
                        && line.day == value?.day && line.end_day == value?.endDay, "\(expression) @ \(reference)")
                #expect((line.error != nil) == (value == nil), "\(expression)")
                if let value { #expect(line.past == value.isPast(relativeTo: date) && line.precision == value.precision.rawValue) }
                checked += 1
            }
        }
        #expect(checked >= 500)
    }

    /// The issue's examples, with the JSON shape unchanged.
    @Test func issueExamplesEndToEnd() throws {
        let result = try CommandLineTests.run(["time", "2030年後", "未來3年內", "於2026年", "“十五五”末", "8月至2月", "上世纪80年代",
                                              "一季度末", "四季度初", "2008年——2018年", "--reference", "2025-03-15"])
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 9)
        #expect(lines[0] == #"{"text": "2030年後", "relation": "after", "year": 2030, "month": null, "end_year": null, "end_month": null, "day": null, "end_day": null, "precision": "year", "approximate": false, "past": false}"#)
        #expect(lines[1].contains(#""relation": "between", "year": 2025, "month": null, "end_year": 2027"#))
        #expect(lines[2].contains(#""relation": "in", "year": 2026"#))
        #expect(lines[3].contains(#""relation": "by", "year": 2030"#))
        #expect(lines[4].contains(#""relation": "between", "year": 2025, "month": 8, "end_year": 2026, "end_month": 2"#))
        #expect(lines[5].contains(#""year": 1980, "month": null, "end_year": 1989"#) && lines[5].contains(#""precision": "decade""#))
        #expect(lines[6].contains(#""year": 2025, "month": 3, "end_year": null, "end_month": null"#))
        #expect(lines[7].contains(#""year": 2025, "month": 10, "end_year": null, "end_month": null"#))
        #expect(lines[8].contains(#""relation": "between", "year": 2008, "month": null, "end_year": 2018"#))
    }

    /// The reproducer's numerals and an overlong line give an error line, not a crash.
    @Test func badInputGivesAnErrorLine() throws {
        let lines = try Self.run([String(repeating: "一", count: 500), String(repeating: "2025年", count: 2000), "——", ""], reference: "2025-03-15")
        #expect(lines.count == 4)
        #expect(lines.allSatisfy { $0.error != nil })
    }

    /// `extract --ontology DIR` and `time --ontology DIR` read that folder's time words.
    @Test func ontologyTimeWordsEndToEnd() throws {
        let folder = try scratchFolder("time-words-cli")
        defer { try? FileManager.default.removeItem(at: folder) }
        let ontology = try TimeVocabularyTests.ontologyWithExtraTimeWord(in: folder)
        let text = folder.appendingPathComponent("a.txt")
        try Data("工业和信息化部提出，来年建成100家绿色工厂。\n".utf8).write(to: text)
        let extracted = try CommandLineTests.run(["extract", text.path, "--published", "2025-03-01", "--ontology", ontology.path])
        #expect(extracted.status == 0, "\(extracted.error)")
        #expect(extracted.output.contains(#""text" : "来年""#) && extracted.output.contains(#""year" : 2026"#))
        let bundled = try CommandLineTests.run(["extract", text.path, "--published", "2025-03-01"])
        #expect(!bundled.output.contains(#""text" : "来年""#))
        let time = try CommandLineTests.run(["time", "来年", "--reference", "2025", "--ontology", ontology.path])
        #expect(time.output.contains(#""relation": "in", "year": 2026"#), "\(time.output)\(time.error)")
        let refused = try CommandLineTests.run(["time", "来年", "--ontology", folder.appendingPathComponent("nothing").path])
        #expect(refused.status != 0 && refused.output.isEmpty)
    }

    /// One line of `time` output, compact: `relation Y[-M[-D]][..Y[-M[-D]]]`, ` past` when past.
    static func compact(_ line: Line) -> String {
        guard line.error == nil, let relation = line.relation, let year = line.year else { return "none" }
        func point(_ year: Int, _ month: Int?, _ day: Int?) -> String {
            "\(year)" + (month.map { "-\($0)" } ?? "") + (day.map { "-\($0)" } ?? "")
        }
        var text = "\(relation) " + point(year, line.month, line.day)
        if line.end_year != nil || line.end_month != nil || line.end_day != nil {
            text += ".." + point(line.end_year ?? year, line.end_month ?? line.month, line.end_day)
        }
        return text + (line.past == true ? " past" : "")
    }

    /// Each family of the issue's list through the built binary, with the answer
    /// written out (reference 2025-03-15): family, expression, expected.
    static let families: [(String, String, String)] = [
        ("years", "15年", "in 2015 past"),
        ("years", "98年4月", "in 1998-4 past"),
        ("years", "19年底", "in 2019-11..2019-12 past"),
        ("years", "二〇三〇年", "in 2030"),
        ("years", "二零二二年", "in 2022 past"),
        ("years", "一五年", "in 2015 past"),
        ("years", "零七年", "in 2007 past"),
        ("years", "两千零四年", "in 2004 past"),
        ("dates", "2015-03-03", "in 2015-3-3 past"),
        ("dates", "2015/3/3", "in 2015-3-3 past"),
        ("dates", "2013.03", "in 2013-3 past"),
        ("dates", "19871228", "in 1987-12-28 past"),
        ("dates", "7月 10日", "in 2025-7-10"),
        ("dates", "十二月十五", "in 2025-12-15"),
        ("dates", "八月十五号", "in 2025-8-15"),
        ("relative", "上个月", "in 2025-2 past"),
        ("relative", "下个月", "in 2025-4"),
        ("relative", "上月", "in 2025-2 past"),
        ("relative", "下月", "in 2025-4"),
        ("relative", "本月", "in 2025-3"),
        ("relative", "当月", "in 2025-3"),
        ("relative", "这个月", "in 2025-3"),
        ("relative", "这一年", "in 2025"),
        ("relative", "上一年", "in 2024 past"),
        ("relative", "下年", "in 2026"),
        ("relative", "次年", "in 2026"),
        ("relative", "同年", "in 2025"),
        ("relative", "上个季度", "in 2024-10..2024-12 past"),
        ("relative", "本季度", "in 2025-1..2025-3"),
        ("relative", "上季度末", "in 2024-12 past"),
        ("relative", "3年后", "in 2028"),
        ("relative", "两年前", "in 2023 past"),
        ("relative", "未来两个月", "by 2025-5"),
        ("relative", "近三个月", "between 2024-12..2025-3 past"),
        ("relative", "过去的一年", "between 2024-3..2025-3 past"),
        ("relative", "今明两年", "between 2025..2026"),
        ("periods", "前三季度", "in 2025-1..2025-9"),
        ("periods", "今年前五个月", "in 2025-1..2025-5"),
        ("periods", "2025年前十一个月", "in 2025-1..2025-11"),
        ("periods", "首季度", "in 2025-1..2025-3"),
        ("periods", "首月", "in 2025-1 past"),
        ("periods", "2025年前两个季度", "in 2025-1..2025-6"),
        ("periods", "最后一个季度", "in 2025-10..2025-12"),
        ("periods", "年内最后两个月", "in 2025-11..2025-12"),
        ("periods", "今年第8个月", "in 2025-8"),
        ("parts", "年头", "in 2025-1..2025-3"),
        ("parts", "年尾", "in 2025-9..2025-12"),
        ("parts", "月头", "in 2025-3"),
        ("parts", "月中", "in 2025-3"),
        ("parts", "月尾", "in 2025-3"),
        ("parts", "月底", "in 2025-3"),
        ("parts", "2026年伊始", "in 2026-1"),
        ("parts", "2026年初", "in 2026-1..2026-2"),
        ("parts", "2026年末", "in 2026-11..2026-12"),
        ("parts", "2026年底", "in 2026-11..2026-12"),
        ("parts", "一季度末", "in 2025-3"),
        ("parts", "四季度初", "in 2025-10"),
        ("parts", "下季度初", "in 2025-4"),
        ("parts", "6月底", "in 2025-6"),
        ("day ranges", "8月11日至8月22日", "in 2025-8-11..2025-8-22"),
        ("day ranges", "12-19日", "in 2025-3-12..2025-3-19"),
        ("day ranges", "本月三号到下月5号", "between 2025-3-3..2025-4-5"),
        ("month ranges", "1-9月", "between 2025-1..2025-9"),
        ("month ranges", "2——4月", "between 2025-2..2025-4"),
        ("month ranges", "十月至十一月", "between 2025-10..2025-11"),
        ("month ranges", "1月3至2月10", "between 2025-1-3..2025-2-10 past"),
        ("month ranges", "8月至2月", "between 2025-8..2026-2"),
        ("year ranges", "2008年——2018年", "between 2008..2018 past"),
        ("year ranges", "2018/1/10-2018/7/10", "between 2018-1-10..2018-7-10 past"),
        ("year ranges", "一九八七至一九八九年", "between 1987..1989 past"),
        ("open ranges", "从2001年起至今", "between 2001-1..2025-3"),
        ("open ranges", "去年到现在", "between 2024..2025-3"),
        ("decades", "上世纪80年代", "between 1980..1989 past"),
        ("decades", "本世纪20年代", "between 2020..2029"),
        ("decades", "20世纪80年代", "between 1980..1989 past"),
        ("decades", "本世纪中叶", "in 2050"),
        ("plans", "“六五”", "between 1981..1985 past"),
        ("plans", "十五五", "between 2026..2030"),
        ("plans", "“十四五”期间", "between 2021..2025"),
        ("plans", "十四五时期", "between 2021..2025"),
        ("plans", "“十四五”末", "by 2025"),
        ("plans", "“十三五”以来", "from 2016 past"),
        ("before and after", "2030年或之前", "by 2030"),
        ("before and after", "2030年或之后", "from 2030"),
        ("before and after", "2030年及以前", "by 2030"),
        ("before and after", "2030年及以后", "from 2030"),
        ("before and after", "2030年之前", "by 2030"),
        ("before and after", "2030年以前", "by 2030"),
        ("before and after", "2030年以后", "after 2030"),
        ("before and after", "2025年6月30日或之前", "by 2025-6-30"),
        ("before and after", "2025年7月1日以后", "after 2025-7-1"),
        ("traditional", "2030年後", "after 2030"),
        ("traditional", "未來3年內", "between 2025..2027"),
        ("traditional", "於2026年", "in 2026"),
    ]

    @Test func everyFamilyOfTheIssueEndToEnd() throws {
        let lines = try Self.run(Self.families.map(\.1), reference: "2025-03-15")
        #expect(lines.count == Self.families.count)
        for ((family, expression, expected), line) in zip(Self.families, lines) {
            #expect(line.text == expression)
            #expect(Self.compact(line) == expected, "\(family): \(expression)")
        }
        let families = Set(Self.families.map(\.0))
        #expect(families.count == 13)
        for family in families { #expect(Self.families.filter { $0.0 == family }.count >= 2, "\(family)") }
    }
}
