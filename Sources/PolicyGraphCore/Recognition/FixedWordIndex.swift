/// The fixed words that several passes after the dictionary scan look for in every document
/// (等, 条, （, the joint words 联合/会同, the company context words 董事长, 上市公司 …), compiled once
/// with the lexicon, so that one pass over a document finds them all (``FixedWordStarts``)
/// instead of one `memchr` search per word and pass.
///
/// The pass looks at every byte: the byte there and the next one (a pair, read as one 16-bit
/// load) are looked up in a table of the pairs that the words hold at their second and third
/// byte, and only where the table says so are the words tried, starting a byte before. These
/// bytes are the two last bytes of a first ideograph, which single out that ideograph (the first
/// two would stand for a block of 64, which 第, 来 and ， fill); so a pair passes about as often
/// as a word's first character occurs. Four positions are looked up before one branch. Words
/// shorter than three bytes are not indexed (``TextCursor/occurrences(of:in:overlapping:)``
/// searches them as before).
///
/// ```swift
/// let words = FixedWords(["等", "联合"].map { Array($0.utf8) })
/// let starts = words.starts(in: buffer)   // every start of 等 and of 联合, overlapping ones too
/// ```
struct FixedWords: Sendable {
    /// The words, each once, in the order first given.
    let words: [[UInt8]]
    /// Each word's index in ``words``.
    private let ids: [[UInt8]: Int]
    /// The words' bytes one after another, each at ``offsets```[id]`, so that trying a word reads
    /// no nested array (each such read retained and released the word's storage).
    private let bytes: [UInt8]
    /// Where each word's bytes begin in ``bytes``; one more entry, the end of the last word.
    private let offsets: [Int]
    /// The words' ids by their first byte: those that begin with byte `b` are
    /// `byFirstByte[firstRanges[b]..<firstRanges[b + 1]]`, in id order.
    private let byFirstByte: [Int]
    private let firstRanges: [Int]
    /// For each byte pair (first byte | second byte << 8), 1 when a word holds it at offsets 1 and 2.
    private let pairs: [UInt8]

    /// The shortest word indexed, in bytes.
    static let shortestIndexed = 3

    init<S: Sequence>(_ candidates: S) where S.Element == [UInt8] {
        var words: [[UInt8]] = []
        var ids: [[UInt8]: Int] = [:]
        var pairs = [UInt8](repeating: 0, count: 65_536)
        // A word that begins with a continuation byte (no word of the patterns does) is not
        // indexed, and is searched as before.
        for word in candidates where word.count >= Self.shortestIndexed && !UTF8Bytes.isContinuation(word[0]) && ids[word] == nil {
            ids[word] = words.count
            pairs[Int(word[1]) | Int(word[2]) << 8] = 1
            words.append(word)
        }
        var firstRanges = [Int](repeating: 0, count: 257)
        for word in words { firstRanges[Int(word[0]) + 1] += 1 }
        for byte in 0..<256 { firstRanges[byte + 1] += firstRanges[byte] }
        var byFirstByte = [Int](repeating: 0, count: words.count)
        var filled = Array(firstRanges[..<256])
        for (id, word) in words.enumerated() {
            byFirstByte[filled[Int(word[0])]] = id
            filled[Int(word[0])] += 1
        }
        self.words = words
        self.ids = ids
        bytes = words.flatMap { $0 }
        offsets = words.reduce(into: [0]) { $0.append($0[$0.count - 1] + $1.count) }
        self.byFirstByte = byFirstByte
        self.firstRanges = firstRanges
        self.pairs = pairs
    }

    /// The index of `word` in ``words``, or `nil` when it is not indexed.
    func id(of word: [UInt8]) -> Int? {
        word.count >= Self.shortestIndexed ? ids[word] : nil
    }

