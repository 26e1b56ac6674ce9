import Foundation
import Testing
@testable import PolicyGraphCore

/// The second round of speed work on text preparation, publication dates and
/// segmentation answers exactly as the code it replaced, kept here as the
/// reference: on the seeds, the dev texts and generated text (malformed bytes included).
@Suite struct TextSecondRoundSpeedPathTests {
    // MARK: Inputs

    /// The seeds and the dev texts, as files' bytes.
    static let realTexts: [[UInt8]] = {
        var texts: [[UInt8]] = []
        for folder in [repositoryRoot.appendingPathComponent("seeds"), fixturesDirectory.appendingPathComponent("dev/texts")] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for name in names.sorted() {
                if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) { texts.append(Array(data)) }
            }
        }
        return texts
    }()

    /// Generated text: pieces of news text, layout (short lines, spaces, blank lines), marks
    /// that open and close titles and quotes, digits and units, and malformed UTF-8.
    static let generatedTexts: [[UInt8]] = {
        let pieces: [[UInt8]] = ["工业和信息化部", "印发", "《", "》", "“", "”", "到", "2025", "年", "。", "，", "；", "：", "\n", "\n\n", " ",
                                 "  ", "\r\n", "\t", "\u{3000}", "锂电池", "a", "B1", "%", ".", "■", "！", "？", "!", "?", ",", ";", ":",
                                 "磷酸铁", "\u{0C}", "😀", "é", "e\u{301}", "\u{7F}", "\u{85}", "<meta", ">", "|", "-", "*",
                                 "发布时间：2025-01-20", "时间：", "发布日期", "成文日期 2024年3月5日"].map { Array($0.utf8) }
        let malformed: [[UInt8]] = [[0x80], [0xE5, 0xAE], [0xC2], [0xF0, 0x9F, 0x98], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xFF], [0x00], [0x07]]
        var generator = SplitMix(seed: 0x5EED)
        var texts: [[UInt8]] = []
        for round in 0..<400 {
            var bytes: [UInt8] = []
            let length = Int(generator.next() % 120)
            for _ in 0..<length {
                if round % 2 == 1, generator.next() % 25 == 0 {
                    bytes += malformed[Int(generator.next() % UInt64(malformed.count))]
                } else {
                    bytes += pieces[Int(generator.next() % UInt64(pieces.count))]
                }
            }
            texts.append(bytes)
        }
        return texts
    }()

    static var allTexts: [[UInt8]] { realTexts + generatedTexts }

    // MARK: Line joining: the last two scalars decoded only at white space

    @Test func lineJoiningAnswersAsTheScalarLoop() {
        #expect(Self.realTexts.count > 20)
        for (index, text) in Self.allTexts.enumerated() {
            for layoutBreaks in [true, false] {
                let median = layoutBreaks ? text.withUnsafeBufferPointer { LineJoining.medianLineLength($0) } : Double.infinity
                let new = LineJoining.join(text, layoutBreaks: layoutBreaks, numberUnits: sharedExtractor.normalizer.numberUnits)
                let old = Self.join(text, layoutBreaks: layoutBreaks, median: median)
                #expect(new.bytes == old.bytes, "text \(index), layout breaks \(layoutBreaks)")
                #expect(new.map == old.map, "text \(index), layout breaks \(layoutBreaks)")
            }
        }
    }

    @Test func medianLineLengthAnswersAsTheByteLoop() {
        for (index, text) in Self.allTexts.enumerated() {
            let median = text.withUnsafeBufferPointer { LineJoining.medianLineLength($0) }
            #expect(median == Self.naiveMedian(text), "text \(index)")
        }
    }

    /// The scalars of each line as the byte-by-byte loop counted them.
    static func naiveMedian(_ bytes: [UInt8]) -> Double {
        var lengths: [Int] = []
        var current = 0
        for byte in bytes {
            if byte == 0x0A {
                if current > 0 { lengths.append(current) }
                current = 0
            } else if !UTF8Bytes.isContinuation(byte) && byte != 0x20 && byte != 0x0D {
                current += 1
            }
        }
        if current > 0 { lengths.append(current) }
        guard !lengths.isEmpty else { return 0 }
        lengths.sort()
        return Double(lengths[lengths.count / 2])
    }

    // MARK: UTF-8 validation: runs of Chinese text and of ASCII at once

    @Test func scanAnswersAsTheScalarLoop() {
        for (index, text) in Self.allTexts.enumerated() {
            let new = TextDecoding.scanUTF8(text)
            let old = Self.scanUTF8(text)
            #expect(new.firstInvalid == old.firstInvalid && new.hasStrayControl == old.hasStrayControl, "text \(index)")
        }
    }

    // MARK: Sentences: one array of clauses for the whole text

    @Test func segmentsAnswerAsBefore() {
        for (index, text) in Self.allTexts.enumerated() {
            text.withUnsafeBufferPointer { buffer in
                let new = TextSegments(buffer).sentences
                let old = Self.segments(buffer)
                #expect(new.map(\.range) == old.map(\.range), "text \(index)")
                #expect(new.map(\.paragraph) == old.map(\.paragraph), "text \(index)")
                #expect(new.map { Array($0.clauses) } == old.map(\.clauses), "text \(index)")
            }
        }
    }

    // MARK: The replaced code, as it was
}

