import Foundation

/// Groups a document's mentions into its distinct entities, in order of
/// first mention: the name is the fullest form used, the aliases the others.
enum EntityGrouping {
    /// The entities, and the name under which each mention key's entity is output.
    static func entities(from mentions: [Mention], text: NormalizedText, ontology: Ontology)
        -> (entities: [ExtractedEntity], names: EntityNames, firstRanges: [Range<Int>]) {
        var firstRanges: [Range<Int>] = []
        // Each key gets a group number in order of first mention (MentionKeyTable: an entity's
        // index as an integer, other keys on their bytes); the mentions' indices are then laid out
        // group after group in one array (a counting sort), not in an array per group. The same
        // table, with each group's name, is the names map the relation rules read: no key is
        // hashed a second time for it.
        var keys = MentionKeyTable(expected: mentions.count)
        var groupOfMention = [Int](repeating: -1, count: mentions.count)
        var groupSizes: [Int] = []
        for index in mentions.indices where mentions[index].type != .technology {
            let (group, isNew) = keys.number(of: mentions[index].key)
            if isNew { groupSizes.append(0) }
            groupOfMention[index] = group
            groupSizes[group] += 1
        }
        let groupCount = groupSizes.count
        var groupStarts = [Int](repeating: 0, count: groupCount + 1)
        for group in 0..<groupCount { groupStarts[group + 1] = groupStarts[group] + groupSizes[group] }
        var members = [Int](repeating: 0, count: groupStarts[groupCount])
        var filled = groupStarts
        for index in mentions.indices where groupOfMention[index] >= 0 {
            let group = groupOfMention[index]
            members[filled[group]] = index
            filled[group] += 1
        }
        // Keys of different mentions that share a surface of the same type are one entity.
        var result: [ExtractedEntity] = []
        result.reserveCapacity(groupCount)
        firstRanges.reserveCapacity(groupCount)
        var groupNames: [String?] = []
        groupNames.reserveCapacity(groupCount)
        // The entities made so far by name, each number the entity's: what the string
        // `type:name` keyed, without making that string (the type is compared, not hashed: its
        // raw value is a String). Each name is numbered in a table of its composed bytes (no
        // CanonicalKey made, no String kept), hashed once and found with one probe, new or not;
        // `heads` holds the first entity of each name number. Entities of the same name and other
        // types are chained through `sameName` (-1 ends a chain; at most one per type), so no
        // array is made per name.
        var seenNames = ByteKeyTable(expected: groupCount)
        var heads: [Int] = []
        heads.reserveCapacity(groupCount)
        var sameName: [Int] = []
        sameName.reserveCapacity(groupCount)
        for groupIndex in 0..<groupCount {
            let group = members[groupStarts[groupIndex]..<groupStarts[groupIndex + 1]]
            let first = mentions[group[group.startIndex]]
            let (name, aliases) = nameAndAliases(of: group, in: mentions, firstSurface: first.surface)
            let (nameNumber, isNewName) = CanonicalKey.withComposedBytes(of: name) { seenNames.number(of: $0) }
            if isNewName { heads.append(-1) }
            if let existing = entity(named: &heads[nameNumber], type: first.type, in: result, chain: &sameName) {
                var merged = result[existing]
                groupNames.append(merged.name)
                for alias in aliases where !merged.aliases.contains(alias) && alias != merged.name { merged.aliases.append(alias) }
                merged.mentions += group.count
                result[existing] = merged
                continue
            }
            let canonical = first.entityIndex.map { ontology.entities[$0].name }
            groupNames.append(name)
            result.append(ExtractedEntity(type: first.type, name: name, aliases: aliases,
                                          id: first.entityIndex.map { ontology.entities[$0].id.rawValue },
                                          canonical: canonical == name ? nil : canonical,
                                          mentions: group.count, offsets: [],
                                          rule: first.rule))
            firstRanges.append(first.range)
        }
        // The first mentions' offsets in the original file, mapped in one walk (the entities are
        // in order of first mention).
        for (index, original) in text.originalRanges(of: firstRanges).enumerated() {
            result[index].offsets = [original.lowerBound, original.upperBound]
        }
        return (result, EntityNames(keys: keys, names: groupNames), firstRanges)
    }

    /// The entity of `type` among those chained from `head` (the first entity of a name, or -1
    /// for a name not met yet), else `nil`, and then the entity about to be made (number
    /// `entities.count`) becomes the chain's head, the old head chained after it.
    @inline(__always)
    private static func entity(named head: inout Int, type: EntityType, in entities: [ExtractedEntity], chain: inout [Int]) -> Int? {
        var candidate = head
        while candidate >= 0 {
            if entities[candidate].type == type { return candidate }
            candidate = chain[candidate]
        }
        chain.append(head)
        head = entities.count
        return nil
    }

    /// A group's name (its fullest cleaned surface) and aliases (its other cleaned surfaces,
    /// in order of first use). Most groups repeat one surface and add no alias: their name is
    /// that surface cleaned, with no list of surfaces, keys or counts made for them.
    static func nameAndAliases(of group: ArraySlice<Int>, in mentions: [Mention], firstSurface: String)
        -> (name: String, aliases: [String]) {
        // The first mention's surface is `firstSurface`: only its aliases are looked at.
        var single = mentions[group[group.startIndex]].extraAliases.isEmpty
        for index in group.dropFirst() where single {
            let mention = mentions[index]
            single = mention.extraAliases.isEmpty && sameBytes(firstSurface, mention.surface)
        }
        if single { return (clean(firstSurface), []) }
        return distinctSurfaces(of: group, in: mentions)
    }

