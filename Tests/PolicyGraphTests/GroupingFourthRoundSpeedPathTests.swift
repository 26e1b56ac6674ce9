import Foundation
import Testing
@testable import PolicyGraphCore

/// The fourth round of speed work on grouping answers exactly as the paths it
/// replaced: the mention keys' own table (entity indices as integers) against a
/// dictionary of `String`s, the names map read from it, the merge of keys that
/// share a name, and `clean`'s test of a surface's ends against the `String` path.
@Suite struct GroupingFourthRoundSpeedPathTests {
    /// Keys at the edges of `entity:` and an index, names, and many entity indices (the table grows).
    static let keys: [String] = {
        var keys = GroupingThirdRoundSpeedPathTests.keys
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        for step in 0..<3_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            // Small and large indices, some of them repeated, and keys of names.
            let index = step % 3 == 0 ? Int(state >> 60) : Int(state >> 40)
            keys.append(step % 7 == 0 ? "company:名\(index)" : Mention.entityKey(index))
        }
        return keys
    }()

    /// Each key is numbered in order of first use, as a dictionary of its `String` numbers it.
    @Test func mentionKeyTableNumbersKeysAsAStringDictionary() {
        var table = MentionKeyTable(expected: 4)
        var reference: [String: Int] = [:]
        var failures: [String] = []
        for key in Self.keys {
            let expected = reference[key]
            if table.existingNumber(of: key) != expected { failures.append("existing \(key)") }
            let (number, isNew) = table.number(of: key)
            if let expected {
                if isNew || number != expected { failures.append("known \(key)") }
            } else {
                if !isNew || number != reference.count { failures.append("new \(key)") }
                reference[key] = reference.count
            }
            if table.existingNumber(of: MentionKey(key)) != reference[key] { failures.append("made \(key)") }
        }
        #expect(table.count == reference.count)
        for absent in ["entity:99999999", "entity:000", "company:无", "école2"] where reference[absent] == nil {
            if table.existingNumber(of: absent) != nil { failures.append("absent \(absent)") }
        }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
    }

    /// The names map answers, sets and lists names as the dictionary it replaced.
    @Test func entityNamesAnswerAsADictionary() {
        var names = EntityNames()
        var reference: [String: String] = [:]
        for (position, key) in Self.keys.enumerated() {
            let name = "名称\(position % 97)"
            names[key] = name
            reference[key] = name
        }
        names["entity:5"] = nil
        reference["entity:5"] = nil
        var failures: [String] = []
        for key in Self.keys + ["entity:424242", "policy:无"] where names[key] != reference[key] { failures.append(key) }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
        #expect(names.values.sorted() == reference.values.sorted())
    }

    /// `clean` as it was, on `String`s only (the reference for the byte paths).
    static func referenceClean(_ surface: String) -> String {
        var text = surface
        while let first = text.unicodeScalars.first, first == "《" || first == "“" && !text.dropFirst().contains("”") { text.removeFirst() }
        while let last = text.unicodeScalars.last, last == "》" || last == "”" && !text.dropLast().contains("“") { text.removeLast() }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Every surface of the seeds and dev texts, and surfaces at the edges of the test of the ends.
    @Test func cleanAgreesWithTheStringPath() {
        var surfaces: [String] = ["中", "a", "A1", "《方案》", "“国务院", "国务院”", " 国务院", "国务院\u{3000}", "国务院\u{2028}",
                                  "中\u{301}", "\u{301}中", "e\u{301}", "中a", "a中", "中·", "·中", "（中）", "中）", "Z", "z", "0", "9",
                                  "@中", "中@", "[中", "中`", "ｅ", "中文 ", "\t中文", "国\u{4E00}", "\u{3400}", "\u{A000}", ""]
        for (name, text) in GroupingThirdRoundSpeedPathTests.realTexts {
            let normalized = sharedExtractor.normalize(SourceDocument(name: name, string: text))
            for mention in sharedExtractor.recognizer.recognize(normalized).mentions {
                surfaces.append(mention.surface)
                surfaces.append(contentsOf: mention.extraAliases)
            }
        }
        #expect(surfaces.count > 1_000)
        var failures: [String] = []
        var untouched = 0
        for surface in surfaces {
            let expected = Self.referenceClean(surface)
            if EntityGrouping.clean(surface) != expected { failures.append(surface) }
            if surface.utf8.withContiguousStorageIfAvailable(EntityGrouping.endsNeedNoCleaning) == true {
                untouched += 1
                if expected != surface { failures.append("ends \(surface)") }
            }
        }
        #expect(untouched > 500, "the test of the ends must be taken")
        #expect(failures.isEmpty, "\(failures.prefix(5))")
    }

    /// The grouping as it was: a dictionary of key strings, entities merged by `type:name`.
    static func referenceGrouping(_ mentions: [Mention]) -> (entities: [(type: EntityType, name: String, aliases: [String], mentions: Int)], names: [String: String]) {
        var groups: [[Mention]] = []
        var groupOfKey: [String: Int] = [:]
        var keysInOrder: [String] = []
        for mention in mentions where mention.type != .technology {
            if let group = groupOfKey[mention.key] { groups[group].append(mention) } else {
                groupOfKey[mention.key] = groups.count
                keysInOrder.append(mention.key)
                groups.append([mention])
            }
        }
        var entities: [(type: EntityType, name: String, aliases: [String], mentions: Int)] = []
        var seen: [String: Int] = [:]
        var names: [String: String] = [:]
        for (key, group) in zip(keysInOrder, groups) {
            let (name, aliases) = EntityGrouping.distinctSurfaces(of: ArraySlice(group.indices), in: group)
            let nameKey = "\(group[0].type.rawValue):\(name)"
            if let existing = seen[nameKey] {
                names[key] = entities[existing].name
                for alias in aliases where !entities[existing].aliases.contains(alias) && alias != entities[existing].name {
                    entities[existing].aliases.append(alias)
                }
                entities[existing].mentions += group.count
                continue
            }
            seen[nameKey] = entities.count
            names[key] = name
            entities.append((group[0].type, name, aliases, group.count))
        }
        return (entities, names)
    }

    /// The grouping's entities and names map, on the seeds, the dev texts and keys of many
    /// entities that share names (merged), are those of the dictionary path.
    @Test func groupingAgreesWithTheDictionaryPath() {
        var documents: [[Mention]] = []
        for (name, text) in GroupingThirdRoundSpeedPathTests.realTexts {
            let normalized = sharedExtractor.normalize(SourceDocument(name: name, string: text))
            documents.append(sharedExtractor.recognizer.recognize(normalized).mentions)
        }
        // Many keys, few names: every name is shared by keys of several entities and of other kinds.
        var shared: [Mention] = []
        for index in 0..<600 {
            let surface = ["国务院", "《方案》", "宁德时代", "e\u{301}cole", "école"][index % 5]
            let key = index % 4 == 0 ? "company:\(index % 9)" : Mention.entityKey(index % 50)
            shared.append(Mention(range: index..<(index + 1), type: index % 3 == 0 ? .company : .government, surface: surface,
                                  entityIndex: nil, rule: "dictionary", key: key, extraAliases: index % 11 == 0 ? ["别名\(index % 3)"] : []))
        }
        documents.append(shared)
        var failures: [String] = []
        for mentions in documents {
            let text = NormalizedText(unchanged: [UInt8](repeating: 0x20, count: 700))
            let (entities, names, firstRanges) = EntityGrouping.entities(from: mentions, text: text, ontology: sharedExtractor.lexicon.ontology)
            let reference = Self.referenceGrouping(mentions)
            #expect(firstRanges.count == entities.count)
            if entities.count != reference.entities.count { failures.append("count"); continue }
            for (entity, expected) in zip(entities, reference.entities)
            where entity.type != expected.type || entity.name != expected.name || entity.aliases != expected.aliases || entity.mentions != expected.mentions {
                failures.append(entity.name)
            }
            for (key, name) in reference.names where names[key] != name { failures.append("name of \(key)") }
            if names.values.sorted() != reference.names.values.sorted() { failures.append("values") }
        }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
    }

    /// Each entity's sentence, held as its document's shared bytes, reads as the string the
    /// segmentation makes for its first mention (seeds and dev texts), entities of one sentence
    /// get the same string, and the JSON of an entity is the same whether its sentence is
    /// shared bytes or a string of its own (both writers, escapes included).
    @Test func sharedSentencesReadAsTheirStrings() throws {
        var failures: [String] = []
        var sharedCount = 0
        for (name, text) in GroupingThirdRoundSpeedPathTests.realTexts {
            let document = SourceDocument(name: name, string: text)
            let normalized = sharedExtractor.normalize(document)
            let mentions = sharedExtractor.recognizer.recognize(normalized).mentions
            var (entities, _, firstRanges) = EntityGrouping.entities(from: mentions, text: normalized, ontology: sharedExtractor.lexicon.ontology)
            normalized.bytes.withUnsafeBufferPointer { buffer in
                let cursor = TextCursor(bytes: buffer)
                let segments = TextSegments(buffer)
                sharedExtractor.setSentences(of: &entities, firstRanges: firstRanges, segments: segments, cursor: cursor)
                for (entity, range) in zip(entities, firstRanges) {
                    if case .shared = entity.sentenceText { sharedCount += 1 }
                    if entity.sentence != segments.sentenceText(containing: range.lowerBound, cursor: cursor) { failures.append(entity.name) }
                }
            }
            for (a, b) in zip(entities, entities.dropFirst()) {
                guard case .shared(let x, let i) = a.sentenceText, case .shared(let y, let j) = b.sentenceText, x === y, i == j else { continue }
                var (p, q) = (a.sentence!, b.sentence!)
                if p.withUTF8({ $0.baseAddress }) != q.withUTF8({ $0.baseAddress }) { failures.append("not one string: \(a.name)") }
            }
            var owned = entities
            for index in owned.indices { owned[index].sentence = entities[index].sentence }
            if owned != entities { failures.append("equality \(name)") }
            var pretty: [UInt8] = [], ownedPretty: [UInt8] = []
            var extraction = DocumentExtraction(document: name, published: nil, entities: entities)
            ExtractionJSON.write([extraction]) { pretty.append(contentsOf: $0) }
            extraction.entities = owned
            ExtractionJSON.write([extraction]) { ownedPretty.append(contentsOf: $0) }
            if pretty != ownedPretty { failures.append("pretty JSON \(name)") }
            var compact = CompactJSONWriter(), ownedCompact = CompactJSONWriter()
            for entity in entities { ExtractionJSONFields.entity(entity, to: &compact) }
            for entity in owned { ExtractionJSONFields.entity(entity, to: &ownedCompact) }
            if compact.bytes != ownedCompact.bytes { failures.append("compact JSON \(name)") }
        }
        #expect(sharedCount > 500, "the shared bytes must be taken")
        #expect(failures.isEmpty, "\(failures.prefix(5))")
        // Bytes that need escapes, in both layouts, and a decoded entity equal to its shared form.
        let odd = "a\"b\\c/d\u{7F}\u{2028}😀é\u{01}\t"
        let sentences = EntitySentences(bytes: Array(("句子。" + odd).utf8), ranges: [0..<9, 9..<(9 + odd.utf8.count)])
        var entity = ExtractedEntity(type: .company, name: "某公司", aliases: [], id: nil, canonical: nil, mentions: 1, offsets: [0, 3], rule: "r")
        for (index, expected) in ["句子。", odd].enumerated() {
            entity.sentenceText = .shared(sentences, index)
            var owned = entity
            owned.sentence = expected
            #expect(entity == owned)
            var a = CompactJSONWriter(), b = CompactJSONWriter()
            ExtractionJSONFields.entity(entity, to: &a)
            ExtractionJSONFields.entity(owned, to: &b)
            #expect(a.bytes == b.bytes)
            var c: [UInt8] = [], d: [UInt8] = []
            ExtractionJSON.write([DocumentExtraction(document: "x", published: nil, entities: [entity])]) { c.append(contentsOf: $0) }
            ExtractionJSON.write([DocumentExtraction(document: "x", published: nil, entities: [owned])]) { d.append(contentsOf: $0) }
            #expect(c == d)
            let decoded = try JSONDecoder().decode(ExtractedEntity.self, from: try JSONEncoder().encode(entity))
            #expect(decoded == owned)
        }
    }

    /// The first mentions' offsets mapped in one walk are those of `originalRange(of:)` one by one:
    /// every mention range of the seeds and dev texts (with markup, folding and joined lines),
    /// empty ranges, and ranges whose starts go back (mapped one by one).
    @Test func originalRangesInOneWalkAreThoseOneByOne() {
        var failures: [String] = []
        var checked = 0
        var texts = GroupingThirdRoundSpeedPathTests.realTexts
        texts.append(("layout.html", "<p>國務院\n印發</p>\n<p>《方案》　２０２５年</p>" + String(repeating: "工業和信息化部\n", count: 40)))
        for (name, text) in texts {
            let normalized = sharedExtractor.normalize(SourceDocument(name: name, string: text))
            let mentions = sharedExtractor.recognizer.recognize(normalized).mentions
            var ranges = mentions.map(\.range).sorted { $0.lowerBound < $1.lowerBound }
            ranges += [0..<0, normalized.bytes.count..<normalized.bytes.count]
            ranges.sort { $0.lowerBound < $1.lowerBound }
            let empties = (0..<min(normalized.bytes.count, 50)).map { $0..<$0 }
            for case let list in [ranges, empties, Array(ranges.reversed())] {
                checked += list.count
                if normalized.originalRanges(of: list) != list.map(normalized.originalRange(of:)) { failures.append(name) }
            }
        }
        #expect(checked > 3_000)
        #expect(failures.isEmpty, "\(failures.prefix(5))")
    }
}
