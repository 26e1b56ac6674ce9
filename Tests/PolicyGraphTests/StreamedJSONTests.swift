import Foundation
import Testing
@testable import PolicyGraphCore
@testable import PolicyGraphStore

/// The streamed JSON answer is the bytes `JSONEncoder` gives for the same answer.
@Suite struct StreamedJSONTests {
    func encoded(_ answer: CompanyAnswer) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(answer))
    }

    func streamed(_ answer: CompanyAnswer) -> [UInt8] {
        var bytes: [UInt8] = []
        var json = PrettyJSONWriter { bytes += $0 }
        answer.writeJSON(to: &json)
        json.finish()
        return bytes
    }

    @Test func theSeedsAnswerStreamsAsJSONEncoderWritesIt() throws {
        let answer = try seedStore().companies(promising: "固态电池", dueBy: 2027)
        #expect(!answer.companies.isEmpty)
        #expect(streamed(answer) == (try encoded(answer)))
        #expect(streamed(try seedStore().companies(promising: "不存在的技术", dueBy: 2027)) == (try encoded(try seedStore().companies(promising: "不存在的技术", dueBy: 2027))))
    }

    @Test(arguments: [
        "plain 文字",
        "quote \" backslash \\ slash / done",          // escaped as JSONEncoder escapes them
        "controls \n \r \t \u{8} \u{c} \u{1} \u{1f} \u{0}",
        "beyond ASCII: 🚗 \u{2028} \u{7f}",
        "",
    ])
    func stringsAreEscapedAsJSONEncoderEscapesThem(text: String) throws {
        let time = TargetTimeFields(relation: "by", year: 2027, month: nil, endYear: 2028, endMonth: 3, day: 31, endDay: nil, text: text)
        let source = SourceReference(document: text, published: nil, sentence: text, offsets: [1, 2], rule: nil,
                                     duplicates: [DuplicateReference(document: "d/x.txt", published: nil), DuplicateReference(document: "e", published: text)])
        let target = GroupedTarget(id: "t", time: time, action: text, topic: nil, value: text, modality: "promise", technology: nil, sources: [source],
                                   subject: .init(id: "s", kind: "company", name: text))
        let revision = Revision(from: "a", to: "b", fromTime: text, toTime: "in 2026", fromPublished: nil, toPublished: "2025")
        let answer = CompanyAnswer(query: .init(promise: text, by: -3), companies: [
            CompanyGroup(id: "c", name: text, aliases: [text, "x"], earliestDueYear: 2027, targets: [target], revisions: [revision]),
            CompanyGroup(id: "d", name: "d", aliases: [], earliestDueYear: 2030, targets: [], revisions: []),
        ])
        #expect(String(decoding: streamed(answer), as: UTF8.self) == String(decoding: try encoded(answer), as: UTF8.self))
    }
}
