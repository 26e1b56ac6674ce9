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

    /// The first-character shortcut finds exactly what a byte-by-byte walk finds:
    /// one-character keys, keys whose second character is ASCII or four bytes long,
    /// keys cut inside a character, and texts that end inside one.
    static func utf8(_ text: String) -> [UInt8] { Array(text.utf8) }
    static let shortcutCases: [(keys: [[UInt8]], text: [UInt8])] = [
        // Characters of one, two, three and four bytes after a first character.
        ([utf8("区"), utf8("区县"), utf8("区A"), utf8("区𠀀"), utf8("中国科学院"), utf8("ABC")], utf8("区县区A区𠀀区B中国科学院ABC中")),
        // Keys cut inside a character (not UTF-8): a prefix of one, and one cut inside its second character.
        ([utf8("区"), Array(utf8("区").prefix(2))], utf8("区区")),
        ([Array(utf8("中国").dropLast()), utf8("中")], utf8("中国中")),
    ]

    @Test(arguments: shortcutCases)
    func shortcutAgreesWithByteWalk(byteKeys: [[UInt8]], text: [UInt8]) {
        let trie = DoubleArrayTrie(keys: byteKeys.enumerated().map { ($0.element, Int32($0.offset)) })
        var bytes = text
        // Also every text cut short inside its last character.
        for cut in [0, 1, 2] {
            if cut > 0 { bytes.removeLast() }
            bytes.withUnsafeBufferPointer { buffer in
                for start in buffer.indices {
                    var found: [Int] = []
                    trie.forEachPrefix(in: buffer, from: start) { end, value in
                        found.append(end)
                        #expect(byteKeys[Int(value)] == Array(buffer[start..<end]))
                        return true
                    }
                    let expected = byteKeys.compactMap { key -> Int? in
                        start + key.count <= buffer.count && Array(buffer[start..<start + key.count]) == key ? start + key.count : nil
                    }.sorted()
                    #expect(found == Array(Set(expected)).sorted(), "from \(start) in \(bytes)")
                }
            }
        }
    }

    /// The same on the whole ontology: a scan with the shortcut and one over the
    /// plain keys agree on a text of many kinds of names.
    @Test func shortcutAgreesOnTheOntology() {
        let lexicon = sharedExtractor.lexicon
        let text = Array("国务院办公厅印发《关于加快发展的指导意见》，北京市、河北省雄安新区和宁德时代、中国石化、曙光等企业，CATL与LG新能源。".utf8)
        text.withUnsafeBufferPointer { buffer in
            for start in buffer.indices where !UTF8Bytes.isContinuation(buffer[start]) {
                var found: [Int] = []
                lexicon.trie.forEachPrefix(in: buffer, from: start) { end, _ in found.append(end); return true }
                let plain = (start + 1...buffer.count).filter { lexicon.trie.value(of: buffer[start..<$0]) != nil }
                #expect(found == plain, "from \(start)")
            }
        }
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
