import Testing
@testable import PolicyGraphCore

@Suite struct DoubleArrayTrieTests {
    static func trie(_ keys: [String]) -> DoubleArrayTrie {
        DoubleArrayTrie(keys: keys.enumerated().map { (Array($0.element.utf8), Int32($0.offset)) })
    }

    @Test func findsEveryKeyAndNothingElse() {
        let keys = ["中国", "中国科学院", "中国科学院大学", "科学", "CATL", "工信部", "a"]
        let trie = Self.trie(keys)
        for (index, key) in keys.enumerated() { #expect(trie.value(of: Array(key.utf8)) == Int32(index)) }
        for other in ["中", "中国科", "中国科学院大", "CAT", "b", "工信"] { #expect(trie.value(of: Array(other.utf8)) == nil) }
    }

    @Test func prefixesComeShortestFirst() {
        let trie = Self.trie(["中国", "中国科学院", "中国科学院大学"])
        let text = Array("中国科学院大学教授".utf8)
        var ends: [Int] = []
        text.withUnsafeBufferPointer { buffer in
            trie.forEachPrefix(in: buffer, from: 0) { end, _ in ends.append(end); return true }
        }
        #expect(ends == [6, 15, 21])
    }

    /// A larger trie (thousands of keys sharing UTF-8 lead bytes) stays exact.
    @Test func manyKeysWithSharedLeadBytes() {
        var keys: [String] = []
        for a in 0..<60 { for b in 0..<40 { keys.append(String(UnicodeScalar(0x4E00 + a * 7)!) + String(UnicodeScalar(0x5E00 + b * 3)!) + "区") } }
        let trie = Self.trie(keys)
        for (index, key) in keys.enumerated() where index % 37 == 0 { #expect(trie.value(of: Array(key.utf8)) == Int32(index)) }
        #expect(trie.value(of: Array("一二区".utf8)) == nil)
    }
}

@Suite struct DictionaryScannerTests {
    static func scanned(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        let scanner = DictionaryScanner(lexicon: sharedExtractor.lexicon)
        return scanner.scan(bytes).filter { token in
            scanner.entries(of: token).contains { if case .entity = $0 { return true } else { return false } }
        }.map { String(decoding: bytes[$0.range], as: UTF8.self) }
    }

    @Test(arguments: [
        // Leftmost-longest: the longer name wins over its prefix.
        ("中国科学院大学教授", ["中国科学院大学"]),
        // Non-overlapping: after 工业和信息化部 the scan goes on after it.
        ("工业和信息化部部长", ["工业和信息化部"]),
        // Adjacent names are both found.
        ("河北省石家庄市", ["河北省", "石家庄市"]),
        // ASCII names only at word boundaries.
        ("CATL发布", ["CATL"]),
        ("XCATLX", []),
        // A ministry before 门 is the word 部门.
        ("财政部门要加强管理", []),
        // A contextual short form needs its parent before it …
        ("毕节大方", ["毕节", "大方"]),
        ("大方向", []),
        // … and once established, it is recognised again later.
        ("毕节大方的工厂，大方的产品", ["毕节", "大方", "大方"]),
    ])
    func scansLeftmostLongest(text: String, expected: [String]) {
        #expect(Self.scanned(text) == expected)
    }

    /// Multi-byte boundaries: a match never starts inside a character.
    @Test func neverStartsInsideACharacter() {
        let bytes = Array("国务院".utf8)
        let scanner = DictionaryScanner(lexicon: sharedExtractor.lexicon)
        for token in scanner.scan(bytes) {
            #expect(!UTF8Bytes.isContinuation(bytes[token.start]))
            #expect(token.end == bytes.count || !UTF8Bytes.isContinuation(bytes[token.end]))
        }
    }
}
