import Testing
@testable import PolicyGraphCore

/// ``TextDecoding/scanUTF8(_:)`` reads a run of ASCII bytes in one loop of its own: it finds the
/// first invalid byte, and whether a stray control character comes before it, as the scalar loop
/// does (``TextSecondRoundSpeedPathTests/scanUTF8(_:)``), for runs of every length at every
/// alignment to the eight-byte words, among every kind of scalar and malformed sequence.
@Suite struct TextDecodingTests {
    /// Runs of ASCII (line breaks, CR LF, digits, controls, DEL) of every length up to 20 between
    /// ideographs, two- and four-byte scalars, a combining mark, C1 controls and malformed bytes,
    /// with the text ending inside a run and right after one; and the empty text.
    static let asciiRunTexts: [[UInt8]] = {
        let ascii: [UInt8] = Array("\n\r\n2025 a\t\u{01}\u{7F}\u{0B}#".utf8)
        let others: [[UInt8]] = ["中", "國", "、", "Ａ", "é", "e\u{301}", "😀", "\u{200B}", "\u{85}", "\u{3000}"].map { Array($0.utf8) }
        let malformed: [[UInt8]] = [[0x80], [0xE5, 0xAE], [0xC2], [0xF0, 0x9F, 0x98], [0xED, 0xA0, 0x80], [0xE0, 0x80, 0x80], [0xFF], [0xC0, 0xAF]]
        var generator = SplitMix(seed: 0xA5C1)
        var texts: [[UInt8]] = [[], [0x0A], [0x01], Array("\r\n".utf8), Array("中\n".utf8), Array("\n中".utf8)]
        for round in 0..<1_200 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(generator.next() % 24) {
                switch generator.next() % 6 {
                case 0, 1:
                    for _ in 0..<Int(generator.next() % 21) { bytes.append(ascii[Int(generator.next() % UInt64(ascii.count))]) }
                case 2 where round % 3 == 2:
                    bytes += malformed[Int(generator.next() % UInt64(malformed.count))]
                case 2, 3:
                    bytes += others[Int(generator.next() % UInt64(others.count))]
                default:
                    bytes += Array(repeating: Array("电".utf8), count: Int(generator.next() % 6)).flatMap { $0 }
                }
            }
            texts.append(bytes)
        }
        return texts
    }()

    @Test func asciiRunsScanAsTheScalarLoop() {
        var invalid = 0, controls = 0
        for (index, text) in Self.asciiRunTexts.enumerated() {
            let new = TextDecoding.scanUTF8(text)
            let old = TextSecondRoundSpeedPathTests.scanUTF8(text)
            #expect(new.firstInvalid == old.firstInvalid && new.hasStrayControl == old.hasStrayControl, "text \(index)")
            if old.firstInvalid != nil { invalid += 1 }
            if old.hasStrayControl { controls += 1 }
        }
        // Both answers vary over the table.
        #expect(invalid > 100 && invalid < Self.asciiRunTexts.count - 100)
        #expect(controls > 100 && controls < Self.asciiRunTexts.count - 100)
    }
}
