import Testing
@testable import PolicyGraphCore

/// Which policies a short title may stand for (``AliasResolution/standsFor(_:_:core:_:)``):
/// by bytes where the short title and the core are plain, against the `String` reading
/// `core.hasSuffix(short) && core != short`.
@Suite struct AliasResolutionShortTitleTests {
    /// Cores and short titles: plain ones that end alike, are equal, longer, empty or differ in
    /// a byte; and ones that are not plain, where `String` decides: a compatibility ideograph
    /// (U+F900, canonically 豈), a combining mark after the short title's first character or
    /// before it, kana with a voicing mark, CR LF, a scalar outside the BMP.
    static let words: [String] = [
        "", "方案", "实施方案", "工业领域碳达峰实施方案", "“十四五”工业绿色发展规划", "发展规划", "规划", "纲要", "意见", "实施意见",
        "\u{F900}方案", "\u{8C48}方案", "豈", "\u{F900}", "e\u{301}方案", "\u{301}方案", "方\u{301}案", "カ\u{3099}イド", "ガイド",
        "イド", "规划\r\n", "\r\n", "\n", "𠀀方案", "方案𠀀", "a方案", "A方案", "办法（试行）", "（试行）", "办法(试行)",
    ]

    @Test func asTheStringsAnswer() {
        var yes = 0, plainPairs = 0
        for core in Self.words {
            for short in Self.words {
                let plainCore = AliasResolution.plainBytes(core), plainShort = AliasResolution.plainBytes(short)
                let expected = core.hasSuffix(short) && core != short
                #expect(AliasResolution.standsFor(short, plainShort, core: core, plainCore) == expected, "\(core) \(short)")
                if expected { yes += 1 }
                if plainCore != nil && plainShort != nil { plainPairs += 1 }
            }
        }
        #expect(yes > 20 && plainPairs > 200)
        // The bytes only where every scalar is plain.
        #expect(AliasResolution.plainBytes("实施方案") == Array("实施方案".utf8))
        #expect(AliasResolution.plainBytes("\u{F900}方案") == nil)
        #expect(AliasResolution.plainBytes("规划\r\n") == nil)
    }
}
