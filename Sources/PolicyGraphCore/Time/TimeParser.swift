/// The recursive-descent parser behind ``TimeNormalizer``, over UTF-8 bytes.
///
/// expression := approx? prefix? core range? (至今)? suffix?
/// approx     := 大约 | 大概 | 约
/// prefix     := 截至 | 截止到 | 截止 | 到 | 至 | 于 | 在 | 自 | 从 | 力争(到|在|于)? | 争取(到|在)?
/// core       := counted | window | era | relative month or quarter | year point | numeric date | month-day
/// range      := (至 | 到 | - | — | —— | ~ | 与) end point (间 | 之间)?
/// suffix     := 或之前 | 及以前 | 以前 | 之前 | 前 | 前后 | 左右 | 或之后 | 及以后 | 以后 | 之后 | 后 | 起 | 开始 | 以来 | 以内 | 内
///
/// The bytes are the text with traditional characters of the grammar folded
/// (``TimeVocabulary/fold(_:from:)``), so `後`, `於`, `來`, `內` read like their simplified forms
/// while byte offsets stay those of the original. Every number the parser
/// builds is bounded: digit runs by their length, numeral runs by
/// ``smallNumeralLimit``, and years to ``yearRange``.
struct TimeParser {
    let bytes: UnsafeBufferPointer<UInt8>
    let reference: ReferenceDate?
    /// The words the grammar reads (`patterns/time.tsv`).
    let vocabulary: TimeVocabulary
    /// The whole input is one expression (`policygraph time`): forms that are
    /// too ambiguous in running text (a bare year 2018, 15年, 30日, 同年, 2013.03)
    /// are read too.
    let standalone: Bool
    /// The forms a core can start with at each place of running text (``TimeNormalizer/formTable``);
    /// `nil`: every form is tried everywhere.
    var formTable: TimeFormTable? = nil

    /// Years the normaliser gives (a three-digit year such as 789年 included).
    static let yearRange = 100...9999

    enum Prefix { case by, past, `in`, from, aim }

    /// Range separators, longest first.
    static let rangeSeparators = ["——", "—", "–", "－", "-", "~", "～", "至", "到"]

    // MARK: Reading

    func scalar(at index: Int) -> (UInt32, Int)? {
        guard index >= 0, index < bytes.count else { return nil }
        let (value, length) = UTF8Bytes.scalar(in: bytes, at: index)
        return (value, index + length)
    }

    /// The index after `word` if it is at `index` (a literal of the grammar: its
    /// bytes are compared where they are, nothing is built).
    @inline(__always)
    func word(_ word: StaticString, at index: Int) -> Int? {
        word.withUTF8Buffer { needle in
            guard needle.count > 0 else { return index }
            guard index >= 0, needle.count <= bytes.count - index else { return nil }
            for offset in 0..<needle.count where bytes[index + offset] != needle[offset] { return nil }
            return index + needle.count
        }
    }

    /// The first of `words` at `index`, and the index after it.
    @inline(__always)
    func firstWord(_ words: TimeWords, at index: Int) -> (String, Int)? {
        guard let (word, end) = words.first(in: bytes, at: index) else { return nil }
        return (words.words[word], end)
    }

    /// The first of `words` (with its offset) at `index`; `compiled` holds their bytes, in the same order.
    @inline(__always)
    func relativeWord(_ words: [(word: String, offset: Int)], _ compiled: TimeWords, at index: Int) -> (String, Int, Int)? {
        guard let (word, end) = compiled.first(in: bytes, at: index) else { return nil }
        return (words[word].word, words[word].offset, end)
    }

    /// Skips an optional word.
    @inline(__always)
    func skip(_ words: TimeWords, at index: Int) -> Int {
        words.first(in: bytes, at: index)?.end ?? index
    }

    // MARK: Grammar

    /// Parses one expression starting at `start`.
    func parse(at start: Int) -> (TimeValue, Int)? {
        parseExplained(at: start).map { ($0.value, $0.end) }
    }

    /// What an expression reads before its core: an approximation (大约) and a prefix
    /// (截至, 力争到, 在 …), and where the core is to start.
    struct Lead: Equatable {
        var approximate = false
        var prefix: Prefix? = nil
        /// Where the core starts: after the words read, or the start when there are none.
        var end: Int
    }

