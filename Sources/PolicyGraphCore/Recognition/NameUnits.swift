/// The running state of recognition in one document: the mentions found so
/// far and the ordered units (mentions, stop words, suffixes) that the name
/// patterns look back over.
struct NameUnits {
    enum Kind: Equatable {
        case mention(Int)
        case stop
        case softStop
        /// A suffix that made no name: ordinary text for later patterns.
        case text
    }

    struct Unit {
        var range: Range<Int>
        var kind: Kind
    }

    var mentions: [Mention?] = []
    var units: [Unit] = []
    /// The marker words found, in text order.
    var markers: [Marker] = []
    /// The ontology entities mentioned so far.
    var mentionedEntities: EntityFlags

    /// An empty state for an ontology of `entityCount` entities.
    init(entityCount: Int) {
        mentionedEntities = EntityFlags(count: entityCount)
    }

    mutating func addMention(_ mention: Mention) -> Int {
        mentions.append(mention)
        if let entity = mention.entityIndex { mentionedEntities.insert(entity) }
        let index = mentions.count - 1
        units.append(Unit(range: mention.range, kind: .mention(index)))
        return index
    }

    func mention(_ unit: Unit) -> Mention? {
        if case let .mention(index) = unit.kind { return mentions[index] }
        return nil
    }
}

/// A set of entity indexes as one bit each: inserting and asking hash nothing (a `Set<Int>`
/// hashed every dictionary mention). Indexes outside `0..<count` are kept in a set.
struct EntityFlags {
    private var words: [UInt64]
    private var others: Set<Int> = []

    init(count: Int) {
        words = [UInt64](repeating: 0, count: (max(count, 0) + 63) / 64)
    }

    mutating func insert(_ index: Int) {
        guard index >= 0, index >> 6 < words.count else { others.insert(index); return }
        words[index >> 6] |= 1 << UInt64(index & 63)
    }

    func contains(_ index: Int) -> Bool {
        guard index >= 0, index >> 6 < words.count else { return others.contains(index) }
        return words[index >> 6] & (1 << UInt64(index & 63)) != 0
    }
}
