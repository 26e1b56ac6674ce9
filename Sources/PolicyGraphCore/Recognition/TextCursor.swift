import Foundation

/// Read-only helpers over the normalised bytes used by the pattern recognisers.
struct TextCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    /// Where the passes' fixed words occur, found in one pass when the cursor was made with
    /// them (``init(bytes:fixedWords:)``); ``occurrences(of:in:overlapping:)`` and
    /// ``occurrences(ofAny:in:)`` answer from it for the words it holds.
    let fixedWords: FixedWordStarts?

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        fixedWords = nil
    }

    /// A cursor whose searches for `fixedWords` are answered from one pass over `bytes`, made here.
    init(bytes: UnsafeBufferPointer<UInt8>, fixedWords: FixedWords) {
        self.bytes = bytes
        self.fixedWords = fixedWords.starts(in: bytes)
    }

    /// Up to this many needles, ``occurrences(ofAny:in:)`` searches each with `memchr` on
    /// its last byte (a pass at memory speed each); more share one pass over the range.
    static let needlesSearchedOneByOne = 24

    /// The scalar that ends at `index` and its start.
    @inline(__always)
    func scalar(before index: Int) -> (value: UInt32, start: Int)? {
        guard index > 0 else { return nil }
        let start = UTF8Bytes.previousScalarStart(in: bytes, before: index)
        return (UTF8Bytes.scalar(in: bytes, at: start).value, start)
    }

    /// The scalar that starts at `index` and its end.
    @inline(__always)
    func scalar(at index: Int) -> (value: UInt32, end: Int)? {
        guard index < bytes.count else { return nil }
        let (value, length) = UTF8Bytes.scalar(in: bytes, at: index)
        return (value, index + length)
    }

    func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// The text from `start` to `end`, empty when `end` is not after `start`.
    func text(from start: Int, to end: Int) -> String {
        end > start ? text(start..<end) : ""
    }

    func scalarCount(_ range: Range<Int>) -> Int {
        var count = 0
        for index in range where !UTF8Bytes.isContinuation(bytes[index]) { count += 1 }
        return count
    }

    /// Whether the bytes at `index` spell `needle`.
    @inline(__always)
    func matches(_ needle: [UInt8], at index: Int) -> Bool {
        guard index >= 0, index + needle.count <= bytes.count else { return false }
        for offset in 0..<needle.count where bytes[index + offset] != needle[offset] { return false }
        return true
    }

    /// Every start of `needle` in `range`, left to right, not overlapping (or, with
    /// `overlapping`, every start, one after another's start too).
    ///
    /// - Complexity: O(n): candidates are found with `memchr` on the needle's last
    ///   byte (in Chinese text a lead byte such as E7 is everywhere, a last byte is not),
    ///   and most false ones are turned down on the byte before it, without a call.
    func occurrences(of needle: [UInt8], in range: Range<Int>, overlapping: Bool = false) -> [Int] {
        guard !needle.isEmpty, let base = bytes.baseAddress else { return [] }
        if let starts = fixedWords?.starts(of: needle) {
            return Self.taking(starts, length: needle.count, in: range, overlapping: overlapping)
        }
        var result: [Int] = []
        var index = range.lowerBound
        let tail = needle.count - 1, lastByte = needle[tail]
        // The byte before the last (0 unused for one-byte needles).
        let beforeLast = tail > 0 ? needle[tail - 1] : 0
        let last = range.upperBound - needle.count
        while index <= last {
            // The next place at or after `index` where a needle could end.
            guard let found = memchr(base + index + tail, Int32(lastByte), range.upperBound - (index + tail)) else { break }
            let start = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) - tail
            // `start + tail - 1 >= index >= 0`: the byte is inside the range.
            if tail > 0, base[start + tail - 1] != beforeLast {
                index = start + 1
            } else if matches(needle, at: start) {
                result.append(start)
                index = overlapping ? start + 1 : start + needle.count
            } else {
                index = start + 1
            }
        }
        return result
    }

    /// Every start of each of `needles` in `range`, in one pass: for each needle
    /// the same non-overlapping starts as ``occurrences(of:in:)``, listed by
    /// position and, at one position, in the order of `needles`.
    ///
    /// - Complexity: O(n) over the range, plus the needles that share a first byte at each position.
    ///   A position is looked at further only when its first two bytes begin a needle (a bit
    ///   table of byte pairs): in Chinese text a lead byte such as E5 begins a third of the
    ///   positions, a pair of bytes few.
    func occurrences(ofAny needles: [[UInt8]], in range: Range<Int>) -> [(position: Int, needle: Int)] {
        // Every needle among the fixed words: each one's starts as a search for it alone gives them.
        if let fixedWords, !needles.isEmpty, needles.allSatisfy({ fixedWords.words.id(of: $0) != nil }) {
            var result: [(position: Int, needle: Int)] = []
            for (index, needle) in needles.enumerated() {
                result += Self.taking(fixedWords.starts(of: needle) ?? [], length: needle.count, in: range, overlapping: false)
                    .map { ($0, index) }
            }
            result.sort { $0.position != $1.position ? $0.position < $1.position : $0.needle < $1.needle }
            return result
        }
        // A few needles: one `memchr` search each, merged in the order of one pass; needles that
        // begin with the same character share the search for it (董事长, 董事会秘书, 董秘).
        if needles.count <= Self.needlesSearchedOneByOne {
            var result: [(position: Int, needle: Int)] = []
            for group in Self.byFirstCharacter(needles) {
                guard group.members.count > 1 else {
                    result += occurrences(of: needles[group.members[0]], in: range).map { ($0, group.members[0]) }
                    continue
                }
                // Every start of the shared character; each needle keeps its own starts apart.
                let starts = occurrences(of: group.first, in: range, overlapping: true)
                for index in group.members {
                    let needle = needles[index]
                    var nextAllowed = range.lowerBound
                    for start in starts where start >= nextAllowed && start + needle.count <= range.upperBound
                        && matches(needle, at: start) {
                        result.append((start, index))
                        nextAllowed = start + needle.count
                    }
                }
            }
            result.sort { $0.position != $1.position ? $0.position < $1.position : $0.needle < $1.needle }
            return result
        }
        var byFirst = [[Int]](repeating: [], count: 256)
        // Needles of one byte are found by their byte alone; longer ones by their first two.
        var isSingle = [Bool](repeating: false, count: 256)
        var pairs = [UInt64](repeating: 0, count: 65_536 / 64)
        for (index, needle) in needles.enumerated() where !needle.isEmpty {
            byFirst[Int(needle[0])].append(index)
            if needle.count == 1 {
                isSingle[Int(needle[0])] = true
            } else {
                let pair = Int(needle[0]) << 8 | Int(needle[1])
                pairs[pair >> 6] |= 1 << UInt64(pair & 63)
            }
        }
        var nextAllowed = [Int](repeating: range.lowerBound, count: needles.count)
        var result: [(position: Int, needle: Int)] = []
        var index = range.lowerBound
        let end = range.upperBound
        while index < end {
            let first = Int(bytes[index])
            var candidate = isSingle[first]
            if !candidate, index + 1 < end {
                let pair = first << 8 | Int(bytes[index + 1])
                candidate = pairs[pair >> 6] & (1 << UInt64(pair & 63)) != 0
            }
            if candidate {
                for needle in byFirst[first] where index >= nextAllowed[needle] && index + needles[needle].count <= end
                    && matches(needles[needle], at: index) {
                    result.append((index, needle))
                    nextAllowed[needle] = index + needles[needle].count
                }
            }
            index += 1
        }
        return result
    }
}

