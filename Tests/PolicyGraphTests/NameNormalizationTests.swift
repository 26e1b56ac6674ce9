import Foundation
import Testing
@testable import PolicyGraphCore

/// ``KnowledgeGraph/normalize(_:)``'s byte path gives what NFKC and the filter give.
@Suite struct NameNormalizationTests {
    static func reference(_ name: String) -> String {
        String(name.precomposedStringWithCompatibilityMapping.filter { !NameNormalization.stripped.contains($0) })
    }

    @Test(arguments: [
        "工业和信息化部",                 // CJK only: unchanged
        "《工业领域碳达峰实施方案》",     // title marks dropped
        "“十四五”规划",                  // quotes dropped
        "CATL 宁德时代",                 // ASCII space dropped
        "ＣＡＴＬ",                      // full-width letters: NFKC folds them
        "国家\u{3000}发展改革委",         // ideographic space dropped
        "a\r\nb",                        // CR LF is one character, and a stripped one
        "a\rb\nc\td",                    // a lone CR or LF is kept, a tab dropped
        "a\r\r\nb\n\r",                  // CR, then CR LF, then LF and CR
        "丰田汽车（Toyota）",            // full-width parentheses: NFKC folds them
        "\u{F900}\u{4E00}",              // a compatibility ideograph: NFKC maps it
        "e\u{0301}",                     // a combining mark: NFKC composes it
        "「」『』〈〉‘’\"'",             // only stripped marks: empty
        "《\u{0301}》",                  // a mark that joins a stripped one: kept by the filter
        "",
    ])
    func theBytePathMatchesNFKC(name: String) {
        #expect(KnowledgeGraph.normalize(name) == Self.reference(name))
    }

    /// Random names over an alphabet that mixes both paths.
    @Test func randomNamesMatchNFKC() {
        let alphabet: [String] = ["工", "业", "㐀", "鿿", "A", "z", "0", " ", "\t", "\r", "\n", "\"", "'", "《", "》", "“", "”", "\u{3000}",
                                  "Ａ", "１", "\u{0301}", "é", "\u{F900}", "·", "（", "、", "\u{200D}", "한"]
        var generator = SplitMix(seed: 7)
        for _ in 0..<2_000 {
            let length = Int(generator.next() % 9)
            let name = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined()
            #expect(KnowledgeGraph.normalize(name) == Self.reference(name), "\(Array(name.unicodeScalars))")
        }
    }
}
