import Foundation
import Testing
@testable import PolicyGraphCore

/// The fifth round of speed work on text preparation answers exactly as the code it replaced:
/// the line joiner that reads valid UTF-8 eight bytes at a time gives the bytes and the map of
/// the scalar loop (kept in ``TextSecondRoundSpeedPathTests``) for every median; the word tests
/// it is built on are exact in every lane; the sentence cut with one bound test per ideograph
/// cuts where the scalar loop cut, around the bound on a sentence's length too.
@Suite struct TextFifthRoundSpeedPathTests {
    /// Valid UTF-8 with what the joiner looks at: line feeds, spaces, tabs, carriage returns and
    /// form feeds in runs, other controls (scalars to the joiner), 《》“”, other E2 and E3 marks
    /// (、。—…‘’), sentence ends before breaks, digits and units across breaks, Latin words,
    /// two- and four-byte scalars, at every alignment to the eight-byte words.
    static let generatedTexts: [[UInt8]] = {
        let pieces: [String] = ["工业和信息化部", "印发", "《", "》", "“", "”", "‘", "’", "、", "。", "—", "…", "，", "到", "2025", "年",
                                "\n", "\n\n", " ", "  ", "\r\n", "\t", "\u{0C}", "\u{0B}", "\u{01}", " \n ", "锂电池", "a", "B1", "%", ".",
                                "■", "▲", "#", "！", "？", "!", "?", "；", "：", "）", "é", "😀", "\u{3000}", "ｘ", "万", "家"]
        var generator = SplitMix(seed: 0xF1F7)
        var texts: [[UInt8]] = []
        for _ in 0..<600 {
            var text = ""
            for _ in 0..<Int(generator.next() % 90) { text += pieces[Int(generator.next() % UInt64(pieces.count))] }
            texts.append(Array(text.utf8))
        }
        // Lines of ideographs of every length up to 24 between breaks, unfinished and finished.
        for length in 0...24 {
            let line = String(repeating: "电", count: length)
            texts.append(Array("\(line)\n\(line)。\n\(line)\n“\(line)\n\(line)”\n\(line)".utf8))
        }
        return texts
    }()

    static var texts: [[UInt8]] { TextFourthRoundSpeedPathTests.decodedTexts + generatedTexts }

    // MARK: The line joiner, eight bytes at a time

    @Test func wordJoinerAnswersAsTheScalarLoop() {
        var joined = 0
        for (index, text) in Self.texts.enumerated() {
            let own = text.withUnsafeBufferPointer { LineJoining.medianLineLength($0) }
            for median in [own, 0, 1, 3, 6, 12, 40, 1_000] {
                let new = text.withUnsafeBufferPointer { LineJoining.joinValidUTF8($0, layoutBreaks: true, median: median, numberUnits: sharedExtractor.normalizer.numberUnits) }
                let old = TextSecondRoundSpeedPathTests.join(text, layoutBreaks: true, median: median)
                #expect(new.bytes == old.bytes, "text \(index), median \(median)")
                #expect(new.map == old.map, "text \(index), median \(median)")
                if new.bytes.count < text.count { joined += 1 }
            }
        }
        // Lines were joined and breaks kept: the decisions that read the line's length were taken.
        #expect(joined > 100)
    }

    @Test func normalizerTakesTheWordJoinerForPlainText() {
        // Plain decoded text: the median is known, so the word joiner runs; its answer is the
        // scalar loop's, run on the doubling pass's output with the median it counts itself.
        let folding = sharedExtractor.normalizer.folding
        for text in Self.texts {
            let normalized = sharedExtractor.normalizer.normalize(DecodedText(bytes: text, encoding: .utf8, byteOffsetInFile: 0))
            let undoubled = LayoutDoubling.remove(from: folding.fold(text).bytes)
            let median = undoubled.bytes.withUnsafeBufferPointer { LineJoining.medianLineLength($0) }
            let old = TextSecondRoundSpeedPathTests.join(undoubled.bytes, layoutBreaks: true, median: median)
            #expect(normalized.bytes == old.bytes)
            #expect(normalized.maps.last == old.map)
        }
    }

    // MARK: Word tests

