import Foundation

/// Numbers distinct byte strings in order of first use: the table a document's
/// entity names and its mention keys that are not entity indices are looked up
/// in, on their bytes, with no `String` kept or hashed and no ``CanonicalKey``
/// made per look-up.
///
/// The keys' bytes lie one after another in one array; the slots (open addressing,
/// linear probing, at most half full) hold numbers, and each number's hash is kept,
/// so that a probe compares bytes only on a full match of the hash and growing hashes
/// no key again. A key is hashed once per look-up, a few multiplications over its 8-byte
/// words (``hash(_:)``), from a seed drawn once per process (as `Hasher`'s is), so that
/// keys taken from the input are not known to collide; the numbers, and so every
/// answer, do not depend on the seed.
///
/// Two keys get the same number exactly when their bytes are equal: callers that
/// need `String`'s `==` give the bytes of the canonical composition
/// (``CanonicalKey/withComposedBytes(of:_:)``).
///
/// ```swift
/// var table = ByteKeyTable()
/// Array("国务院".utf8).withUnsafeBufferPointer { table.number(of: $0) }   // (0, true)
/// Array("国务院".utf8).withUnsafeBufferPointer { table.number(of: $0) }   // (0, false)
/// ```
struct ByteKeyTable {
    /// The keys' bytes, in order of number.
    private var bytes: [UInt8] = []
    /// Where each number's key ends in `bytes` (it starts where the one before it ends).
    private var ends: [Int] = []
    /// Each number's hash.
    private var hashes: [Int] = []
    /// Number + 1 in each used slot, 0 in a free one; the count is a power of two (or 0).
    private var slots: [Int] = []
    /// The hash's seed, this process's.
    private let seed = Self.processSeed

    /// A seed drawn once per process, from `Hasher`'s own random seed.
    private static let processSeed: UInt64 = {
        var hasher = Hasher()
        hasher.combine(0x5EED)
        return UInt64(truncatingIfNeeded: hasher.finalize())
    }()

    /// How many keys are numbered.
    var count: Int { ends.count }

    init() {}

    /// A table with room for about `expected` keys of about `bytesPerKey` bytes.
    init(expected: Int, bytesPerKey: Int = 12) {
        guard expected > 0 else { return }
        ends.reserveCapacity(expected)
        hashes.reserveCapacity(expected)
        bytes.reserveCapacity(expected.multipliedReportingOverflow(by: bytesPerKey).overflow ? expected : expected * bytesPerKey)
        slots = [Int](repeating: 0, count: Self.slotCount(for: expected))
    }

    /// The number of `key`, given now if the table had not met it (`isNew`).
    mutating func number(of key: UnsafeBufferPointer<UInt8>) -> (number: Int, isNew: Bool) {
        let keyHash = hash(key)
        let place = probe(key, hash: keyHash)
        if let found = place?.found { return (found, false) }
        let number = ends.count
        bytes.append(contentsOf: key)
        ends.append(bytes.count)
        hashes.append(keyHash)
        let needed = Self.slotCount(for: ends.count)
        // The free slot the probe stopped at, while the slots have room; else all laid out anew.
        if let slot = place?.slot, slots.count >= needed { slots[slot] = number + 1 } else { rehash(into: needed) }
        return (number, true)
    }

    /// The number of `key`, or `nil` when the table has not met it.
    func existingNumber(of key: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !ends.isEmpty else { return nil }
        return probe(key, hash: hash(key))?.found
    }

    /// The slot of `key` (`found` its number) or the free slot where it would go (`found`
    /// `nil`); `nil` when there are no slots.
    private func probe(_ key: UnsafeBufferPointer<UInt8>, hash: Int) -> (slot: Int, found: Int?)? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        var slot = hash & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return (slot, nil) }
            let number = entry - 1
            if hashes[number] == hash, equal(number, key) { return (slot, number) }
            slot = (slot + 1) & mask
        }
    }

    /// Whether the key of `number` has the bytes of `key`.
    @inline(__always)
    private func equal(_ number: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = number == 0 ? 0 : ends[number - 1]
        let count = ends[number] - start
        guard count == key.count else { return false }
        guard count > 0 else { return true }
        return bytes.withUnsafeBufferPointer { stored in
            memcmp(stored.baseAddress! + start, key.baseAddress!, count) == 0
        }
    }

    /// Lays the numbers out again in `count` slots, by their kept hashes.
    private mutating func rehash(into count: Int) {
        var grown = [Int](repeating: 0, count: count)
        let mask = count - 1
        for number in hashes.indices {
            var slot = hashes[number] & mask
            while grown[slot] != 0 { slot = (slot + 1) & mask }
            grown[slot] = number + 1
        }
        slots = grown
    }

    /// The slots for `keys` keys: a power of two at least twice as many (at least 16).
    static func slotCount(for keys: Int) -> Int {
        var count = 16
        while count < 2 * keys { count *= 2 }
        return count
    }

    /// The hash of a key's bytes: its 8-byte words mixed into the seed and its length one
    /// after another (the last word overlapping the one before it; a key of 4–7 bytes read as
    /// two overlapping 32-bit words, a shorter one byte by byte), then the bits folded down,
    /// so that the low bits the slots are chosen by depend on every byte. Equal bytes hash
    /// equally; `Hasher` cost several times as much for the short keys names are.
    @inline(__always)
    func hash(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        let count = key.count
        var hash = seed ^ UInt64(truncatingIfNeeded: count) &* 0x9E37_79B9_7F4A_7C15
        if let base = key.baseAddress, count > 0 {
            let raw = UnsafeRawPointer(base)
            if count >= 8 {
                var offset = 0
                while offset + 8 < count {
                    hash = Self.mix(hash, raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                    offset += 8
                }
                hash = Self.mix(hash, raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
            } else if count >= 4 {
                let low = UInt64(raw.loadUnaligned(as: UInt32.self))
                let high = UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
                hash = Self.mix(hash, low | high << 32)
            } else {
                var word: UInt64 = 0
                for index in 0..<count { word = word << 8 | UInt64(key[index]) }
                hash = Self.mix(hash, word)
            }
        }
        hash ^= hash >> 32
        hash = hash &* 0xD6E8_FEB8_6659_FD93
        hash ^= hash >> 32
        return Int(truncatingIfNeeded: hash)
    }

    /// One word mixed into the hash: a multiplication, its high bits folded onto its low ones.
    @inline(__always)
    private static func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        let product = (hash ^ word) &* 0x9FB2_1C65_1E98_DF25
        return product ^ product >> 28
    }
}
