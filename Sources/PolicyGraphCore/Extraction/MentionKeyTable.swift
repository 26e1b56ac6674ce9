/// Numbers a document's mention keys in order of first use: the table the entity
/// grouping fills (one number per key, a group) and ``EntityNames`` answers from.
///
/// A key that spells an ontology entity's index (``MentionKey/entityIndex(_:)``,
/// most mentions of dictionary entries) is looked up as that integer in an
/// ``IndexNumberTable``, with no `MentionKey` value made and no `String` or
/// `Hasher` used; any other key in a
/// ``ByteKeyTable`` of the bytes of its canonical composition, with no
/// ``CanonicalKey`` made for it. Two keys get the same number exactly when their
/// strings are `==` (as for ``MentionKey``).
///
/// A key is numbered with one probe of its table (the probe that does not find it stops
/// at the free slot its next number goes in), not a look-up and then an insertion; a key
/// that is not an index is hashed once per look-up, on its bytes.
///
/// ```swift
/// var table = MentionKeyTable()
/// table.number(of: "entity:42")        // 0, new
/// table.number(of: "company:宁德时代")   // 1, new
/// table.existingNumber(of: "entity:42") // 0
/// ```
struct MentionKeyTable {
    /// The numbers of the entity indices met.
    private var entityNumbers = IndexNumberTable()
    /// The keys that are not entity indices, numbered among themselves ...
    private var others = ByteKeyTable()
    /// ... and the table's number of each.
    private var otherNumbers: [Int] = []
    /// How many numbers are given.
    private(set) var count = 0

    init() {}

    /// A table sized for about `expected` keys.
    init(expected: Int) {
        entityNumbers = IndexNumberTable(expected: expected / 2)
        others = ByteKeyTable(expected: expected / 2)
        otherNumbers.reserveCapacity(expected / 2)
    }

    /// The number of `key`, given now if the table had not met it (`isNew`).
    mutating func number(of key: String) -> (number: Int, isNew: Bool) {
        if let index = MentionKey.entityIndex(key) { return number(ofEntity: index) }
        return CanonicalKey.withComposedBytes(of: key) { number(ofOther: $0) }
    }

    /// The number of `key`, given now if the table had not met it (`isNew`).
    mutating func number(of key: MentionKey) -> (number: Int, isNew: Bool) {
        switch key {
        case .entity(let index): return number(ofEntity: index)
        case .other(let key):
            var text = key.text
            return text.withUTF8 { number(ofOther: $0) }
        }
    }

    /// The number of `key`, or `nil` when the table has not met it.
    func existingNumber(of key: String) -> Int? {
        if let index = MentionKey.entityIndex(key) { return entityNumbers.value(of: index) }
        guard others.count > 0 else { return nil }
        return CanonicalKey.withComposedBytes(of: key) { others.existingNumber(of: $0) }.map { otherNumbers[$0] }
    }

    /// The number of `key`, or `nil` when the table has not met it.
    func existingNumber(of key: MentionKey) -> Int? {
        switch key {
        case .entity(let index): return entityNumbers.value(of: index)
        case .other(let key):
            guard others.count > 0 else { return nil }
            var text = key.text
            return text.withUTF8 { others.existingNumber(of: $0) }.map { otherNumbers[$0] }
        }
    }

    /// The number of a key that is not an index, given its composed bytes.
    private mutating func number(ofOther bytes: UnsafeBufferPointer<UInt8>) -> (number: Int, isNew: Bool) {
        let (other, isNew) = others.number(of: bytes)
        guard isNew else { return (otherNumbers[other], false) }
        otherNumbers.append(count)
        return claim(count)
    }

    private mutating func number(ofEntity index: Int) -> (number: Int, isNew: Bool) {
        claim(entityNumbers.value(of: index, orInsert: count).value)
    }

    /// `number` as the table's answer: new when it is the next number (every number given
    /// before it is smaller), which is then given.
    @inline(__always)
    private mutating func claim(_ number: Int) -> (number: Int, isNew: Bool) {
        guard number == count else { return (number, false) }
        count += 1
        return (number, true)
    }
}
