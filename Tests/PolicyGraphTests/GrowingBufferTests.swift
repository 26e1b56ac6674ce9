import Testing
@testable import PolicyGraphCore

/// The growing buffer (the scan's tokens, the fixed words' starts) keeps every value appended,
/// in order, whether it fits the room given at the start (one token every 8 bytes for the scan)
/// or has to grow past it.
@Suite struct GrowingBufferTests {
    static func tokens(_ count: Int) -> [Token] {
        (0..<count).map { Token(start: $0 * 3, end: $0 * 3 + 3, payload: Int32($0 % 7), inContext: $0 % 5 == 0) }
    }

    @Test(arguments: [(1, 0), (1, 1), (1, 2), (4, 3), (4, 4), (4, 5), (16, 100), (3, 1_000)])
    func keepsEveryTokenInOrder(capacity: Int, count: Int) {
        var buffer = GrowingBuffer<Token>(capacity: capacity)
        defer { buffer.deallocate() }
        #expect(buffer.last == nil)
        let expected = Self.tokens(count)
        for token in expected {
            buffer.append(token)
            #expect(buffer.last == token)
        }
        #expect(buffer.count == count)
        #expect((0..<buffer.count).map { buffer[$0] } == expected)
        #expect(buffer.array == expected)
    }

    /// A text of two-character keys back to back (places): a token every 6
    /// bytes, more than the room given at the start, all kept as a walk per position finds them.
    @Test func scanPastTheInitialRoom() {
        let scanner = sharedExtractor.recognizer.scanner
        let bytes = Array(String(repeating: "北京上海天津重庆", count: 100).utf8)
        bytes.withUnsafeBufferPointer { buffer in
            let scanned = scanner.scan(buffer)
            #expect(scanned.count > bytes.count / 8 + 16)
            #expect(scanned == RecognizerFourthRoundSpeedPathTests.walkPerPosition(scanner, buffer))
        }
    }
}
