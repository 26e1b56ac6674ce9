/// A zone named in its long and its short form in one document is one zone:
/// 宜宾高新技术产业园区 … 宜宾高新区, 福建自贸试验区 … 福建自贸区
/// (`patterns/zone-forms.tsv`). The representative is the ontology's zone if
/// one of the mentions has it, else the longest form. Linear in the mentions.
///
/// The forms are compiled once, with the recognizer, not once per document.
struct ZoneForms: Sendable {
    /// A form's ending and kind as bytes with the ending's length in characters, and whether
    /// the bytes may decide (they are plain, ``PlainUTF8``).
    private struct Form: Sendable {
        let ending: String
        let kind: String
        let bytes: [UInt8]
        let kindBytes: [UInt8]
        let length: Int
        let plain: Bool
        let kindPlain: Bool
    }

    /// Longest ending first; each ending's length in characters counted once.
    private let forms: [Form]
    /// Whether every ending is plain: then a plain surface's form is found by its bytes.
    private let endingsPlain: Bool
    /// Whether every ending and every kind is plain: then a plain surface's group is its bytes.
    private let allPlain: Bool

    init(patterns: PatternLexicon) {
        forms = patterns.zoneForms.map { form in
            var ending = form.ending, kind = form.kind
            return Form(ending: form.ending, kind: form.kind, bytes: Array(form.ending.utf8), kindBytes: Array(form.kind.utf8),
                        length: form.ending.count, plain: ending.withUTF8 { PlainUTF8.plainCount($0) != nil },
                        kindPlain: kind.withUTF8 { PlainUTF8.plainCount($0) != nil })
        }.sorted { $0.length > $1.length }
        endingsPlain = forms.allSatisfy(\.plain)
        allPlain = endingsPlain && forms.allSatisfy(\.kindPlain)
    }

    /// A zone's group: its place and the form's kind, `place/kind`. As bytes when the whole
    /// document's zones are plain (byte equality is then `String` equality, and the bytes are
    /// hashed in one call, without normalising scalars), else as the `String` it always was.
    private enum Group: Hashable {
        case bytes(GroupBytes)
        case text(String)
    }

    /// A group's bytes, hashed as one block (an array of bytes hashes byte by byte).
    private struct GroupBytes: Hashable {
        let bytes: [UInt8]

        func hash(into hasher: inout Hasher) {
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }

    /// The mentions with each zone's key made its group's representative's. `bytes: false`
    /// takes the `String` path for every document (tests compare the two).
    func resolve(_ mentions: [Mention], bytes: Bool = true) -> [Mention] {
        // The zones, read in place by index (a copy of each mention would retain its names).
        var zones: [Int] = []
        for index in mentions.indices where mentions[index].type == .zone { zones.append(index) }
        guard !zones.isEmpty else { return mentions }
        // Each zone's group and length in characters: as bytes while every zone is plain; at the
        // first that is not, as `String`s for all of them.
        var groups: [(group: Group, length: Int)?] = []
        groups.reserveCapacity(zones.count)
        var bytePath = bytes && allPlain
        if bytePath {
            for index in zones {
                guard let group = byteGroup(of: mentions[index].surface) else {
                    bytePath = false
                    break
                }
                groups.append(group)
            }
        }
        if !bytePath {
            groups = zones.map { index in group(of: mentions[index].surface).map { (Group.text($0.0), $0.1) } }
        }
        var grouped: [(index: Int, group: Group, length: Int)] = []
        grouped.reserveCapacity(zones.count)
        // By group: the representative's place in `grouped`.
        var representative: [Group: Int] = [:]
        representative.reserveCapacity(zones.count)
        for (index, found) in zip(zones, groups) {
            guard let (group, length) = found else { continue }
            let mention = mentions[index]
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

    /// ``group(of:)`` on bytes when every form is plain: `nil` when the surface is not plain,
    /// else its group (or `nil` when no form ends it or its place is shorter than two): the
    /// first form (longest first) whose bytes end it decides; its place's bytes, `/` and the kind's bytes.
    private func byteGroup(of surface: String) -> (group: Group, length: Int)?? {
        var text = surface
        return text.withUTF8 { bytes -> (group: Group, length: Int)?? in
            guard let count = PlainUTF8.plainCount(bytes) else { return nil }
            guard let form = firstForm(ending: bytes), count - form.length >= 2 else { return .some(nil) }
            var key = Array(bytes[..<(bytes.count - form.bytes.count)])
            key.append(0x2F)
            key += form.kindBytes
            return .some((.bytes(GroupBytes(bytes: key)), count))
        }
    }

    /// The first form (longest first) whose ending's bytes end `bytes`, or `nil`: the form that
    /// decides a plain surface's group, in ``byteGroup(of:)`` and ``group(of:)`` alike.
    private func firstForm(ending bytes: UnsafeBufferPointer<UInt8>) -> Form? {
        forms.first { form in
            form.bytes.count <= bytes.count && form.bytes.withUnsafeBufferPointer { ending in
                ending.indices.allSatisfy { ending[$0] == bytes[bytes.count - ending.count + $0] }
            }
        }
    }

    /// The group of a zone named `surface` (`place/kind`) and the surface's length in
    /// characters, or `nil` when it ends with no form or its place is shorter than two.
    private func group(of surface: String) -> (String, Int)? {
        var text = surface
        // Plain text and plain forms: the bytes say which form ends it, and its scalars are its characters.
        let plain: (String, Int)?? = !endingsPlain ? nil : text.withUTF8 { bytes in
            guard let count = PlainUTF8.plainCount(bytes) else { return nil }
            // The first form that ends it decides, as in the `String` path below.
            guard let form = firstForm(ending: bytes), count - form.length >= 2 else { return .some(nil) }
            let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[..<(bytes.count - form.bytes.count)]), as: UTF8.self)
            return .some(("\(name)/\(form.kind)", count))
        }
        if let plain { return plain }
        for form in forms where surface.hasUTF8Suffix(form.ending) {
            let place = surface.dropLast(form.length)
            return place.count >= 2 ? ("\(place)/\(form.kind)", surface.count) : nil
        }
        return nil
    }
}
