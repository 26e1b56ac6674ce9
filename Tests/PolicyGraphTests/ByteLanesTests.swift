import Testing
@testable import PolicyGraphCore

/// ``ByteLanes/firstBelow(_:_:)`` is exact in its lowest lane (the joiner's search reads only that
/// one), and ``ByteLanes/scalarCount(_:in:)`` counts the last bytes of a range in one word: both
/// answer as the byte loop.
@Suite struct ByteLanesTests {
    /// Bytes around every limit the joiner uses, and the ones that end its lanes' borrows.
    static let bytes: [UInt8] = [0x00, 0x01, 0x02, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x21, 0x22, 0x41, 0x7F,
                                 0x80, 0x81, 0xA0, 0xA1, 0xBF, 0xC0, 0xE1, 0xE2, 0xE3, 0xE4, 0xFE, 0xFF]

    static func firstLane(of word: [UInt8], where passes: (UInt8) -> Bool) -> Int? {
        word.firstIndex(where: passes)
    }

    static func load(_ lanes: [UInt8]) -> UInt64 {
        lanes.enumerated().reduce(0) { $0 | UInt64($1.element) << UInt64(8 * $1.offset) }
    }

    @Test func firstBelowNamesTheFirstByteThatPasses() {
        var generator = SystemRandomNumberGenerator()
        var found = 0
        for limit in [UInt8(1), 2, 0x21, 0x80] {
            for lane in 0..<8 {
                for byte in Self.bytes {
                    for _ in 0..<40 {
                        // Random neighbours, mostly bytes that do not pass, so that `byte` is often the first.
                        var lanes = (0..<8).map { _ in Self.bytes[Int.random(in: 0..<Self.bytes.count, using: &generator)] | 0x40 }
                        lanes[lane] = byte
                        let word = Self.load(lanes)
                        let mask = ByteLanes.firstBelow(word, limit)
                        let expected = Self.firstLane(of: lanes) { $0 < limit }
                        #expect((mask == 0) == (expected == nil), "\(lanes) below \(limit)")
                        if let expected {
                            #expect(ByteLanes.firstLane(mask) == expected, "\(lanes) below \(limit)")
                            found += 1
                        }
                        // The joiner's stop: below 0x21, or E2 or E3, the masks or-ed.
                        let stops = ByteLanes.firstBelow(word, 0x21) | ByteLanes.firstBelow(word ^ (ByteLanes.ones &* 0xE2), 2)
                        let stop = Self.firstLane(of: lanes) { $0 < 0x21 || $0 & 0xFE == 0xE2 }
                        #expect((stops == 0) == (stop == nil), "\(lanes)")
                        if let stop { #expect(ByteLanes.firstLane(stops) == stop, "\(lanes)") }
                    }
                }
            }
        }
        #expect(found > 1_000)
    }

    @Test func scalarCountAnswersAsTheByteLoop() {
        // Every range of texts up to 40 bytes: ideographs, ASCII, two- and four-byte scalars, malformed bytes.
        let texts: [[UInt8]] = [
            [], Array("a".utf8), Array("中文政策文件发布".utf8), Array("ab中c\r\n文é𠀀x".utf8),
            Array("国务院关于2025年工作的通知，“十四五”规划。".utf8), [0x80, 0xBF, 0xE4, 0x41, 0xC3, 0xA9, 0x80] + Array("文件".utf8),
        ]
        for text in texts {
            text.withUnsafeBufferPointer { buffer in
                for lower in 0...buffer.count {
                    for upper in lower...buffer.count {
                        let expected = buffer[lower..<upper].filter { $0 & 0xC0 != 0x80 }.count
                        #expect(ByteLanes.scalarCount(buffer, in: lower..<upper) == expected, "\(text) \(lower)..<\(upper)")
                    }
                }
            }
        }
    }
}
