/// Trimming and character-bounded prefixes on UTF-8 bytes, giving the same
/// text as Foundation's `trimmingCharacters(in: .whitespacesAndNewlines)` and
/// `String.prefix(_:)` without bridging through `NSString` or building
/// `Character`s.
///
/// The byte path covers text whose every scalar is its own grapheme cluster
/// (ASCII and Latin-1, general punctuation, CJK, full-width forms: what news
/// text holds). For anything else (combining marks, emoji sequences, CR LF,
/// malformed bytes) ``simpleText(_:in:limit:)`` answers `nil` and callers take
/// the `String` path, so the result never differs.
enum UTF8Trimming {
    /// Whether `scalar` is in `CharacterSet.whitespacesAndNewlines` as Foundation
    /// has it: tab, line feed to carriage return, U+0085, the space separators
    /// (Zs), the zero-width space U+200B and U+2028/9.
    @inline(__always)
    static func isWhitespaceOrNewline(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// Whether `scalar` always forms a grapheme cluster of its own next to other
    /// such scalars: no extending mark, joiner, Hangul jamo, regional indicator
    /// or carriage return (which pairs with a line feed).
    @inline(__always)
    static func isSingleGrapheme(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x0D: return false
        case 0x00..<0x300: return true
        case 0x200C, 0x200D: return false
        case 0x2000..<0x2070: return true
        case 0x302A...0x302F, 0x3099, 0x309A: return false
        case 0x3000..<0xA000: return true
        case 0xFF9E, 0xFF9F: return false
        case 0xFF00..<0xFFF0: return true
        default: return false
        }
    }

    /// Decodes a well-formed scalar of at most three bytes at `index` (all that
    /// ``isSingleGrapheme(_:)`` accepts); `nil` for anything else.
    @inline(__always)
    static func strictScalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> (value: UInt32, length: Int)? {
        let lead = bytes[index]
        if lead < 0x80 { return (UInt32(lead), 1) }
        if lead >= 0xC2, lead < 0xE0 {
            guard index + 1 < end, UTF8Bytes.isContinuation(bytes[index + 1]) else { return nil }
            return (UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2)
        }
        if lead >= 0xE0, lead < 0xF0 {
            guard index + 2 < end else { return nil }
            let second = bytes[index + 1], third = bytes[index + 2]
            guard UTF8Bytes.isContinuation(second), UTF8Bytes.isContinuation(third) else { return nil }
            let value = UInt32(lead & 0x0F) << 12 | UInt32(second & 0x3F) << 6 | UInt32(third & 0x3F)
            // Overlong forms and surrogates are malformed.
            guard value >= 0x800, !(0xD800...0xDFFF).contains(value) else { return nil }
            return (value, 3)
        }
        return nil
    }

    /// The bytes of `range` trimmed of white space and line breaks at both ends
    /// and cut to its first `limit` characters, or `nil` when the text holds a
    /// scalar the byte path does not cover.
    ///
    /// - Complexity: O(n) in the length of `range`, one pass that stops at the first
    ///   character past the limit that is not white space (what follows cannot change the cut:
    ///   the `String` path would take the same first `limit` characters).
    static func simpleText(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>, limit: Int) -> Range<Int>? {
        var index = range.lowerBound
        var start = -1
        var count = 0                 // scalars since `start`
        var lastEnd = range.lowerBound // end of the last scalar that is not white space
        var countAtLast = 0
        var limitEnd = -1             // end of the `limit`-th scalar after `start`
        guard let base = bytes.baseAddress else { return range.isEmpty ? range : nil }
        let raw = UnsafeRawPointer(base)
        while index < range.upperBound {
            // Ideographs U+4000…U+9FFF (leads E4…E9), most of news text: well formed when
            // both bytes after the lead continue it, each its own grapheme, never white space.
            // A run of them is taken at once, up to one past the limit.
            let lead = bytes[index]
            if lead >= 0xE4, lead <= 0xE9, start >= 0, index + 2 < range.upperBound,
               UTF8Bytes.isContinuation(bytes[index + 1]), UTF8Bytes.isContinuation(bytes[index + 2]) {
                // One bound for the run: at most `room` ideographs after the first (one past the
                // limit in all), each whole before the range's end. (`room` is below 0 once white
                // space went past the limit: then no more are taken. Wrapping arithmetic: `room`
                // and the offsets are at most the range's length, `limit` aside, which is tested first.)
                let room = limit &- count
                let last = range.upperBound &- 3
                let stop = room >= (range.upperBound &- index) / 3 ? last : min(index &+ 3 &* room, last)
                var end = index &+ 3
                while end <= stop, bytes[end] &- 0xE4 <= 0x05,
                      raw.loadUnaligned(fromByteOffset: end &+ 1, as: UInt16.self) & 0xC0C0 == 0x8080 {
                    end &+= 3
                }
                let run = (end &- index) / 3
                // The limit-th character is in the run: the text is cut after it.
                if count < limit, count + run >= limit { limitEnd = index + 3 * (limit - count) }
                if count + run > limit { return start..<limitEnd }
                count += run
                index = end
                lastEnd = index
                countAtLast = count
                continue
            }
            // Printable ASCII, the full-width forms U+FF00…U+FF7F (EF BC, EF BD) and the CJK marks
            // U+3001…U+3029 and U+3030…U+303F (E3 80): well formed when told so by their bytes, each
            // its own grapheme, never white space: counted without decoding them.
            let plain: Int
            if lead &- 0x21 < 0x5E {
                plain = 1
            } else if index &+ 2 < range.upperBound, UTF8Bytes.isContinuation(bytes[index &+ 2]),
                      lead == 0xEF ? bytes[index &+ 1] & 0xFE == 0xBC
                                   : lead == 0xE3 && bytes[index &+ 1] == 0x80 && (bytes[index &+ 2] &- 0x81 < 0x29 || bytes[index &+ 2] >= 0xB0) {
                plain = 3
            } else {
                plain = 0
            }
            if plain > 0 {
                if start < 0 { start = index }
                count += 1
                index &+= plain
                if count == limit { limitEnd = index }
                if count > limit { return start..<limitEnd }
                lastEnd = index
                countAtLast = count
                continue
            }
            guard let (scalar, length) = strictScalar(in: bytes, at: index, end: range.upperBound), isSingleGrapheme(scalar) else { return nil }
            let space = isWhitespaceOrNewline(scalar)
            if start < 0 {
                if space { index += length; continue }
                start = index
            }
            count += 1
            index += length
            if count == limit { limitEnd = index }
            if !space {
                // A character past the limit that is no white space: the text is cut at the limit
                // whatever follows (this scalar is a grapheme of its own, so the limit-th ends a character).
                if count > limit { return start..<limitEnd }
                lastEnd = index
                countAtLast = count
            }
        }
        guard start >= 0 else { return range.lowerBound..<range.lowerBound }
        return countAtLast <= limit ? start..<lastEnd : start..<limitEnd
    }

    /// The bytes of `range` trimmed of white space and line breaks at both ends,
    /// or `nil` when the text holds a scalar the byte path does not cover.
    static func simpleTrimmed(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> Range<Int>? {
        simpleText(bytes, in: range, limit: Int.max)
    }
}
