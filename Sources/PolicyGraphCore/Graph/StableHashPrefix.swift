extension StableHash {
    /// ``value(_:)`` continued over the UTF-8 bytes of `text` from the hash of what came
    /// before: `continued(value(a), b) == value(a + b)` (FNV-1a reads bytes in order), so a
    /// prefix shared by many strings is hashed once.
    ///
    /// ```swift
    /// let prefix = StableHash.value("mentioned_in|company:宁德时代|")
    /// StableHash.continued(prefix, "document:a.txt") == StableHash.value("mentioned_in|company:宁德时代|document:a.txt")   // true
    /// ```
    static func continued(_ hash: UInt64, _ text: String) -> UInt64 {
        var (hash, text) = (hash, text)
        text.withUTF8 { bytes in
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        }
        return hash
    }
}

extension EdgeID {
    /// ``hash(type:source:target:)`` of the `mentioned_in` edges of one entity: the bytes
    /// `mentioned_in|source|` hashed once, each target's bytes after them.
    struct MentionHashes {
        private let prefix: UInt64

        init(source: NodeID) {
            prefix = StableHash.continued(StableHash.value("\(EdgeType.mentionedIn.rawValue)|\(source.rawValue)"), "|")
        }

        /// `EdgeID.hash(type: .mentionedIn, source: source, target: target)`.
        func hash(target: NodeID) -> UInt64 { StableHash.continued(prefix, target.rawValue) }
    }
}