    /// ``nameAndAliases(of:in:firstSurface:)`` for a group of several surfaces or extra
    /// aliases: the distinct cleaned surfaces in order of first use, deduplicated on their
    /// bytes' canonical form (a few are compared one by one; a set is made only for a group
    /// of many); the fullest (most scalars, then the greatest) is the name.
    static func distinctSurfaces(of group: ArraySlice<Int>, in mentions: [Mention]) -> (name: String, aliases: [String]) {
        var surfaces: [String] = []
        var keys: [CanonicalKey] = []
        // Room for the few surfaces most groups have, made once instead of grown twice.
        surfaces.reserveCapacity(min(group.count + 1, 8))
        keys.reserveCapacity(min(group.count + 1, 8))
        var distinct: Set<CanonicalKey>? = nil
        var lastRaw: String? = nil
        func add(_ raw: String) {
            let surface = clean(raw)
            let key = CanonicalKey(surface)
            if distinct == nil, keys.count >= 8 { distinct = Set(keys) }
            if distinct != nil {
                guard distinct!.insert(key).inserted else { return }
            } else {
                guard !keys.contains(key) else { return }
                keys.append(key)
            }
            surfaces.append(surface)
        }
        for index in group {
            // A key's mentions mostly repeat one surface: the same bytes clean to the same surface.
            let surface = mentions[index].surface
            if let lastRaw, sameBytes(lastRaw, surface) {} else { add(surface) }
            lastRaw = surface
            for alias in mentions[index].extraAliases { add(alias) }
        }
        let counts = surfaces.map(scalarCount)
        var best = 0
        for index in surfaces.indices.dropFirst()
        where counts[best] != counts[index] ? counts[best] < counts[index] : surfaces[best] > surfaces[index] {
            best = index
        }
        let name = surfaces[best]
        var aliases = surfaces
        aliases.remove(at: best)
        return (name, aliases)
    }

    /// The number of scalars of `string` (`unicodeScalars.count`): its UTF-8 bytes that
    /// do not continue a scalar, counted on the bytes in place.
    static func scalarCount(_ string: String) -> Int {
        string.utf8.withContiguousStorageIfAvailable { bytes in
            var count = 0
            for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
            return count
        } ?? string.unicodeScalars.count
    }

    /// Whether two strings have the same UTF-8 bytes (the counts first: most surfaces that
    /// differ differ in length).
    @inline(__always)
    private static func sameBytes(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        var a = a, b = b
        return a.withUTF8 { x in b.withUTF8 { y in x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 } }
    }

    /// A surface without the marks that are not part of a name.
    static func clean(_ surface: String) -> String {
        // Most surfaces begin and end with an ideograph, a Latin letter or a digit: nothing to take off.
        if surface.utf8.withContiguousStorageIfAvailable(endsNeedNoCleaning) == true { return surface }
        if let fast = surface.utf8.withContiguousStorageIfAvailable(cleanBytes), let range = fast {
            // Most surfaces have nothing to clean: the same string, not a copy.
            return range.count == surface.utf8.count ? surface
                : surface.utf8.withContiguousStorageIfAvailable { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }!
        }
        var text = surface
        while let first = text.unicodeScalars.first, first == "《" || first == "“" && !text.dropFirst().contains("”") { text.removeFirst() }
        while let last = text.unicodeScalars.last, last == "》" || last == "”" && !text.dropLast().contains("“") { text.removeLast() }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Whether a surface's first and last scalars are ideographs (U+4000…U+9FFF, leads E4–E9)
    /// or ASCII letters or digits: neither a mark ``clean(_:)`` takes off nor white space, so
    /// it returns the surface as it is (both its paths would).
    static func endsNeedNoCleaning(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        guard count > 0 else { return false }
        @inline(__always) func letterOrDigit(_ byte: UInt8) -> Bool {
            byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26
        }
        @inline(__always) func ideographLead(_ byte: UInt8) -> Bool { byte &- 0xE4 <= 0x05 }
        // A lead byte E4–E9 in valid UTF-8 starts a three-byte scalar: the last three bytes
        // are one scalar when the first of them is such a lead.
        let first = bytes[0]
        guard ideographLead(first) || letterOrDigit(first) else { return false }
        return letterOrDigit(bytes[count - 1]) || count >= 3 && ideographLead(bytes[count - 3])
    }

    /// ``clean(_:)`` on the bytes of a surface whose scalars are its characters;
    /// `nil` for other text, which takes the `String` path.
    private static func cleanBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        guard UTF8Trimming.simpleTrimmed(bytes, in: 0..<bytes.count) != nil else { return nil }
        let leftTitle: [UInt8] = [0xE3, 0x80, 0x8A], rightTitle: [UInt8] = [0xE3, 0x80, 0x8B]
        let leftQuote: [UInt8] = [0xE2, 0x80, 0x9C], rightQuote: [UInt8] = [0xE2, 0x80, 0x9D]
        func has(_ mark: [UInt8], at index: Int) -> Bool {
            index >= 0 && index + 3 <= bytes.count && bytes[index] == mark[0] && bytes[index + 1] == mark[1] && bytes[index + 2] == mark[2]
        }
        func contains(_ mark: [UInt8], in range: Range<Int>) -> Bool {
            var index = range.lowerBound
            while index + 3 <= range.upperBound {
                if has(mark, at: index) { return true }
                index += 1
            }
            return false
        }
        var start = 0, end = bytes.count
        while end - start >= 3, has(leftTitle, at: start) || has(leftQuote, at: start) && !contains(rightQuote, in: (start + 3)..<end) { start += 3 }
        while end - start >= 3, has(rightTitle, at: end - 3) || has(rightQuote, at: end - 3) && !contains(leftQuote, in: start..<(end - 3)) { end -= 3 }
        return UTF8Trimming.simpleTrimmed(bytes, in: start..<end)
    }
}

import Foundation
