import Foundation
import Testing
@testable import PolicyGraphCore

/// The recognizer's fifth-round paths answer as the ones they replaced: the scan that hands
/// a character read for the pair filter on to the next position, and reads three bytes in
/// one load, against a walk per position through `forEachPrefix` (the fourth round's
/// reference), at every cut of a text's end and before every kind of following character.
@Suite struct RecognizerFifthRoundSpeedPathTests {
    static var scanner: DictionaryScanner { sharedExtractor.recognizer.scanner }

    /// Characters a Chinese character may be followed by: another, ASCII letters, digits and
    /// spaces, two-byte (·, é), four-byte (𠀀, an emoji) and broken sequences (a lone
    /// continuation byte, a lead byte without its continuations, E4 before ASCII).
    static let followers: [[UInt8]] = [
        Array("国".utf8), Array("A".utf8), Array("7".utf8), Array(" ".utf8), Array("\n".utf8), Array("·".utf8),
        Array("é".utf8), Array("𠀀".utf8), Array("😀".utf8), [0x80], [0xE4], [0xE4, 0xB8], [0xE4, 0x41], [0xFF],
        Array("、".utf8), Array("（".utf8), Array("》".utf8),
    ]

    /// The scan as the fourth round's reference walk on `bytes`.
    static func expectSameTokens(_ bytes: [UInt8], _ comment: @autoclosure () -> String = "") {
        bytes.withUnsafeBufferPointer { buffer in
            let scanned = scanner.scan(buffer)
            let expected = RecognizerFourthRoundSpeedPathTests.walkPerPosition(scanner, buffer)
            #expect(scanned == expected, "\(comment())")
        }
    }

    /// Every text of the seeds and the dev set, and the generated texts, whole and cut at each
    /// of the last eight bytes (inside a character, between characters, before a tail shorter
    /// than the four-byte load).
    @Test func scanAsWalkPerPositionAtEveryEnd() {
        let texts = RecognizerFourthRoundSpeedPathTests.texts + RecognizerFourthRoundSpeedPathTests.generated
        #expect(texts.count >= 60)
        for (number, text) in texts.enumerated() {
            Self.expectSameTokens(text, "text \(number)")
            for cut in 1...8 where cut < text.count {
                Self.expectSameTokens(Array(text.dropLast(cut)), "text \(number) less \(cut) bytes")
            }
        }
    }

    /// Each word of the seeds and dev texts followed by each kind of character, alone and
    /// strung together: a key's first character before something the pair filter does not
    /// cover, the character handed on being cut or broken.
    @Test func scanAsWalkPerPositionBeforeEveryFollower() {
        let words = RecognizerFourthRoundSpeedPathTests.texts.flatMap { text in
            String(decoding: text, as: UTF8.self).split(whereSeparator: { "，。；：\n（）《》“”".contains($0) })
                .prefix(40).map { Array($0.utf8) }
        }
        #expect(words.count > 400)
        var strung: [UInt8] = []
        for (number, word) in words.enumerated() {
            let follower = Self.followers[number % Self.followers.count]
            // The word's first characters alone, before the follower, as a whole text.
            for length in [3, 6, 9] where length <= word.count {
                Self.expectSameTokens(Array(word.prefix(length)) + follower, "word \(number) \(length)")
            }
            strung += word + follower
        }
        Self.expectSameTokens(strung, "strung")
        #expect(Self.scanner.scan(strung).count > 1_000)
    }

    /// The four-byte load packs three bytes as the byte-by-byte reading does, at every offset,
    /// with and without a fourth byte after them.
    @Test func packedCharacterAsBytes() {
        let bytes: [UInt8] = Array("国务院印发《方案》A·é😀".utf8) + [0x80, 0xE4, 0xFF]
        bytes.withUnsafeBufferPointer { buffer in
            for start in 0...(buffer.count - 3) {
                let expected = UInt32(buffer[start]) << 16 | UInt32(buffer[start + 1]) << 8 | UInt32(buffer[start + 2])
                #expect(DoubleArrayTrie.Tables.packedCharacter(buffer, at: start) == expected)
                let three = UnsafeBufferPointer(rebasing: buffer[start..<(start + 3)])
                #expect(DoubleArrayTrie.Tables.packedCharacter(three, at: 0) == expected)
            }
        }
    }
}
