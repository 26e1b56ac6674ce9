/// The fixed words that several passes after the dictionary scan look for in every document
/// (等, 条, （, the joint words 联合/会同, the company context words 董事长, 上市公司 …), compiled once
/// with the lexicon, so that one pass over a document finds them all (``FixedWordStarts``)
/// instead of one `memchr` search per word and pass.
///
/// The pass looks at every byte: the byte there and the next one (a pair, read as one 16-bit
/// load) are looked up in a table of the pairs that the words hold at their second and third
/// byte, and only where the table gives a group are words tried, starting a byte before: those
/// with that pair there (the group), not every word with the byte before as first byte. These
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
    /// The words' ids by group (``pairs``): group `g`'s are `grouped[groupStarts[g - 1]..<groupStarts[g]]`.
    private let grouped: [Int]
    private let groupStarts: [Int]
    /// For each byte pair (first byte | second byte << 8), 0 when no word holds it at offsets 1
    /// and 2, else the number of the group of words that do: only those are tried where the pair
    /// is found (they were all the words with the byte before as first byte, some ten for a lead
    /// byte of Chinese). Past ``maximumGroups`` pairs, the last group takes the words of every
    /// further pair; a word is compared whole, so a group may hold words it cannot match.
    private let pairs: [UInt8]

    /// The shortest word indexed, in bytes.
    static let shortestIndexed = 3
    /// The most groups a byte of ``pairs`` numbers.
    static let maximumGroups = 255

    init<S: Sequence>(_ candidates: S) where S.Element == [UInt8] {
        var words: [[UInt8]] = []
        var ids: [[UInt8]: Int] = [:]
        var pairs = [UInt8](repeating: 0, count: 65_536)
        var members: [[Int]] = []
        // A word that begins with a continuation byte (no word of the patterns does) is not
        // indexed, and is searched as before.
        for word in candidates where word.count >= Self.shortestIndexed && !UTF8Bytes.isContinuation(word[0]) && ids[word] == nil {
            let pair = Int(word[1]) | Int(word[2]) << 8
            if pairs[pair] == 0 {
                if members.count < Self.maximumGroups { members.append([]) }
                pairs[pair] = UInt8(members.count)
            }
            members[Int(pairs[pair]) - 1].append(words.count)
            ids[word] = words.count
            words.append(word)
        }
        self.words = words
        self.ids = ids
        bytes = words.flatMap { $0 }
        offsets = words.reduce(into: [0]) { $0.append($0[$0.count - 1] + $1.count) }
        grouped = members.flatMap { $0 }
        groupStarts = members.reduce(into: [0]) { $0.append($0[$0.count - 1] + $1.count) }
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
        var hits = GrowingBuffer<Hit>(capacity: text.count / 256 + 16)
        defer { hits.deallocate() }
        if !words.isEmpty, text.count >= Self.shortestIndexed, let base = text.baseAddress {
            let count = text.count
            let raw = UnsafeRawPointer(base)
            pairs.withUnsafeBufferPointer { pairs in
                // The group of the words whose second and third bytes are the pair at `position`
                // (its byte and the next), 0 when none.
                @inline(__always) func mark(_ position: Int) -> UInt8 {
                    pairs[Int(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: position, as: UInt16.self)))]
                }
                // A word that starts at `start` is seen at `start + 1`, which has a byte after it.
                var position = 1
                while position + 4 < count {
                    // One branch for four look-ups (they are read without short-circuiting).
                    if mark(position) | mark(position + 1) | mark(position + 2) | mark(position + 3) != 0 {
                        for second in position..<(position + 4) {
                            let group = mark(second)
                            if group != 0 { tryWords(of: Int(group), at: second - 1, base: base, count: count, hits: &hits) }
                        }
                    }
                    position += 4
                }
                while position + 1 < count {
                    let group = mark(position)
                    if group != 0 { tryWords(of: Int(group), at: position - 1, base: base, count: count, hits: &hits) }
                    position += 1
                }
            }
        }
        return FixedWordStarts(words: self, starts: byWord(hits))
    }

    /// A start found, and the id of its word.
    private struct Hit {
        let position: Int
        let id: Int
    }

    /// For each word, its starts among `hits` in the order found, each array made at its size.
    private func byWord(_ hits: GrowingBuffer<Hit>) -> [[Int]] {
        var sizes = [Int](repeating: 0, count: words.count)
        for index in 0..<hits.count { sizes[hits[index].id] += 1 }
        var result = [[Int]](repeating: [], count: words.count)
        for id in words.indices where sizes[id] > 0 { result[id].reserveCapacity(sizes[id]) }
        for index in 0..<hits.count { result[hits[index].id].append(hits[index].position) }
        return result
    }

    /// Tries the words of `group` at `start`, each compared whole, appending those found there.
    /// Out of line: inlined, it kept the loop over every byte from holding its state in registers.
    @inline(never)
    private func tryWords(of group: Int, at start: Int, base: UnsafePointer<UInt8>, count: Int, hits: inout GrowingBuffer<Hit>) {
        for slot in groupStarts[group - 1]..<groupStarts[group] {
            let id = grouped[slot]
            let wordStart = offsets[id], length = offsets[id + 1] - wordStart
            guard start + length <= count else { continue }
            var offset = 0
            while offset < length, base[start + offset] == bytes[wordStart + offset] { offset += 1 }
            if offset == length { hits.append(Hit(position: start, id: id)) }
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
