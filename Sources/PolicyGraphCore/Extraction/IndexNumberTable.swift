/// A table from integers (a document's entity indices) to the numbers a
/// ``MentionKeyTable`` gives them: open addressing with linear probing, at most half
/// full, each key placed by Fibonacci hashing (one multiplication, its high bits),
/// instead of a `Dictionary<Int, Int>` that hashes each key with `Hasher`.
///
/// A key is found or given its value with one probe. Every integer but `Int.min`
/// (the mark of a free slot; entity indices are never negative) is a key.
///
/// ```swift
/// var table = IndexNumberTable()
/// table.value(of: 42, orInsert: 0)   // (0, true)
/// table.value(of: 42, orInsert: 1)   // (0, false)
/// table.value(of: 42)                // 0
/// ```
struct IndexNumberTable {
    /// Each slot's key, `Int.min` in a free one; the count is a power of two (or 0).
    private var keys: [Int] = []
    /// Each slot's value.
    private var values: [Int] = []
    /// 64 less the slot count's bits: a key's product shifted right by it is a slot.
    private var shift = 64
    /// How many keys the table holds.
    private(set) var count = 0

    init() {}

    /// A table with room for about `expected` keys before it grows.
    init(expected: Int) {
        if expected > 0 { lay(into: ByteKeyTable.slotCount(for: expected)) }
    }

    /// The value of `key`, or `next` given to it now when the table had not met it (`isNew`).
    mutating func value(of key: Int, orInsert next: Int) -> (value: Int, isNew: Bool) {
        if 2 * (count + 1) > keys.count { lay(into: max(16, 2 * keys.count)) }
        let mask = keys.count - 1
        var slot = self.slot(of: key)
        while true {
            let stored = keys[slot]
            if stored == key { return (values[slot], false) }
            if stored == Int.min {
                keys[slot] = key
                values[slot] = next
                count += 1
                return (next, true)
            }
            slot = (slot + 1) & mask
        }
    }

    /// The value of `key`, or `nil` when the table has not met it.
    func value(of key: Int) -> Int? {
        guard count > 0 else { return nil }
        let mask = keys.count - 1
        var slot = self.slot(of: key)
        while true {
            let stored = keys[slot]
            if stored == key { return values[slot] }
            if stored == Int.min { return nil }
            slot = (slot + 1) & mask
        }
    }

    /// The first slot probed for `key`: the high bits of its product with 2^64 / φ.
    @inline(__always)
    private func slot(of key: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(bitPattern: Int64(key)) &* 0x9E37_79B9_7F4A_7C15) >> UInt64(shift))
    }

    /// Lays the keys out again in `slotCount` slots (a power of two).
    private mutating func lay(into slotCount: Int) {
        let oldKeys = keys, oldValues = values
        keys = [Int](repeating: Int.min, count: slotCount)
        values = [Int](repeating: 0, count: slotCount)
        shift = 64 - slotCount.trailingZeroBitCount
        let mask = slotCount - 1
        for index in oldKeys.indices where oldKeys[index] != Int.min {
            var place = self.slot(of: oldKeys[index])
            while keys[place] != Int.min { place = (place + 1) & mask }
            keys[place] = oldKeys[index]
            values[place] = oldValues[index]
        }
    }
}
