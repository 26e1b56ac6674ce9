/// The second look of the time scan before it parses: of the forms ``TimeFormTable`` gives at a
/// place (from its first two scalars, or a run of number scalars and the scalar after it), those
/// that can still match once a few more bytes are read. Most places the table lets through give
/// no expression (“ before a name that is no plan's, 9.9%, 未来产业, 近年来, 前提, 第一批, 两个重大):
/// each of these needs a word or a number further on that a byte comparison can rule out, far
/// cheaper than the parse that would give `nil`.
///
/// Each check is a condition the form's reader needs in running text (`standalone` false, as
/// the table itself), so a form is dropped only where it would give `nil`: the parse of what
/// remains is the same (`TimeFifthRoundSpeedPathTests.droppedFormsWouldNotMatch` tries each dropped
/// form alone at every place of generated texts, the seeds and the dev texts).
extension TimeFormTable {
    /// The forms of ``forms(in:at:)`` at `index` that can still match there:
    /// - a plan after “ only before a plan's name (“十四五”, not “双碳”);
    /// - a window (未来五年, 近三个月) only with a small number after its lead (not 未来产业, 近年来), or 今明两年;
    /// - a period inside the year at 前 (前三季度) only before a small number (not 前沿, 前提);
    /// - a quarter at 第 only where the number after it is followed by 季 (not 第一批);
    /// - a count (3年后, 两个月前) only where its number is followed by a unit and a direction (not 9个方面, 3年来);
    /// - a century or decade after a number only before 世纪 or 年代 (not 2025年);
    /// - a count, a century or decade, a month or a quarter after a number only where the run of
    ///   number scalars is one small number (two digits at most, or four numerals at most: not 2025年);
    /// - a numeric date only after four ASCII digits (2015-03-03, not 9.9%, 99.9, 20251.3): in
    ///   running text the others are read only when the whole input is one expression.
    ///
    /// - Complexity: O(1): a few word comparisons after the table's look.
    @inline(__always)
    func formsToTry(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> TimeForms {
        let found = lookup(in: bytes, at: index)
        var word = found.word
        var number = found.number
        if !word.isEmpty {
            if word.contains(.plan), Self.isQuote(bytes, at: index), planWords.first(in: bytes, at: index &+ 3) == nil {
                word.remove(.plan)
            }
            if word.contains(.window), !Self.windowCanStart(bytes, at: index) { word.remove(.window) }
            if word.contains(.periodInsideYear), Self.startsWithBefore(bytes, at: index),
               !Self.smallNumberCanStart(bytes, at: index &+ 3), TimeParser.firstQuarterWords.first(in: bytes, at: index) == nil,
               TimeParser.lastQuarterWords.first(in: bytes, at: index) == nil {
                word.remove(.periodInsideYear)
            }
            if word.contains(.quarter), let (_, end) = TimeParser.ordinalWords.first(in: bytes, at: index),
               !lookup(in: bytes, at: end).number.contains(.quarter) {
                word.remove(.quarter)
            }
        }
        if !number.isEmpty {
            let end = found.runEnd
            // A small number (``TimeParser/smallNumber(at:)``) reads at most two digits or four numerals,
            // not both: the forms that start with one need the whole run to be one (not 2025 of 2025年).
            let byteCount = end &- index
            if !(byteCount == found.runCount && byteCount <= 2) && !(byteCount == 3 &* found.runCount && found.runCount <= 4) {
                number.subtract(Self.smallNumberForms)
            }
            if number.contains(.counted) {
                let unit = TimeParser.countedUnits.first(in: bytes, at: end)
                if unit == nil || TimeParser.countedDirections.first(in: bytes, at: unit!.end) == nil { number.remove(.counted) }
            }
            if number.contains(.centuryOrDecade), TimeParser.centuryOrDecadeUnits.first(in: bytes, at: end) == nil {
                number.remove(.centuryOrDecade)
            }
            // Four scalars in four bytes: four ASCII digits (the other number scalars take three bytes).
            if number.contains(.numericDate), found.runCount != 4 || end &- index != 4 { number.remove(.numericDate) }
        }
        return word.union(number)
    }

    /// The forms that read a small number where a run of number scalars starts: a count (3年后),
    /// a century or decade (18世纪, 50年代), a month (3月, 1-9月), a quarter (一季度).
    static let smallNumberForms: TimeForms = [.counted, .centuryOrDecade, .monthDay, .quarter]

    /// Whether “ is at `index` (what ``TimeParser/plan(at:)`` reads before a quoted name).
    @inline(__always)
    static func isQuote(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        index >= 0 && index &+ 3 <= bytes.count && bytes[index] == 0xE2 && bytes[index &+ 1] == 0x80 && bytes[index &+ 2] == 0x9C
    }

    /// Whether 前 is at `index` (what ``TimeParser/periodInsideYear(year:at:afterYear:)`` reads
    /// before the number of 前三季度).
    @inline(__always)
    static func startsWithBefore(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        index >= 0 && index &+ 3 <= bytes.count && bytes[index] == 0xE5 && bytes[index &+ 1] == 0x89 && bytes[index &+ 2] == 0x8D
    }

    /// Whether a window can start at `index`: 今明两年, or a lead of ``TimeParser/windowLeads``
    /// (the first that is there, as ``TimeParser/window(at:)`` reads it) before a small number.
    @inline(__always)
    static func windowCanStart(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        if TimeParser.bothYearsWords.first(in: bytes, at: index) != nil { return true }
        guard let (_, end) = TimeParser.windowLeads.first(in: bytes, at: index) else { return false }
        return smallNumberCanStart(bytes, at: end)
    }

    /// Whether a small number (``TimeParser/smallNumber(at:)``) can start at `index`: an ASCII
    /// digit, or 一 … 九, 十, 两, 几.
    @inline(__always)
    static func smallNumberCanStart(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index >= 0, index < bytes.count else { return false }
        let byte = bytes[index]
        if byte < 0x80 { return byte >= 0x30 && byte <= 0x39 }
        let scalar = UTF8Bytes.scalar(in: bytes, at: index).value
        return scalar == 0x5341 || scalar == 0x4E24 || scalar == 0x51E0 || (TimeParser.chineseDigit(scalar) ?? 0) > 0
    }
}
