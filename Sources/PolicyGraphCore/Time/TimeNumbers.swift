/// Numbers and years: digit runs, Chinese numerals, two-digit years.
extension TimeParser {
    /// ASCII digits at `index`: value, count, end. At most `maximum` digits
    /// (a longer run is no match), so the value stays below 10^maximum.
    func digits(at index: Int, maximum: Int = 4) -> (Int, Int, Int)? {
        var value = 0
        var position = index
        while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39, position - index < maximum + 1 {
            value = value * 10 + Int(bytes[position] - 0x30)
            position += 1
        }
        let count = position - index
        guard count > 0, count <= maximum else { return nil }
        return (value, count, position)
    }

    /// The value of a Chinese digit (〇 and 零 0, 一 … 九 1 … 9), `nil` for any other scalar;
    /// a switch on the scalar, so that the scan of a text hashes nothing.
    @inline(__always)
    static func chineseDigit(_ scalar: UInt32) -> Int? {
        switch scalar {
        case 0x3007, 0x96F6: return 0 // 〇 零
        case 0x4E00: return 1 // 一
        case 0x4E8C: return 2 // 二
        case 0x4E09: return 3 // 三
        case 0x56DB: return 4 // 四
        case 0x4E94: return 5 // 五
        case 0x516D: return 6 // 六
        case 0x4E03: return 7 // 七
        case 0x516B: return 8 // 八
        case 0x4E5D: return 9 // 九
        default: return nil
        }
    }

    /// Whether `scalar` is a numeral a small number or a year is written with.
    @inline(__always)
    static func isNumeral(_ scalar: UInt32) -> Bool {
        chineseDigit(scalar) != nil || scalar == 0x5341 || scalar == 0x4E24 || scalar == 0x5343 || scalar == 0x767E
    }

    /// Chinese digits written one by one (二〇二五, 九八): value, count, end; at most four.
    func chineseDigitRun(at index: Int) -> (Int, Int, Int)? {
        var value = 0
        var count = 0
        var position = index
        while count < 5, let (scalar, next) = scalar(at: position), let digit = Self.chineseDigit(scalar) {
            value = value * 10 + digit
            count += 1
            position = next
        }
        guard count > 0, count <= 4 else { return nil }
        return (value, count, position)
    }

    /// The most numeral characters a small number takes (九十九 is three, 两千零四 four):
    /// a longer run of numerals is not a small number, and stopping there keeps
    /// the arithmetic far from overflow whatever the input.
    static let smallNumeralLimit = 4

    /// A small number in digits or Chinese numerals (未来五年, 近3年, 十二月): value and end.
    /// `nil` for a run of more than ``smallNumeralLimit`` numerals.
    func smallNumber(at index: Int) -> (Int, Int)? {
        if let (value, _, end) = digits(at: index, maximum: 2) { return (value, end) }
        var position = index
        var value = 0
        var seen = false
        var count = 0
        while let (scalar, next) = scalar(at: position) {
            let isNumeral = scalar == 0x5341 || scalar == 0x4E24 || scalar == 0x51E0 || (Self.chineseDigit(scalar) ?? 0) > 0
            guard isNumeral else { break }
            count += 1
            guard count <= Self.smallNumeralLimit else { return nil }
            if scalar == 0x5341 { // 十
                value = (value == 0 ? 1 : value) * 10
            } else if let digit = Self.chineseDigit(scalar), digit > 0 {
                value = value >= 10 && value % 10 == 0 ? value + digit : value * 10 + digit
            } else if scalar == 0x4E24 { // 两
                value = value * 10 + 2
            } else { // 几: an unspecified few, taken as 3
                value = 3
            }
            seen = true
            position = next
        }
        return seen ? (value, position) : nil
    }

    /// A year written with 千 (两千零四, 二千零二十): value and end.
    func thousandsYear(at index: Int) -> (Int, Int)? {
        guard let (lead, next) = scalar(at: index) else { return nil }
        let thousands: Int
        if lead == 0x4E24 { thousands = 2 } else if let digit = Self.chineseDigit(lead), digit > 0 { thousands = digit } else { return nil }
        guard let afterThousand = word("千", at: next) else { return nil }
        var position = skip(Self.zeroWords, at: afterThousand)
        var rest = 0
        if let (number, end) = smallNumber(at: position), number < 1000 {
            rest = number
            position = end
        }
        return (thousands * 1000 + rest, position)
    }

    /// The year a two-digit year names: the one in the 2000s when it is at most
    /// eleven years after the reference, else the one in the 1900s (03年 2003, 三三年
    /// 1933 with a 2021 reference; 3-7-27 2027 with a 2016 one; 九零年 1990 with a
    /// 1973 one). Without a reference the 2000s go up to 2031.
    func resolveTwoDigitYear(_ value: Int, near anchor: Int? = nil) -> Int {
        if let anchor {
            // A range end (一九八七至八九年): the anchor's century, or the next one.
            let candidate = anchor / 100 * 100 + value
            return candidate >= anchor ? candidate : candidate + 100
        }
        let limit = (reference?.year ?? 2020) + 11
        return 2000 + value <= limit ? 2000 + value : 1900 + value
    }

    /// A year before 年 (or bare, for range starts and numeric dates): value, end,
    /// and whether it is a full (four-digit) year.
    ///
    /// Four digits (2025), four Chinese digits (二〇二五), 两千零四; in running text
    /// a two-digit year (98年4月, 19年底) only with a month or part after it.
    func yearNumber(at index: Int, anchor: Int? = nil) -> (year: Int, end: Int, full: Bool)? {
        if let (value, count, end) = digits(at: index, maximum: 4) {
            if count == 4 { return Self.yearRange.contains(value) ? (value, end, true) : nil }
            if count == 2 { return (resolveTwoDigitYear(value, near: anchor), end, false) }
            if count == 3, standalone, word("年", at: end) != nil { return (value, end, true) }
            return nil
        }
        if let (value, count, end) = chineseDigitRun(at: index), count == 4 || count == 2 || (count == 3 && standalone && word("年", at: end) != nil) {
            if count == 2 { return (resolveTwoDigitYear(value, near: anchor), end, false) }
            return Self.yearRange.contains(value) ? (value, end, true) : nil
        }
        if let (value, end) = thousandsYear(at: index), Self.yearRange.contains(value) { return (value, end, true) }
        return nil
    }
}
