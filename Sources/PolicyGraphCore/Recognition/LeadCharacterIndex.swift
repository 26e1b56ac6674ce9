/// A shortcut over the first character of a trie walk, for the three-byte
/// UTF-8 characters that Chinese text is made of (lead bytes E0–EF).
///
/// A scan starts a walk at every character, and most walks end within two
/// characters; walking the trie byte by byte there costs a cache miss a byte
/// on a trie of some 10^5 states. This index answers the first two questions
/// from small tables instead:
/// - `ids`: by the first character's three bytes, a dense number for the
///   characters that begin keys (0 when none does), and `firsts`, by that
///   number, the trie state after the character with its cell and value;
/// - `pairs`: a bitmap hashed by the first character and the next one's
///   bytes, set for every key of two or more characters. A clear bit means no
///   key longer than one character starts here; a set bit (rarely a hash
///   collision) lets the walk go on in the trie.
///
/// The answers are exact: a walk that takes the shortcut finds the same keys
/// as one that does not.
struct LeadCharacterIndex: Sendable, Equatable {
    /// The trie after a key's first character.
    struct First: Sendable, Equatable {
        let state: Int32
        /// The state's cell (`base` with the terminal bit).
        let cell: DoubleArrayTrie.Cell
        /// The key's value when the character alone is a key.
        let value: Int32
        /// Whether `pairs` describes the longer keys (false for a key cut inside its second character).
        let filtered: Bool
        /// A 64-bit filter of the second characters of this character's keys
        /// (``maskBit(next:)``), read with the entry itself: a clear bit ends
        /// most walks without touching `pairs`.
        let mask: UInt64
    }

    /// By ``slot(_:_:_:)``: an index into `firsts`, 0 when no key starts with the character.
    private(set) var ids: [UInt16]
    /// By id; entry 0 is unused.
    private(set) var firsts: [First]
    /// 2^pairBits bits, by ``pairBit(slot:next:)``.
    private(set) var pairs: [UInt64]
    /// Whether the shortcut may be used at all: no key is a proper prefix of
    /// a three-byte character (only invalid UTF-8 keys would be).
    let usable: Bool

    /// 2^20 bits (128 KB): a few percent of collisions for the tens of
    /// thousands of key beginnings of the ontology, and small enough to stay in cache.
    static let pairBits = 20

    /// Builds the index for `keys` over a compiled trie: `state(_:)` walks it
    /// over a byte string and gives the state reached, or `nil`.
    init(keys: [[UInt8]], cells: [DoubleArrayTrie.Cell], values: [Int32], state: ([UInt8]) -> Int?) {
        ids = [UInt16](repeating: 0, count: 1 << 16)
        firsts = [First(state: 0, cell: .init(base: 0, check: -1), value: -1, filtered: false, mask: 0)]
        pairs = [UInt64](repeating: 0, count: (1 << Self.pairBits) / 64)
        var usable = true
        var unfiltered: Set<Int> = []
        var slots: Set<Int> = []
        var masks: [Int: UInt64] = [:]
        for key in keys where !key.isEmpty && key[0] & 0xF0 == 0xE0 {
            guard key.count >= 3, let slot = Self.slot(key[0], key[1], key[2]) else {
                if key.count < 3 { usable = false }
                continue
            }
            slots.insert(slot)
            guard key.count > 3 else { continue }
            let length = UTF8Bytes.sequenceLength(lead: key[3])
            guard 3 + length <= key.count else {
                unfiltered.insert(slot)
                continue
            }
            let next = Self.packed(key, from: 3, length: length)
            let bit = Self.pairBit(slot: slot, next: next)
            pairs[bit >> 6] |= 1 << UInt64(bit & 63)
            masks[slot, default: 0] |= 1 << UInt64(Self.maskBit(next: next))
        }
        for slot in slots.sorted() {
            let lead = UInt8(0xE0 | (slot >> 12)), second = UInt8(0x80 | ((slot >> 6) & 0x3F)), third = UInt8(0x80 | (slot & 0x3F))
            guard let reached = state([lead, second, third]), firsts.count < Int(UInt16.max) else { continue }
            ids[slot] = UInt16(firsts.count)
            firsts.append(First(state: Int32(reached), cell: cells[reached], value: values[reached],
                                filtered: !unfiltered.contains(slot), mask: masks[slot] ?? 0))
        }
        self.usable = usable
    }

    /// An index read back from its compiled parts (``CompiledLexiconFile``), already checked.
    init(ids: [UInt16], firsts: [First], pairs: [UInt64], usable: Bool) {
        self.ids = ids
        self.firsts = firsts
        self.pairs = pairs
        self.usable = usable
    }

    /// The table slot of a three-byte character, or `nil` when the bytes are not one.
    @inline(__always)
    static func slot(_ lead: UInt8, _ second: UInt8, _ third: UInt8) -> Int? {
        guard lead & 0xF0 == 0xE0, second & 0xC0 == 0x80, third & 0xC0 == 0x80 else { return nil }
        return Int(lead & 0x0F) << 12 | Int(second & 0x3F) << 6 | Int(third & 0x3F)
    }

    /// Up to four bytes from `start` as one number.
    @inline(__always)
    static func packed<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, from start: Bytes.Index, length: Int) -> UInt32 where Bytes.Index == Int {
        // A Chinese character (three bytes) without the loop; other lengths byte by byte.
        if length == 3 {
            return UInt32(bytes[start]) << 16 | UInt32(bytes[start + 1]) << 8 | UInt32(bytes[start + 2])
        }
        var value: UInt32 = 0
        for offset in 0..<length { value = value << 8 | UInt32(bytes[start + offset]) }
        return value
    }

    /// The bit of a first character's mask for the next character's bytes.
    @inline(__always)
    static func maskBit(next: UInt32) -> Int {
        Int((next &* 0x9E37_79B1) >> 26)
    }

    /// The bit for a first character and the next character's bytes.
    @inline(__always)
    static func pairBit(slot: Int, next: UInt32) -> Int {
        var hash = UInt32(truncatingIfNeeded: slot) &* 0x9E37_79B1 ^ next &* 0x85EB_CA77
        hash ^= hash >> 15
        hash = hash &* 0x2C1B_3C6D
        return Int(hash >> UInt32(32 - pairBits))
    }
}
