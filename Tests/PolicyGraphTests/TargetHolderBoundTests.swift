import Foundation
import Testing
@testable import PolicyGraphCore

/// The target extractor reads only the holders and title speakers it can ask for
/// (``TargetExtractor/holderBound(times:segments:)``, `shortTitleSpeakers(before:)`): its targets
/// are those it gives when it reads every holder and every clause.
@Suite struct TargetHolderBoundTests {
    /// Texts whose holders, policies and title words run past the last time, or stand in no
    /// sentence, besides the seeds, the dev texts and the generated texts of the earlier rounds.
    static let edges: [String] = [
        "", "2025年", "\n\n2025年\n\n", "国务院", "2025年\n国务院印发《行动方案》。方案指出，将实现量产。",
        "方案指，将于2025年实现量产。国务院印发《行动方案》。方案指出，到2027年建成。意见提出，2026年实现",
        "比亚迪宣布2026年实现量产。" + String(repeating: "比亚迪将发展全固态电池。", count: 400) + "丰田汽车宣布计划量产。",
        "丰田汽车表示，2027年前将实现全固态电池量产。\r\n丰田汽车宣布\r\n《新能源汽车产业发展规划》指出，",
        "北京市将于2030年前建成𠀀示范区。e\u{301}比亚迪计划量产。",
        "2026年某市政府工作报告\n主要预期目标是：生产总值增长5%左右。\n" + String(repeating: "某市将发展产业。", count: 600) + "某市将建成。",
        "国务院印发《关于加快发展的意见》。意见提出，2028年实现。" + String(repeating: "意见提出，实现量产。", count: 50),
        String(repeating: "产业发展。", count: 300) + "到2030年，比亚迪将实现全固态电池量产。",
        String(repeating: "产业发展。", count: 300) + "国务院印发《行动方案》。方案指出，到2027年建成。方案指，2028年实现量产。",
    ]

    /// With the texts whose last times give no target (``TargetCandidateEndTests``): the times past
    /// the last that can give one are not walked when the holders are bounded.
    static var sources: [String] {
        edges + TargetCandidateEndTests.edges + TargetSpeedPathTests.texts + TargetFourthRoundSpeedPathTests.sources.suffix(100)
    }

    /// The targets of `source` with the holders bounded and with every holder read.
    static func targets(of source: String) -> (bounded: [ExtractedTarget], every: [ExtractedTarget]) {
        let (text, mentions, names) = TargetFourthRoundSpeedPathTests.prepared(source)
        let reference = ReferenceDate(year: 2025, month: 3)
        return text.bytes.withUnsafeBufferPointer { buffer in
            let cursor = TextCursor(bytes: buffer)
            let segments = TextSegments(buffer)
            func run(_ bound: Bool) -> [ExtractedTarget] {
                sharedExtractor.targetExtractor.extract(text: text, cursor: cursor, segments: segments, mentions: mentions,
                                                        names: names, reference: reference, boundHolders: bound)
            }
            return (run(true), run(false))
        }
    }

    @Test func boundedHoldersGiveTheSameTargets() {
        var found = 0, failures: [String] = []
        for source in Self.sources {
            let (bounded, every) = Self.targets(of: source)
            found += every.count
            if bounded != every { failures.append(String(source.prefix(80))) }
        }
        #expect(found > 50)
        #expect(failures.isEmpty, "\(failures.prefix(3))")
    }

    /// The bound is the end of the last time's sentence, no less than the report's reach; the
    /// reach alone without a time; the last time's start when it stands in no sentence.
    @Test func holderBoundCases() {
        let extractor = sharedExtractor.targetExtractor
        let reach = TargetExtractor.reportRegionReach
        let long = String(repeating: "发展", count: 1000) + "。到2030年实现量产。其他发展"
        for (source, expected) in [("", reach), ("发展产业。", reach), (long, Array(long.utf8).count - Array("其他发展".utf8).count)] {
            let bytes = Array(source.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                let times = extractor.timeNormalizer.expressions(in: buffer, reference: nil)
                #expect(TargetExtractor.holderBound(times: times, segments: TextSegments(buffer)) == expected, "\(source.prefix(20))")
            }
        }
        // A time in no sentence: the text's only sentence ends before it (a sentence is cut at 4,000 bytes at most).
        let bytes = Array((String(repeating: "发", count: 3000) + "\n\n").utf8)
        bytes.withUnsafeBufferPointer { buffer in
            let segments = TextSegments(buffer)
            let outside = buffer.count - 1
            #expect(segments.sentenceIndex(containing: outside) == nil)
            let time = TimeExpression(range: outside..<buffer.count, text: "", value: TimeValue(relation: .in, year: 2030, precision: .year), rules: [])
            #expect(TargetExtractor.holderBound(times: [time], segments: segments) == max(reach, outside))
        }
    }

    /// The title speakers before a bound are those of every clause that start before it, at every
    /// clause boundary of the texts and past their ends.
    @Test func titleSpeakersBeforeABound() {
        let extractor = sharedExtractor.targetExtractor
        var compared = 0, failures: [String] = []
        for source in Self.edges + TargetSpeedPathTests.texts.prefix(40) + TargetFourthRoundSpeedPathTests.sources.suffix(60) {
            let (bytes, holders, names) = TargetFourthRoundSpeedPathTests.holders(of: source)
            bytes.withUnsafeBufferPointer { buffer in
                let cursor = TextCursor(bytes: buffer)
                let segments = TextSegments(buffer)
                let every = extractor.shortTitleSpeakers(holders: holders, names: names, segments: segments, cursor: cursor)
                var bounds: Set<Int> = [0, buffer.count, buffer.count + 1]
                for clause in segments.clauses { bounds.formUnion([clause.lowerBound, clause.upperBound, clause.lowerBound + 3]) }
                for speaker in every { bounds.formUnion([speaker.offset, speaker.offset + 1]) }
                for bound in bounds.sorted() {
                    let got = extractor.shortTitleSpeakers(holders: holders, names: names, segments: segments, cursor: cursor, before: bound)
                    let expected = every.filter { $0.offset < bound }
                    compared += expected.count
                    let gotPlaces: [[Int]] = got.map { [$0.offset, $0.holder.mention.range.lowerBound] }
                    let expectedPlaces: [[Int]] = expected.map { [$0.offset, $0.holder.mention.range.lowerBound] }
                    if gotPlaces != expectedPlaces || got.map(\.holder.name) != expected.map(\.holder.name) {
                        failures.append("\(bound): \(source.prefix(60))")
                    }
                }
            }
        }
        #expect(compared > 20)
        #expect(failures.isEmpty, "\(failures.prefix(3))")
    }
}
