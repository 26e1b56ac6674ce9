import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte-level reading of calendar dates for the publication-date rules:
/// `2025-01-20`, `2025/1/20`, `2025.1.20`, `2025年1月20日`, `2024 年 05 月 27 日`,
/// `2023年7月` (a month), `20230718` (compact, in URLs and file names).
enum DateScan {
    /// A date found at some bytes.
    struct Found: Hashable {
        let year: Int
        let month: Int
        let day: Int?
        let start: Int
        let end: Int

        var text: String {
            let y = String(year), m = month < 10 ? "0\(month)" : String(month)
            guard let day else { return "\(y)-\(m)" }
            return "\(y)-\(m)-\(day < 10 ? "0\(day)" : String(day))"
        }

        func with(_ source: PublishedSource) -> PublicationDateFinding {
            PublicationDateFinding(date: text, source: source, range: start..<end)
        }
    }

    /// The words after a date's year, month and day (年, 月, 日 and 号): the `year-unit`,
    /// `month-unit` and `day-unit` words of `patterns/published.tsv`, as bytes.
    struct Units: Sendable {
        let year: [[UInt8]]
        let month: [[UInt8]]
        let day: [[UInt8]]

        init(_ vocabulary: PublicationVocabulary) {
            year = vocabulary.labels(.yearUnit).filter { !$0.isEmpty }
            month = vocabulary.labels(.monthUnit).filter { !$0.isEmpty }
            day = vocabulary.labels(.dayUnit).filter { !$0.isEmpty }
        }
    }

    static let years = 1949...2100

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// A run of 1…`maxDigits` digits at `index`, not preceded or followed by a digit.
    static func number<C: RandomAccessCollection>(_ bytes: C, at index: Int, maxDigits: Int) -> (value: Int, end: Int)?
    where C.Element == UInt8, C.Index == Int {
        guard index < bytes.endIndex, isDigit(bytes[index]) else { return nil }
        if index > bytes.startIndex, isDigit(bytes[index - 1]) { return nil }
        var value = 0
        var position = index
        while position < bytes.endIndex, isDigit(bytes[position]) {
            if position - index == maxDigits { return nil }
            value = value * 10 + Int(bytes[position] - 0x30)
            position += 1
        }
        return (value, position)
    }

    /// Skips ASCII spaces.
    static func skipSpaces<C: RandomAccessCollection>(_ bytes: C, _ index: Int) -> Int where C.Element == UInt8, C.Index == Int {
        var position = index
        while position < bytes.endIndex, bytes[position] == 0x20 { position += 1 }
        return position
    }

    static func matches<C: RandomAccessCollection>(_ word: [UInt8], _ bytes: C, at index: Int) -> Bool where C.Element == UInt8, C.Index == Int {
        guard index >= bytes.startIndex, index + word.count <= bytes.endIndex else { return false }
        for offset in 0..<word.count where bytes[index + offset] != word[offset] { return false }
        return true
    }

