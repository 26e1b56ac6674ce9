import Testing
@testable import PolicyGraphCore

/// ``ByteRewriter/finish(copyingFrom:sharing:)`` hands back the pass's input itself, with the
/// identity map, when the pass wrote nothing and copies from the start: the bytes and the map are
/// those of copying the rest and finishing (the straightforward reading), and folding and the
/// doubling pass, which finish so, give what they gave before, sharing the input's storage
/// exactly when they changed nothing.
@Suite struct ByteRewriterTests {
    /// Texts with nothing to fold or collapse, and texts with something: empty, ASCII, CR LF,
    /// combining marks, non-BMP scalars, ideographic spaces and traditional characters at the
    /// start, the middle and the end, a doubled headline, a zero-width space to drop.
    static let texts: [String] = [
        "", "a", "\n", "\r\n", "abc\r\ndef\r\n", "政策\n文件", "e\u{301}中文", "𠀀𝄞 中\u{301}",
        "\u{3000}开头", "中间\u{3000}空格", "结尾\u{3000}", "國務院發布", "发布國", "全角１２３",
        "动力电池技术新能量足动力电池技术新能量足\n正文", "零宽\u{200B}空格", "\u{200B}",
        "标题\n\n车网互动车网互动““试水试水””\r\n下一行",
    ]

    /// Every way a pass can stop: nothing written, a copy, a replacement, a deletion at the start,
    /// then the rest copied from `start`.
    @Test func sharingFinishAgreesWithCopyingTheRest() {
        for text in Self.texts {
            let input = Array(text.utf8)
            let count = input.count
            var cases: [(writes: [(Range<Int>, [UInt8]?)], start: Int)] = [([], 0)]
            for cut in Set([0, count / 2, count]) {
                cases.append(([], cut))
                cases.append(([(0..<cut, nil)], cut))
                cases.append(([(0..<cut, [])], cut))
                if cut < count { cases.append(([(0..<cut, nil), (cut..<(cut + 1), [0x20])], cut + 1)) }
            }
            for (writes, start) in cases {
                let (shared, plain) = input.withUnsafeBufferPointer { buffer in
                    var sharing = ByteRewriter(input: buffer), copying = ByteRewriter(input: buffer)
                    for (range, bytes) in writes {
                        if let bytes {
                            sharing.replace(range, with: bytes)
                            copying.replace(range, with: bytes)
                        } else {
                            sharing.copy(range)
                            copying.copy(range)
                        }
                    }
                    copying.copy(start..<count)
                    return (sharing.finish(copyingFrom: start, sharing: input), copying.finish())
                }
                #expect(shared.bytes == plain.bytes, "\(text) \(writes) \(start)")
                #expect(shared.map == plain.map, "\(text) \(writes) \(start)")
            }
        }
    }

    /// Room made for the map's segments (the line joiner's) changes neither the bytes nor the
    /// map, with fewer segments than the room and with more.
    @Test func roomForSegmentsChangesNothing() {
        for text in Self.texts {
            let input = Array(text.utf8)
            for room in [0, 1, 2, input.count / 16, input.count] {
                let (roomy, plain) = input.withUnsafeBufferPointer { buffer in
                    var roomy = ByteRewriter(input: buffer, expectedSegments: room), plain = ByteRewriter(input: buffer)
                    // Every other byte replaced by a space, the others copied: one segment per byte.
                    for index in 0..<buffer.count {
                        if index % 2 == 0 {
                            roomy.copy(index..<(index + 1))
                            plain.copy(index..<(index + 1))
                        } else {
                            roomy.replace(index..<(index + 1), with: [0x20])
                            plain.replace(index..<(index + 1), with: [0x20])
                        }
                    }
                    return (roomy.finish(), plain.finish())
                }
                #expect(roomy.bytes == plain.bytes && roomy.map == plain.map, "\(text) room \(room)")
                #expect(roomy.map.segments.count == max(1, input.count), "\(text)")
            }
        }
    }

    /// Folding gives the bytes, map and line lengths of folding one scalar at a time, and
    /// folding and the doubling pass share their input's storage exactly when their map is the
    /// identity (they changed nothing), on these texts and the decoded seeds, dev texts and
    /// generated texts of the earlier rounds.
    @Test func unchangedPassesShareTheirInput() {
        let folding = sharedExtractor.normalizer.folding
        var shared = 0, changed = 0
        for input in Self.texts.map({ Array($0.utf8) }) + TextFifthRoundSpeedPathTests.texts {
            var lengths = LineLengths(), oldLengths = LineLengths()
            let folded = folding.fold(input, lineLengths: &lengths)
            let old = TextFifthRoundSpeedPathTests.fold(input, with: folding, lineLengths: &oldLengths)
            #expect(folded.bytes == old.bytes && folded.map == old.map, "\(input)")
            #expect(lengths.median == oldLengths.median, "\(input)")
            let undoubled = LayoutDoubling.remove(from: folded.bytes)
            for (result, source) in [(folded, input), (undoubled, folded.bytes)] {
                if result.map.isIdentity {
                    #expect(result.bytes == source)
                    #expect(source.isEmpty || Self.sharesStorage(result.bytes, source))
                    shared += 1
                } else {
                    #expect(!Self.sharesStorage(result.bytes, source))
                    changed += 1
                }
            }
        }
        #expect(shared > 10 && changed > 10)
    }

    static func sharesStorage(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in x.baseAddress != nil && x.baseAddress == y.baseAddress } }
    }
}
