/// A list of words the time grammar tries at one place, compiled to UTF-8 bytes
/// once, so that trying them compares bytes: no `String` view, no allocation, no
/// hashing per try.
///
/// ```swift
/// let prefixes = TimeWords(["截至", "截止到", "截止"])
/// prefixes.first(in: bytes, at: 0)   // (word: 0, end: 6) on 截至2025年
/// ```
///
/// The words are tried in their order, as ``TimeParser`` lists them (longest first
/// where one is a prefix of another). Lists are built once (static constants, or
/// ``TimeVocabulary/finish()``), never per try.
struct TimeWords: Sendable {
    /// The words, in the order they are tried.
    let words: [String]
    /// Every word's bytes, one after another: word `i` is `storage[starts[i]..<starts[i + 1]]`.
    private let storage: [UInt8]
    private let starts: [Int]
    /// The first two bytes of the words of two bytes or more, one bit per pair (``pairKey(_:_:)``),
    /// so that most places are rejected by one test: Chinese words share their first byte
    /// (E4–E9) with most of the text, but rarely their first two.
    private let firstPairs: [UInt64]
    /// The bytes of the one-byte words (-, /, ~), one bit each.
    private let singleBytes: [UInt64]
    /// Whether a word is empty (it matches everywhere, as an empty prefix does).
    private let hasEmpty: Bool
    /// The first two bytes of each word of two bytes or more (``head(_:_:)``), so that a word that
    /// cannot be at a place is passed over by one comparison; 0 for shorter words.
    private let heads: [UInt16]

    init(_ words: [String] = []) {
        self.words = words
        var storage: [UInt8] = []
        var starts = [0]
        var firstPairs = [UInt64](repeating: 0, count: 4096 / 64)
        var singleBytes = [UInt64](repeating: 0, count: 4)
        var hasEmpty = false
        var heads: [UInt16] = []
        for word in words {
            let bytes = Array(word.utf8)
            switch bytes.count {
            case 0: hasEmpty = true
            case 1: singleBytes[Int(bytes[0] >> 6)] |= 1 << UInt64(bytes[0] & 63)
            default:
                let key = Self.pairKey(bytes[0], bytes[1])
                firstPairs[key >> 6] |= 1 << UInt64(key & 63)
            }
            storage += bytes
            starts.append(storage.count)
            heads.append(bytes.count >= 2 ? Self.head(bytes[0], bytes[1]) : 0)
        }
        self.storage = storage
        self.starts = starts
        self.firstPairs = firstPairs
        self.singleBytes = singleBytes
        self.hasEmpty = hasEmpty
        self.heads = heads
    }

    /// Two bytes as one number, to compare a word's first two bytes with a place's at once.
    @inline(__always)
    static func head(_ first: UInt8, _ second: UInt8) -> UInt16 { UInt16(first) | UInt16(second) << 8 }

    /// Twelve bits of two bytes: the low six of each (for a Chinese character, the bits
    /// that tell apart the blocks of 64 it is in). Different pairs may share a key; the
    /// words are compared in full after.
    @inline(__always)
    static func pairKey(_ first: UInt8, _ second: UInt8) -> Int { Int(first & 0x3F) << 6 | Int(second & 0x3F) }

    var count: Int { words.count }

    /// The first word (in list order) spelled by `bytes` at `index`: its position in
    /// ``words`` and the index after it.
    @inline(__always)
    func first(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (word: Int, end: Int)? {
        if !hasEmpty {
            guard index >= 0, index < bytes.count else { return nil }
            let lead = bytes[index]
            if singleBytes[Int(lead >> 6)] & (1 << UInt64(lead & 63)) == 0 {
                // Only words of two bytes or more can start here.
                guard index + 1 < bytes.count else { return nil }
                let key = Self.pairKey(lead, bytes[index + 1])
                guard firstPairs[key >> 6] & (1 << UInt64(key & 63)) != 0 else { return nil }
            }
        }
        // The place's first two bytes; -1 where there are fewer (no word of two bytes fits there).
        let head = index >= 0 && index < bytes.count - 1 ? Int(Self.head(bytes[index], bytes[index + 1])) : -1
        return storage.withUnsafeBufferPointer { storage in
            starts.withUnsafeBufferPointer { starts in
                heads.withUnsafeBufferPointer { heads in
                    for word in 0..<(starts.count - 1) {
                        let start = starts[word], length = starts[word + 1] - start
                        if length == 0 { return (word, index) }
                        // A word of two bytes or more is there only if its first two bytes are.
                        if length >= 2, Int(heads[word]) != head { continue }
                        guard index >= 0, length <= bytes.count - index else { continue }
                        var offset = 0
                        while offset < length, bytes[index + offset] == storage[start + offset] { offset += 1 }
                        if offset == length { return (word, index + length) }
                    }
                    return nil
                }
            }
        }
    }
}