/// The code the second round replaced, kept as the reference.
extension TextSecondRoundSpeedPathTests {
    static func join(_ input: [UInt8], layoutBreaks: Bool, median: Double) -> (bytes: [UInt8], map: OffsetMap) {
        input.withUnsafeBufferPointer { buffer in
            var writer = ByteRewriter(input: buffer)
            let count = buffer.count
            var copiedUpTo = 0
            var index = 0
            // Scalars on the current line so far, and whether a 《 or “ is open.
            var lineLength = 0
            var openTitles = 0
            var openQuotes = 0
            var previous: UInt32 = 0        // last non-space scalar
            var beforePrevious: UInt32 = 0
            while index < count {
                let byte = buffer[index]
                if byte == 0x0A || byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                    // A run of white space: find its end and whether it breaks a line.
                    var end = index
                    var hasBreak = false
                    while end < count {
                        let b = buffer[end]
                        if b == 0x0A { hasBreak = true } else if !(b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0C) { break }
                        end += 1
                    }
                    let next: UInt32 = end < count ? UTF8Bytes.scalar(in: buffer, at: end).value : 0
                    writer.copy(copiedUpTo..<index)
                    // What the run becomes: one byte, or nothing (`nil`); no array is made for it.
                    let replacement: UInt8?
                    if hasBreak {
                        let continues = previous != 0 && next != 0 && !LineJoining.endsSentence(previous, beforePrevious)
                            && !LineJoining.startsBlock(next)
                            && (Double(lineLength) >= LineJoining.fullLineRatio * median || (layoutBreaks && (openTitles > 0 || openQuotes > 0))
                                || (ScalarClass.isDigit(previous) && LineJoining.continuesNumber(next, numberUnits: sharedExtractor.normalizer.numberUnits))
                                || LineJoining.isContinuationPunctuation(next))
                        if continues {
                            replacement = ScalarClass.isASCIIAlphanumeric(previous) && ScalarClass.isASCIIAlphanumeric(next)
                                && !(ScalarClass.isDigit(previous) && ScalarClass.isDigit(next)) ? 0x20 : nil
                        } else {
                            replacement = previous == 0 || next == 0 ? nil : 0x0A
                            openTitles = 0
                            openQuotes = 0
                        }
                        lineLength = 0
                    } else if previous == 0 || next == 0 {
                        replacement = nil
                    } else if ScalarClass.isDigit(previous) || ScalarClass.isDigit(next) {
                        let otherSide = ScalarClass.isDigit(previous) ? next : previous
                        replacement = ScalarClass.isIdeograph(otherSide) || ScalarClass.isDigit(otherSide)
                            || otherSide == 0x25 || otherSide == 0x2E ? nil : 0x20
                    } else {
                        replacement = 0x20
                    }
                    if end - index == 1, replacement == byte {
                        writer.copy(index..<end)
                    } else if let replacement {
                        writer.replace(index..<end, with: CollectionOfOne(replacement))
                    } else {
                        writer.replace(index..<end, with: EmptyCollection())
                    }
                    copiedUpTo = end
                    index = end
                    continue
                }
                let (u, length) = UTF8Bytes.scalar(in: buffer, at: index)
                switch u {
                case 0x300A: openTitles += 1
                case 0x300B: openTitles = max(0, openTitles - 1)
                case 0x201C: openQuotes += 1
                case 0x201D: openQuotes = max(0, openQuotes - 1)
                default: break
                }
                beforePrevious = previous
                previous = u
                lineLength += 1
                index += length
            }
            writer.copy(copiedUpTo..<count)
            return writer.finish()
        }
    }

    static func scanUTF8(_ bytes: [UInt8]) -> (firstInvalid: Int?, hasStrayControl: Bool) {
        bytes.withUnsafeBufferPointer { buffer -> (Int?, Bool) in
            var index = 0
            let count = buffer.count
            var control = false
            while index < count {
                let lead = buffer[index]
                if lead < 0x80 {
                    if lead < 0x20 || lead == 0x7F, lead < 0x09 || lead > 0x0D { control = true }
                    index += 1
                    continue
                }
                // The common case of Chinese text first: a three-byte sequence whose lead
                // (E1…EC, EE, EF) allows no overlong form and no surrogate.
                if lead >= 0xE1, lead != 0xED, lead <= 0xEF, index + 2 < count,
                   buffer[index + 1] & 0xC0 == 0x80, buffer[index + 2] & 0xC0 == 0x80 {
                    index += 3
                    continue
                }
                let length: Int
                let minimum: UInt32
                switch lead {
                case 0xC2...0xDF: length = 2; minimum = 0x80
                case 0xE0...0xEF: length = 3; minimum = 0x800
                case 0xF0...0xF4: length = 4; minimum = 0x10000
                default: return (index, control)
                }
                guard index + length <= count else { return (index, control) }
                var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for offset in 1..<length {
                    let byte = buffer[index + offset]
                    guard byte & 0xC0 == 0x80 else { return (index, control) }
                    value = (value << 6) | UInt32(byte & 0x3F)
                }
                if value < minimum || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) { return (index, control) }
                // A C1 control (U+0080…U+009F) is C2 80…C2 9F.
                if value <= 0x9F { control = true }
                index += length
            }
            return (nil, control)
        }
    }

    struct Sentence {
        var range: Range<Int>
        var paragraph: Int
        var clauses: [Range<Int>]
    }

    static func segments(_ bytes: UnsafeBufferPointer<UInt8>) -> [Sentence] {
        var sentences: [Sentence] = []
        var paragraph = 0
        var sentenceStart = 0
        var clauseStart = 0
        var clauses: [Range<Int>] = []
        var titleDepth = 0
        var index = 0
        func closeClause(_ end: Int, next: Int) {
            if end > clauseStart { clauses.append(clauseStart..<end) }
            clauseStart = next
        }
        func closeSentence(_ end: Int, next: Int) {
            closeClause(end, next: next)
            if end > sentenceStart { sentences.append(Sentence(range: sentenceStart..<end, paragraph: paragraph, clauses: clauses)) }
            clauses = []
            sentenceStart = next
            clauseStart = next
        }
        let count = bytes.count
        while index < count {
            // Dispatch on the lead byte: every mark below is ASCII or starts with
            // E3 (U+3000…U+3FFF) or EF (U+F000…U+FFFF); other scalars are skipped
            // undecoded, with only the length check of the default case.
            let lead = bytes[index]
            if lead >= 0x80, lead != 0xE3, lead != 0xEF {
                if index - sentenceStart > TextSegments.maximumSentence { closeSentence(index, next: index) }
                // A sequence cut short by the end counts one byte, as `UTF8Bytes.scalar` counts it.
                let length = UTF8Bytes.sequenceLength(lead: lead)
                index += index + length <= count ? length : 1
                continue
            }
            let (scalar, length) = UTF8Bytes.scalar(in: bytes, at: index)
            let next = index + length
            switch scalar {
            case 0x300A: titleDepth += 1
            case 0x300B: titleDepth = max(0, titleDepth - 1)
            case 0x0A:
                titleDepth = 0
                closeSentence(index, next: next)
                paragraph += 1
            case 0x3002, 0xFF01, 0xFF1F, 0x21, 0x3F:
                if titleDepth == 0 { closeSentence(next, next: next) }
            case 0xFF0C, 0x2C, 0xFF1B, 0x3B, 0xFF1A, 0x3A:
                guard titleDepth == 0 else { break }
                if index - sentenceStart > TextSegments.longSentence { closeSentence(index, next: next) } else { closeClause(index, next: next) }
            default:
                if index - sentenceStart > TextSegments.maximumSentence { closeSentence(index, next: index) }
            }
            index = next
        }
        closeSentence(bytes.count, next: bytes.count)
        return sentences
    }
}

extension TextSecondRoundSpeedPathTests {
    // MARK: Folding: one table entry tells every scalar's fate

    /// The scalars dropped through the table's entry are the ignorable ones, each
    /// removed inside a word and kept out of a word that folds to itself.
    @Test func ignorableScalarsAreDroppedThroughTheTable() throws {
        let folding = try Ontology.bundled().folding
        let ignorable = (UInt32(0)..<0x10000).filter { CharacterFolding.isIgnorable($0) }
        #expect(ignorable.count == 6)
        for value in ignorable {
            let scalar = Unicode.Scalar(value)!
            #expect(folding.fold("国务院\(scalar)办公厅") == "国务院办公厅", "U+\(String(value, radix: 16))")
            #expect(folding.fold(Array("發\(scalar)展".utf8)).bytes == Array("发展".utf8), "U+\(String(value, radix: 16))")
            #expect(CharacterFolding().fold("a\(scalar)b") == "ab")
        }
    }
}