    /// The length of a date separator (`-` `/` `.` or one of the given words) at `index`, or nil.
    static func separator<C: RandomAccessCollection>(_ bytes: C, at index: Int, words: [[UInt8]]) -> (length: Int, isWord: Bool)?
    where C.Element == UInt8, C.Index == Int {
        guard index < bytes.endIndex else { return nil }
        let byte = bytes[index]
        if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ".") { return (1, false) }
        if let word = words.first(where: { matches($0, bytes, at: index) }) { return (word.count, true) }
        return nil
    }

    /// A date at `index` (year, month, and the day when there is one).
    static func date<C: RandomAccessCollection>(_ bytes: C, at index: Int, units: Units) -> Found? where C.Element == UInt8, C.Index == Int {
        guard let (year, afterYear) = number(bytes, at: index, maxDigits: 4), afterYear - index == 4, years.contains(year) else { return nil }
        var position = skipSpaces(bytes, afterYear)
        guard let first = separator(bytes, at: position, words: units.year) else { return nil }
        position = skipSpaces(bytes, position + first.length)
        guard let (month, afterMonth) = number(bytes, at: position, maxDigits: 2), (1...12).contains(month) else { return nil }
        position = skipSpaces(bytes, afterMonth)
        if let second = separator(bytes, at: position, words: units.month), second.isWord == first.isWord {
            let dayStart = skipSpaces(bytes, position + second.length)
            if let (day, afterDay) = number(bytes, at: dayStart, maxDigits: 2), (1...31).contains(day) {
                var end = afterDay
                let spaced = skipSpaces(bytes, end)
                if let word = units.day.first(where: { matches($0, bytes, at: spaced) }) { end = spaced + word.count }
                return Found(year: year, month: month, day: day, start: index, end: end)
            }
            if second.isWord { return Found(year: year, month: month, day: nil, start: index, end: position + second.length) }
        }
        return nil
    }

    /// `20230718`: eight digits standing alone.
    static func compact<C: RandomAccessCollection>(_ bytes: C, at index: Int) -> Found? where C.Element == UInt8, C.Index == Int {
        guard let (value, end) = number(bytes, at: index, maxDigits: 8), end - index == 8 else { return nil }
        let year = value / 10_000, month = value / 100 % 100, day = value % 100
        guard years.contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
        return Found(year: year, month: month, day: day, start: index, end: end)
    }

    /// A URL's date path: `2023-07/18`, `2022/11/09`, `202307/18`.
    static func urlDate(_ bytes: [UInt8], at index: Int, end: Int, units: Units) -> Found? {
        let slice = bytes[index..<end]
        if let found = date(slice, at: index, units: units), found.day != nil { return found }
        // 202307/18
        guard let (value, afterMonth) = number(slice, at: index, maxDigits: 6), afterMonth - index == 6,
              afterMonth < end, bytes[afterMonth] == UInt8(ascii: "/"),
              let (day, afterDay) = number(slice, at: afterMonth + 1, maxDigits: 2), afterDay - afterMonth == 3 else { return nil }
        let year = value / 100, month = value % 100
        guard years.contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
        return Found(year: year, month: month, day: day, start: index, end: afterDay)
    }

    /// A clock time (`08:30`, `T08:00`) after optional spaces.
    static func clockTime(_ bytes: ArraySlice<UInt8>, at index: Int) -> Bool {
        var position = skipSpaces(bytes, index)
        if position < bytes.endIndex, bytes[position] == UInt8(ascii: "T") { position += 1 }
        guard let (hour, afterHour) = number(bytes, at: position, maxDigits: 2), hour < 24,
              afterHour < bytes.endIndex, bytes[afterHour] == UInt8(ascii: ":"),
              let (_, afterMinute) = number(bytes, at: afterHour + 1, maxDigits: 2) else { return false }
        return afterMinute - afterHour == 3
    }

    /// The first date within `maxGap` bytes after `from`, crossing only separators
    /// (white space, `：`, `:`, quotes, `=`, `>` and tags).
    static func dateAfter(_ bytes: ArraySlice<UInt8>, from: Int, maxGap: Int, units: Units) -> Found? {
        var position = from
        let limit = min(bytes.endIndex, from + maxGap)
        while position < limit {
            if let found = date(bytes, at: position, units: units) { return found }
            let byte = bytes[position]
            if byte == UInt8(ascii: "<") {
                while position < limit, bytes[position] != UInt8(ascii: ">") { position += 1 }
                position += 1
                continue
            }
            if isSeparator(bytes, at: position) { position += separatorLength(bytes, at: position); continue }
            return nil
        }
        return nil
    }

    static let fullColon = Array("：".utf8), ideographicSpace = Array("　".utf8)

    /// Separators between a label and its value: white space, colons, quotes, `=`, `>`, `|`.
    static func isSeparator(_ bytes: ArraySlice<UInt8>, at index: Int) -> Bool {
        guard index < bytes.endIndex else { return false }
        switch bytes[index] {
        case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ":"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "="),
             UInt8(ascii: ">"), UInt8(ascii: "|"), UInt8(ascii: "<"):
            return true
        default:
            return matches(fullColon, bytes, at: index) || matches(ideographicSpace, bytes, at: index)
        }
    }

    static func separatorLength(_ bytes: ArraySlice<UInt8>, at index: Int) -> Int {
        bytes[index] < 0x80 ? 1 : 3
    }

    /// Whether `index` begins a line or a cell: only white space, `>`, `|`, `-`, `*` or a
    /// space-separated earlier field stand before it on its line.
    static func startsCell(_ bytes: ArraySlice<UInt8>, at index: Int) -> Bool {
        guard index > bytes.startIndex else { return true }
        let previous = bytes[index - 1]
        switch previous {
        case 0x0A, 0x0D, 0x20, 0x09, UInt8(ascii: ">"), UInt8(ascii: "|"), UInt8(ascii: "-"), UInt8(ascii: "*"):
            return true
        default:
            return matches(ideographicSpace, bytes, at: index - 3)
        }
    }

    static let schemes = [Array("http://".utf8), Array("https://".utf8), Array("www.".utf8)]

    static func startsURL(_ bytes: [UInt8], at index: Int) -> Bool {
        let byte = bytes[index]
        guard byte == UInt8(ascii: "h") || byte == UInt8(ascii: "w") else { return false }
        return schemes.contains { matches($0, bytes, at: index) }
    }

    /// The first offset at or after `from` (before `end`) holding `byte`, or `end`.
    ///
    /// - Complexity: O(n), at `memchr` speed.
    static func next(_ byte: UInt8, in bytes: [UInt8], from: Int, end: Int) -> Int {
        guard from < end else { return end }
        return bytes.withUnsafeBufferPointer { buffer -> Int in
            let base = buffer.baseAddress!
            guard let found = memchr(base + from, Int32(byte), end - from) else { return end }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// The first offset of `bytes` at or after `from` that holds an ASCII digit, or `bytes.endIndex`.
    ///
    /// - Complexity: O(n), sixteen bytes at a time: a vector with no byte in 0x30…0x39 (Chinese
    ///   text, every byte's top bit set) is passed over after one test (a subtraction and an
    ///   unsigned compare of all its lanes); the byte loop finds the digit in the vector that
    ///   holds one, and reads the last bytes, fewer than sixteen.
    static func nextDigit(_ bytes: ArraySlice<UInt8>, from: Int) -> Int {
        guard from < bytes.endIndex else { return bytes.endIndex }
        return bytes.withUnsafeBufferPointer { buffer -> Int in
            let raw = UnsafeRawPointer(buffer.baseAddress!)
            let count = buffer.count
            var index = from - bytes.startIndex
            // A digit less 0x30 is below 10; every other byte wraps to 10 or more.
            let zero = SIMD16<UInt8>(repeating: 0x30), ten = SIMD16<UInt8>(repeating: 10)
            // `index` and `count` are offsets in one buffer: adding 16 does not overflow.
            while index &+ 16 <= count {
                let lanes = raw.loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self) &- zero
                if any(lanes .< ten) { break }
                index &+= 16
            }
            while index < count, !isDigit(buffer[index]) { index += 1 }
            return index + bytes.startIndex
        }
    }

    static func endsURL(_ byte: UInt8) -> Bool {
        byte <= 0x20 || byte >= 0x80 || byte == UInt8(ascii: ")") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
            || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "]")
    }

    /// The first occurrence of `word` in `bytes` at or after `from` (ASCII
    /// letters in either case when `caseInsensitive`).
    ///
    /// - Complexity: O(n): candidates found with `memchr`, on the last byte when
    ///   the case matters, else on the first (both cases of a letter). The rules
    ///   can look for many labels in the head of a page at little cost.
    static func find(_ word: [UInt8], in bytes: ArraySlice<UInt8>, from: Int, caseInsensitive: Bool) -> Int? {
        guard let first = word.first, word.count <= bytes.count else { return nil }
        let base = bytes.startIndex
        let start = max(from, base) - base
        let last = bytes.endIndex - word.count - base
        guard start <= last else { return nil }
        let firstLower = caseInsensitive ? lower(first) : first
        let firstUpper = caseInsensitive && firstLower >= 0x61 && firstLower <= 0x7A ? firstLower - 0x20 : firstLower
        return bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let pointer = buffer.baseAddress else { return nil }
            if !caseInsensitive {
                // By the last byte: in Chinese text a label's lead byte (E5 …) is everywhere, its last byte is not.
                let tail = word.count - 1, lastByte = word[tail]
                return word.withUnsafeBufferPointer { needle -> Int? in
                    var index = start + tail
                    while index <= last + tail {
                        guard let found = memchr(pointer + index, Int32(lastByte), last + tail - index + 1) else { return nil }
                        let end = pointer.distance(to: found.assumingMemoryBound(to: UInt8.self))
                        if memcmp(pointer + end - tail, needle.baseAddress!, tail) == 0 { return end - tail + base }
                        index = end + 1
                    }
                    return nil
                }
            }
            /// The next position at or after `index` (up to `last`) holding `byte`, or `last + 1`.
            func next(_ byte: UInt8, from index: Int) -> Int {
                guard index <= last, let found = memchr(pointer + index, Int32(byte), last - index + 1) else { return last + 1 }
                return pointer.distance(to: found.assumingMemoryBound(to: UInt8.self))
            }
            var nextLower = next(firstLower, from: start)
            var nextUpper = firstUpper == firstLower ? last + 1 : next(firstUpper, from: start)
            while true {
                let index = min(nextLower, nextUpper)
                guard index <= last else { return nil }
                var offset = 1
                while offset < word.count, same(buffer[index + offset], word[offset], caseInsensitive) { offset += 1 }
                if offset == word.count { return index + base }
                if index == nextLower { nextLower = next(firstLower, from: index + 1) }
                if index == nextUpper { nextUpper = next(firstUpper, from: index + 1) }
            }
        }
    }

    static func same(_ a: UInt8, _ b: UInt8, _ caseInsensitive: Bool) -> Bool {
        guard caseInsensitive else { return a == b }
        return lower(a) == lower(b)
    }

    static func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }
}
