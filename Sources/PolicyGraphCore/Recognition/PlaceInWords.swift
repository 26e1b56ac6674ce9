/// Two-character place names cut across by ordinary words (rule
/// `place-in-word`, words in `patterns/place-words.tsv`, generated from jieba's
/// list): a place name read by the dictionary is no mention when a common word
/// ends on its first character and another begins on its second — 美丽|水乡
/// names no 丽水, 长江|门户 no 江门. A word on one side only is not enough
/// (到丽水乡村 still names 丽水), and names longer than two characters are
/// never cut. Linear: each such mention looks at two characters on either side.
struct PlaceInWords {
    let patterns: PatternLexicon
    /// The words as packed bytes (``PlaceWordBytes``), made once with the lexicon; `nil`: the `String` sets.
    let words: PlaceWordBytes?

    init(patterns: PatternLexicon, words: RecognitionWords? = nil) {
        self.patterns = patterns
        self.words = words?.placeWordBytes
    }

    /// The longest word looked for on either side, in characters.
    static let longestWord = 3

    func resolve(_ mentions: [Mention], cursor: TextCursor) -> [Mention] {
        guard !patterns.placeWordsLeft.isEmpty, !patterns.placeWordsRight.isEmpty else { return mentions }
        // The places cut, by index: most documents have none, and the mentions are then handed
        // back as they are (a filter copied every one).
        var cut: [Int] = []
        for index in mentions.indices {
            let mention = mentions[index]
            guard mention.type == .region, cursor.scalarCount(mention.range) == 2, mention.rule == "dictionary",
                  let (_, middle) = cursor.scalar(at: mention.range.lowerBound) else { continue }
            if cutOnTheLeft(mention.range.lowerBound, middle, cursor) && cutOnTheRight(middle, mention.range.upperBound, cursor) {
                cut.append(index)
            }
        }
        return cut.isEmpty ? mentions : mentions.removing(offsets: cut)
    }

    /// Whether `piece` is one of `words`: by packed bytes when the words are plain and so is
    /// the piece (``PlainUTF8``: then bytes compare as `String`s do), else as a `String`.
    private func contains(_ piece: Range<Int>, _ cursor: TextCursor, left: Bool) -> Bool {
        if let words, let key = PlaceWordBytes.Key(cursor.bytes, piece) {
            return left ? words.left.contains(key) : words.right.contains(key)
        }
        return left ? patterns.placeWordsLeft.contains(cursor.text(piece)) : patterns.placeWordsRight.contains(cursor.text(piece))
    }

    /// Whether a left word ends with the place's first character (start..<middle).
    private func cutOnTheLeft(_ start: Int, _ middle: Int, _ cursor: TextCursor) -> Bool {
        var from = start
        for _ in 1..<Self.longestWord {
            guard let (scalar, previous) = cursor.scalar(before: from), ScalarClass.isIdeograph(scalar) else { return false }
            from = previous
            if contains(from..<middle, cursor, left: true) { return true }
        }
        return false
    }

    /// Whether a right word begins with the place's second character (middle..<end).
    private func cutOnTheRight(_ middle: Int, _ end: Int, _ cursor: TextCursor) -> Bool {
        var to = end
        for _ in 1..<Self.longestWord {
            guard let (scalar, next) = cursor.scalar(at: to), ScalarClass.isIdeograph(scalar) else { return false }
            to = next
            if contains(middle..<to, cursor, left: false) { return true }
        }
        return false
    }
}

/// The place words (`patterns/place-words.tsv`) as packed bytes, when every word is plain
/// (``PlainUTF8``): a piece of text is looked up without making a `String` of it (whose
/// hashing normalises it). Words longer than ``Key/capacity`` bytes are left out: a piece is
/// at most ``PlaceInWords/longestWord`` ideographs, and a plain word equals a plain piece only
/// byte for byte.
struct PlaceWordBytes: Sendable {
    /// Up to 16 bytes of a word, packed, and its length.
    struct Key: Hashable, Sendable {
        static let capacity = 16
        let low: UInt64
        let high: UInt64
        let count: Int

        init(_ bytes: [UInt8]) {
            var low: UInt64 = 0, high: UInt64 = 0
            for (offset, byte) in bytes.enumerated() where offset < Self.capacity {
                if offset < 8 { low |= UInt64(byte) << (8 * UInt64(offset)) } else { high |= UInt64(byte) << (8 * UInt64(offset - 8)) }
            }
            self.low = low
            self.high = high
            count = bytes.count
        }

        /// The key of `range` of `bytes` when it is plain and fits, else `nil`.
        init?(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
            guard range.count <= Self.capacity, PlainUTF8.plainCount(UnsafeBufferPointer(rebasing: bytes[range])) != nil else { return nil }
            self.init(packing: bytes, range)
        }

        /// The key of `range` of `bytes`, which is at most ``capacity`` bytes long.
        init(packing bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
            var low: UInt64 = 0, high: UInt64 = 0
            for offset in 0..<range.count {
                let byte = UInt64(bytes[range.lowerBound + offset])
                if offset < 8 { low |= byte << (8 * UInt64(offset)) } else { high |= byte << (8 * UInt64(offset - 8)) }
            }
            self.low = low
            self.high = high
            count = range.count
        }
    }

    let left: Set<Key>
    let right: Set<Key>

    /// `nil` when a word is not plain (the `String` sets answer then).
    init?(left: Set<String>, right: Set<String>) {
        // Made once per process: each word's bytes read in place, no array made.
        func keys(_ words: Set<String>) -> Set<Key>? {
            var keys: Set<Key> = []
            keys.reserveCapacity(words.count)
            for word in words {
                var word = word
                let key: Key?? = word.withUTF8 { bytes in
                    guard PlainUTF8.plainCount(bytes) != nil else { return .none }
                    return .some(bytes.count <= Key.capacity ? Key(packing: bytes, 0..<bytes.count) : nil)
                }
                guard let key else { return nil }
                if let key { keys.insert(key) }
            }
            return keys
        }
        guard let left = keys(left), let right = keys(right) else { return nil }
        self.left = left
        self.right = right
    }
}