    @Test func byteLanesAreExactInEveryLane() {
        var generator = SplitMix(seed: 0x1A4E)
        for value in 0...255 {
            for lane in 0..<8 {
                for _ in 0..<4 {
                    // The other lanes random: no carry or borrow may reach the lane tested.
                    var bytes = (0..<8).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
                    bytes[lane] = UInt8(value)
                    let word = bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
                    for limit: UInt8 in [1, 2, 0x21, 0x80] {
                        let mask = ByteLanes.below(word, limit)
                        #expect(mask & ~ByteLanes.highs == 0)
                        #expect((mask >> (UInt64(lane) * 8 + 7)) & 1 == (bytes[lane] < limit ? 1 : 0), "\(value) below \(limit) in lane \(lane)")
                    }
                    for byte: UInt8 in [0x0A, 0xE2, 0xE3, 0xEF] {
                        let mask = ByteLanes.equal(word, byte)
                        #expect((mask >> (UInt64(lane) * 8 + 7)) & 1 == (bytes[lane] == byte ? 1 : 0))
                    }
                    let continuation = (ByteLanes.continuations(word) >> (UInt64(lane) * 8 + 7)) & 1
                    #expect(continuation == (UTF8Bytes.isContinuation(bytes[lane]) ? 1 : 0))
                    let all = ByteLanes.below(word, 0x80) | (ByteLanes.highs & ~ByteLanes.below(word, 0x80))
                    #expect(ByteLanes.tally(all) == 8)
                    #expect(ByteLanes.tally(ByteLanes.continuations(word)) == bytes.filter(UTF8Bytes.isContinuation).count)
                    let firsts = ByteLanes.equal(word, UInt8(value))
                    #expect(ByteLanes.firstLane(firsts) == bytes.firstIndex(of: UInt8(value)))
                }
            }
        }
    }

    @Test func scalarCountAnswersAsTheByteLoop() {
        for text in Self.texts.prefix(300) {
            text.withUnsafeBufferPointer { buffer in
                for start in stride(from: 0, through: text.count, by: 7) {
                    for end in stride(from: start, through: min(text.count, start + 40), by: 3) {
                        let expected = text[start..<end].filter { !UTF8Bytes.isContinuation($0) }.count
                        #expect(ByteLanes.scalarCount(buffer, in: start..<end) == expected)
                    }
                }
            }
        }
    }

    // MARK: The sentence cut, one bound test per ideograph

    @Test(arguments: [3_990, 3_998, 3_999, 4_000, 4_001, 4_002, 4_005, 8_003])
    func segmentsAroundTheSentenceBoundAnswerAsBefore(ideographs: Int) {
        // Runs of ideographs around the bound (4,000 bytes), then a mark, a clause mark, a title,
        // a two-byte scalar, a cut-short sequence at the end: the cut falls where it fell.
        let run = String(repeating: "中", count: ideographs / 3)
        let tails: [[UInt8]] = [Array("。".utf8), Array("，后".utf8), Array("《题》".utf8), Array("é文".utf8), [0xE4, 0xB8], [0x0A], []]
        for tail in tails {
            for lead in ["", "a", "é", "😀"] {
                let text = Array((lead + run).utf8) + tail + Array(run.utf8) + tail
                text.withUnsafeBufferPointer { buffer in
                    let new = TextSegments(buffer).sentences
                    let old = TextSecondRoundSpeedPathTests.segments(buffer)
                    #expect(new.map(\.range) == old.map(\.range))
                    #expect(new.map { Array($0.clauses) } == old.map(\.clauses))
                }
            }
        }
    }

    // MARK: Folding two scalars at a time, and the UTF-8 scan

    /// Text with what folding replaces or drops (traditional characters, full-width forms, odd
    /// spaces, ignorable scalars) among ideographs at every alignment, and malformed UTF-8.
    static let foldingTexts: [[UInt8]] = {
        let pieces: [[UInt8]] = ["工业和信息化部", "國務院", "發", "《", "》", "2025", "。", "\n", " ", "锂电池", "a", "😀", "é", "\u{3000}",
                                 "ＡＢ１", "\u{200B}", "\u{AD}", "ࠀ", "\u{D7FF}", "\u{E000}", "한국", "\u{85}"].map { Array($0.utf8) }
        let malformed: [[UInt8]] = [[0x80], [0xE5, 0xAE], [0xC2], [0xF0, 0x9F, 0x98], [0xED, 0xA0, 0x80], [0xE0, 0x80, 0x80],
                                    [0xE0, 0x9F, 0xBF], [0xC0, 0xAF], [0xFF], [0xE4], [0xE4, 0x41, 0x42], [0xEF, 0xBF]]
        var generator = SplitMix(seed: 0xF01D)
        var texts: [[UInt8]] = []
        for round in 0..<1_500 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(generator.next() % 60) {
                if round % 2 == 1, generator.next() % 12 == 0 {
                    bytes += malformed[Int(generator.next() % UInt64(malformed.count))]
                } else {
                    bytes += pieces[Int(generator.next() % UInt64(pieces.count))]
                }
            }
            texts.append(bytes)
        }
        return texts + TextSecondRoundSpeedPathTests.allTexts
    }()

    @Test func foldingTwoAtATimeAnswersAsOneAtATime() {
        let folding = sharedExtractor.normalizer.folding
        var changed = 0
        for (index, text) in Self.foldingTexts.enumerated() {
            if CharacterFoldingTests.expectFoldsAsOneScalarAtATime(text, with: folding, "text \(index)") { changed += 1 }
        }
        // Texts were folded (a replaced scalar ends a run of pairs), and others passed over.
        #expect(changed > 100 && changed < Self.foldingTexts.count)
    }

    @Test func scanTwoAtATimeAnswersAsTheScalarLoop() {
        var invalid = 0
        for (index, text) in Self.foldingTexts.enumerated() {
            let new = TextDecoding.scanUTF8(text)
            let old = TextSecondRoundSpeedPathTests.scanUTF8(text)
            #expect(new.firstInvalid == old.firstInvalid && new.hasStrayControl == old.hasStrayControl, "text \(index)")
            if old.firstInvalid != nil { invalid += 1 }
        }
        #expect(invalid > 100)
    }
}

