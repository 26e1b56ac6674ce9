/// Numbers a document's mention keys in order of first use: the table the entity
/// grouping fills (one number per key, a group) and ``EntityNames`` answers from.
///
/// A key that spells an ontology entity's index (``MentionKey/entityIndex(_:)``,
/// most mentions of dictionary entries) is looked up as that integer, with no
/// `MentionKey` value made and no `String` hashed; any other key through a table
/// of its ``CanonicalKey``. Two keys get the same number
/// exactly when their strings are `==` (as for ``MentionKey``).
///
/// A key is numbered with one probe of its table (the `default:` subscript's in-place
/// access inserts the next number when the key is new), not a look-up and then an
/// insertion; a key that is not an index is hashed once per look-up, on its bytes
/// (a ``HashedKey`` would hash them and then its stored hash again, and it pays only
/// for a key looked up many times, as the graph's are).
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
    /// The numbers of the keys that are not entity indices.
    private var others: [CanonicalKey: Int] = [:]
    /// How many numbers are given.
    private(set) var count = 0

    init() {}

    /// A table sized for about `expected` keys.
    init(expected: Int) {
        entityNumbers.reserveCapacity(expected / 2)
        others.reserveCapacity(expected / 2)
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
        return others.isEmpty ? nil : others[CanonicalKey(key)]
    }

    /// The number of `key`, or `nil` when the table has not met it.
    func existingNumber(of key: MentionKey) -> Int? {
        switch key {
        case .entity(let index): return entityNumbers[index]
        case .other(let key): return others.isEmpty ? nil : others[key]
        }
    }

    private mutating func number(of key: CanonicalKey) -> (number: Int, isNew: Bool) {
        claim(Self.value(&others[key, default: count]))
    }

    private mutating func number(ofEntity index: Int) -> (number: Int, isNew: Bool) {
        claim(Self.value(&entityNumbers[index, default: count]))
    }

    /// The value in a dictionary's slot, reached in place: `&table[key, default: next]`
    /// finds the key's slot once and fills it with `next` when the key is new.
    @inline(__always)
    private static func value(_ slot: inout Int) -> Int { slot }

    /// `number` as the table's answer: new when it is the next number (every number given
    /// before it is smaller), which is then given.
    @inline(__always)
    private mutating func claim(_ number: Int) -> (number: Int, isNew: Bool) {
        guard number == count else { return (number, false) }
        count += 1
        return (number, true)
    }
}
