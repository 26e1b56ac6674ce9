import Foundation
import Testing
@testable import PolicyGraphCore

/// The fifth round's faster paths of the recognition passes answer as the paths they replaced:
/// the names searched in one pass for all (``NameSearch``) against a search per name, the
/// middle-dot gate against the `Character` test, the fixed words read from the patterns.
@Suite struct RecognitionPassesFifthRoundTests {
    /// Every starting byte of `needle` in `bytes`, overlapping ones too: the plain byte-by-byte scan.
    static func naiveStarts(of needle: [UInt8], in bytes: [UInt8]) -> [Int] {
        guard !needle.isEmpty, needle.count <= bytes.count else { return [] }
        return (0...(bytes.count - needle.count)).filter { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    /// What ``NameSearch/forEachStart(in:_:)`` must give: by position, then by name index.
    static func naiveSearch(_ names: [[UInt8]], in bytes: [UInt8]) -> [[Int]] {
        var pairs: [[Int]] = []
        for (index, name) in names.enumerated() {
            pairs += naiveStarts(of: name, in: bytes).map { [$0, index] }
        }
        return pairs.sorted { $0[0] != $1[0] ? $0[0] < $1[0] : $0[1] < $1[1] }
    }

    static func search(_ names: [[UInt8]], in bytes: [UInt8]) -> [[Int]] {
        var found: [[Int]] = []
        bytes.withUnsafeBufferPointer { buffer in
            NameSearch(names).forEachStart(in: buffer) { found.append([$0, $1]) }
        }
        return found
    }

    /// Names of two to four characters cut from the seeds' and dev texts' pieces (every 7th
    /// piece), searched in the whole text of each piece's neighbourhood, as ``NameSearch`` and
    /// byte by byte.
    @Test func namesInRealTextAsByteByByte() {
        let pieces = RecognitionPassSpeedTests.pieces
        #expect(pieces.count > 100)
        var checked = 0
        for block in stride(from: 0, to: pieces.count, by: 40) {
            let text = pieces[block..<min(block + 40, pieces.count)].joined(separator: "，")
            let bytes = Array(text.utf8)
            for count in [1, 2, 3, 5, 9, 20] {
                var names: [[UInt8]] = []
                var seen: Set<[UInt8]> = []
                for (offset, piece) in pieces[block..<min(block + 40, pieces.count)].enumerated() where offset % 2 == 0 {
                    let scalars = Array(piece.unicodeScalars)
                    let length = 2 + (offset + count) % 3
                    guard scalars.count >= length else { continue }
                    let start = (offset * 5) % (scalars.count - length + 1)
                    let name = Array(String(String.UnicodeScalarView(scalars[start..<(start + length)])).utf8)
                    if seen.insert(name).inserted { names.append(name) }
                    if names.count == count { break }
                }
                #expect(Self.search(names, in: bytes) == Self.naiveSearch(names, in: bytes), "\(names.map { String(decoding: $0, as: UTF8.self) })")
                checked += 1
            }
        }
        #expect(checked > 10)
    }

    /// Names that nest, repeat, overlap themselves, are one byte long, empty, longer than the
    /// text, ASCII or broken UTF-8, at every offset of a text that holds them.
    @Test(arguments: [
        ["王明", "王明高", "欧阳明高", "明高"],
        ["ABA", "ABAB", "BAB"],
        ["AB", "欧阳明高"],
        ["A", "王明"],
        ["", "王明"],
        [""],
        ["王明王明王明王明王明王明王明王明王明王明王明王明"],
        ["宁德时代", "时代", "代"],
        ["\u{FFFD}\u{FFFD}", "x\u{E9}"],
    ])
    func edgeNames(_ names: [String]) {
        let needles = names.map { Array($0.utf8) }
        let body = Array("王明高说，王明和欧阳明高、明高ABABA，宁德时代时代代AB欧阳明高\u{FFFD}\u{FFFD}x\u{E9}".utf8)
        for prefix in 0..<7 {
            // Shifted by bytes, broken UTF-8 before and after.
            let bytes = [UInt8](repeating: 0xE6, count: prefix) + body + [0xE7, 0x8E]
            #expect(Self.search(needles, in: bytes) == Self.naiveSearch(needles, in: bytes), "\(names) at \(prefix)")
        }
    }

    /// Many names of two characters that end alike (3,000 speakers): each found where it is.
    @Test func manyNamesThatEndAlike() {
        let names = (0..<3_000).map { index in
            Array("\(Character(Unicode.Scalar(UInt32(0x4E00 + index))!))\(Character(Unicode.Scalar(UInt32(0x5F00))!))".utf8)
        }
        var bytes: [UInt8] = []
        for index in stride(from: 0, to: 3_000, by: 7) { bytes += Array("副理事长".utf8) + names[index] + Array("表示，".utf8) }
        #expect(Self.search(names, in: bytes) == Self.naiveSearch(names, in: bytes))
    }

    /// `AliasResolution.occurrences` by a search per name and by one pass, from given starts,
    /// against the byte-by-byte search, on both sides of the threshold.
    @Test(arguments: [1, 2, 3, 4, 8, 9, 14])
    func occurrencesOfNamesEitherWay(count: Int) {
        let pool = ["欧阳明高", "AB", "王明", "王明高", "欧阳", "李华", "华为", "宁德时代", "时代", "蔚来", "小鹏", "理想", "比亚迪", "长安", "上汽"]
        let names = Array(pool.prefix(count))
        let text = "欧阳明高表示，王明和王明高说，AB与ABAB，李华在华为，宁德时代与时代、蔚来小鹏理想比亚迪长安上汽，欧阳明高欧阳明高"
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            let cursor = TextCursor(bytes: buffer)
            for starts in [nil, names.indices.map { $0 % 3 == 0 ? 0 : min(buffer.count + 5, 20 * $0) }] {
                let found = AliasResolution.occurrences(of: names, in: cursor, from: starts)
                for (index, name) in names.enumerated() {
                    let start = min(starts?[index] ?? 0, buffer.count)
                    #expect(found[index] == ExtractionSpeedPathTests.naiveOccurrences(of: Array(name.utf8), in: start..<buffer.count, bytes: bytes),
                            "\(name)")
                }
            }
        }
    }