/// The code the fifth round replaced, kept as the reference.
extension TextFifthRoundSpeedPathTests {
    static func fold(_ input: [UInt8], with folding: CharacterFolding, lineLengths: inout LineLengths) -> (bytes: [UInt8], map: OffsetMap) {
        // The table through a pointer: one load per scalar, no copy-on-write check in the loop.
        folding.bmp.withUnsafeBufferPointer { bmp in
            input.withUnsafeBufferPointer { buffer in
                var writer = ByteRewriter(input: buffer)
                var runStart = 0
                var index = 0
                let count = buffer.count
                // The length of the folded text's current line so far (``LineLengths``).
                var lineLength = 0
                while index < count {
                    // Three-byte scalars that stay (most of Chinese text), decoded as `UTF8Bytes.scalar`
                    // decodes them and stepped over; then ASCII. (Wrapping adds: `index` stays below `count`.)
                    let threes = index
                    while index &+ 2 < count {
                        let lead = buffer[index]
                        guard lead &- 0xE0 <= 0x0F,
                              bmp[Int(lead & 0x0F) << 12 | Int(buffer[index &+ 1] & 0x3F) << 6 | Int(buffer[index &+ 2] & 0x3F)] == 0
                        else { break }
                        index &+= 3
                    }
                    // Each one counts once in its line (its lead byte; the others continue it).
                    lineLength &+= (index &- threes) / 3
                    guard index < count else { break }
                    let lead = buffer[index]
                    if lead < 0x80 {
                        lineLengths.count(lead, into: &lineLength)
                        index &+= 1
                        continue
                    }
                    let (u, length) = UTF8Bytes.scalar(in: buffer, at: index)
                    var replacement: [UInt8]? = nil
                    if u < 0x10000 {
                        // One load decides: no hashing for the scalars that stay.
                        let entry = bmp[Int(u)]
                        if entry == 0 {
                            lineLengths.count(UnsafeBufferPointer(rebasing: buffer[index..<min(count, index + length)]), into: &lineLength)
                            index += length
                            continue
                        }
                        if entry < CharacterFolding.dropEntry {
                            // A scalar for a scalar, written without an array.
                            writer.copy(runStart..<index)
                            writer.replace(index..<(index + length), withScalar: entry - 1)
                            // Its encoding holds one byte that is not a continuation byte, its first.
                            if entry - 1 < 0x80 { lineLengths.count(UInt8(entry - 1), into: &lineLength) } else { lineLength &+= 1 }
                            index += length
                            runStart = index
                            continue
                        }
                        replacement = entry == CharacterFolding.longEntry ? folding.bmpLong[u] : []   // `dropEntry`: removed
                    } else if !folding.astral.isEmpty, let long = folding.astral[u] {
                        replacement = long
                    }
                    if let replacement {
                        writer.copy(runStart..<index)
                        writer.replace(index..<(index + length), with: replacement)
                        lineLengths.count(replacement, into: &lineLength)
                        runStart = index + length
                    } else {
                        lineLengths.count(UnsafeBufferPointer(rebasing: buffer[index..<min(count, index + length)]), into: &lineLength)
                    }
                    index += length
                }
                lineLengths.add(lineLength)
                writer.copy(runStart..<count)
                return writer.finish()
            }
        }
    }
}
