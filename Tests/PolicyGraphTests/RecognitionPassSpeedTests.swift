import Foundation
import Testing
@testable import PolicyGraphCore

/// The faster paths of the recognition passes answer as the paths they replaced:
/// entity keys, repeated person names, generic bodies, title classes, policy cores.
@Suite struct RecognitionPassSpeedTests {
    /// Every clause-long piece of the seeds and the dev texts, normalised: real bodies and titles.
    static let pieces: [String] = RecognitionPassesTests.documents.flatMap { document in
        let normalized = sharedExtractor.normalize(SourceDocument(name: document.name, string: document.text))
        let string = String(decoding: normalized.bytes, as: UTF8.self)
        return string.split(whereSeparator: { "，。；：、\n（）《》“”".contains($0) }).map(String.init)
    }

    @Test(arguments: [0, 1, 9, 10, 99, 12_345, 99_999_999, 100_000_000, Int.max, -1, Int.min])
    func entityKeyAsInterpolated(index: Int) {
        #expect(Mention.entityKey(index) == "entity:\(index)")
    }

    /// The repeated names are found by one `memchr` search per name (few names) or by one
    /// pass (many); both take what a pass left to right takes, the longest name first, below
    /// and above the threshold (``AliasResolution/searchesTogether(_:)``).
    @Test(arguments: [1, 2, 3, 5, 12, PersonRecognizer.namesSearchedOneByOne + 3])
    func usesOfNamesEitherWay(count: Int) {
        let pool = ["王明", "王明高", "欧阳明高", "明高", "ABA", "ABAB", "李华", "华李", "张三", "三张", "赵四", "王"]
        var names = Array(pool.prefix(count)).map { Array($0.utf8) }
        if count > pool.count { names += (pool.count..<count).map { Array("名\($0)".utf8) } }
        let text = "王明高说，王明和欧阳明高、明高ABABA，李华李华张三张赵四王明高王明王"
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            let cursor = TextCursor(bytes: buffer)
            // The pass as it was written: at each scalar start, the longest name that matches.
            var expected: [(Int, Int)] = []
            var position = 0
            while position < bytes.count {
                if !UTF8Bytes.isContinuation(bytes[position]),
                   let name = names.filter({ cursor.matches($0, at: position) }).max(by: { $0.count < $1.count }) {
                    expected.append((position, name.count))
                    position += name.count
                } else {
                    position += 1
                }
            }
            let found = PersonRecognizer.uses(of: names, in: cursor)
            #expect(found.map(\.position) == expected.map(\.0))
            #expect(found.map(\.length) == expected.map(\.1))
        }
    }

    /// Generic bodies by bytes against the `String` path, on every piece of the seeds and
    /// dev texts cut to 2–16 characters, and on rows that are not plain.
    @Test func genericBodiesAsStrings() {
        let patterns = NamePatterns(lexicon: sharedExtractor.lexicon)
        #expect(sharedExtractor.lexicon.words.genericWordsArePlain)
        var bodies: Set<String> = ["该公司", "芯片设计", "新能源科技", "全资子", "人工智能", "宁远科技", "子公司", "若干\u{F900}企业", "芯片\u{301}设计", "a\r\nb"]
        for piece in Self.pieces {
            let scalars = Array(piece.unicodeScalars)
            for length in [2, 3, 4, 6, 8, 16] where scalars.count >= length {
                bodies.insert(String(String.UnicodeScalarView(scalars.suffix(length))))
                bodies.insert(String(String.UnicodeScalarView(scalars.prefix(length))))
            }
        }
        var generic = 0
        for body in bodies.sorted() {
            for company in [false, true] {
                let fast = patterns.isGeneric(body, company: company)
                #expect(fast == patterns.isGenericAsStrings(body, company: company), "\(body) company: \(company)")
                if fast { generic += 1 }
            }
        }
        #expect(generic > 10)   // the table holds both answers
    }

    /// Title classes by the last scalar against every ending tried in turn.
    @Test func titleClassesAsBefore() {
        let patterns = sharedExtractor.lexicon.ontology.patterns
        let words = sharedExtractor.lexicon.words
        #expect(words.titleEndingsByLast != nil)
        var titles = Self.pieces + patterns.titleEndings.map(\.ending) + ["", "方案\u{301}", "规划\u{F900}", "实施方案）", "实施方案(试行)"]
        titles += patterns.titleEndings.map { "关于\($0.ending)" }
        var classified = 0
        for title in titles {
            let found = words.titleClass(of: title)
            #expect(found == patterns.titleClass(of: title), "\(title)")
            if found != nil { classified += 1 }
        }
        #expect(classified > 50)
    }

    @Test(arguments: ["policy:实施方案", "policy:", "policy:\u{301}方案", "policy:a", "entity:12", "policy:《纲要》", "po"])
    func policyCoreAsDropFirst(key: String) {
        #expect(AliasResolution.policyCore(of: key) == String(key.dropFirst("policy:".count)))
    }

    /// Qualifiers are removed as before when the last byte does not close a parenthesis.
    @Test(arguments: ["实施方案（试行）", "实施方案(试行)", "实施方案", "规划（2021-2035年）", "方案）", "", "办法（征求意见稿）"])
    func qualifierRemoval(title: String) {
        let qualifiers = sharedExtractor.lexicon.ontology.patterns.titleQualifiers
        let removed = TitleRecognizer.removingQualifier(title, qualifiers: qualifiers, yearUnits: ["年"])
        if let last = title.unicodeScalars.last, last == ")" || last == "）" {
            #expect(title.hasPrefix(removed))
        } else {
            #expect(removed == title)
        }
    }

    /// A company's core without its generic endings, found by the last scalar, against every
    /// generic word tried as a `String`, the longest first, until none ends the core: on the
    /// pieces of the seeds and dev texts, on cores built from the generic words themselves,
    /// and on rows that are not plain (they take the `String` path).
    @Test func genericEndingsAsStrings() {
        let lexicon = sharedExtractor.lexicon
        let generic = lexicon.ontology.patterns.genericBodies
        #expect(lexicon.words.genericWordsArePlain)
        let ordered = generic.sorted { ($0.utf8.count, $1) > ($1.utf8.count, $0) }
        func reference(_ core: String) -> String {
            var core = core
            while let word = ordered.first(where: { core.hasSuffix($0) && $0.count >= 2 && core.count - $0.count >= 2 }) {
                core = String(core.dropLast(word.count))
            }
            return core
        }
        var cores: Set<String> = ["", "易", "易来科得", "易来科得科技", "芯片\u{301}科技", "a\r\n科技"]
        for word in generic.sorted() { cores.insert("易来科得\(word)"); cores.insert("宁远\(word)\(word)"); cores.insert(word) }
        for piece in Self.pieces {
            let scalars = Array(piece.unicodeScalars)
            for length in [2, 3, 4, 6, 8, 16] where scalars.count >= length {
                cores.insert(String(String.UnicodeScalarView(scalars.suffix(length))))
            }
        }
        var cut = 0
        for core in cores.sorted() {
            let found = AliasResolution.removingGenericEndings(core, words: lexicon.words, genericBodies: generic)
            #expect(found == reference(core), "\(core)")
            if found != core { cut += 1 }
        }
        #expect(cut > 50)   // the table holds cores that lose words
    }

    /// Mentions without some offsets, in one pass, against `enumerated().filter`.
    @Test(arguments: [
        [],             // nothing removed
        [0],            // the first
        [4],            // the last
        [3, 1, 3],      // any order, a repeat
        [0, 1, 2, 3, 4], // all
        [-1, 5, 2],     // offsets outside the array are ignored
    ]) func removingOffsetsAsFiltered(offsets: [Int]) {
        let mentions = (0..<5).map { Mention(range: $0..<($0 + 1), type: .company, surface: "名\($0)", entityIndex: nil, rule: "test", key: "k\($0)") }
        let expected = mentions.enumerated().filter { !Set(offsets).contains($0.offset) }.map(\.element)
        #expect(mentions.removing(offsets: offsets) == expected)
    }

    /// A mention's fields share one box: a changed copy leaves the original as it was.
    @Test func mentionCopiesAreValues() {
        let original = Mention(range: 0..<3, type: .company, surface: "宁远", entityIndex: 4, rule: "dictionary", key: "entity:4")
        var copy = original
        copy.key = "company:宁远"
        copy.extraAliases.append("宁远科技")
        copy.affiliation = "entity:1"
        #expect(original.key == "entity:4" && original.extraAliases.isEmpty && original.affiliation == nil)
        #expect(copy.key == "company:宁远" && copy.extraAliases == ["宁远科技"] && copy.affiliation == "entity:1")
        #expect(copy != original)
        copy.key = original.key
        copy.extraAliases = []
        copy.affiliation = nil
        #expect(copy == original && copy.hashValue == original.hashValue)
    }

    /// The scan's ASCII word test in two comparisons, against the three ranges, on every byte;
    /// and a character's bytes packed without the loop, against the loop.
    @Test func scannerByteTestsAsRanges() {
        let scanner = DictionaryScanner(lexicon: sharedExtractor.lexicon)
        for value in 0...255 {
            let byte = UInt8(value)
            let ranges = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            #expect(scanner.isWordByte(byte) == ranges, "\(byte)")
        }
        let bytes = Array("宁a远𠀀科技".utf8)
        for start in bytes.indices {
            for length in 1...4 where start + length <= bytes.count {
                var looped: UInt32 = 0
                for offset in 0..<length { looped = looped << 8 | UInt32(bytes[start + offset]) }
                #expect(LeadCharacterIndex.packed(bytes, from: start, length: length) == looped)
            }
        }
    }

    /// The company context words (some begin with the same character, which their searches
    /// share: 董事长, 董事会秘书, 董秘) are found together as a search per word finds them,
    /// in the order of one pass, on every seed and dev text and on the words strung together.
    @Test func contextWordsFoundTogetherAsOneByOne() {
        let patterns = sharedExtractor.lexicon.ontology.patterns
        let words = patterns.companyAfterWords + patterns.companyBeforeWords
        let needles = words.map { Array($0.utf8) }
        #expect(TextCursor.byFirstCharacter(needles).contains { $0.members.count > 1 }, "no two words share a first character")
        let texts = Self.pieces + [words.joined(), words.joined(separator: "、"), String(words.joined().reversed())]
        for text in texts {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                let cursor = TextCursor(bytes: buffer)
                var expected: [(position: Int, needle: Int)] = []
                for (index, needle) in needles.enumerated() {
                    expected += ExtractionSpeedPathTests.naiveOccurrences(of: needle, in: 0..<buffer.count, bytes: bytes).map { ($0, index) }
                }
                expected.sort { $0.position != $1.position ? $0.position < $1.position : $0.needle < $1.needle }
                let found = cursor.occurrences(ofAny: needles, in: 0..<buffer.count)
                #expect(found.map(\.position) == expected.map(\.position), "\(text)")
                #expect(found.map(\.needle) == expected.map(\.needle), "\(text)")
            }
        }
    }
}
