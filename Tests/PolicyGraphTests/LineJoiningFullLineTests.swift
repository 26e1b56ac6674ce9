import Testing
@testable import PolicyGraphCore

/// ``LineJoining/isFullLine(_:_:spaces:median:)`` decides from the line's length in bytes when
/// that settles it and counts the scalars otherwise: its answer is that of counting them every
/// time (the straightforward reading), for lines of one- to four-byte scalars (ASCII, combining
/// marks, ideographs, non-BMP scalars), white space, CR, empty lines and every median around
/// the lines' lengths.
@Suite struct LineJoiningFullLineTests {
    static func counted(_ buffer: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, spaces: Int, median: Double) -> Bool {
        Double(ByteLanes.scalarCount(buffer, in: line) - spaces) >= LineJoining.fullLineRatio * median
    }

    static let pieces = ["a", "1", " ", "\r", "\u{301}", "é", "中", "《", "“", "𠀀", "𝄞", "\u{3000}"]

    @Test func boundsAnswerAsTheCount() {
        var random = SystemRandomNumberGenerator()
        var lines: [String] = ["", " ", "中", "𠀀𠀀𠀀𠀀", String(repeating: "中", count: 40), String(repeating: "a", count: 40),
                               String(repeating: "𝄞", count: 33), "e\u{301}\r\n"]
        for _ in 0..<300 {
            lines.append((0..<Int.random(in: 0...60, using: &random)).map { _ in Self.pieces.randomElement(using: &random)! }.joined())
        }
        var decidedByLength = 0
        for line in lines {
            let bytes = Array(line.utf8)
            let spaces = bytes.filter { $0 == 0x20 || $0 == 0x0D }.count
            bytes.withUnsafeBufferPointer { buffer in
                for median in stride(from: 0.0, through: Double(bytes.count) * 1.5 + 2, by: 0.5) {
                    let fast = LineJoining.isFullLine(buffer, 0..<buffer.count, spaces: spaces, median: median)
                    #expect(fast == Self.counted(buffer, 0..<buffer.count, spaces: spaces, median: median), "\(line) median \(median)")
                    let threshold = LineJoining.fullLineRatio * median
                    if Double(bytes.count - spaces) < threshold || Double(bytes.count / 4 - spaces) >= threshold { decidedByLength += 1 }
                }
            }
        }
        // The bounds decide most cases without a count, and the count decides the others.
        #expect(decidedByLength > 1000)
    }
}
