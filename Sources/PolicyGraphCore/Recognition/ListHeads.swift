/// Lists that share a head: in “A、B和C等(N家)(重点)企业” the head after 等
/// (`patterns/list-heads.tsv`) gives every item its type (rule `list:企业`).
/// Items written as place + short name before a zone head resolve to the zone
/// (广州南沙、四川天府等国家级新区 → 南沙新区, 天府新区). Generic items
/// (钢铁、化工等企业) name nothing. Linear: each 等 is looked at once, with a
/// bounded window on either side.
struct ListHeads {
    let lexicon: Lexicon
    var patterns: PatternLexicon { lexicon.ontology.patterns }

    /// How far after 等 the head may stand, and how long a list may be, in scalars.
    private static let headWindow = 12
    private static let listWindow = 120

    func resolve(_ mentions: [Mention], cursor: TextCursor) -> [Mention] {
        let heads = lexicon.words.listHeadEntries
        // Every head begins a scalar of its own: only those that begin with the scalar at a position are tried there.
        let headsByFirst = heads.contains { $0.bytes.isEmpty } ? nil : lexicon.words.listHeadsByFirst
        let leads = lexicon.words.listLeads
        let modifiers = lexicon.words.listModifiers
        guard !heads.isEmpty else { return mentions }
        var mentions = mentions
        var added: [Mention] = []
        var removed: Set<Int> = []
        let index = OverlapIndex(mentions.map(\.range))
        // The closers' places in text order (one closer, 等: its own search).
        var closers: [(start: Int, length: Int)] = []
        for closer in lexicon.words.listCloserBytes {
            closers += cursor.occurrences(of: closer, in: 0..<cursor.bytes.count).map { ($0, closer.count) }
        }
        if lexicon.words.listCloserBytes.count > 1 { closers.sort { $0.start < $1.start } }
        for (marker, closerLength) in closers {
            guard let head = head(after: marker + closerLength, heads: heads, headsByFirst: headsByFirst, modifiers: modifiers, cursor: cursor)
            else { continue }
            let items = self.items(before: marker, leads: leads, cursor: cursor)
            // 等 inside a word (高等院校) ends no list: the item before it must be whole.
            guard items.count >= 2, items.last?.upperBound == marker else { continue }
            for item in items {
                let name = cursor.text(item)
                guard isSpecific(name) else { continue }
                if head.type == .zone, let zone = zoneNamed(name, head: head.word) {
                    // Mentions are sorted by start: those inside the item follow the first one at its start.
                    var low = 0, high = mentions.count
                    while low < high {
                        let mid = (low + high) / 2
                        if mentions[mid].range.lowerBound < item.lowerBound { low = mid + 1 } else { high = mid }
                    }
                    while low < mentions.count, mentions[low].range.lowerBound < item.upperBound {
                        if mentions[low].range.upperBound <= item.upperBound { removed.insert(low) }
                        low += 1
                    }
                    added.append(Mention(range: item, type: .zone, surface: name, entityIndex: zone, rule: "list:\(head.word)",
                                         key: Mention.entityKey(zone)))
                    continue
                }
                if head.type == .company, let country = countryOpening(item, mentions: mentions, cursor: cursor) {
                    // 韩国现代、美国百威等企业: a country and a short name are the company.
                    removed.insert(country)
                    added.append(Mention(range: item, type: .company, surface: name, entityIndex: nil, rule: "list:\(head.word)",
                                         key: "company:\(name)"))
                    continue
                }
                guard !index.overlaps(item) else { continue }
                added.append(Mention(range: item, type: head.type, surface: name, entityIndex: nil, rule: "list:\(head.word)",
                                     key: "\(head.type.rawValue):\(name)"))
            }
        }
        guard !added.isEmpty else { return mentions }
        if !removed.isEmpty { mentions = mentions.removing(offsets: removed) }
        mentions += added
        mentions.sort { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
        return mentions
    }

    /// The head word that follows 等, with nothing between but numbers, measure
    /// words and modifiers (等重点企业, 等世界500强企业, 等企业62家).
    private func head(after start: Int, heads: [(bytes: [UInt8], word: String, type: EntityType)], headsByFirst: [UInt32: [Int]]?,
                      modifiers: WordSet,
                      cursor: TextCursor) -> (word: String, type: EntityType)? {
        var position = start
        let counters = patterns.listCounters
        for _ in 0..<Self.headWindow {
            if let head = Self.head(at: position, heads: heads, byFirst: headsByFirst, cursor: cursor) { return head }
            if let modifier = modifiers.longest(at: position, in: cursor) {
                position += modifier.count
                continue
            }
            guard let (scalar, next) = cursor.scalar(at: position), ScalarClass.isDigit(scalar) || counters.contains(scalar) else {
                return nil
            }
            position = next
        }
        return nil
    }

    /// The first head (longest first) that starts at `position`: with `byFirst`, only the heads
    /// that begin with the scalar there are tried (none else can match), in the same order.
    static func head(at position: Int, heads: [(bytes: [UInt8], word: String, type: EntityType)], byFirst: [UInt32: [Int]]?,
                     cursor: TextCursor) -> (word: String, type: EntityType)? {
        guard let byFirst else {
            for head in heads where cursor.matches(head.bytes, at: position) { return (head.word, head.type) }
            return nil
        }
        guard let (scalar, _) = cursor.scalar(at: position), let candidates = byFirst[scalar] else { return nil }
        for index in candidates where cursor.matches(heads[index].bytes, at: position) { return (heads[index].word, heads[index].type) }
        return nil
    }

    /// The items of the list that ends at `end`: separated by 、 (the last one
    /// may be joined by 和, 与 or 及); the first starts after a lead word, a
    /// stop word or punctuation.
    private func items(before end: Int, leads: WordSet, cursor: TextCursor) -> [Range<Int>] {
        var items: [Range<Int>] = []
        var itemEnd = end
        var position = end
        var scalars = 0
        while scalars < Self.listWindow, let (scalar, start) = cursor.scalar(before: position) {
            // Once past a separator, a lead word that ends here opens the list.
            if !items.isEmpty, leads.endsWord(at: position, in: cursor) { break }
            if scalar == 0x3001 {
                items.append(start + 3..<itemEnd)
                itemEnd = start
            } else if !(ScalarClass.isIdeograph(scalar) || ScalarClass.isASCIIAlphanumeric(scalar)) {
                break
            }
            position = start
            scalars += 1
        }
        guard !items.isEmpty else { return [] }
        items.append(position..<itemEnd)
        // The last item may be joined by 和, 与 or 及: 甲、乙和丙等企业.
        var result: [Range<Int>] = []
        for (offset, item) in items.enumerated() {
            if offset == 0, let join = joiner(in: item, cursor: cursor) {
                result.append(join.upperBound..<item.upperBound)
                result.append(item.lowerBound..<join.lowerBound)
            } else {
                result.append(item)
            }
        }
        return result.filter { (2...10).contains(cursor.scalarCount($0)) }.reversed()
    }

    /// A `joiner` word of `list-heads.tsv` (和, 与, 及) inside an item, with two or more characters on either side.
    private func joiner(in item: Range<Int>, cursor: TextCursor) -> Range<Int>? {
        let joiners = lexicon.words.listJoinerBytes
        var position = item.lowerBound
        while let (_, next) = cursor.scalar(at: position), next <= item.upperBound {
            if let joiner = joiners.first(where: { position + $0.count <= item.upperBound && cursor.matches($0, at: position) }),
               cursor.scalarCount(item.lowerBound..<position) >= 2, cursor.scalarCount((position + joiner.count)..<item.upperBound) >= 2 {
                return position..<(position + joiner.count)
            }
            position = next
        }
        return nil
    }

    /// Whether an item names something rather than a kind (钢铁, 中小企业, 新材料产业).
    private func isSpecific(_ name: String) -> Bool {
        if patterns.genericBodies.contains(name) { return false }
        // The last characters of an item that names a kind (钢铁行业, 新产品, 重点领域 …): `kind-ending`.
        return !patterns.listKindEndings.contains { name.hasUTF8Suffix($0) }
    }

    /// The index of the mention that opens `item` when it is a country and the
    /// only mention inside the item, with two or more characters after it.
    private func countryOpening(_ item: Range<Int>, mentions: [Mention], cursor: TextCursor) -> Int? {
        var low = 0, high = mentions.count
        while low < high {
            let mid = (low + high) / 2
            if mentions[mid].range.upperBound <= item.lowerBound { low = mid + 1 } else { high = mid }
        }
        // Mentions are sorted by start; one overlapping the item's start from the left ends the search.
        guard low < mentions.count else { return nil }
        let first = mentions[low]
        guard first.range.lowerBound == item.lowerBound, first.range.upperBound < item.upperBound, first.type == .region,
              let entity = first.entityIndex, lexicon.ontology.entities[entity].parentName == nil,
              cursor.scalarCount(first.range.upperBound..<item.upperBound) >= 2 else { return nil }
        if low + 1 < mentions.count, mentions[low + 1].range.lowerBound < item.upperBound { return nil }
        return low
    }

    /// The zone an item names with the head: 南沙 + 新区, or 广州南沙 without its
    /// leading place; `nil` when the ontology knows no such zone.
    private func zoneNamed(_ item: String, head: String) -> Int? {
        let ontology = lexicon.ontology
        let suffixes = patterns.listZoneHeads.filter { head.hasSuffix($0) }
        var candidates = [item]
        for suffix in suffixes {
            candidates.append(item + suffix)
            for drop in 2...3 where item.count > drop + 1 { candidates.append(String(item.dropFirst(drop)) + suffix) }
        }
        for candidate in candidates {
            if let zone = ontology.indexes(named: candidate).first(where: { ontology.entities[$0].type == .zone }) { return zone }
        }
        return nil
    }
}
