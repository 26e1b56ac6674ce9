/// A document's content hash (is it changed?) and SimHash (is it a
/// near-duplicate of another?), both over UTF-8 bytes.
///
/// ```swift
/// let print = DocumentFingerprint(text: Array("宁德时代计划2027年量产固态电池".utf8))
/// print.isNearDuplicate(of: other)
/// ```
public struct DocumentFingerprint: Hashable, Sendable {
    /// FNV-1a over the bytes, 128 bits as two 64-bit lanes, in hex.
    public let contentHash: String
    /// 64-bit SimHash over shingles of ``shingleLength`` characters.
    public let simhash: UInt64
    /// How many shingles the SimHash saw: short texts are never called duplicates.
    public let shingles: Int
    /// The text's length in bytes.
    public let bytes: Int

    /// Characters (Unicode scalars) per shingle.
    public static let shingleLength = 5
    /// Two documents whose SimHashes differ in at most this many bits are near-duplicates.
    public static let maximumDistance = 3
    /// Fewer shingles than this, and a text is too short to compare.
    public static let minimumShingles = 64

    public init(text bytes: [UInt8]) {
        // Two lanes of the one FNV-1a step: the second from another basis, with its high bits folded in.
        var low = Self.offsetBasis, high: UInt64 = 0x6c62_272e_07bb_0142
        for byte in bytes {
            low = Self.fnv1a(low, byte)
            high = Self.fnv1a(high, byte) ^ (high >> 29)
        }
        contentHash = Self.hex(high) + Self.hex(low)
        self.bytes = bytes.count
        (simhash, shingles) = Self.simhash(bytes)
    }

    /// Whether the two texts are the same article (republished, lightly edited).
    public func isNearDuplicate(of other: DocumentFingerprint) -> Bool {
        shingles >= Self.minimumShingles && other.shingles >= Self.minimumShingles
            && (simhash ^ other.simhash).nonzeroBitCount <= Self.maximumDistance
    }

