import Testing
@testable import PolicyGraphCore

/// `TargetExtractor.keepsHolder(_:at:cursor:)` reads a mention's type in place and asks the dateline
/// and affiliation tests only of the types they can say yes for: it keeps exactly the mentions
/// that neither `isDateline` nor `isAffiliation` turns down.
@Suite struct TargetHolderFilterTests {
    /// Agencies in datelines, papers, affiliated organisations before persons and titles, persons,
    /// places; edge cases: empty text, non-BMP scalars, combining marks, CR LF, a holder at the end.
    static let edges: [String] = [
        "", "新华社北京1月24日电 国务院印发《行动方案》。", "本报讯 工业和信息化部表示，将于2026年实现量产。",
        "中国电动汽车百人会副理事长欧阳明高表示，2030年将实现量产。比亚迪董事长王传福称，",
        "丰田汽车\r\n比亚迪𠀀宣布2027年量产。e\u{301}比亚迪副总裁表示，", "人民日报记者报道，国务院", "北京市",
    ]

    @Test func keepsWhatNeitherTestTurnsDown() {
        let extractor = sharedExtractor.targetExtractor
        var compared = 0, turnedDown = 0, failures: [String] = []
        for source in Self.edges + TargetHolderBoundTests.sources {
            let (text, mentions, _) = TargetFourthRoundSpeedPathTests.prepared(source)
            text.bytes.withUnsafeBufferPointer { buffer in
                let cursor = TextCursor(bytes: buffer)
                for index in mentions.indices {
                    let expected = !extractor.isDateline(mentions[index], cursor: cursor) && !extractor.isAffiliation(mentions[index], cursor: cursor)
                    compared += 1
                    if !expected { turnedDown += 1 }
                    if extractor.keepsHolder(mentions, at: index, cursor: cursor) != expected { failures.append(String(source.prefix(60))) }
                }
            }
        }
        // Both answers occur, so that the comparison can fail.
        #expect(compared > 1000 && turnedDown > 10)
        #expect(failures.isEmpty, "\(failures.prefix(3))")
    }
}
