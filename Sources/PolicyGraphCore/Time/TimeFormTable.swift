/// The core forms of the time grammar (``TimeParser/coreForm(at:allowed:)``), one bit each,
/// in the order the parser tries them.
struct TimeForms: OptionSet, Sendable {
    let rawValue: UInt16

    static let counted = TimeForms(rawValue: 1 << 0)
    static let window = TimeForms(rawValue: 1 << 1)
    static let plan = TimeForms(rawValue: 1 << 2)
    static let centuryOrDecade = TimeForms(rawValue: 1 << 3)
    static let numericDate = TimeForms(rawValue: 1 << 4)
    static let yearPoint = TimeForms(rawValue: 1 << 5)
    static let relativeMonth = TimeForms(rawValue: 1 << 6)
    static let relativeQuarter = TimeForms(rawValue: 1 << 7)
    static let monthDay = TimeForms(rawValue: 1 << 8)
    static let periodInsideYear = TimeForms(rawValue: 1 << 9)
    static let quarter = TimeForms(rawValue: 1 << 10)
    static let bareDay = TimeForms(rawValue: 1 << 11)
    /// Every form: what the parser tries without a table.
    static let all = TimeForms(rawValue: (1 << 12) - 1)
}

/// Which core forms can start at a place of running text, so that the parser tries
/// only those (a digit tries the forms that read a number, 上 the relative words,
/// 中 or 大力 none) instead of each form in turn.
///
/// Built once per ``TimeNormalizer`` from the grammar's own words
/// (`TimeGrammarWords.swift`) and the vocabulary's (`patterns/time.tsv`):
/// - a form that starts with a word can start with that word's first two scalars (or
///   its one scalar): 年 tries the year form before 内, 初 or 底, not before ，;
/// - a form that starts with a number (counted 3年后, decades 50年代, numeric dates,
///   years, months 3月, quarters 一季度) reads only the scalars of numbers
///   (``numberScalars``) and then needs a word of its own (年, 个, 季, 世, 月, a
///   separator). None of those words starts with a scalar of a number, so the number
///   it read is the whole run of number scalars, and the scalar after the run decides
///   which of those forms can match (一些, 13.5%, 5G, 100亿 try none; 2025年 tries
///   the forms that read 年).
///
/// So a form is skipped only where it would have returned `nil`: the parse is the same
/// (`TimeSpeedPathTests` compares it with the parse that tries every form). Forms read
/// only when the whole input is one expression (同年, 第七年, 30日, 一九八七十二月) are not
/// in the table: it serves the scan of running text only.
struct TimeFormTable: Sendable {
    /// One entry per scalar below U+10000: bits 0–15 the forms a word starting with it
    /// starts, bits 16–31 the forms that read a number starting with it, bits 32–47 the
    /// number forms a word starting with it can follow, bit 48 whether it is a scalar of a
    /// number, bit 49 whether what a year's reader tries after 年 can start with it, bits 50–61 the forms one of whose words is that scalar alone (第, 前, “).
    /// Two levels: ``pages`` maps the scalar's high byte to a block of 256 entries in
    /// ``entries`` (block 0 is all zeros and shared by every page without an entry).
    private let pages: [UInt16]
    private let entries: [UInt64]
    /// The scalars some form can start with (directly, or as the first scalar of a number).
    let startScalars: Set<UInt32>
    /// The forms one of whose words starts with these two scalars (``pairKey(_:_:)``): 年 starts
    /// a form only before 内, 初, 底 …, 本 before 年, 月, 季 ….
    private let pairForms: [UInt64: UInt16]
    /// The keys of ``pairForms`` folded to 12 bits (``pairFilterBit(_:_:)``), one bit each: most
    /// pairs of scalars in running text are no word's, and are turned down without hashing.
    private let pairFilter: [UInt64]
    /// Whether bit 49 of the entries is known (no word after a year is empty or starts beyond U+FFFF).
    private let afterYearGated: Bool
    /// What may follow a scalar of a number where a number form can still match there: another
    /// scalar of a number (``numberScalars``), or the first scalar of a word that a number form
    /// reads after its number (年, 个, 季, 世, 月, a separator), for ``TimeStartGate``.
    let numberRunFollowers: Set<UInt32>
    /// The plans' names (``TimeVocabulary/planWords``): a quote starts a plan only before one
    /// (``formsToTry(in:at:)``).
    let planWords: TimeWords