    /// The approximation and the prefix at `start` (``Lead``): an approximation first, then the
    /// first deadline prefix (截至 …), else the first aim (力争, with 到 or 在 after it), else the
    /// first preposition (到, 在, 自 …), each list's words in their order.
    @inline(__always)
    func lead(at start: Int) -> Lead {
        var lead = Lead(end: start)
        if let (_, end) = Self.approximateWords.first(in: bytes, at: start) { lead.approximate = true; lead.end = end }
        if let (word, end) = Self.leadPrefixes.first(in: bytes, at: lead.end) {
            var prefix = Self.leadPrefixKinds[word]
            lead.end = end
            if prefix == .aim, let (word, after) = Self.aimPrepositions.first(in: bytes, at: end) {
                lead.end = after
                prefix = Self.aimPrepositionKinds[word]
            }
            lead.prefix = prefix
        }
        return lead
    }

    /// Parses one expression starting at `start`, with the rules that read it. `startForms`:
    /// the forms ``formTable`` gives at `start`, when the caller knows them and knows that no
    /// approximation or prefix starts there.
    func parseExplained(at start: Int, startForms: TimeForms? = nil) -> (value: TimeValue, end: Int, rules: [TimeRule])? {
        if let startForms { return parseExplained(after: Lead(end: start), forms: startForms) }
        let lead = lead(at: start)
        return parseExplained(after: lead, forms: formTable?.forms(in: bytes, at: lead.end) ?? .all)
    }

    /// Parses one expression whose ``Lead`` was read (``lead(at:)``), trying the core `forms`
    /// where the lead ends (those ``formTable`` gives there, or every form).
    func parseExplained(after lead: Lead, forms: TimeForms) -> (value: TimeValue, end: Int, rules: [TimeRule])? {
        let approximate = lead.approximate
        let prefix = lead.prefix
        var prefixRule: TimeRule? = nil
        switch prefix {
        case .by?: prefixRule = .prefixBy
        case .past?: prefixRule = .prefixUntil
        case .in?: prefixRule = .prefixIn
        case .from?: prefixRule = .prefixFrom
        case .aim?, nil: break
        }
        // No form starts here (在 before no time, 大 of 大力, 一 of 一些): nothing to try.
        guard !forms.isEmpty, let core = core(at: lead.end, allowed: forms) else { return nil }
        var value = core.value
        var rules = core.rules
        var index = core.end
        // A range (or a day range inside the core) is not turned into a deadline or a start by 到 or 从.
        var ranged = core.isRange
        if let (rangeValue, end, rule) = range(from: core, at: index) {
            value = rangeValue
            index = end
            ranged = true
            rules.append(rule)
        } else if core.bare {
            return nil
        } else if let (_, end) = firstWord(Self.toNowWords, at: index), let reference {
            // 从2001年起至今: from the start to the reference.
            value.relation = .between
            value.endYear = reference.year
            value.endMonth = reference.month ?? 12
            value.month = value.month ?? 1
            index = end
            rules.append(.rangeToNow)
        }
        switch ranged ? (prefix == .past ? .past : nil) : prefix {
        case .by?: if value.relation == .in { value.relation = .by; value.collapseToEnd() }
        case .past?:
            if value.relation != .between { value.relation = .by; value.collapseToEnd() }
            value.markedPast = true
        case .from?: if value.relation == .in { value.relation = .from; value.collapseToStart() }
        case .in?, .aim?, nil: break
        }
        if let prefixRule { rules.append(prefixRule) }
        index = suffix(after: index, value: &value, rules: &rules)
        if !ranged, let (closed, end) = openBoundsRange(from: value, at: index) {
            value = closed
            index = end
            rules.append(.rangeOpenBounds)
        }
        if approximate { value.approximate = true; rules.append(.approximate) }
        guard value.isWellFormed else { return nil }
        return (value, index, rules)
    }

    /// Suffixes, longest first; returns the index after the one read.
    func suffix(after index: Int, value: inout TimeValue, rules: inout [TimeRule]) -> Int {
        guard let (found, end) = vocabulary.suffixWords.first(in: bytes, at: index) else { return index }
        let kind = vocabulary.suffixes[found].kind
        let rule: TimeRule
        switch kind {
        case .yearEndBefore:
            guard value.relation == .in, value.month == nil else { return index }
            value.relation = .by
            value.month = 12
            value.precision = .month
            rule = .suffixBefore
            rules.append(.partOfYear)
        case .before:
            if value.relation == .in || value.relation == .by { value.relation = .by; value.collapseToEnd() }
            rule = .suffixBefore
        case .approximate: value.approximate = true; rule = .approximate
        case .from:
            if value.relation == .in { value.relation = .from; value.collapseToStart() }
            else if value.relation == .from { value.collapseToStart() }
            rule = .suffixFrom
        case .after:
            if value.relation == .in { value.relation = .after; value.collapseToEnd() }
            rule = .suffixAfter
        case .since: value.relation = .from; value.collapseToStart(); value.markedPast = true; rule = .suffixSince
        case .within: if value.relation == .in { value.relation = .by; value.collapseToEnd() }; rule = .suffixWithin
        case .between: guard value.relation == .between else { return index }; rule = .suffixBetween
        }
        rules.append(rule)
        return end
    }

