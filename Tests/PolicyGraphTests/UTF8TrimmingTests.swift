import Testing
@testable import PolicyGraphCore

/// ``UTF8Trimming/simpleText(_:in:limit:)`` takes a run of ideographs up to one bound (the limit
/// and the range's end in one number) instead of testing both at each ideograph: it answers as the
/// scalar loop (``TextThirdRoundSpeedPathTests/simpleTextBefore(_:in:limit:)``) for runs of every
/// length around every limit, cut short by the range's end or by a malformed byte, after white space
/// past the limit, and among non-BMP scalars, combining marks and CR LF (which the byte path declines);
/// and it counts printable ASCII, full-width forms and the CJK marks told from their bytes as the
/// scalar loop counts them (U+3000 and U+302A…U+302F, U+FF9E and U+2028 left to it).
@Suite struct UTF8TrimmingTests {
    static let pieces: [String] = ["", " ", "\u{3000}", "\n", "\r\n", "，", "a", "12", "e\u{301}", "𠀀", "“", "》",
                                   "（１）：Ａｚ～", "、。〆〩〰〿", "\u{302A}", "\u{FF9E}", "ｦ", "\u{7F}~!", "\u{2028}"]

    static var texts: [[UInt8]] {
        var texts: [[UInt8]] = []
        for run in 0...14 {
            let ideographs = String(repeating: "政", count: run)
            for before in pieces {
                for after in pieces {
                    texts.append(Array((before + "中" + ideographs + after + "文件").utf8))
                    texts.append(Array((ideographs + before + ideographs + after).utf8))
                }
            }
            // A run cut short by a malformed byte, and a lead without its continuation bytes at the end.
            texts.append(Array(("中" + ideographs).utf8) + [0xE5, 0x41] + Array("文".utf8))
            texts.append(Array(("中" + ideographs).utf8) + [0xE5, 0x8F])
            texts.append(Array(("中" + ideographs).utf8) + [0xE5])
            // Marks cut short or malformed: E3 80 and EF BC without a continuation byte after them.
            texts.append(Array(("中" + ideographs).utf8) + [0xE3, 0x80, 0x41] + Array("文".utf8))
            texts.append(Array(("中" + ideographs).utf8) + [0xEF, 0xBC, 0xC0])
            texts.append(Array(("中" + ideographs).utf8) + [0xEF, 0xBC])
            texts.append(Array(("中" + ideographs).utf8) + [0xE3, 0x80])
        }
        texts.append([])
        return texts
    }

    @Test func runsAnswerAsTheScalarLoop() {
        var cut = 0, declined = 0
        for text in Self.texts {
            text.withUnsafeBufferPointer { buffer in
                for lower in Set([0, min(1, buffer.count), min(3, buffer.count)]) {
                    for upper in Set([buffer.count, max(lower, buffer.count - 1), max(lower, buffer.count - 2)]) {
                        for limit in [1, 2, 3, 4, 5, 7, 10, 15, 16, 17, 200, Int.max] {
                            let new = UTF8Trimming.simpleText(buffer, in: lower..<upper, limit: limit)
                            let old = TextThirdRoundSpeedPathTests.simpleTextBefore(buffer, in: lower..<upper, limit: limit)
                            #expect(new == old, "\(text) \(lower)..<\(upper) limit \(limit)")
                            if new == nil { declined += 1 } else if new!.upperBound < upper { cut += 1 }
                        }
                    }
                }
            }
        }
        #expect(cut > 1_000 && declined > 1_000)
    }
}
