#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Affix and substring tests on UTF-8 bytes that answer exactly as `String`'s
/// `hasSuffix(_:)`, `hasPrefix(_:)` and Foundation's `contains(_:)` do, without
/// their per-call normalisation and character building.
///
/// `String` compares characters (grapheme clusters) under canonical equivalence.
/// On *plain* scalars the two agree with a byte comparison: each is a character
/// of its own next to any other plain scalar, none is canonically equivalent to
/// anything but itself, and none takes part in a longer cluster. Plain scalars
/// are what Chinese news text is made of: ASCII but the carriage return, the
/// middle dot, the dashes, quotes and ellipsis of general punctuation
/// (U+2010–U+2027, U+2030–U+203A), CJK punctuation U+3000–U+3029, the unified
/// ideographs U+3400–U+9FFF and the full-width forms U+FF01–U+FF5E. Wherever the
/// bytes compared (and the scalar beside them) are not all plain — a compatibility
/// ideograph, a combining mark, kana with a voicing mark, CR LF — the `String`
/// answer is taken instead, so the answer never differs.
enum PlainUTF8 {
    /// The length of the plain scalar that starts at `index`, or `nil` when it is not plain.
    @inline(__always)
    static func plainLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let lead = bytes[index]
        if lead < 0x80 { return lead == 0x0D ? nil : 1 }
        if lead == 0xC2 { return index + 1 < bytes.count && bytes[index + 1] == 0xB7 ? 2 : nil }
        guard lead >= 0xE2, lead <= 0xEF, index + 2 < bytes.count else { return nil }
        let second = bytes[index + 1], third = bytes[index + 2]
        guard second & 0xC0 == 0x80, third & 0xC0 == 0x80 else { return nil }
        switch lead {
        case 0xE4...0xE9:                                                     // U+4000–U+9FFF
            return 3
        case 0xE3:
            if second >= 0x90 { return 3 }                                    // U+3400–U+3FFF
            return second == 0x80 && third <= 0xA9 ? 3 : nil                   // U+3000–U+3029
        case 0xE2:
            guard second == 0x80 else { return nil }
            return (0x90...0xA7).contains(third) || (0xB0...0xBA).contains(third) ? 3 : nil // U+2010–2027, U+2030–203A
        case 0xEF:
            if second == 0xBC { return third >= 0x81 ? 3 : nil }              // U+FF01–U+FF3F
            return second == 0xBD && third <= 0x9E ? 3 : nil                   // U+FF40–U+FF5E
        default:
            return nil
        }
    }

    /// The number of scalars of `bytes` when all are plain, else `nil`.
    static func plainCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0, count = 0
        while index < bytes.count {
            guard let length = plainLength(bytes, at: index) else { return nil }
            index += length
            count += 1
        }
        return count
    }

    /// The start of the scalar that ends at `end`, when it is plain; else `nil`.
    @inline(__always)
    static func plainStart(_ bytes: UnsafeBufferPointer<UInt8>, before end: Int) -> Int? {
        var start = end - 1
        while start > 0, bytes[start] & 0xC0 == 0x80, end - start < 4 { start -= 1 }
        guard let length = plainLength(bytes, at: start), start + length == end else { return nil }
        return start
    }

    /// `text.hasSuffix(suffix)`, or `nil` when the bytes cannot tell.
    static func hasSuffix(_ text: UnsafeBufferPointer<UInt8>, _ suffix: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard let count = plainCount(suffix) else { return nil }
        guard count > 0 else { return true }
        // The last `count` scalars of the text, each plain, and the one before them.
        var start = text.count
        for _ in 0..<count {
            guard start > 0 else { return false }   // fewer scalars, so fewer characters, than the suffix
            guard let previous = plainStart(text, before: start) else { return nil }
            start = previous
        }
        if start > 0, plainStart(text, before: start) == nil { return nil }
        return text.count - start == suffix.count && memcmp(text.baseAddress! + start, suffix.baseAddress!, suffix.count) == 0
    }

    /// `text.hasPrefix(prefix)`, or `nil` when the bytes cannot tell.
    static func hasPrefix(_ text: UnsafeBufferPointer<UInt8>, _ prefix: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard let count = plainCount(prefix) else { return nil }
        guard count > 0 else { return true }
        // The first `count` scalars of the text, each plain, and the one after them.
        var end = 0
        for _ in 0..<count {
            guard end < text.count else { return false }
            guard let length = plainLength(text, at: end) else { return nil }
            end += length
        }
        if end < text.count, plainLength(text, at: end) == nil { return nil }
        return end == prefix.count && memcmp(text.baseAddress!, prefix.baseAddress!, prefix.count) == 0
    }

    /// Foundation's `text.contains(word)`, or `nil` when the bytes cannot tell.
    static func contains(_ text: UnsafeBufferPointer<UInt8>, _ word: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard plainCount(word) != nil, plainCount(text) != nil else { return nil }
        guard !word.isEmpty else { return false }   // Foundation finds the empty word nowhere
        guard word.count <= text.count else { return false }
        // Candidates by `memchr` on the word's last byte, then `memcmp`.
        let base = text.baseAddress!, last = Int32(word[word.count - 1])
        var end = word.count - 1   // where the word's last byte may be
        while end < text.count, let found = memchr(base + end, last, text.count - end) {
            let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + (at - (word.count - 1)), word.baseAddress!, word.count) == 0 { return true }
            end = at + 1
        }
        return false
    }
}

extension String {
    /// `hasSuffix(_:)`, answered on the UTF-8 bytes where they tell (see ``PlainUTF8``).
    ///
    /// ```swift
    /// "宁远科技有限公司".hasUTF8Suffix("有限公司")   // true
    /// ```
    func hasUTF8Suffix(_ suffix: String) -> Bool {
        var text = self, word = suffix
        let answer = text.withUTF8 { text in word.withUTF8 { word in PlainUTF8.hasSuffix(text, word) } }
        return answer ?? hasSuffix(suffix)
    }

    /// `hasPrefix(_:)`, answered on the UTF-8 bytes where they tell (see ``PlainUTF8``).
    func hasUTF8Prefix(_ prefix: String) -> Bool {
        var text = self, word = prefix
        let answer = text.withUTF8 { text in word.withUTF8 { word in PlainUTF8.hasPrefix(text, word) } }
        return answer ?? hasPrefix(prefix)
    }

    /// Foundation's `contains(_:)`, answered on the UTF-8 bytes where they tell (see ``PlainUTF8``).
    func containsUTF8(_ word: String) -> Bool {
        var text = self, needle = word
        let answer = text.withUTF8 { text in needle.withUTF8 { needle in PlainUTF8.contains(text, needle) } }
        return answer ?? contains(word)
    }
}