extension TextCursor {
    /// The starts a search left to right takes from `starts` (every start of a word of `length`
    /// bytes, ascending): those whose word lies inside `range`, each after the end of the one
    /// taken before it (or, with `overlapping`, all of them).
    static func taking(_ starts: [Int], length: Int, in range: Range<Int>, overlapping: Bool) -> [Int] {
        var result: [Int] = []
        var next = range.lowerBound
        for start in starts where start >= next {
            guard start + length <= range.upperBound else { break }
            result.append(start)
            if !overlapping { next = start + length }
        }
        return result
    }

    /// The needles (not empty) grouped by their first character's bytes (or the whole needle
    /// when it is shorter), each group's needles in `needles`' order, the groups in the order
    /// of their first needle. A needle matches only where its first character does.
    static func byFirstCharacter(_ needles: [[UInt8]]) -> [(first: [UInt8], members: [Int])] {
        var groups: [(first: [UInt8], members: [Int])] = []
        for (index, needle) in needles.enumerated() where !needle.isEmpty {
            let first = Array(needle.prefix(UTF8Bytes.sequenceLength(lead: needle[0])))
            if let group = groups.firstIndex(where: { $0.first == first }) {
                groups[group].members.append(index)
            } else {
                groups.append((first, [index]))
            }
        }
        return groups
    }
}

extension UInt32 {
    static let leftTitle: UInt32 = 0x300A      // 《
    static let rightTitle: UInt32 = 0x300B     // 》
    static let leftParenWide: UInt32 = 0xFF08  // （
    static let rightParenWide: UInt32 = 0xFF09 // ）
    static let leftParen: UInt32 = 0x28
    static let rightParen: UInt32 = 0x29
    static let leftQuote: UInt32 = 0x201C      // “
    static let rightQuote: UInt32 = 0x201D     // ”
}
