/// A set of words compiled into a ``DoubleArrayTrie`` and looked for in byte
/// ranges of a text, so that rule checks (does this clause hold 将? which
/// technology does this topic name?) cost a scan, not a string search per word.
struct WordMatcher: Sendable {
    let words: [String]
    private let trie: DoubleArrayTrie
    /// The bytes a word can start with, one bit each: most places start none, and are
    /// passed without a walk of the trie.
    let firstBytes: (UInt64, UInt64, UInt64, UInt64)
    /// The first two bytes of the words of two bytes or more, one bit per pair
    /// (``TimeWords/pairKey(_:_:)``: the low six bits of each), and the bytes that are a
    /// word alone. Chinese words share their first byte (E4–E9) with most of the text, but
    /// rarely their first two: a place whose pair starts no word is passed without a walk
    /// of the trie.
    let firstPairs: [UInt64]
    let singleBytes: (UInt64, UInt64, UInt64, UInt64)
    /// The words' three-byte first scalars (``ThreeByteStarts``): the gate of the scans
    /// (``nextPlace(from:before:in:)``) at a three-byte sequence, most of the text.
    let threeByteStarts: ThreeByteStarts

    init(_ words: [String]) {
        var unique: [String] = []
        var seen: Set<String> = []
        for word in words where !word.isEmpty && seen.insert(word).inserted { unique.append(word) }
        self.words = unique
        trie = DoubleArrayTrie(keys: unique.enumerated().map { (Array($0.element.utf8), Int32($0.offset)) })
        var bits: [UInt64] = [0, 0, 0, 0]
        for word in unique { let first = word.utf8.first!; bits[Int(first >> 6)] |= 1 << UInt64(first & 63) }
        firstBytes = (bits[0], bits[1], bits[2], bits[3])
        var pairs = [UInt64](repeating: 0, count: 4096 / 64)
        var singles: [UInt64] = [0, 0, 0, 0]
        for word in unique {
            let bytes = Array(word.utf8)
            if bytes.count == 1 {
                singles[Int(bytes[0] >> 6)] |= 1 << UInt64(bytes[0] & 63)
            } else {
                let key = TimeWords.pairKey(bytes[0], bytes[1])
                pairs[key >> 6] |= 1 << UInt64(key & 63)
            }
        }
        firstPairs = pairs
        singleBytes = (singles[0], singles[1], singles[2], singles[3])
        threeByteStarts = ThreeByteStarts(unique)
    }

    /// The first place at or after `index` and before `end` where a word can start, if any: at a
    /// three-byte sequence its scalar is tested and its continuation bytes stepped over
    /// (``ThreeByteStarts``); elsewhere a scalar's first byte passes the byte gate. Every place
    /// where a word starts is found, in order (a place found may start none).
    @inline(__always)
    func nextPlace(from index: Int, before end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = index
        while index < end {
            let lead = bytes[index]
            if ThreeByteStarts.isLead(lead) {
                let (may, step) = threeByteStarts.test(at: index, in: bytes)
                if may { return index }
                index &+= step
                continue
            }
            if !UTF8Bytes.isContinuation(lead), mayStart(at: index, in: bytes) { return index }
            index &+= 1
        }
        return nil
    }

    /// Whether a word can start at `index`: its first byte starts a word, and it is a word
    /// alone or its first two bytes start one. Only places where no word starts are turned down.
    @inline(__always)
    private func mayStart(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let byte = bytes[index]
        guard canStart(byte) else { return false }
        let bit = UInt64(1) << UInt64(byte & 63)
        let single: Bool
        switch byte >> 6 {
        case 0: single = singleBytes.0 & bit != 0
        case 1: single = singleBytes.1 & bit != 0
        case 2: single = singleBytes.2 & bit != 0
        default: single = singleBytes.3 & bit != 0
        }
        if single { return true }
        guard index + 1 < bytes.count else { return false }
        let key = TimeWords.pairKey(byte, bytes[index + 1])
        return firstPairs.withUnsafeBufferPointer { $0[key >> 6] } & (1 << UInt64(key & 63)) != 0
    }

    /// Whether a word can start with `byte`.
    @inline(__always)
    private func canStart(_ byte: UInt8) -> Bool {
        let bit = UInt64(1) << UInt64(byte & 63)
        switch byte >> 6 {
        case 0: return firstBytes.0 & bit != 0
        case 1: return firstBytes.1 & bit != 0
        case 2: return firstBytes.2 & bit != 0
        default: return firstBytes.3 & bit != 0
        }
    }

    /// The longest word starting at `index`, if any: its index in ``words`` and its end.
    func word(at index: Int, in bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> (word: Int, end: Int)? {
        guard index < bytes.count, mayStart(at: index, in: bytes) else { return nil }
        var found: (Int, Int)? = nil
        trie.forEachPrefix(in: bytes, from: index) { end, value in
            guard end <= limit else { return false }
            found = (Int(value), end)
            return true
        }
        return found
    }

    /// The end of the shortest word starting at `index`, if any: a word occurs in a range
    /// that starts at or before `index` exactly when this end is within the range.
    @inline(__always)
    func shortestEnd(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard index < bytes.count, mayStart(at: index, in: bytes) else { return nil }
        var found: Int? = nil
        trie.forEachPrefix(in: bytes, from: index) { end, _ in
            found = end
            return false
        }
        return found
    }

    /// The first (leftmost, then longest) word in `range`.
    func first(in range: Range<Int>, of bytes: UnsafeBufferPointer<UInt8>) -> (word: Int, range: Range<Int>)? {
        // The gate first (``nextPlace(from:before:in:)``): most places start no word, and are passed without a walk.
        var index = range.lowerBound
        while let place = nextPlace(from: index, before: range.upperBound, in: bytes) {
            if let (word, end) = word(at: place, in: bytes, limit: range.upperBound) { return (word, place..<end) }
            index = place + 1
        }
        return nil
    }

    /// The longest word anywhere in `range`; of equal length the last, since a
    /// Chinese noun phrase ends with its head (纯电动汽车全固态电池 → 全固态电池).
    func longest(in range: Range<Int>, of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var best: (word: Int, length: Int)? = nil
        var index = range.lowerBound
        while let place = nextPlace(from: index, before: range.upperBound, in: bytes) {
            if let (word, end) = word(at: place, in: bytes, limit: range.upperBound), end - place >= (best?.length ?? 0) {
                best = (word, end - place)
            }
            index = place + 1
        }
        return best?.word
    }

    /// The last word that starts in `range` (the longest at its position).
    func last(in range: Range<Int>, of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var found: Int? = nil
        var index = range.lowerBound
        while let place = nextPlace(from: index, before: range.upperBound, in: bytes) {
            if let (word, end) = word(at: place, in: bytes, limit: range.upperBound) {
                found = word
                index = end
                continue
            }
            index = place + 1
        }
        return found
    }

    /// Whether any word occurs in `range`.
    func occurs(in range: Range<Int>, of bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        first(in: range, of: bytes) != nil
    }

    /// Whether any word occurs in a string.
    func occurs(in text: String) -> Bool {
        Array(text.utf8).withUnsafeBufferPointer { occurs(in: 0..<$0.count, of: $0) }
    }

    /// The longest word in a string.
    func longest(in text: String) -> String? {
        Array(text.utf8).withUnsafeBufferPointer { buffer in longest(in: 0..<buffer.count, of: buffer).map { words[$0] } }
    }
}
