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
    /// For each first byte, the words that begin with it.
    private let byFirstByte: [[Int]]
    /// For each byte pair (first byte | second byte << 8), 1 when a word holds it at offsets 1 and 2.
    private let pairs: [UInt8]

    /// The shortest word indexed, in bytes.
    static let shortestIndexed = 3

    init<S: Sequence>(_ candidates: S) where S.Element == [UInt8] {
        var words: [[UInt8]] = []
        var ids: [[UInt8]: Int] = [:]
        var byFirstByte = [[Int]](repeating: [], count: 256)
        var pairs = [UInt8](repeating: 0, count: 65_536)
        // A word that begins with a continuation byte (no word of the patterns does) is not
        // indexed, and is searched as before.
        for word in candidates where word.count >= Self.shortestIndexed && !UTF8Bytes.isContinuation(word[0]) && ids[word] == nil {
            ids[word] = words.count
            byFirstByte[Int(word[0])].append(words.count)
            pairs[Int(word[1]) | Int(word[2]) << 8] = 1
            words.append(word)
        }
        self.words = words
        self.ids = ids
        self.byFirstByte = byFirstByte
        self.pairs = pairs
    }

    /// The index of `word` in ``words``, or `nil` when it is not indexed.
    func id(of word: [UInt8]) -> Int? {
        word.count >= Self.shortestIndexed ? ids[word] : nil
    }

    /// Every start of every word in `bytes` (overlapping starts too), ascending, by word.
    ///
    /// - Complexity: O(n): a table look-up per byte, and the words that begin with the byte
    ///   before one that passes.
    func starts(in bytes: UnsafeBufferPointer<UInt8>) -> FixedWordStarts {
        var positions: [Int] = []
        var ids: [Int] = []
        if !words.isEmpty, bytes.count >= Self.shortestIndexed, let base = bytes.baseAddress {
            let count = bytes.count
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
                            tryWords(at: second - 1, base: base, count: count, positions: &positions, ids: &ids)
                        }
                    }
                    position += 4
                }
                while position + 1 < count {
                    if holds(position) { tryWords(at: position - 1, base: base, count: count, positions: &positions, ids: &ids) }
                    position += 1
                }
            }
        }
        var starts = [[Int]](repeating: [], count: words.count)
        for (position, id) in zip(positions, ids) { starts[id].append(position) }
        return FixedWordStarts(words: self, starts: starts)
    }

    /// Tries the words that begin with the byte at `start`, appending those found there.
    @inline(__always)
    private func tryWords(at start: Int, base: UnsafePointer<UInt8>, count: Int, positions: inout [Int], ids: inout [Int]) {
        for id in byFirstByte[Int(base[start])] {
            let word = words[id]
            guard start + word.count <= count else { continue }
            var offset = 1
            while offset < word.count, base[start + offset] == word[offset] { offset += 1 }
            if offset == word.count {
                positions.append(start)
                ids.append(id)
            }
        }
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
