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
    @Test(arguments: [11, 12])
    func generatedTextsGiveTheSameExpressions(seed: UInt64) {
        var generator = TimePropertyTests.Generator(state: seed)
        var count = 0
        for _ in 0..<3000 {
            let text = TimePropertyTests.input(&generator)
            for reference in TimePropertyTests.references { count += Self.compare(text, reference) }
        }
        #expect(count > 4_000)
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
        ("上个月", [.centuryOrDecade, .relativeMonth, .relativeQuarter]),  // 上个世纪, 上个月, 上个季度; no year word starts 上个
        ("上年", [.yearPoint]),
        ("上", []),                                               // no form's word is 上 alone
        ("年，", []),                                              // 年 starts 年内, 年初 …, not 年，
        ("年内", [.yearPoint]),
        ("本报", []),
        ("明年", [.yearPoint]),
        ("未来", [.window]),
        ("第", [.quarter]),                                       // 第 alone is a word of the quarter form
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

    /// The scan as it was before its loop decoded three-byte scalars itself: every scalar
    /// decoded with ``UTF8Bytes/scalar(in:at:)``, every start tried with every form.
    static func referenceExpressions(in bytes: UnsafeBufferPointer<UInt8>, reference: ReferenceDate?) -> [TimeExpression] {
        let vocabulary = full.vocabulary
        let folded = referenceFold(bytes, vocabulary)
        return folded.withUnsafeBufferPointer { buffer in
            let parser = TimeParser(bytes: buffer, reference: reference, vocabulary: vocabulary, standalone: false)
            var result: [TimeExpression] = []
            var index = 0
            var previous: UInt32 = 0
            while index < buffer.count {
                if UTF8Bytes.isContinuation(buffer[index]) { index += 1; continue }
                let (scalar, length) = UTF8Bytes.scalar(in: buffer, at: index)
                if full.startScalars.contains(scalar),
                   !((ScalarClass.isDigit(scalar) && ScalarClass.isDigit(previous)) || (TimeParser.isNumeral(scalar) && TimeParser.isNumeral(previous))),
                   let (value, end, rules) = parser.parseExplained(at: index) {
                    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
                    result.append(TimeExpression(range: index..<end, text: text, value: value, rules: rules))
                    index = end
                    previous = 0
                    continue
                }
                previous = scalar
                index += length
            }
            return result
        }
    }

    /// The folding as it was: every scalar from E0 up decoded with ``UTF8Bytes/scalar(in:at:)``.
    static func referenceFold(_ bytes: UnsafeBufferPointer<UInt8>, _ vocabulary: TimeVocabulary) -> [UInt8] {
        var result = Array(bytes)
        var index = 0
        while index < bytes.count {
            if bytes[index] < 0xE0 { index += 1; continue }
            let (scalar, length) = UTF8Bytes.scalar(in: bytes, at: index)
            if let replacement = vocabulary.foldTable[scalar], replacement.count == length {
                for offset in 0..<length { result[index + offset] = replacement[offset] }
            }
            index += length
        }
        return result
    }

    /// Generated byte strings: the pieces' bytes, cut anywhere, with stray lead and
    /// continuation bytes and traditional characters, so that truncated and malformed
    /// sequences meet every path of the scan, the folding and the word lists.
    static func bytes(_ generator: inout TimePropertyTests.Generator) -> [UInt8] {
        let extra = ["後", "於", "來", "內", "兩", "個", "\u{FF0D}", "\u{1F600}"]
        var result: [UInt8] = []
        for _ in 0..<(1 + generator.below(16)) {
            switch generator.below(8) {
            case 0: result.append([0xE4, 0xE5, 0x80, 0xB9, 0xC2, 0xF0, 0xFF, 0x2D][generator.below(8)])
            case 1:
                let piece = Array(TimePropertyTests.pieces[generator.below(TimePropertyTests.pieces.count)].utf8)
                result += piece.prefix(generator.below(piece.count + 1))
            case 2: result += Array(extra[generator.below(extra.count)].utf8)
            default: result += Array(TimePropertyTests.pieces[generator.below(TimePropertyTests.pieces.count)].utf8)
            }
        }
        return result
    }

    /// On any bytes, the scan finds what the reference scan finds, and the folding folds
    /// what the reference folding folds.
    @Test(arguments: [21, 22])
    func generatedBytesGiveTheSameExpressions(seed: UInt64) {
        var generator = TimePropertyTests.Generator(state: seed)
        var count = 0
        for _ in 0..<2000 {
            let bytes = Self.bytes(&generator)
            bytes.withUnsafeBufferPointer { buffer in
                #expect(Self.filtered.vocabulary.fold(buffer) == Self.referenceFold(buffer, Self.full.vocabulary), "\(bytes)")
                for reference in [nil, ReferenceDate(year: 2025, month: 3, day: 15)] {
                    let expected = Self.referenceExpressions(in: buffer, reference: reference)
                    let found = Self.filtered.expressions(in: buffer, reference: reference)
                    #expect(found.map(\.range) == expected.map(\.range), "\(bytes)")
                    #expect(found.map(\.value) == expected.map(\.value), "\(bytes)")
                    #expect(found.map(\.rules) == expected.map(\.rules), "\(bytes)")
                    count += expected.count
                }
            }
        }
        #expect(count > 500)
    }

    /// What the scan finds in `folded`, the whole text folded first, read against `original`:
    /// the reading every faster path (in place, resumed in the folded copy) must give.
    static func foldedReading(_ folded: [UInt8], of original: UnsafeBufferPointer<UInt8>, by normalizer: TimeNormalizer,
                              reference: ReferenceDate?) -> [TimeExpression] {
        var unused = 0
        return folded.withUnsafeBufferPointer {
            normalizer.scan($0, original: original, reference: reference, inPlace: false, foldFrom: &unused) ?? []
        }
    }

    /// Read in place (without a folded copy), the scan finds what the scan of the folded text
    /// finds; when it reads the text in place, folding changes nothing in it, and when it stops,
    /// folding from where it stopped gives the whole text folded. Traditional characters, 『』
    /// and 「」 before, inside and after expressions, and a two-byte lead before one (folding
    /// steps one byte from it) meet every place the scan stops at.
    @Test(arguments: [41, 42])
    func readingInPlaceGivesTheFoldedReading(seed: UInt64) {
        var generator = TimePropertyTests.Generator(state: seed)
        let normalizer = Self.filtered
        let inserts = [[0xC2] + Array("後".utf8), Array("『十四五』".utf8), Array("「".utf8), Array("2030年後".utf8),
                       Array("·".utf8), Array("於2026年".utf8), Array("」".utf8)]
        var readInPlace = 0, readFolded = 0
        for _ in 0..<3000 {
            var bytes = Self.bytes(&generator)
            if generator.below(3) == 0 {
                bytes.insert(contentsOf: inserts[generator.below(inserts.count)], at: generator.below(bytes.count + 1))
            }
            bytes.withUnsafeBufferPointer { buffer in
                let folded = normalizer.vocabulary.fold(buffer)
                for reference in [nil, ReferenceDate(year: 2025, month: 3, day: 15)] {
                    let expected = TimeSpeedPathTests.foldedReading(folded, of: buffer, by: normalizer, reference: reference)
                    let found = normalizer.expressions(in: buffer, reference: reference)
                    #expect(found.map(\.range) == expected.map(\.range), "\(bytes)")
                    #expect(found.map(\.value) == expected.map(\.value), "\(bytes)")
                    #expect(found.map(\.rules) == expected.map(\.rules), "\(bytes)")
                    #expect(found.map(\.text) == expected.map(\.text), "\(bytes)")
                    var foldFrom = 0
                    if normalizer.scan(buffer, original: buffer, reference: reference, inPlace: true, foldFrom: &foldFrom) == nil {
                        #expect(normalizer.vocabulary.fold(buffer, from: foldFrom) == folded, "\(bytes)")
                        readFolded += 1
                    } else {
                        #expect(folded == bytes, "\(bytes)")
                        readInPlace += 1
                    }
                }
            }
        }
        #expect(readInPlace > 500)
        #expect(readFolded > 500)
    }

    /// The lead as the parser read it before its prefixes were one list: the deadline
    /// prefixes, then the aims (with a preposition after them), then the prepositions.
    static func referenceLead(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> TimeParser.Lead {
        typealias P = TimeParser
        var lead = P.Lead(end: start)
        if let (_, end) = P.approximateWords.first(in: bytes, at: start) { lead.approximate = true; lead.end = end }
        if let (_, end) = P.untilPrefixes.first(in: bytes, at: lead.end) {
            lead.prefix = .past; lead.end = end
        } else if let (_, end) = P.aimPrefixes.first(in: bytes, at: lead.end) {
            lead.prefix = .aim; lead.end = end
            if let (word, after) = P.aimPrepositions.first(in: bytes, at: end) { lead.end = after; lead.prefix = P.aimPrepositionKinds[word] }
        } else if let (word, end) = P.prefixes.first(in: bytes, at: lead.end) {
            lead.prefix = P.prefixKinds[word]; lead.end = end
        }
        return lead
    }

    /// The lead (approximation and prefix) read with one list of prefixes is the lead read
    /// with the three lists in turn: at every place of every pair of lead words and of
    /// generated bytes.
    @Test func leadReadsAsTheListsInTurn() {
        typealias P = TimeParser
        let words = [""] + P.approximateWords.words + P.untilPrefixes.words + P.aimPrefixes.words + P.prefixes.words + P.aimPrepositions.words
        var texts = words.flatMap { first in words.flatMap { second in ["", "2025年", "截", "力"].map { first + second + $0 } } }.map { Array($0.utf8) }
        var generator = TimePropertyTests.Generator(state: 61)
        for _ in 0..<1000 { texts.append(Self.bytes(&generator)) }
        var prefixed = 0
        for bytes in texts {
            bytes.withUnsafeBufferPointer { buffer in
                let parser = P(bytes: buffer, reference: nil, vocabulary: Self.filtered.vocabulary, standalone: false)
                for index in 0...buffer.count {
                    let lead = parser.lead(at: index)
                    #expect(lead == Self.referenceLead(buffer, at: index), "\(bytes) at \(index)")
                    if lead.prefix != nil { prefixed += 1 }
                }
            }
        }
        #expect(prefixed > 1000)
    }

    /// ``TimeVocabulary/firstFolded(_:in:)`` as it was before it shared the folding's steps
    /// (``TimeVocabulary/nextFolded(_:from:before:foldBits:)``).
    static func referenceFirstFolded(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>, _ vocabulary: TimeVocabulary) -> Int? {
        var index = range.lowerBound
        while index < range.upperBound {
            let lead = bytes[index]
            if lead < 0xE0 { index += 1; continue }
            if lead < 0xF0 {
                guard index + 3 <= bytes.count else { index += 1; continue }
                let block = Int(lead & 0x0F) << 6 | Int(bytes[index + 1] & 0x3F)
                if vocabulary.foldBits[block] & (1 << UInt64(bytes[index + 2] & 0x3F)) != 0 { return index }
                index += 3
                continue
            }
            let (scalar, length) = UTF8Bytes.scalar(in: bytes, at: index)
            if vocabulary.folds(scalar) { return index }
            index += length
        }
        return index == range.upperBound ? nil : range.lowerBound
    }

    /// The folding and the search for the first folded place step alike, as they did when each
    /// had its own loop: on generated bytes (malformed, cut short, four-byte scalars, traditional
    /// characters), over every range of each text, and folding from every place.
    @Test(arguments: [51])
    func foldingStepsAsBefore(seed: UInt64) {
        var generator = TimePropertyTests.Generator(state: seed)
        let vocabulary = Self.filtered.vocabulary
        var places = 0
        for _ in 0..<600 {
            var bytes = Self.bytes(&generator)
            if generator.below(2) == 0 { bytes.insert(contentsOf: Array("後於『".utf8), at: generator.below(bytes.count + 1)) }
            bytes.withUnsafeBufferPointer { buffer in
                #expect(vocabulary.fold(buffer) == Self.referenceFold(buffer, vocabulary), "\(bytes)")
                for lower in 0...buffer.count {
                    for upper in lower...buffer.count {
                        let found = vocabulary.firstFolded(buffer, in: lower..<upper)
                        #expect(found == Self.referenceFirstFolded(buffer, in: lower..<upper, vocabulary), "\(bytes) \(lower)..<\(upper)")
                        if found != nil { places += 1 }
                    }
                    // Folding from a place keeps the bytes before it and folds as the whole folding does after.
                    let folded = vocabulary.fold(buffer, from: lower)
                    #expect(Array(folded[..<lower]) == bytes[..<lower].map { $0 })
                    #expect(folded.count == bytes.count)
                }
            }
        }
        #expect(places > 1000)
    }

    /// A word list finds at every place the first of its words that is there, as comparing
    /// each word in turn does (the filter on the first two bytes drops no word).
    @Test(arguments: [31])
    func wordListsFindTheFirstWordThere(seed: UInt64) {
        let lists = [TimeParser.prefixes, TimeParser.rangeSeparatorWords, TimeParser.dateSeparators, TimeParser.countedUnits,
                     TimeParser.centuryWords, TimeParser.dayListSeparators, Self.full.vocabulary.relativeYearWords,
                     Self.full.vocabulary.suffixWords, Self.full.vocabulary.planWords, Self.full.vocabulary.monthPartWords,
                     TimeWords(["", "年"]), TimeWords(["-", "—", "--"])]
        var generator = TimePropertyTests.Generator(state: seed)
        var found = 0
        for _ in 0..<1000 {
            let bytes = Self.bytes(&generator)
            bytes.withUnsafeBufferPointer { buffer in
                for list in lists {
                    for index in 0...buffer.count {
                        let expected = list.words.indices.first { word in
                            let needle = Array(list.words[word].utf8)
                            return needle.count <= buffer.count - index && Array(buffer[index..<(index + needle.count)]) == needle
                        }
                        let result = list.first(in: buffer, at: index)
                        #expect(result?.word == expected)
                        if let expected { #expect(result?.end == index + list.words[expected].utf8.count); found += 1 }
                    }
                }
            }
        }
        #expect(found > 1000)
    }
}
