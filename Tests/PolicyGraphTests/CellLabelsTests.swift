import Foundation
import Testing
@testable import PolicyGraphCore

/// The one-pass search for the labels read at the start of a line or cell answers as a
/// search for each label alone, byte by byte: on the publication-date labels, on labels
/// that share only their last byte, or whose one is the other's suffix, on ASCII labels, on
/// the seeds, the dev texts, generated text and a table of edge cases (non-BMP scalars,
/// combining marks, CR LF, the ideographic space, labels cut at either end, empty text),
/// each also read as a slice that does not start at 0.
@Suite struct CellLabelsTests {
    /// Label lists: the vocabulary's (`table`, then `line`), and made-up ones: 丟 ends with the
    /// byte 期 ends with (E4 B8 9F, E6 9C 9F), 日期 is the suffix of 发布日期, `date` of `update`.
    static let labelLists: [[[[UInt8]]]] = {
        let vocabulary = sharedExtractor.lexicon.ontology.patterns.publication
        let madeUp: [[[UInt8]]] = [["丟", "日期", "发布日期", "期"].map { Array($0.utf8) },
                                   ["date", "update", "e", "时间", "間", ""].map { Array($0.utf8) }]
        return [[vocabulary.labels(.table), vocabulary.labels(.line)], madeUp]
    }()

    static let edgeTexts: [String] = [
        "", "期", "日期", "发布日期", "发布日期：2024年3月5日", "期发布日期", "\n日期", "\r\n日期：2025-01-20", "\u{3000}时间：",
        "𠀀时间", "𠀀\n时间", "e\u{301}日期", "e\u{301} 日期", "发布日期发布日期", " 发布日期 发布日期", "|成文日期|", ">時間<",
        "-date", "*update", "xupdate", " e", "e", "丟", " 丟丟", "\t日期\t期", "日期\u{301}", "发布日", "布日期", "\n发布",
    ]

    static var texts: [[UInt8]] {
        edgeTexts.map { Array($0.utf8) } + TextSecondRoundSpeedPathTests.allTexts
    }

    /// Each label looked for alone at every place, kept where it starts a cell.
    static func reference(_ labels: CellLabels, in bytes: ArraySlice<UInt8>) -> [[Int]] {
        labels.labels.map { label in
            var places: [Int] = []
            var index = bytes.startIndex
            while index + label.count <= bytes.endIndex {
                if bytes[index..<(index + label.count)].elementsEqual(label), DateScan.startsCell(bytes, at: index) { places.append(index) }
                index += 1
            }
            return places
        }
    }

    @Test func occurrencesAnswerAsEachLabelAlone() {
        for lists in Self.labelLists {
            let labels = CellLabels(lists)
            for (index, text) in Self.texts.enumerated() {
                for drop in 0...min(3, text.count) {
                    let slice = text[drop...]
                    #expect(labels.occurrences(in: slice) == Self.reference(labels, in: slice), "text \(index), from \(drop)")
                }
            }
        }
    }

    @Test func theLabelsFoundAreThere() {
        let labels = CellLabels(Self.labelLists[0])
        let text = Array("标题\n发布日期：2024年3月5日\n\u{3000}时间：2025-01-20".utf8)
        let found = labels.occurrences(in: text[...])
        #expect(found.joined().count == 2)
        #expect(found.contains([7]))
    }

    @Test func commonSuffixesOfLabels() {
        let bytes = { (words: [String]) in words.map { Array($0.utf8) } }
        #expect(CellLabels.commonSuffixLength(bytes(["发布日期", "成文日期", "日期"])) == 6)
        #expect(CellLabels.commonSuffixLength(bytes(["日期", "丟"])) == 1)
        #expect(CellLabels.commonSuffixLength(bytes(["date", "update"])) == 4)
        #expect(CellLabels.commonSuffixLength(bytes(["发布时间"])) == 12)
    }
}
