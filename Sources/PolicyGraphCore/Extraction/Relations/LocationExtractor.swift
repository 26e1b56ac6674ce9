/// Reads where the text says an organisation or zone is: 位于南昌高新区的南昌科勒有限公司,
/// 昆山先进计算产业园位于昆山高新区. The place is the zone or region right after 位于;
/// the located one is the company, institution or zone right before 位于, or
/// right after the place's 的.
struct LocationExtractor {
    static let placeTypes: Set<EntityType> = [.zone, .region]
    static let locatedTypes: Set<EntityType> = [.company, .institution, .zone]

    func extract(text: NormalizedText, cursor: TextCursor, segments: TextSegments, mentions: [Mention],
                 names: EntityNames) -> [LocatedPair] {
        let verb = Array("位于".utf8)
        let of = Array("的".utf8)
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
        var seen: Set<String> = []
        for start in cursor.occurrences(of: verb, in: 0..<cursor.bytes.count) {
            let end = start + verb.count
            guard let place = mention(startingAt: end), Self.placeTypes.contains(place.type) else { continue }
            var located: Mention? = mention(endingAt: start)
            if located == nil || !Self.locatedTypes.contains(located!.type), cursor.matches(of, at: place.range.upperBound) {
                located = mention(startingAt: place.range.upperBound + of.count)
            }
            guard let located, Self.locatedTypes.contains(located.type), located.key != place.key,
                  let locatedName = names[located.key], let placeName = names[place.key],
                  seen.insert("\(locatedName)→\(placeName)").inserted else { continue }
            let original = text.originalRange(of: start..<end)
            pairs.append(LocatedPair(entity: locatedName, place: placeName,
                                     sentence: segments.sentenceText(containing: start, cursor: cursor),
                                     offsets: [original.lowerBound, original.upperBound]))
        }
        return pairs
    }
}
