import Testing
@testable import PolicyGraphCore

/// The time scan's fast paths against the paths they replace: the scan that tries
/// only the forms ``TimeFormTable`` allows finds what the scan that tries every form
/// at every start finds.
@Suite struct TimeSpeedPathTests {
    static let filtered = TimeNormalizer(vocabulary: .bundled, prefilter: true)
    static let full = TimeNormalizer(vocabulary: .bundled, prefilter: false)

    /// The expressions of `text` found both ways, compared by range, value and rules.
    static func compare(_ text: String, _ reference: ReferenceDate?) -> Int {
        let expected = full.expressions(in: text, reference: reference)
        let found = filtered.expressions(in: text, reference: reference)
        #expect(found.map(\.range) == expected.map(\.range), "\(text)")
        #expect(found.map(\.value) == expected.map(\.value), "\(text)")
        #expect(found.map(\.rules) == expected.map(\.rules), "\(text)")
        return expected.count
    }

    /// Generated texts (the property tests' pieces: numbers, units, prefixes, suffixes,
    /// relative words, separators and filler, up to 14 at a time), with five references.
    @Test(arguments: [11, 12, 13, 14])
    func generatedTextsGiveTheSameExpressions(seed: UInt64) {
        var generator = TimePropertyTests.Generator(state: seed)
        var count = 0
        for _ in 0..<4000 {
            let text = TimePropertyTests.input(&generator)
            for reference in TimePropertyTests.references { count += Self.compare(text, reference) }
        }
        #expect(count > 5_000)
    }

    /// Numbers of every length next to every unit and separator the forms read.
    @Test func numbersBeforeEveryWordGiveTheSameExpressions() {
        let numbers = ["1", "12", "123", "2025", "20251", "19871228", "198712281", "一", "十二", "二〇二五", "两千零四", "二千零二十",
                       "一二三四五六七八九", "几", "九十九", "零", "〇", "千"]
        let words = ["年", "个", "个月", "季度", "季", "世纪", "年代", "月", "日", "号", "-", "/", ".", "·", "—", "——", "–", "－", "~", "～",
                     "至", "到", "与", "和", "%", "亿", "个季度后", "年后", "年代末", "月至3月", "-2026年", "/3/3", ".9.6", ""]
        var count = 0
        for number in numbers {
            for word in words {
                for before in ["", "到", "截至", "大约", "在", "第"] {
                    for reference in [nil, ReferenceDate(year: 2025, month: 3, day: 15)] { count += Self.compare(before + number + word, reference) }
                }
            }
        }
        #expect(count > 500)
    }

    /// Which forms the table lets the parser try at the start of a text.
    @Test(arguments: [
        ("一些", []),                                             // a numeral before no unit
        ("中国", []),                                             // starts no form in running text
        ("同年", []),                                             // read only as a whole input
        ("13.5%", [.numericDate]),                               // digits before a date separator
        ("100亿元", []),                                          // digits before no unit
        ("2025年", [.counted, .centuryOrDecade, .yearPoint]),     // 年 follows a count, a decade's 年代 or a year
        ("3月", [.monthDay]),
        ("3个月", [.counted]),
        ("一季度", [.counted, .quarter]),                         // 季度 after a count or a quarter's number
        ("2024-2026年", [.numericDate, .yearPoint, .monthDay]),   // a dash after a date's, a year's or a month's number
        ("123456789年", []),                                      // longer than any number a form reads
        ("十四五", [.plan]),                                       // a plan's name starts with a numeral
        ("上个月", [.centuryOrDecade, .yearPoint, .relativeMonth, .relativeQuarter]),
        ("第一季度", [.quarter]),
        ("“十四五”", [.plan]),
        ("", []),
    ] as [(String, TimeForms)])
    func tableGivesTheFormsThatCanStart(text: String, forms: TimeForms) throws {
        let table = try #require(Self.filtered.formTable)
        let found = Array(text.utf8).withUnsafeBufferPointer { table.forms(in: $0, at: 0) }
        #expect(found == forms, "\(text): \(found.rawValue) != \(forms.rawValue)")
    }

    /// The scan tries fewer places than before, and never one the old start set left out.
    @Test func startScalarsAreASubsetOfTheFullScans() {
        #expect(Self.filtered.startScalars.isSubset(of: Self.full.startScalars))
        for word in ["中", "同", "底", "初"] { #expect(!Self.filtered.startScalars.contains(word.unicodeScalars.first!.value), "\(word)") }
        for word in ["2", "一", "上", "年", "“", "到", "截", "大"] { #expect(Self.filtered.startScalars.contains(word.unicodeScalars.first!.value), "\(word)") }
    }
}
