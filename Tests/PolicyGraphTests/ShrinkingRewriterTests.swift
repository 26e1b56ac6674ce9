import Testing
@testable import PolicyGraphCore

/// ``ShrinkingRewriter`` writes the bytes and the map that ``ByteRewriter`` writes for the same
/// copies and replacements, and the line joiner that writes through it answers as the scalar loop
/// (kept in ``TextSecondRoundSpeedPathTests``) on the edge cases of its input, the scalar before
/// the last one before a break (read only after a closing quote) included.
@Suite struct ShrinkingRewriterTests {
    /// One write of a pass: a copy of an input range, or a replacement of a run with a byte or nothing.
    enum Write {
        case copy(Range<Int>)
        case replace(Range<Int>, UInt8?)
    }

    static func withByteRewriter(_ input: [UInt8], _ writes: [Write]) -> (bytes: [UInt8], map: OffsetMap) {
        input.withUnsafeBufferPointer { buffer in
            var writer = ByteRewriter(input: buffer)
            for write in writes {
                switch write {
                case .copy(let range): writer.copy(range)
                case .replace(let range, let byte?): writer.replace(range, with: CollectionOfOne(byte))
                case .replace(let range, nil): writer.replace(range, with: EmptyCollection())
                }
            }
            return writer.finish()
        }
    }

    static func withShrinkingRewriter(_ input: [UInt8], _ writes: [Write]) -> (bytes: [UInt8], map: OffsetMap) {
        input.withUnsafeBufferPointer { buffer in
            ShrinkingRewriter.rewrite(buffer, expectedSegments: input.count / 16) { writer in
                for write in writes {
                    switch write {
                    case .copy(let range): writer.copy(range)
                    case .replace(let range, let byte): writer.replace(range, with: byte)
                    }
                }
            }
        }
    }

    /// Writes as a pass makes them: the input walked forward, each step a copy (empty or not,
    /// sometimes skipping input, sometimes continuing the last copy) or a replacement of a
    /// non-empty run with one byte or nothing.
    static func writes(over count: Int, generator: inout SplitMix) -> [Write] {
        var writes: [Write] = []
        var index = 0
        while index < count {
            let length = 1 + Int(generator.next() % UInt64(min(count - index, 9)))
            let range = index..<(index + length)
            switch generator.next() % 6 {
            case 0: writes.append(.replace(range, nil))
            case 1: writes.append(.replace(range, UInt8(truncatingIfNeeded: generator.next())))
            case 2: break   // input left out, as a pass that skips it
            case 3: writes.append(.copy(index..<index))
            default:
                // A copy split in two: the second continues the first's segment.
                let middle = index + length / 2
                writes.append(.copy(index..<middle))
                writes.append(.copy(middle..<(index + length)))
            }
            index += length
        }
        return writes
    }

    @Test func writesWhatByteRewriterWrites() {
        var generator = SplitMix(seed: 0x5A1F)
        for count in Array(0...40) + [63, 64, 65, 200, 1_000] {
            for _ in 0..<25 {
                let input = (0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
                let writes = Self.writes(over: count, generator: &generator)
                let new = Self.withShrinkingRewriter(input, writes)
                let old = Self.withByteRewriter(input, writes)
                #expect(new.bytes == old.bytes, "\(count) bytes, \(writes)")
                #expect(new.map == old.map, "\(count) bytes, \(writes)")
                #expect(new.bytes.count <= input.count)
            }
        }
    }

    @Test func emptyAndUnchangedInputs() {
        // Nothing written at all: an empty output and the one copy segment, as ByteRewriter gives.
        for input in [[], [0x41], Array("电池".utf8)] as [[UInt8]] {
            #expect(Self.withShrinkingRewriter(input, []).bytes == Self.withByteRewriter(input, []).bytes)
            #expect(Self.withShrinkingRewriter(input, []).map == Self.withByteRewriter(input, []).map)
            let whole: [Write] = [.copy(0..<input.count)]
            #expect(Self.withShrinkingRewriter(input, whole).bytes == input)
            #expect(Self.withShrinkingRewriter(input, whole).map == Self.withByteRewriter(input, whole).map)
        }
        // Everything replaced by nothing: an empty output with a map back to the input.
        let input = Array("  \n ".utf8)
        let removed: [Write] = [.replace(0..<input.count, nil)]
        #expect(Self.withShrinkingRewriter(input, removed).bytes.isEmpty)
        #expect(Self.withShrinkingRewriter(input, removed).map == Self.withByteRewriter(input, removed).map)
    }

    /// The edge cases of the joiner's input: empty text, only white space, CR LF, breaks at the
    /// ends, non-BMP scalars and combining marks beside breaks, marks that open titles and quotes
    /// at the last bytes, runs across the eight-byte words' boundaries.
    static let edgeTexts: [String] = [
        "", "\n", " ", "\r\n", "\n\n\n", " \t\r\n\u{0C} ", "电", "电\n", "\n电", "电\r\n池", "电\r\n\r\n池",
        "锂电池正极材料\n磷酸铁锂", "锂电池正极材料。\n磷酸铁锂", "2024\n年", "2024 年 1 月", "a\nb", "ab \n cd",
        "😀\n😀", "电😀\n池", "e\u{0301}\ne\u{0301}", "电\u{0301}\n\u{0301}池", "《标题\n续》", "“引语\n续”", "标题《", "说“",
        "1234567\n8", "12345678\n9", "电池电\n池", "电池电池电池电池电池电池\n续\n", String(repeating: "电池 ", count: 40),
        String(repeating: "电池电池电池电池\n", count: 12) + "完。",
        // A closing quote last before a break: the scalar before it decides, in the same text
        // since the last run of white space, or alone after one (then the one before that run).
        "好。”\n续", "好”\n续", "好。 ”\n续", "好 ”\n续", "”\n续", " ”\n续", "好！）\n续", "说：“好。”\r\n续", "a. \"\nb",
    ]

    @Test func joinerAnswersAsTheScalarLoopOnEdgeCases() {
        let units = sharedExtractor.normalizer.numberUnits
        for text in Self.edgeTexts {
            let bytes = Array(text.utf8)
            for median in [bytes.withUnsafeBufferPointer { LineJoining.medianLineLength($0) }, 0, 2, 8, 1_000] {
                let new = bytes.withUnsafeBufferPointer { LineJoining.joinValidUTF8($0, layoutBreaks: true, median: median, numberUnits: units) }
                let old = TextSecondRoundSpeedPathTests.join(bytes, layoutBreaks: true, median: median)
                #expect(new.bytes == old.bytes, "\(text.debugDescription), median \(median)")
                #expect(new.map == old.map, "\(text.debugDescription), median \(median)")
            }
        }
    }
}
