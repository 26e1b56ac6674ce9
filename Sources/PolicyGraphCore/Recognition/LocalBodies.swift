/// The bodies of the document's own region named without it (省委, 市政府;
/// ontology entries with `match=local`): such a mention names the body of the
/// same level that the document names in full (重庆市人民政府 … 市政府 are one
/// entity), else it is an entity of its own. After a word that makes it
/// generic (各省委, 城市政府), or before a person's title (市委书记), it is no
/// mention.
struct LocalBodies {
    let lexicon: Lexicon

    func resolve(_ mentions: [Mention], cursor: TextCursor) -> [Mention] {
        let ontology = lexicon.ontology
        func isLocal(_ mention: Mention) -> Bool {
            mention.entityIndex.map { ontology.entities[$0].attributes["match"] == "local" } ?? false
        }
        guard mentions.contains(where: isLocal) else { return mentions }
        // The first full body of each level and kind: 市 + 政府 → 重庆市人民政府.
        var full: [String: String] = [:]
        for mention in mentions where mention.type == .government && !isLocal(mention) {
            if let key = levelAndKind(of: mention.surface, full: true), full[key] == nil { full[key] = mention.key }
        }
        let blockers = ontology.patterns.beforeLocalBodies.map { Array($0.utf8) }
        let titles = ontology.patterns.personTitles.map { Array($0.utf8) }
        var result: [Mention] = []
        result.reserveCapacity(mentions.count)
        for var mention in mentions {
            if isLocal(mention) {
                let start = mention.range.lowerBound
                if blockers.contains(where: { start >= $0.count && cursor.matches($0, at: start - $0.count) }) { continue }
                // 市委书记 is a title, not a mention of the body.
                if titles.contains(where: { cursor.matches($0, at: mention.range.upperBound) }) { continue }
                if let key = levelAndKind(of: mention.surface, full: false), let owner = full[key] { mention.key = owner }
            }
            result.append(mention)
        }
        return result
    }

    /// "市/政府" for 市政府 (a local name: the level is its first character) or
    /// for 重庆市人民政府 and 中共天津市委 (a full name: the level ends the region). The kinds of
    /// body a local and a full name share (人民政府 and 政府 are both 政府) and the levels (省, 市,
    /// 县, 区) are data: `regions.tsv`, roles `body` and `level`.
    func levelAndKind(of name: String, full: Bool) -> String? {
        let levels = lexicon.ontology.patterns.regionLevels
        for (suffix, kind) in lexicon.ontology.patterns.localBodyKinds where name.hasSuffix(suffix) {
            let head = name.dropLast(suffix.count)
            guard let level = full ? head.last : head.first, level.unicodeScalars.count == 1,
                  levels.contains(level.unicodeScalars.first!.value) else { return nil }
            if full && head.count < 3 { return nil }
            if !full && head.count != 1 { return nil }
            return "\(level)/\(kind)"
        }
        return nil
    }
}
