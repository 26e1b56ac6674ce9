import Collections

/// Groups a document's mentions into its distinct entities, in order of
/// first mention: the name is the fullest form used, the aliases the others.
enum EntityGrouping {
    /// The entities, and the name under which each mention key's entity is output.
    static func entities(from mentions: [Mention], text: NormalizedText, ontology: Ontology)
        -> (entities: [ExtractedEntity], names: [String: String], firstRanges: [Range<Int>]) {
        var firstRanges: [Range<Int>] = []
        var names: [String: String] = [:]
        var groups: OrderedDictionary<String, [Mention]> = [:]
        for mention in mentions where mention.type != .technology {
            groups[mention.key, default: []].append(mention)
        }
        // Keys of different mentions that share a surface of the same type are one entity.
        var result: [ExtractedEntity] = []
        var seenNames: [String: Int] = [:]
        for (_, group) in groups {
            var surfaces: OrderedSet<String> = []
            for mention in group {
                surfaces.append(clean(mention.surface))
                for alias in mention.extraAliases { surfaces.append(clean(alias)) }
            }
            let first = group[0]
            let name = surfaces.max { a, b in
                a.unicodeScalars.count != b.unicodeScalars.count ? a.unicodeScalars.count < b.unicodeScalars.count : a > b
            }!
            let aliases = surfaces.filter { $0 != name }
            let canonical = first.entityIndex.map { ontology.entities[$0].name }
            let original = text.originalRange(of: first.range)
            let entity = ExtractedEntity(type: first.type, name: name, aliases: Array(aliases),
                                         id: first.entityIndex.map { ontology.entities[$0].id.rawValue },
                                         canonical: canonical == name ? nil : canonical,
                                         mentions: group.count, offsets: [original.lowerBound, original.upperBound],
                                         rule: first.rule)
            if let existing = seenNames["\(entity.type.rawValue):\(name)"] {
                var merged = result[existing]
                names[first.key] = merged.name
                for alias in entity.aliases where !merged.aliases.contains(alias) && alias != merged.name { merged.aliases.append(alias) }
                merged.mentions += entity.mentions
                result[existing] = merged
                continue
            }
            seenNames["\(entity.type.rawValue):\(name)"] = result.count
            names[first.key] = name
            result.append(entity)
            firstRanges.append(first.range)
        }
        return (result, names, firstRanges)
    }

    /// A surface without the marks that are not part of a name.
    static func clean(_ surface: String) -> String {
        var text = surface
        while let first = text.unicodeScalars.first, first == "《" || first == "“" && !text.dropFirst().contains("”") { text.removeFirst() }
        while let last = text.unicodeScalars.last, last == "》" || last == "”" && !text.dropLast().contains("“") { text.removeLast() }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

import Foundation