    /// The choice between the two searches: one name never shares a pass, more than
    /// ``AliasResolution/namesSearchedOneByOne`` always do, and in between it depends on length.
    @Test func searchesTogetherWhenItPays() {
        let person = Array("王明".utf8), ascii = Array("AB".utf8)
        #expect(!AliasResolution.searchesTogether([person]))
        #expect(!AliasResolution.searchesTogether([person, Array("李华".utf8)]))
        #expect(AliasResolution.searchesTogether([person, Array("李华".utf8), Array("张三".utf8)]))
        #expect(!AliasResolution.searchesTogether([ascii, person, person]))
        #expect(AliasResolution.searchesTogether([[UInt8]](repeating: ascii, count: AliasResolution.namesSearchedOneByOne + 1)))
    }

    /// The fixed words' pass, which looks only at character starts, against the byte-by-byte
    /// search on broken UTF-8: stray leads and continuation bytes around and inside the words,
    /// fragments of the words strung together in a fixed pseudo-random order.
    @Test func fixedWordsAtCharacterStartsInBrokenText() {
        let words: [[UInt8]] = [Array("等".utf8), Array("联合".utf8), Array("（".utf8), Array("abc".utf8), Array("董事长".utf8),
                                [0x89, 0xE7, 0xAD]]
        let fixed = FixedWords(words)
        #expect(fixed.id(of: [0x89, 0xE7, 0xAD]) == nil)   // begins with a continuation byte: searched as before
        #expect(fixed.id(of: Array("等".utf8)) != nil)
        let fragments: [[UInt8]] = words + [[0xE7], [0xE7, 0xAD], [0xAD, 0x89], [0x89], [0xF0, 0x9F], [0xC2], [0x61], [0xEF, 0xBC],
                                            Array("，中国".utf8), Array("联".utf8)]
        var texts: [[UInt8]] = [[], [0xE7, 0xAD], [0xE7, 0xAD, 0xE7, 0xAD, 0x89], [0xE7] + words[0] + [0xE7]]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<300 {
            var text: [UInt8] = []
            for _ in 0..<24 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text += fragments[Int(state >> 33) % fragments.count]
            }
            texts.append(text)
        }
        var found = 0
        for bytes in texts {
            bytes.withUnsafeBufferPointer { buffer in
                let cursor = TextCursor(bytes: buffer, fixedWords: fixed)
                for word in words {
                    let expected = Self.naiveStarts(of: word, in: bytes)
                    #expect(cursor.occurrences(of: word, in: 0..<buffer.count, overlapping: true) == expected, "\(bytes) \(word)")
                    found += expected.count
                }
            }
        }
        #expect(found > 500)
    }

    /// The fixed words the passes read come from the patterns (they were literals in the code):
    /// the same words, in the same order, in the lists and in the shared pass.
    @Test func fixedWordsReadFromThePatterns() {
        let patterns = sharedExtractor.lexicon.ontology.patterns
        #expect(patterns.listClosers == ["等"])
        #expect(patterns.companyCodeOpeners == ["（", "("])
        #expect(patterns.measureCountWords == ["条"])
        #expect(patterns.measureAfterWords == ["措施"])
        #expect(patterns.measureOpeners == ["推出"])
        let words = sharedExtractor.lexicon.words
        #expect(words.listCloserBytes == [Array("等".utf8)])
        #expect(words.companyCodeOpenerBytes == [Array("（".utf8), Array("(".utf8)])
        #expect(words.measureCountBytes == [Array("条".utf8)])
        #expect(words.measureAfterBytes == [Array("措施".utf8)])
        for word in ["（", "等", "条"] { #expect(words.fixedWords.id(of: Array(word.utf8)) != nil, "\(word)") }
    }

    /// The middle-dot gate holds for every name whose characters include · or ・ as `Character`s.
    @Test(arguments: ["斯特凡·布拉策尔", "拉姆・伊曼纽尔", "A\u{0387}B", "·", "欧阳明高", "", "a\u{B7}\u{301}b", "王明\u{30FB}", "\u{C2}"])
    func middleDotGate(surface: String) {
        let holds = surface.contains { $0 == "·" || $0 == "・" }
        if holds { #expect(PersonRecognizer.mayHoldMiddleDot(surface)) }
        #expect(PersonRecognizer.mayHoldMiddleDot(surface) == surface.unicodeScalars.contains { [0xB7, 0x387, 0x30FB].contains($0.value) })
    }
}

/// The place words looked up as packed bytes answer as the `String` sets do.
@Suite struct PlaceWordBytesTests {
    @Test func packedWordsAsStrings() throws {
        let patterns = sharedExtractor.lexicon.ontology.patterns
        let packed = try #require(sharedExtractor.lexicon.words.placeWordBytes)
        #expect(!patterns.placeWordsLeft.isEmpty && !patterns.placeWordsRight.isEmpty)
        for word in patterns.placeWordsLeft.prefix(500) { #expect(packed.left.contains(.init(Array(word.utf8)))) }
        for word in patterns.placeWordsRight.prefix(500) { #expect(packed.right.contains(.init(Array(word.utf8)))) }
        var checked = 0, found = 0
        var pieces = RecognitionPassSpeedTests.pieces.prefix(3_000).map { $0 }
        pieces += ["美丽水乡", "长江门户", "\u{F900}丽", "美\u{301}丽", "a\r\nb"]
        for piece in pieces {
            let bytes = Array(piece.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                for start in bytes.indices where !UTF8Bytes.isContinuation(bytes[start]) {
                    for length in 1...12 where start + length <= bytes.count {
                        let range = start..<(start + length)
                        let text = String(decoding: bytes[range], as: UTF8.self)
                        guard let key = PlaceWordBytes.Key(buffer, range) else { continue }
                        #expect(packed.left.contains(key) == patterns.placeWordsLeft.contains(text), "\(text)")
                        #expect(packed.right.contains(key) == patterns.placeWordsRight.contains(text), "\(text)")
                        checked += 1
                        if patterns.placeWordsLeft.contains(text) { found += 1 }
                    }
                }
            }
        }
        #expect(checked > 1_000 && found > 10)
    }

    /// A word that is not plain leaves the `String` sets to answer.
    @Test func wordThatIsNotPlainKeepsTheStrings() {
        #expect(PlaceWordBytes(left: ["美丽"], right: ["水乡"]) != nil)
        #expect(PlaceWordBytes(left: ["美\u{F900}"], right: ["水乡"]) == nil)
    }
}
