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
    var mentionedEntities: Set<Int> = []

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
