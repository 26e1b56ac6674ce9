import Testing
@testable import PolicyGraphCore

/// ``TimeStartGate`` against the reading it saves: where it turns a place down, the form table
/// gives no form where the lead read there ends, so the scan would have found nothing.
@Suite struct TimeStartGateTests {
    static let normalizer = TimeNormalizer(vocabulary: .bundled, prefilter: true)

    /// Whether the gate lets the place at `index` of `bytes` through (its scalar decoded there).
    static func mayStart(_ gate: TimeStartGate, _ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let (scalar, length) = UTF8Bytes.scalar(in: bytes, at: index)
        return gate.mayStart(bytes, at: index, scalar: scalar, length: length)
    }

    /// At every place of every text (generated texts and bytes, malformed included, numbers
    /// before every unit, the seeds and dev texts): where a place is turned down, no form starts
    /// where its lead ends (the place itself where it reads none).
    @Test func placesTurnedDownReadNothing() throws {
        let table = try #require(Self.normalizer.formTable)
        let gate = try #require(Self.normalizer.startGate)
        var turnedDown = 0
        var passed = 0
        var leadsRead = 0
        var numbers = 0
        for bytes in TimeFifthRoundSpeedPathTests.texts {
            bytes.withUnsafeBufferPointer { buffer in
                let parser = TimeParser(bytes: buffer, reference: nil, vocabulary: Self.normalizer.vocabulary, standalone: false,
                                        formTable: table)
                for index in 0..<buffer.count {
                    guard Self.normalizer.canStart(UTF8Bytes.scalar(in: buffer, at: index).value) else { continue }
                    guard !Self.mayStart(gate, buffer, at: index) else { passed += 1; continue }
                    turnedDown += 1
                    let lead = parser.lead(at: index)
                    #expect(table.forms(in: buffer, at: lead.end).isEmpty, "\(String(decoding: bytes, as: UTF8.self)) at \(index)")
                    if lead.end != index { leadsRead += 1 }
                    if table.startsNumberForm(UTF8Bytes.scalar(in: buffer, at: index).value) { numbers += 1 }
                }
            }
        }
        #expect(turnedDown > 5_000)
        #expect(passed > 5_000)
        #expect(leadsRead > 100)
        #expect(numbers > 1_000)
    }

    /// The first place of each text: through where a time or a lead starts there, or a number
    /// goes on; turned down where neither can, at the text's end, before a scalar beyond U+FFFF,
    /// a combining mark or CR LF.
    @Test(arguments: [
        ("今年", true), ("年底前", true), ("上半年", true), ("本月", true), ("上个月", true), ("截至2025年", true),
        ("力争到2025年", true), ("力争", true), ("大约2025年", true), ("约在2025年", true), ("在2025年", true), ("到今年", true),
        ("未来五年", true), ("在上海", true), ("在😀", true),
        ("力量", false), ("大力", false), ("年，", false), ("在会上", false), ("年", false), ("在", false), ("", false),
        ("年😀", false), ("上\u{301}", false), ("在\u{301}", false), ("年\r\n", false), ("在\r\n", false), ("力\u{10FFFF}", false),
        ("2025年", true), ("一个月后", true), ("20", true), ("1.", true), ("十四五", true), ("三季度", true), ("2025-2026年", true),
        ("一步", false), ("零碳", false), ("5%", false), ("2", false), ("一😀", false), ("一\u{301}", false), ("3\r\n", false),
    ])
    func firstPlace(text: String, through: Bool) throws {
        let gate = try #require(Self.normalizer.startGate)
        let bytes = Array(text.utf8)
        let found = bytes.withUnsafeBufferPointer { buffer in buffer.isEmpty ? false : Self.mayStart(gate, buffer, at: 0) }
        #expect(found == through)
        if through, text.hasSuffix("年") || text.hasSuffix("月") {
            #expect(Self.normalizer.expressions(in: text, reference: ReferenceDate(year: 2025, month: 3)).first?.range.lowerBound == 0)
        }
    }
}
