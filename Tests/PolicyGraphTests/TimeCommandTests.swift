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
                        && line.end_year == value?.endYear && line.end_month == value?.endMonth, "\(expression) @ \(reference)")
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
        #expect(lines[1].contains(#""relation": "by", "year": 2028"#))
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
}