    /// Every start of every word in `text` (overlapping starts too), ascending, by word.
    ///
    /// The starts found are written in place, a start and its word's id, into one buffer that
    /// doubles when full, and handed out by word at the end, each word's array made at its size:
    /// two arrays grown by `append` (a uniqueness check per start, a dozen reallocations per
    /// document) and a second pass appending to every word's array cost about a sixth of the pass.
    ///
    /// - Complexity: O(n): a table look-up per byte, and the words that begin with the byte
    ///   before one that passes.
    func starts(in text: UnsafeBufferPointer<UInt8>) -> FixedWordStarts {
        var hits = HitBuffer(capacity: text.count / 256 + 16)
        defer { hits.deallocate() }
        if !words.isEmpty, text.count >= Self.shortestIndexed, let base = text.baseAddress {
            let count = text.count
            let raw = UnsafeRawPointer(base)
            pairs.withUnsafeBufferPointer { pairs in
                // 1 when the pair at `position` (its byte and the next) is a word's second and third byte.
                @inline(__always) func mark(_ position: Int) -> UInt8 {
                    pairs[Int(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: position, as: UInt16.self)))]
                }
                @inline(__always) func holds(_ position: Int) -> Bool { mark(position) != 0 }
                // A word that starts at `start` is seen at `start + 1`, which has a byte after it.
                var position = 1
                while position + 4 < count {
                    // One branch for four look-ups (they are read without short-circuiting).
                    if mark(position) | mark(position + 1) | mark(position + 2) | mark(position + 3) != 0 {
                        for second in position..<(position + 4) where holds(second) {
                            tryWords(at: second - 1, base: base, count: count, hits: &hits)
                        }
                    }
                    position += 4
                }
                while position + 1 < count {
                    if holds(position) { tryWords(at: position - 1, base: base, count: count, hits: &hits) }
                    position += 1
                }
            }
        }
        return FixedWordStarts(words: self, starts: hits.byWord(count: words.count))
    }

    /// Tries the words that begin with the byte at `start`, appending those found there. Out of
    /// line: inlined, it kept the loop over every byte from holding its state in registers.
    @inline(never)
    private func tryWords(at start: Int, base: UnsafePointer<UInt8>, count: Int, hits: inout HitBuffer) {
        let first = Int(base[start])
        for slot in firstRanges[first]..<firstRanges[first + 1] {
            let id = byFirstByte[slot]
            let wordStart = offsets[id], length = offsets[id + 1] - wordStart
            guard start + length <= count else { continue }
            var offset = 1
            while offset < length, base[start + offset] == bytes[wordStart + offset] { offset += 1 }
            if offset == length { hits.append(position: start, id: id) }
        }
    }
}

/// The starts found by one ``FixedWords/starts(in:)`` pass, in the order found: written in
/// place, growing by doubling, handed out by word once. Deallocated by its owner.
private struct HitBuffer {
    private var positions: UnsafeMutablePointer<Int>
    private var ids: UnsafeMutablePointer<Int>
    private var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 1)
        positions = .allocate(capacity: self.capacity)
        ids = .allocate(capacity: self.capacity)
    }

    @inline(__always)
    mutating func append(position: Int, id: Int) {
        if count == capacity { grow() }
        positions[count] = position
        ids[count] = id
        count += 1
    }

    private mutating func grow() {
        let larger = capacity * 2
        let newPositions = UnsafeMutablePointer<Int>.allocate(capacity: larger)
        let newIDs = UnsafeMutablePointer<Int>.allocate(capacity: larger)
        newPositions.moveInitialize(from: positions, count: count)
        newIDs.moveInitialize(from: ids, count: count)
        positions.deallocate()
        ids.deallocate()
        positions = newPositions
        ids = newIDs
        capacity = larger
    }

    /// For each id below `count`, its positions in the order appended, each array made at its size.
    func byWord(count words: Int) -> [[Int]] {
        var sizes = [Int](repeating: 0, count: words)
        for index in 0..<count { sizes[ids[index]] += 1 }
        var result = [[Int]](repeating: [], count: words)
        for id in 0..<words where sizes[id] > 0 { result[id].reserveCapacity(sizes[id]) }
        for index in 0..<count { result[ids[index]].append(positions[index]) }
        return result
    }

    /// Frees the storage (integers only: nothing to deinitialise).
    func deallocate() {
        positions.deallocate()
        ids.deallocate()
    }
}

/// Where each of the ``FixedWords`` occurs in one document: made once per document and
/// shared by the passes through their ``TextCursor``.
final class FixedWordStarts {
    let words: FixedWords
    /// For each word of ``words``, every start (overlapping ones too), ascending.
    let starts: [[Int]]

    init(words: FixedWords, starts: [[Int]]) {
        self.words = words
        self.starts = starts
    }

    /// Every start of `word` (overlapping ones too), or `nil` when it is not indexed.
    func starts(of word: [UInt8]) -> [Int]? {
        words.id(of: word).map { starts[$0] }
    }
}