    /// FNV-1a, 64 bits: the hash of the content and of each shingle.
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always) static func fnv1a(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// A shingle's hash with its bits mixed (splitmix64's finaliser), so that similar shingles
    /// vote differently.
    @inline(__always) static func mixed(_ hash: UInt64) -> UInt64 {
        var hash = hash
        hash ^= hash >> 30; hash = hash &* 0xbf58_476d_1ce4_e5b9
        hash ^= hash >> 27; hash = hash &* 0x94d0_49bb_1331_11eb
        return hash ^ (hash >> 31)
    }

    /// Space, tab, line feed or carriage return: the bytes a shingle skips.
    @inline(__always) static func isWhiteSpace(_ byte: UInt8) -> Bool {
        // One comparison and one bit test: bits 0x20, 0x09, 0x0A and 0x0D of the mask.
        byte <= 0x20 && (UInt64(1) << UInt64(byte)) & 0x1_0000_2600 != 0
    }

    /// SimHash: each distinct shingle's 64-bit hash votes on every bit; white space is skipped
    /// so that re-wrapped text hashes the same. Linear in the text.
    static func simhash(_ bytes: [UInt8]) -> (UInt64, Int) {
        // The bytes without white space, and the start offset of each scalar in them: written
        // through pointers into storage made once (no capacity check, no zeroing, per byte).
        var starts: [Int] = []
        let characters = [UInt8](unsafeUninitializedCapacity: bytes.count) { characters, characterCount in
            starts = [Int](unsafeUninitializedCapacity: bytes.count) { starts, startCount in
                (characterCount, startCount) = bytes.withUnsafeBufferPointer { bytes in
                    var (kept, scalars) = (0, 0)
                    for byte in bytes where !isWhiteSpace(byte) {
                        if byte & 0xC0 != 0x80 {
                            starts[scalars] = kept
                            scalars += 1
                        }
                        characters[kept] = byte
                        kept += 1
                    }
                    return (kept, scalars)
                }
            }
        }
        guard starts.count >= shingleLength else { return (0, 0) }
        // Distinct shingles only: a repeated run (an escaped URL, a table rule) must not outvote the text.
        // The hashes are already mixed, so an open-addressing table indexed by their low bits
        // keeps them without hashing them again (0 marks a free slot; a hash of 0 is kept
        // apart); each distinct one counts once in `votes`.
        let shingleCount = starts.count - shingleLength + 1
        var capacity = 16
        while capacity < shingleCount * 2 { capacity <<= 1 }
        let mask = capacity - 1
        var slots = [UInt64](repeating: 0, count: capacity)
        var sawZero = false
        var votes = BitVotes()
        var count = 0
        // Through buffer pointers: the loop runs once per character, and bounds are known.
        starts.withUnsafeBufferPointer { starts in
            characters.withUnsafeBufferPointer { characters in
                slots.withUnsafeMutableBufferPointer { slots in
                    BitVotes.spread.withUnsafeBufferPointer { spread in
                        /// Counts `hash` once, if it is new.
                        @inline(__always) func vote(_ hash: UInt64) {
                            if hash == 0 {
                                if sawZero { return }
                                sawZero = true
                            } else {
                                var slot = Int(truncatingIfNeeded: hash) & mask
                                while slots[slot] != 0, slots[slot] != hash { slot = (slot + 1) & mask }
                                if slots[slot] == hash { return }
                                slots[slot] = hash
                            }
                            count += 1
                            votes.add(hash, spread: spread)
                        }
                        @inline(__always) func end(of first: Int) -> Int {
                            first + shingleLength < starts.count ? starts[first + shingleLength] : characters.count
                        }
                        // Four shingles at a time: FNV-1a is one multiply after another, so a shingle's
                        // hash waits on each step; four hashed side by side keep the multiplier busy.
                        // Their common length is hashed in step, then each one's own rest. Which order
                        // the hashes are counted in does not matter (a set of distinct hashes, summed).
                        var first = 0
                        while first + 4 <= shingleCount {
                            let s0 = starts[first], s1 = starts[first + 1], s2 = starts[first + 2], s3 = starts[first + 3]
                            let e0 = end(of: first), e1 = end(of: first + 1), e2 = end(of: first + 2), e3 = end(of: first + 3)
                            let common = min(min(e0 - s0, e1 - s1), min(e2 - s2, e3 - s3))
                            var (h0, h1, h2, h3) = (offsetBasis, offsetBasis, offsetBasis, offsetBasis)
                            for offset in 0..<common {
                                h0 = fnv1a(h0, characters[s0 + offset])
                                h1 = fnv1a(h1, characters[s1 + offset])
                                h2 = fnv1a(h2, characters[s2 + offset])
                                h3 = fnv1a(h3, characters[s3 + offset])
                            }
                            for index in (s0 + common)..<e0 { h0 = fnv1a(h0, characters[index]) }
                            for index in (s1 + common)..<e1 { h1 = fnv1a(h1, characters[index]) }
                            for index in (s2 + common)..<e2 { h2 = fnv1a(h2, characters[index]) }
                            for index in (s3 + common)..<e3 { h3 = fnv1a(h3, characters[index]) }
                            vote(mixed(h0))
                            vote(mixed(h1))
                            vote(mixed(h2))
                            vote(mixed(h3))
                            first += 4
                        }
                        while first < shingleCount {
                            var hash = offsetBasis
                            for index in starts[first]..<end(of: first) { hash = fnv1a(hash, characters[index]) }
                            vote(mixed(hash))
                            first += 1
                        }
                    }
                }
            }
        }
        // A bit is set when more distinct shingles have it than lack it.
        let ones = votes.counts()
        var result: UInt64 = 0
        for bit in 0..<64 where 2 * ones[bit] > count { result |= 1 << UInt64(bit) }
        return (result, count)
    }

    /// How many of the hashes added have each of the 64 bits set, counted eight bits at a
    /// time: each byte of a hash adds, through a table, one to the byte lane of each of its
    /// set bits in one 64-bit word (eight counters in a word), and the lanes are emptied
    /// into the totals before any can overflow. Eight additions per hash instead of 64.
    struct BitVotes {
        /// The byte `value` spread over eight byte lanes: lane `j` is bit `j` of `value`.
        static let spread: [UInt64] = (0..<256).map { (value: Int) -> UInt64 in
            (0..<8).reduce(0) { lanes, bit in lanes | (UInt64((value >> bit) & 1) << UInt64(8 * bit)) }
        }
        /// Lane `j` of word `k` counts bit `8k + j`, since the last flush.
        private var lanes: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
        private var pending = 0
        private var totals = [Int](repeating: 0, count: 64)

        /// Counts the bits of `hash`; `spread` is ``spread``'s storage.
        @inline(__always)
        mutating func add(_ hash: UInt64, spread: UnsafeBufferPointer<UInt64>) {
            lanes.0 &+= spread[Int(truncatingIfNeeded: hash & 0xFF)]
            lanes.1 &+= spread[Int(truncatingIfNeeded: (hash >> 8) & 0xFF)]
            lanes.2 &+= spread[Int(truncatingIfNeeded: (hash >> 16) & 0xFF)]
            lanes.3 &+= spread[Int(truncatingIfNeeded: (hash >> 24) & 0xFF)]
            lanes.4 &+= spread[Int(truncatingIfNeeded: (hash >> 32) & 0xFF)]
            lanes.5 &+= spread[Int(truncatingIfNeeded: (hash >> 40) & 0xFF)]
            lanes.6 &+= spread[Int(truncatingIfNeeded: (hash >> 48) & 0xFF)]
            lanes.7 &+= spread[Int(truncatingIfNeeded: hash >> 56)]
            pending += 1
            if pending == 255 { flush() }
        }

        /// The count of each bit, bit 0 first.
        mutating func counts() -> [Int] {
            flush()
            return totals
        }

        private mutating func flush() {
            withUnsafeBytes(of: lanes) { raw in
                for k in 0..<8 {
                    let word = raw.load(fromByteOffset: 8 * k, as: UInt64.self)
                    for j in 0..<8 { totals[8 * k + j] += Int(truncatingIfNeeded: (word >> UInt64(8 * j)) & 0xFF) }
                }
            }
            lanes = (0, 0, 0, 0, 0, 0, 0, 0)
            pending = 0
        }
    }
}

