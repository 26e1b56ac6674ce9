/// Bodies that act together (rule `list:joint`, words in `patterns/list-heads.tsv`
/// role `joint`): in “A联合B、C印发” or “A会同B、C等部门” every item after the
/// joint word that ends with a government suffix (`suffixes.tsv`, type
/// government: 局, 厅, 委 …) is a body, even when no dictionary or pattern
/// found it (青川市科技局 where 青川市 is no known region).
///
/// Items are separated by 、 (the last may follow 和, 及 or 与); the list ends
/// at 等, a verb, punctuation or a stop word. Regions inside an item give way to
/// the body; any other mention there keeps its place. Linear: each joint word
/// is looked at once, with a bounded walk forward.
struct JointBodies {
    let lexicon: Lexicon
    var patterns: PatternLexicon { lexicon.ontology.patterns }

    /// The longest item, and the longest list, in scalars.
    private static let maximumItem = 16
    private static let maximumList = 80

    func resolve(_ mentions: [Mention], cursor: TextCursor) -> [Mention] {
        guard !patterns.jointWords.isEmpty else { return mentions }
        let suffixes = lexicon.words.governmentSuffixBytes
        let ends = lexicon.words.jointListEnds
        var items: [Range<Int>] = []
        for word in lexicon.words.jointWordBytes {
            for occurrence in cursor.occurrences(of: word, in: 0..<cursor.bytes.count) {
                items += self.items(from: occurrence + word.count, suffixes: suffixes, ends: ends, cursor: cursor)
            }
        }
        guard !items.isEmpty else { return mentions }
        items.sort { $0.lowerBound < $1.lowerBound }
        var mentions = mentions
        let spans = OverlapIndex(mentions.map(\.range))
        var removed: Set<Int> = []
        var added: [Mention] = []
        for item in items {
            if let last = added.last, last.range.overlaps(item) { continue }
            // What the item covers: regions give way; a body or anything else found there stays.
            if spans.overlaps(item.lowerBound..<item.lowerBound) { continue }
            guard let inside = mentions.regions(inside: item) else { continue }
            removed.formUnion(inside)
            let name = cursor.text(item)
            added.append(Mention(range: item, type: .government, surface: name, entityIndex: nil, rule: "list:joint",
                                 key: "government:\(name)"))
        }
        guard !added.isEmpty else { return mentions }
        if !removed.isEmpty { mentions = mentions.removing(offsets: removed) }
        mentions += added
        mentions.sort { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
        return mentions
    }

    /// The items of the list that opens at `start` that end with a government suffix.
    private func items(from start: Int, suffixes: [[UInt8]], ends: WordSet, cursor: TextCursor) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var itemStart = start
        var position = start
        var scalars = 0
        var listScalars = 0
        func close(at end: Int) {
            guard cursor.scalarCount(itemStart..<end) >= 3,
                  suffixes.contains(where: { end - $0.count >= itemStart && cursor.matches($0, at: end - $0.count) }) else { return }
            result.append(itemStart..<end)
        }
        while listScalars < Self.maximumList, let (scalar, next) = cursor.scalar(at: position) {
            if scalar == 0x3001 { // 、
                close(at: position)
                itemStart = next
                scalars = 0
            } else if position > itemStart, ends.longest(at: position, in: cursor) != nil || !ScalarClass.isIdeograph(scalar) {
                close(at: position)
                break
            } else if !ScalarClass.isIdeograph(scalar) || scalars >= Self.maximumItem {
                break
            } else {
                // The item ends where a suffix does and a verb follows: 财政局印发.
                scalars += 1
            }
            position = next
            listScalars += 1
        }
        return result
    }
}
