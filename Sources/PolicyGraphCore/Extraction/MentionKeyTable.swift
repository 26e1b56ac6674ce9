/// Numbers a document's mention keys in order of first use: the table the entity
/// grouping fills (one number per key, a group) and ``EntityNames`` answers from.
///
/// A key that spells an ontology entity's index (``MentionKey/entityIndex(_:)``,
/// most mentions of dictionary entries) is looked up as that integer, with no
/// `MentionKey` value made and no `String` hashed; any other key through a table
/// of its ``CanonicalKey``. Two keys get the same number
/// exactly when their strings are `==` (as for ``MentionKey``).
///
/// ```swift
/// var table = MentionKeyTable()
/// table.number(of: "entity:42")        // 0, new
/// table.number(of: "company:宁德时代")   // 1, new
/// table.existingNumber(of: "entity:42") // 0
/// ```
struct MentionKeyTable {
    /// The numbers of the entity indices met.
    private var entityNumbers: [Int: Int] = [:]
    /// The keys that are not entity indices, and their numbers here.
    private var others = HashedKeyTable()
    private var otherNumbers: [Int] = []
    /// How many numbers are given.
    private(set) var count = 0

    init() {}

    /// A table sized for about `expected` keys.
    init(expected: Int) {
        entityNumbers.reserveCapacity(expected / 2)
        others = HashedKeyTable(expected: expected / 2)
    }

    /// The number of `key`, given now if the table had not met it (`isNew`).
    mutating func number(of key: String) -> (number: Int, isNew: Bool) {
        if let index = MentionKey.entityIndex(key) { return number(ofEntity: index) }
        return number(of: CanonicalKey(key))
    }

    /// The number of `key`, given now if the table had not met it (`isNew`).
    mutating func number(of key: MentionKey) -> (number: Int, isNew: Bool) {
        switch key {
        case .entity(let index): return number(ofEntity: index)
        case .other(let key): return number(of: key)
        }
    }

    /// The number of `key`, or `nil` when the table has not met it.
    func existingNumber(of key: String) -> Int? {
        if let index = MentionKey.entityIndex(key) { return entityNumbers[index] }
        return otherNumbers.isEmpty ? nil : others.existing(CanonicalKey(key)).map { otherNumbers[$0] }
    }

    /// The number of `key`, or `nil` when the table has not met it.
    func existingNumber(of key: MentionKey) -> Int? {
        switch key {
        case .entity(let index): return entityNumbers[index]
        case .other(let key): return others.existing(key).map { otherNumbers[$0] }
        }
    }

    private mutating func number(of key: CanonicalKey) -> (number: Int, isNew: Bool) {
        if let known = others.find(key) { return (otherNumbers[known], false) }
        others.addFound(key)
        otherNumbers.append(count)
        count += 1
        return (count - 1, true)
    }

    private mutating func number(ofEntity index: Int) -> (number: Int, isNew: Bool) {
        if let known = entityNumbers[index] { return (known, false) }
        entityNumbers[index] = count
        count += 1
        return (count - 1, true)
    }
}

/// Numbers ``CanonicalKey``s in order of insertion: an open hash table (linear probing,
/// at most half full) of the numbers, each key's hash kept beside it so that a probe
/// compares bytes only when the hashes agree. The bytes are hashed with `Hasher`
/// (seeded per process) once per look-up, and not again for the insertion after it.
/// What `Dictionary<CanonicalKey, Int>` answers, without its generic probing, its
/// second hash for an insertion, or its growth when the size is known.
///
/// ```swift
/// var table = HashedKeyTable(expected: 8)
/// if table.find(CanonicalKey("国务院")) == nil { table.addFound(CanonicalKey("国务院")) }   // 0
/// ```
struct HashedKeyTable {
    /// A key's number plus one (0: an empty slot), and the key's hash.
    private var slots: [Int]
    private var hashes: [Int]
    /// The keys and their hashes, by number (a table that grows places them again without hashing).
    private(set) var keys: [CanonicalKey] = []
    private var keyHashes: [Int] = []
    /// Where the last look-up that found nothing stopped, and the hash it computed.
    private var pendingSlot = -1
    private var pendingHash = 0

    init(expected: Int = 0) {
        let size = Self.slotCount(for: expected)
        slots = [Int](repeating: 0, count: size)
        hashes = [Int](repeating: 0, count: size)
        keys.reserveCapacity(expected)
        keyHashes.reserveCapacity(expected)
    }

    /// The number of the first key equal to `key` that `accepts` takes, or `nil`; then
    /// ``addFound(_:)`` adds `key` where the look-up stopped.
    mutating func find(_ key: CanonicalKey, accepting accepts: (Int) -> Bool = { _ in true }) -> Int? {
        if 2 * (keys.count + 1) > slots.count { grow() }
        let hash = Self.hash(key)
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot] != 0 {
            let number = slots[slot] - 1
            if hashes[slot] == hash, keys[number] == key, accepts(number) { return number }
            slot = (slot + 1) & mask
        }
        pendingSlot = slot
        pendingHash = hash
        return nil
    }

    /// The number of `key`, or `nil`, without preparing an insertion.
    func existing(_ key: CanonicalKey) -> Int? {
        guard !keys.isEmpty else { return nil }
        let hash = Self.hash(key)
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot] != 0 {
            let number = slots[slot] - 1
            if hashes[slot] == hash, keys[number] == key { return number }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Adds `key` (the one the last ``find(_:accepting:)`` did not find) and returns its number.
    @discardableResult
    mutating func addFound(_ key: CanonicalKey) -> Int {
        precondition(pendingSlot >= 0, "addFound(_:) follows a find(_:accepting:) that found nothing")
        slots[pendingSlot] = keys.count + 1
        hashes[pendingSlot] = pendingHash
        pendingSlot = -1
        keys.append(key)
        keyHashes.append(pendingHash)
        return keys.count - 1
    }

    private mutating func grow() {
        let size = Self.slotCount(for: keys.count + 1)
        slots = [Int](repeating: 0, count: size)
        hashes = [Int](repeating: 0, count: size)
        let mask = size - 1
        for (number, hash) in keyHashes.enumerated() {
            var slot = hash & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = number + 1
            hashes[slot] = hash
        }
    }

    /// A power of two at least twice `expected` (a table at most half full).
    private static func slotCount(for expected: Int) -> Int {
        var size = 16
        while size < 2 * expected { size *= 2 }
        return size
    }

    private static func hash(_ key: CanonicalKey) -> Int {
        var hasher = Hasher()
        ComposedBytes.hash(key.text, into: &hasher)
        return hasher.finalize()
    }
}
