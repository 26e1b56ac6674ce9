import Testing
@testable import PolicyGraphCore

/// ``AliasResolution``'s searches of the names its passes found: the company short names share
/// the walk of the persons' names (``AliasResolution/occurrences(of:and:in:)``), and each list
/// gets what a search of it alone and the byte-by-byte search give.
@Suite struct AliasResolutionTests {
    /// Texts with the edges a walk can trip on: empty, a name at the very start and end, names
    /// cut by the end, non-BMP scalars, combining marks, CR LF, ASCII, names that nest and repeat.
    static let texts = [
        "",
        "王明",
        "王",
        "王明表示，易来科得与欧阳明高，王明易来科得",
        "𠀋王明𠀋易来\u{1F600}科得𠀋易来科得\u{1F600}",
        "王明\u{0301}易来科得\u{0308}，e\u{0301}王明",
        "易来科得\r\n王明\r\n\r\n欧阳明高\r\n",
        "AB与ABAB，王明高王明王明，宁德时代时代时代，易来易来科得科得",
        "欧阳明高欧阳明高欧阳明高",
    ]

    /// Person names and company short names, from none to more than the names searched one by one.
    static let lists: [([String], [String])] = [
        ([], []),
        (["王明"], []),
        ([], ["易来科得"]),
        (["王明"], ["易来科得"]),
        (["王明", "欧阳明高"], ["易来科得", "时代"]),
        (["王明", "王明高", "欧阳明高", "AB"], ["易来科得", "宁德时代", "时代", "易来", "科得"]),
        (["王明", "王明高", "欧阳明高", "李华", "张三", "欧阳", "明高", "王"], ["易来科得", "宁德时代", "时代", "易来", "科得", "王明"]),
        (["𠀋王明", "王明\u{0301}"], ["\u{1F600}科得", "易来科得\u{0308}"]),
    ]

    @Test(arguments: texts)
    func companyNamesSearchedWithPersonsAsAlone(text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            // Both cursors: one that finds its fixed words in one pass beforehand, one that does not.
            let fixedWords = FixedWords(["王明", "易来科得", "时代"].map { Array($0.utf8) })
            for cursor in [TextCursor(bytes: buffer), TextCursor(bytes: buffer, fixedWords: fixedWords)] {
                for (names, others) in Self.lists {
                    let (nameUses, otherUses) = AliasResolution.occurrences(of: names, and: others, in: cursor)
                    #expect(nameUses.count == names.count && otherUses.count == others.count)
                    #expect(nameUses == AliasResolution.occurrences(of: names, in: cursor).padded(to: names.count), "\(names)")
                    #expect(otherUses == AliasResolution.occurrences(of: others, in: cursor).padded(to: others.count), "\(others)")
                    for (name, uses) in zip(names + others, nameUses + otherUses) {
                        #expect(uses == ExtractionSpeedPathTests.naiveOccurrences(of: Array(name.utf8), in: 0..<bytes.count, bytes: bytes),
                                "\(name) in \(text)")
                    }
                }
            }
        }
    }
}

private extension Array where Element == [Int] {
    /// An empty list of names gives no list at all: as many empty lists as names.
    func padded(to count: Int) -> [[Int]] { isEmpty ? [[Int]](repeating: [], count: count) : self }
}

/// A registered name's core is cut at its first parenthesis by bytes where it is plain, as by
/// characters.
@Suite struct AliasResolutionParenthesisTests {
    static let cores = [
        "", "（", "(", "易来科得", "易来科得（苏州）", "易来科得(苏州)", "易来(科得)（苏州）", "易来（科得)(苏州）",
        "（易来科得", "易来科得）", "易来科得（\u{0301}苏州）", "易来科得(\u{0301}苏州)", "易来\u{0301}科得（苏州）",
        "易来𠀋科得（苏州）", "易来\r\n科得(苏州)", "ABC Co.(HK)", "易来科得（", "科得\u{FF08}\u{FF08}", "科得\u{FE59}苏州",
    ]

    @Test(arguments: cores)
    func cutByBytesAsByCharacters(core: String) {
        let cut = AliasResolution.beforeParenthesis(core)
        #expect(cut == AliasResolution.beforeParenthesisAsCharacters(core))
        // Byte for byte, not only canonically equal.
        #expect(Array(cut.utf8) == Array(AliasResolution.beforeParenthesisAsCharacters(core).utf8))
    }
}
