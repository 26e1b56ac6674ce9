import Foundation
import Testing
@testable import PolicyGraphCore
@testable import PolicyGraphExport

/// The exports' byte buffer: what is appended is what the file gets, across blocks and
/// beyond the buffer's first capacity, and numbers are `String(_:)`'s digits.
@Suite struct ByteBufferTests {
    /// Single bytes, static strings, strings (ASCII, CJK, non-BMP, combining marks, CR LF, empty)
    /// and one value longer than a block, appended to a file and read back.
    @Test func theFileHoldsWhatWasAppended() throws {
        let path = ExportTests.temporary("buffer.bin")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let values = ["", "ascii", "政策文件", "𠀀😀", "e\u{301}", "\r\n", String(repeating: "长", count: 3 * ByteBuffer.blockSize)]
        var expected: [UInt8] = []
        var buffer = ByteBuffer(file: try StreamedFile(path: path))
        for round in 0..<2000 {
            let value = values[round % values.count]
            buffer.append(0x5B)
            buffer.append("static")
            buffer.appendUTF8(value)
            buffer.appendDecimal(round - 1000)
            buffer.append(0x5D)
            expected += [0x5B] + Array("static".utf8) + Array(value.utf8) + Array(String(round - 1000).utf8) + [0x5D]
            try buffer.handOverIfFull()
        }
        try buffer.finish()
        let written = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(written == Data(expected))
        #expect(written.count > 10 * ByteBuffer.blockSize)
    }

    /// Without a file the buffer grows and keeps everything.
    @Test func withoutAFileEverythingIsKept() throws {
        var buffer = ByteBuffer(file: nil)
        let long = String(repeating: "x", count: 5 * ByteBuffer.blockSize + 7)
        buffer.appendUTF8(long)
        buffer.append(0x21)
        try buffer.handOverIfFull()
        let bytes = buffer.bytes
        #expect(bytes == Array(long.utf8) + [0x21])
    }

    @Test(arguments: [0, 1, 9, 10, 99, 100, 12_345, -1, -10, 1_000_000, Int.max, Int.min])
    func decimalsAreTheDescription(value: Int) {
        var buffer = ByteBuffer(file: nil)
        buffer.appendDecimal(value)
        let text = String(decoding: buffer.bytes, as: UTF8.self)
        #expect(text == String(value))
    }
}
