/// A zone named in its long and its short form in one document is one zone:
/// 宜宾高新技术产业园区 … 宜宾高新区, 福建自贸试验区 … 福建自贸区
/// (`patterns/zone-forms.tsv`). The representative is the ontology's zone if
/// one of the mentions has it, else the longest form. Linear in the mentions.
struct ZoneForms {
    let patterns: PatternLexicon

    func resolve(_ mentions: [Mention]) -> [Mention] {
        // Longest ending first; each ending's length in characters counted once.
        let forms = patterns.zoneForms.map { (form: $0, length: $0.ending.count) }.sorted { $0.length > $1.length }.map(\.form)
        func group(of mention: Mention) -> String? {
            guard mention.type == .zone else { return nil }
            for form in forms where mention.surface.hasUTF8Suffix(form.ending) {
                let place = mention.surface.dropLast(form.ending.count)
                return place.count >= 2 ? "\(place)/\(form.kind)" : nil
            }
            return nil
        }
        var representative: [String: Mention] = [:]
        for mention in mentions {
            guard let key = group(of: mention) else { continue }
            if let current = representative[key] {
                let better = (mention.entityIndex != nil && current.entityIndex == nil)
                    || (mention.entityIndex == nil) == (current.entityIndex == nil) && mention.surface.count > current.surface.count
                if better { representative[key] = mention }
            } else {
                representative[key] = mention
            }
        }
        guard !representative.isEmpty else { return mentions }
        return mentions.map { mention in
            guard let key = group(of: mention), let owner = representative[key], owner.key != mention.key else { return mention }
            var joined = mention
            joined.key = owner.key
            return joined
        }
    }
}
