/// A ``CanonicalKey`` whose hash is computed once, when it is made.
///
/// The graph accumulator looks each normalised name up in several tables (the
/// name index, the document's local names), document after document. A key of
/// Chinese text hashes all its bytes at every lookup; this one hashes one
/// integer, and compares its bytes only when the hashes agree. Two keys are
/// equal exactly when their ``CanonicalKey``s are (so when their strings are `==`).
///
/// ```swift
/// let key = HashedKey(CanonicalKey("工业和信息化部"))
/// var index: [HashedKey: Int] = [key: 0]
/// index[key]   // 0, hashing the stored integer only
/// ```
struct HashedKey: Hashable, Sendable {
    let key: CanonicalKey
    /// `key`'s hash value (this process's seed), computed once.
    let hash: Int

    init(_ key: CanonicalKey) {
        self.key = key
        hash = key.hashValue
    }

    /// The string the key was made from.
    var original: String { key.original }

    static func == (lhs: HashedKey, rhs: HashedKey) -> Bool {
        lhs.hash == rhs.hash && lhs.key == rhs.key
    }

    func hash(into hasher: inout Hasher) { hasher.combine(hash) }
}