    @inline(__always)
    static func pairFilterBit(_ first: UInt32, _ second: UInt32) -> Int { Int((first &* 31 &+ second) & 0xFFF) }

    @inline(__always)
    static func pairKey(_ first: UInt32, _ second: UInt32) -> UInt64 { UInt64(first) << 32 | UInt64(second) }

    /// The most scalars a number of a form reads: a numeric date's eight digits (19871228);
    /// a longer run of number scalars leaves no number form a place to end.
    static let longestNumber = 8

    /// Scalars the number readers consume (``TimeParser/digits(at:maximum:)``,
    /// ``TimeParser/smallNumber(at:)``, ``TimeParser/chineseDigitRun(at:)``,
    /// ``TimeParser/thousandsYear(at:)``): ASCII digits, 〇 零 一 … 九, 十, 两, 几, 千.
    static let numberScalars: Set<UInt32> = Set("〇零一二三四五六七八九十两几千".unicodeScalars.map(\.value)).union(0x30...0x39)
    /// Scalars a small number starts with (``TimeParser/smallNumber(at:)``): digits, 一 … 九, 十, 两, 几.
    static let smallNumberStarts: Set<UInt32> = Set("一二三四五六七八九十两几".unicodeScalars.map(\.value)).union(0x30...0x39)
    /// Scalars a year number starts with (``TimeParser/yearNumber(at:anchor:)``): digits, 〇 零 一 … 九, 两.
    static let yearNumberStarts: Set<UInt32> = Set("〇零一二三四五六七八九两".unicodeScalars.map(\.value)).union(0x30...0x39)

