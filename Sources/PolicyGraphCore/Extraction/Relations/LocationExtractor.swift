/// Reads where the text says an organisation or zone is: 位于南昌高新区的南昌科勒有限公司,
/// 昆山先进计算产业园位于昆山高新区. The place is the zone or region right after 位于;
/// the located one is the company, institution or zone right before 位于, or
/// right after the place's 的. The words are data (`patterns/locations.tsv`: roles `verb`, `of`).
struct LocationExtractor: Sendable {
    static let locatedTypes: Set<EntityType> = [.company, .institution, .zone]

    /// The verbs right before a place (位于), longest first, and the words right after it that
    /// open the located entity (的), as UTF-8 bytes.
    let verbs: [[UInt8]]
    let ofWords: [[UInt8]]

    init(verbs: [String], ofWords: [String]) {
        self.verbs = verbs.map { Array($0.utf8) }.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
        self.ofWords = ofWords.map { Array($0.utf8) }.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
    }

    func extract(text: NormalizedText, cursor: TextCursor, segments: TextSegments, mentions: [Mention],
                 names: EntityNames) -> [LocatedPair] {
        guard !verbs.isEmpty else { return [] }
        let starts = SortedStarts(mentions)
        func mention(startingAt offset: Int) -> Mention? {
            let low = starts.firstIndex(atOrAfter: offset)
            return low < mentions.count && mentions[low].range.lowerBound == offset ? mentions[low] : nil
        }
        func mention(endingAt offset: Int) -> Mention? {
            let low = starts.firstIndex(atOrAfter: offset)
            var index = low - 1
            while index >= 0, index >= low - 4 {
                if mentions[index].range.upperBound == offset { return mentions[index] }
                index -= 1
            }
            return nil
        }
        var pairs: [LocatedPair] = []
        // Keys hashed as bytes (CanonicalKey): a String key is normalised on every hash.
        var seen: Set<CanonicalKey> = []
        // A place starts right after each 位于 read: the first mention that starts at each offset,
        // if it is a place with 位于 before it, is where the text says so. The mentions are walked
        // (in text order, as 位于 would be found), not every byte of the text.
        // Places are zones and regions (the types compared: a Set<EntityType> hashes the raw value, a String).
        for index in mentions.indices where mentions[index].type == .zone || mentions[index].type == .region {
            let end = mentions[index].range.lowerBound
            guard let verb = verbs.first(where: { end >= $0.count && cursor.matches($0, at: end - $0.count) }),
                  starts.firstIndex(atOrAfter: end) == index else { continue }
            let start = end - verb.count
            let place = mentions[index]
            var located: Mention? = mention(endingAt: start)
            if located == nil || !Self.locatedTypes.contains(located!.type),
               let of = ofWords.first(where: { cursor.matches($0, at: place.range.upperBound) }) {
                located = mention(startingAt: place.range.upperBound + of.count)
            }
            guard let located, Self.locatedTypes.contains(located.type), located.key != place.key,
                  let locatedName = names[located.key], let placeName = names[place.key],
                  seen.insert(CanonicalKey("\(locatedName)→\(placeName)")).inserted else { continue }
            let original = text.originalRange(of: start..<end)
            pairs.append(LocatedPair(entity: locatedName, place: placeName,
                                     sentence: segments.sentenceText(containing: start, cursor: cursor),
                                     offsets: [original.lowerBound, original.upperBound]))
        }
        return pairs
    }
}