/// Groups near-duplicate documents: each document maps to the first (by id)
/// of its group, so the answer depends only on the set of documents.
///
/// Candidates come from four 16-bit bands of the SimHash (two hashes within 3
/// bits agree on at least one band), so this is close to linear.
public enum NearDuplicates {
    public struct Item: Sendable {
        public let id: String
        public let simhash: UInt64
        public let shingles: Int
        public init(id: String, simhash: UInt64, shingles: Int) {
            self.id = id
            self.simhash = simhash
            self.shingles = shingles
        }
    }

    /// Document id → the id of the document it duplicates (the smallest id of its group); originals are absent.
    public static func canonical(_ items: [Item]) -> [String: String] {
        let sorted = items.filter { $0.shingles >= DocumentFingerprint.minimumShingles }.sorted { $0.id < $1.id }
        var parent = Array(sorted.indices)
        func root(_ index: Int) -> Int {
            var index = index
            while parent[index] != index { parent[index] = parent[parent[index]]; index = parent[index] }
            return index
        }
        var bands: [Int: [Int]] = [:]
        for (index, item) in sorted.enumerated() {
            for band in 0..<4 {
                let key = band << 16 | Int((item.simhash >> UInt64(band * 16)) & 0xFFFF)
                for other in bands[key] ?? [] where (sorted[other].simhash ^ item.simhash).nonzeroBitCount <= DocumentFingerprint.maximumDistance {
                    let (a, b) = (root(other), root(index))
                    if a != b { parent[max(a, b)] = min(a, b) }
                }
                bands[key, default: []].append(index)
            }
        }
        var result: [String: String] = [:]
        for index in sorted.indices where root(index) != index { result[sorted[index].id] = sorted[root(index)].id }
        return result
    }
}