    /// The table for `vocabulary`; `nil` when a word is empty or starts beyond U+FFFF
    /// (then the starts are not known, and every form is tried).
    init?(vocabulary: TimeVocabulary) {
        typealias P = TimeParser
        var direct: [UInt32: TimeForms] = [:]
        var single: [UInt32: TimeForms] = [:]
        var pairs: [UInt64: UInt16] = [:]
        var numberStart: [UInt32: TimeForms] = [:]
        var follow: [UInt32: TimeForms] = [:]
        func first(_ word: String) -> UInt32? {
            guard let scalar = word.unicodeScalars.first?.value, scalar < 0x10000 else { return nil }
            return scalar
        }
        func add(_ words: [String], _ form: TimeForms, to table: inout [UInt32: TimeForms]) -> Bool {
            for word in words {
                guard let scalar = first(word) else { return false }
                table[scalar, default: []].insert(form)
            }
            return true
        }
        /// A form's starting words: by their first scalar, and by their first two (or as one scalar alone).
        func addStarts(_ words: [String], _ form: TimeForms) -> Bool {
            guard add(words, form, to: &direct) else { return false }
            for word in words {
                let scalars = Array(word.unicodeScalars.prefix(2).map(\.value))
                if scalars.count == 1 { single[scalars[0], default: []].insert(form); continue }
                pairs[Self.pairKey(scalars[0], scalars[1]), default: 0] |= form.rawValue
            }
            return true
        }
        // Forms that start with a word (running text: no standalone words).
        let words: [([String], TimeForms)] = [
            (P.bothYearsWords.words + P.windowLeads.words, .window),
            (["“"] + vocabulary.plans.map(\.name), .plan),
            (P.centuryWords.words, .centuryOrDecade),
            (P.withinYearWords.words + vocabulary.relativeYears.map(\.word) + vocabulary.yearPartsWithoutYear.map(\.word), .yearPoint),
            (vocabulary.relativeMonths.map(\.word) + vocabulary.monthParts.filter { $0.hasPrefix("月") }, .relativeMonth),
            (vocabulary.relativeQuarters.map(\.word), .relativeQuarter),
            (P.nextWords.words, .monthDay),
            (P.firstQuarterWords.words + P.lastQuarterWords.words + ["首月", "前"], .periodInsideYear),
            (P.ordinalWords.words, .quarter),
        ]
        for (list, form) in words { guard addStarts(list, form) else { return nil } }
        // Forms that start with a number, and the words that must follow it.
        let numberForms: [(Set<UInt32>, TimeForms, [String])] = [
            (Self.smallNumberStarts, .counted, P.countedUnits.words),
            (Self.smallNumberStarts, .centuryOrDecade, P.centuryOrDecadeUnits.words),
            (Set(0x30...0x39), .numericDate, P.dateSeparators.words),
            (Self.yearNumberStarts, .yearPoint, ["年"] + P.rangeSeparatorWords.words),
            (Self.smallNumberStarts, .monthDay, ["月"] + P.rangeSeparatorWords.words),
            (Self.smallNumberStarts, .quarter, P.quarterWords.words),
        ]
        for (starts, form, after) in numberForms {
            for scalar in starts { numberStart[scalar, default: []].insert(form) }
            guard add(after, form, to: &follow) else { return nil }
        }
        // The run of a number ends before the word after it only if no such word starts
        // with a scalar of a number; were one added, number forms are tried wherever they start.
        if follow.keys.contains(where: Self.numberScalars.contains) {
            for (scalar, forms) in numberStart { direct[scalar, default: []].formUnion(forms) }
            numberStart = [:]
        }
        // What a year's reader tries after 年 (``TimeParser/yearPoint(at:)``): a part of the year
        // (年底), a period (前三季度, 首月, 最后两个月, 第8个月), a quarter (一季度, 第一季度), the reference
        // month (本月) and a month (3月, 1-9月, read from a small number).
        let afterYearWords = vocabulary.yearParts.map(\.word) + P.firstQuarterWords.words + P.lastQuarterWords.words + ["首月", "前"]
            + P.lastWords.words + P.ordinalWords.words + P.thisMonthWords.words
        var afterYear = Self.smallNumberStarts
        var afterYearKnown = true
        for word in afterYearWords {
            guard let scalar = first(word) else { afterYearKnown = false; break }
            afterYear.insert(scalar)
        }
        afterYearGated = afterYearKnown
        var entries = [UInt64](repeating: 0, count: 256)
        var pages = [UInt16](repeating: 0, count: 256)
        let scalars = Set(direct.keys).union(numberStart.keys).union(follow.keys).union(Self.numberScalars).union(afterYear)
        for scalar in scalars.sorted() {
            let page = Int(scalar >> 8)
            if pages[page] == 0 {
                pages[page] = UInt16(entries.count / 256)
                entries += [UInt64](repeating: 0, count: 256)
            }
            var entry = UInt64(direct[scalar]?.rawValue ?? 0)
            entry |= UInt64(numberStart[scalar]?.rawValue ?? 0) << 16
            entry |= UInt64(follow[scalar]?.rawValue ?? 0) << 32
            if Self.numberScalars.contains(scalar) { entry |= 1 << 48 }
            entry |= UInt64(single[scalar]?.rawValue ?? 0) << 50
            if afterYear.contains(scalar) { entry |= 1 << 49 }
            entries[Int(pages[page]) * 256 + Int(scalar & 0xFF)] = entry
        }
        self.pages = pages
        self.entries = entries
        startScalars = Set(direct.keys).union(numberStart.keys)
        numberRunFollowers = Set(follow.keys).union(Self.numberScalars)
        pairForms = pairs
        var filter = [UInt64](repeating: 0, count: 4096 / 64)
        for key in pairs.keys {
            let bit = Self.pairFilterBit(UInt32(truncatingIfNeeded: key >> 32), UInt32(truncatingIfNeeded: key))
            filter[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        pairFilter = filter
        planWords = vocabulary.planWords
    }

    @inline(__always)
    private func entry(_ scalar: UInt32) -> UInt64 {
        guard scalar < 0x10000 else { return 0 }
        return entries[Int(pages[Int(scalar >> 8)]) << 8 | Int(scalar & 0xFF)]
    }

    /// Whether something a year's reader tries after 年 (a part of the year, a period, a quarter,
    /// the reference month, a month: ``TimeParser/yearPoint(at:)``) can start at `index`: where
    /// none can, the year stands alone and none of them is tried. In running text only.
    @inline(__always)
    func mayFollowYear(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard afterYearGated else { return true }
        guard index < bytes.count else { return false }
        return entry(UTF8Bytes.scalar(in: bytes, at: index).value) & (1 << 49) != 0
    }

    /// The keys of the pairs of scalars that start a form's word (``pairKey(_:_:)``), for ``TimeStartGate``.
    var pairKeys: [UInt64] { Array(pairForms.keys) }

    /// Whether a number form can start with `scalar` (a digit, 一, 两 …), for ``TimeStartGate``.
    func startsNumberForm(_ scalar: UInt32) -> Bool { entry(scalar) & 0xFFFF_0000 != 0 }

    /// Whether a form's word is `scalar` alone (“, 前, 第, 近), for ``TimeStartGate``.
    func startsWordOfOneScalar(_ scalar: UInt32) -> Bool { entry(scalar) >> 50 & UInt64(TimeForms.all.rawValue) != 0 }

    /// Whether an expression's core can start with `scalar` (before any look at what follows).
    @inline(__always)
    func canStart(_ scalar: UInt32) -> Bool { entry(scalar) & 0xFFFF_FFFF != 0 }

    /// The forms that can match at `index` of `bytes`.
    ///
    /// - Complexity: O(1): at most ``longestNumber`` + 1 scalars are read.
    @inline(__always)
    func forms(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> TimeForms {
        let found = lookup(in: bytes, at: index)
        return found.word.union(found.number)
    }

    /// What ``forms(in:at:)`` finds at a place, by where it found it: the forms that start with a
    /// word there (`word`), and those that start with the run of number scalars there and can
    /// read the scalar after it (`number`), with where that run ends (`runEnd`, the place of the
    /// scalar after it) and how many scalars it holds (`runCount`; 0 where no number form starts).
    struct Lookup {
        var word: TimeForms
        var number: TimeForms = []
        var runEnd = 0
        var runCount = 0
    }

    /// ``forms(in:at:)`` with where each form was found (``Lookup``).
    ///
    /// - Complexity: O(1): at most ``longestNumber`` + 1 scalars are read.
    @inline(__always)
    func lookup(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Lookup {
        guard index < bytes.count else { return Lookup(word: []) }
        let (scalar, length) = UTF8Bytes.scalar(in: bytes, at: index)
        let start = entry(scalar)
        var direct = TimeForms(rawValue: UInt16(truncatingIfNeeded: start))
        let single = TimeForms(rawValue: UInt16(truncatingIfNeeded: start >> 50) & TimeForms.all.rawValue)
        if !direct.subtracting(single).isEmpty {
            // Forms whose words here are two scalars or more: the second scalar must be one of theirs.
            let next = index + length < bytes.count ? UTF8Bytes.scalar(in: bytes, at: index + length).value : nil
            let paired = next.flatMap { next -> UInt16? in
                let bit = Self.pairFilterBit(scalar, next)
                guard pairFilter[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { return nil }
                return pairForms[Self.pairKey(scalar, next)]
            } ?? 0
            direct = direct.intersection(single.union(TimeForms(rawValue: paired)))
        }
        let numberForms = UInt16(truncatingIfNeeded: start >> 16)
        guard numberForms != 0 else { return Lookup(word: direct) }
        // The run of number scalars, and the scalar after it.
        var position = index + length
        var count = 1
        while position < bytes.count {
            let (next, nextLength) = UTF8Bytes.scalar(in: bytes, at: position)
            let after = entry(next)
            guard after & (1 << 48) != 0 else {
                return Lookup(word: direct, number: TimeForms(rawValue: numberForms & UInt16(truncatingIfNeeded: after >> 32)),
                              runEnd: position, runCount: count)
            }
            count += 1
            guard count <= Self.longestNumber else { return Lookup(word: direct) }
            position += nextLength
        }
        return Lookup(word: direct)
    }
}