    /// A core time, with the day it names (for day ranges).
    struct Core {
        var value: TimeValue
        var day: Int?
        /// The last day of a range or list of days (12-19日, 14日和16日).
        var endDay: Int? = nil
        var end: Int
        /// The start wrote its year (a range end without one takes it).
        var hasYear: Bool
        /// A year without 年 (2024 in 2024-2026年): only a range start.
        var bare: Bool = false
        /// The core holds a range of days (九号到十五号).
        var isRange: Bool = false
        /// The rules that read it: its form first, then what refines it.
        var rules: [TimeRule] = []
    }

    /// A core time with the days it names given to its value (2025年1月31日: day 31;
    /// 12-19日: days 12 to 19; a list, 14日和16日, its first and last day).
    /// `allowed`: the forms that can match here (``TimeFormTable``); by default those the table gives.
    func core(at index: Int, allowed: TimeForms? = nil) -> Core? {
        guard var result = coreForm(at: index, allowed: allowed ?? formTable?.forms(in: bytes, at: index) ?? .all) else { return nil }
        if let day = result.day, result.value.month != nil {
            result.value.day = day
            result.value.endDay = result.endDay
        }
        return result
    }

    /// The first of the `allowed` forms that matches at `index`, tried in a fixed order.
    func coreForm(at index: Int, allowed: TimeForms = .all) -> Core? {
        if allowed.contains(.counted), let (value, end) = counted(at: index) {
            return Core(value: value, day: nil, end: end, hasYear: true, rules: [.count])
        }
        if allowed.contains(.window), let (value, end) = window(at: index) {
            return Core(value: value, day: nil, end: end, hasYear: true, rules: [.window])
        }
        if let (value, end) = era(at: index, plan: allowed.contains(.plan), centuryOrDecade: allowed.contains(.centuryOrDecade)) {
            let rule: TimeRule = value.precision == .period ? .plan : value.precision == .decade ? .decade : .century
            return Core(value: value, day: nil, end: end, hasYear: true, rules: [rule])
        }
        if allowed.contains(.numericDate), var result = numericDate(at: index) { result.rules = [.numericDate]; return result }
        if allowed.contains(.yearPoint), let result = yearPoint(at: index) { return result }
        if allowed.contains(.relativeMonth), let result = relativeMonth(at: index) { return result }
        if allowed.contains(.relativeQuarter), let (value, end) = relativeQuarter(at: index) {
            return Core(value: value, day: nil, end: end, hasYear: true, rules: [.relativeQuarter] + (value.precision == .month ? [.partOfQuarter] : []))
        }
        if allowed.contains(.monthDay), var result = monthDay(at: index) {
            result.rules = [result.isRange ? (result.value.endMonth != nil && result.day == nil ? .rangeMonths : .rangeDays)
                                           : (result.day != nil ? .monthDay : .month)]
            return result
        }
        if allowed.contains(.periodInsideYear), let reference, let (value, end) = periodInsideYear(year: reference.year, at: index, afterYear: false) {
            var relative = value
            relative.relative = true
            return Core(value: relative, day: nil, end: end, hasYear: false, rules: [.periodInsideYear])
        }
        if allowed.contains(.quarter), let reference, let (quarter, end) = quarter(at: index) {
            var value = TimeValue(relation: .in, year: reference.year, precision: .quarter, relative: true)
            applyQuarter(quarter, to: &value)
            return Core(value: value, day: nil, end: end, hasYear: false, rules: [.quarter] + (quarter.onlyMonth != nil ? [.partOfQuarter] : []))
        }
        if standalone, allowed.contains(.bareDay), var result = bareDay(at: index) { result.rules = [result.isRange ? .rangeDays : .day]; return result }
        return nil
    }
}
