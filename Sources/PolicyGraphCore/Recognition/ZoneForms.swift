/// A zone named in its long and its short form in one document is one zone:
/// 宜宾高新技术产业园区 … 宜宾高新区, 福建自贸试验区 … 福建自贸区
/// (`patterns/zone-forms.tsv`). The representative is the ontology's zone if
/// one of the mentions has it, else the longest form. Linear in the mentions.
struct ZoneForms {
    let patterns: PatternLexicon

    /// A form's ending as bytes with its length in characters, and whether the bytes may
    /// decide (the ending is plain, ``PlainUTF8``).
    private struct Form {
        let ending: String
        let kind: String
        let bytes: [UInt8]
        let length: Int
        let plain: Bool
    }

    func resolve(_ mentions: [Mention]) -> [Mention] {
        // Longest ending first; each ending's length in characters counted once.
        let forms = patterns.zoneForms.map { form in
            var ending = form.ending
            let plain = ending.withUTF8 { PlainUTF8.plainCount($0) != nil }
            return Form(ending: form.ending, kind: form.kind, bytes: Array(form.ending.utf8), length: form.ending.count, plain: plain)
        }.sorted { $0.length > $1.length }
        let allPlain = forms.allSatisfy(\.plain)
        // The group of each zone (its place and the form's kind) and its length in characters, made once.
        var grouped: [(index: Int, group: String, length: Int)] = []
        // By group: the representative's place in `grouped`.
        var representative: [String: Int] = [:]
        for (index, mention) in mentions.enumerated() where mention.type == .zone {
            guard let (group, length) = group(of: mention.surface, forms: forms, allPlain: allPlain) else { continue }
            grouped.append((index, group, length))
            if let current = representative[group] {
                let best = mentions[grouped[current].index]
                let better = (mention.entityIndex != nil && best.entityIndex == nil)
                    || (mention.entityIndex == nil) == (best.entityIndex == nil) && length > grouped[current].length
                if better { representative[group] = grouped.count - 1 }
            } else {
                representative[group] = grouped.count - 1
            }
        }
        guard !representative.isEmpty else { return mentions }
        var result = mentions
        for zone in grouped {
            let owner = mentions[grouped[representative[zone.group]!].index]
            if owner.key != mentions[zone.index].key { result[zone.index].key = owner.key }
        }
        return result
    }

    /// The group of a zone named `surface` (`place/kind`) and the surface's length in
    /// characters, or `nil` when it ends with no form or its place is shorter than two.
    private func group(of surface: String, forms: [Form], allPlain: Bool) -> (String, Int)? {
        var text = surface
        // Plain text and plain forms: the bytes say which form ends it, and its scalars are its characters.
        let plain: (String, Int)?? = !allPlain ? nil : text.withUTF8 { bytes in
            guard let count = PlainUTF8.plainCount(bytes) else { return nil }
            for form in forms {
                guard form.bytes.count <= bytes.count,
                      form.bytes.withUnsafeBufferPointer({ ending in
                          ending.indices.allSatisfy { ending[$0] == bytes[bytes.count - ending.count + $0] }
                      }) else { continue }
                // The first form that ends it decides, as in the `String` path below.
                let place = count - form.length
                guard place >= 2 else { return .some(nil) }
                let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[..<(bytes.count - form.bytes.count)]), as: UTF8.self)
                return .some(("\(name)/\(form.kind)", count))
            }
            return .some(nil)
        }
        if let plain { return plain }
        for form in forms where surface.hasUTF8Suffix(form.ending) {
            let place = surface.dropLast(form.length)
            return place.count >= 2 ? ("\(place)/\(form.kind)", surface.count) : nil
        }
        return nil
    }
}
