import Foundation
import Testing
@testable import PolicyGraphCore

/// The byte-level date reading of the publication-date rules: the search for the next digit,
/// sixteen bytes at a time, answers as the byte loop.
@Suite struct DateScanTests {
    /// The first digit at or after `from`, byte by byte.
    static func byteLoop(_ bytes: ArraySlice<UInt8>, from: Int) -> Int {
        bytes[from...].firstIndex(where: DateScan.isDigit) ?? bytes.endIndex
    }

    /// A digit (or a byte next to the digits: `/`, `:`, their high-bit forms) at every place
    /// of texts of 0–50 bytes of Chinese text, searched from every place, in slices that do
    /// not start at 0: every lane of a vector, the vectors' edges and the bytes after the last.
    @Test func nextDigitAnswersAsTheByteLoopAtEveryLane() {
        let filler = Array("国务院印发关于加快发展的意见稿件".utf8)
        var failures: [String] = []
        for length in 0...50 {
            let base = (0..<length).map { filler[$0 % filler.count] }
            var texts = [base]
            for place in 0..<length {
                for byte: UInt8 in [0x30, 0x35, 0x39, 0x2F, 0x3A, 0xB0, 0xB9, 0x00, 0xFF] {
                    var text = base
                    text[place] = byte
                    texts.append(text)
                }
            }
            for text in texts {
                for start in [0, 1, 3] where start <= text.count {
                    let slice = text[start...]
                    for from in start...text.count where DateScan.nextDigit(slice, from: from) != Self.byteLoop(slice, from: from) {
                        failures.append("\(text) from \(from) of \(start)")
                    }
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
    }

    /// Text with many digits and none, and non-BMP scalars, combining marks and CR LF around them.
    @Test(arguments: ["", "2025年1月9日 08:30", "𠀀😀e\u{301}\r\n" + String(repeating: "年", count: 30) + "7",
                      String(repeating: "月", count: 40), "/:" + String(repeating: "0", count: 33)])
    func nextDigitOnText(_ text: String) {
        let bytes = Array(text.utf8)
        for from in 0...bytes.count {
            #expect(DateScan.nextDigit(bytes[...], from: from) == Self.byteLoop(bytes[...], from: from))
        }
    }
}
