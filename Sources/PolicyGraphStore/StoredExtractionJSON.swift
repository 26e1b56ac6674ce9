import PolicyGraphCore

/// An extraction as the store keeps it (`extractions.data`): compact JSON with
/// sorted keys, byte for byte what ``PolicyStore``'s `JSONEncoder` with
/// `[.sortedKeys]` writes for ``DocumentExtraction``'s `Codable` conformance
/// (`null` where that writes `null`, members left out where it leaves them
/// out), written directly by ``CompactJSONWriter`` without `Encodable`'s
/// containers and boxes.
///
/// ```swift
/// let data = StoredExtractionJSON.encode(extraction)   // {"document":"a.txt","entities":[],…}
/// ```
enum StoredExtractionJSON {
    /// The stored bytes of `extraction`.
    static func encode(_ extraction: DocumentExtraction) -> [UInt8] {
        var writer = Writer(json: CompactJSONWriter(capacity: 1024 + 384 * extraction.entities.count + 640 * extraction.targets.count))
        writer.document(extraction)
        return writer.json.bytes
    }

    /// The extraction's types, keys in sorted order (the order `JSONEncoder` sorts them in).
    private struct Writer {
        var json: CompactJSONWriter

        mutating func document(_ value: DocumentExtraction) {
            json.beginObject()
            json.key("document"); json.string(value.document)
            json.key("entities"); json.beginArray(); for entity in value.entities { self.entity(entity) }; json.endArray()
            json.key("issued"); json.beginArray(); for pair in value.issued { issued(pair) }; json.endArray()
            if !value.leftOut.isEmpty {
                json.key("left_out"); json.beginArray(); for part in value.leftOut { leftOut(part) }; json.endArray()
            }
            json.key("located_in"); json.beginArray(); for pair in value.located { located(pair) }; json.endArray()
            if let note = value.offsetsNote { json.key("offsets_refer_to"); json.string(note) }
            json.key("published"); json.string(value.published)
            json.key("published_source"); json.string(value.publishedSource?.rawValue)
            json.key("targets"); json.beginArray(); for target in value.targets { self.target(target) }; json.endArray()
            json.endObject()
        }

        mutating func entity(_ value: ExtractedEntity) {
            json.beginObject()
            json.key("aliases"); json.strings(value.aliases)
            if let canonical = value.canonical { json.key("canonical"); json.string(canonical) }
            if let id = value.id { json.key("id"); json.string(id) }
            json.key("mentions"); json.int(value.mentions)
            json.key("name"); json.string(value.name)
            json.key("offsets"); json.ints(value.offsets)
            json.key("rule"); json.string(value.rule)
            if let sentence = value.sentence { json.key("sentence"); json.string(sentence) }
            json.key("type"); json.string(value.type.rawValue)
            json.endObject()
        }

        mutating func target(_ value: ExtractedTarget) {
            json.beginObject()
            json.key("action"); json.string(value.action)
            json.key("action_offsets")
            if let offsets = value.actionOffsets { json.ints(offsets) } else { json.null() }
            json.key("modality"); json.string(value.modality)
            json.key("quote"); json.string(value.quote)
            json.key("rule"); json.string(value.rule)
            json.key("subject"); json.string(value.subject)
            json.key("subject_offsets"); json.ints(value.subjectOffsets)
            json.key("technology"); json.string(value.technology)
            json.key("time"); time(value.time)
            json.key("time_offsets"); json.ints(value.timeOffsets)
            json.key("topic"); json.string(value.topic)
            json.key("value"); json.string(value.value)
            json.endObject()
        }

        mutating func time(_ value: TargetTime) {
            json.beginObject()
            json.key("day"); json.int(value.day)
            json.key("end_day"); json.int(value.end_day)
            json.key("end_month"); json.int(value.end_month)
            json.key("end_year"); json.int(value.end_year)
            json.key("month"); json.int(value.month)
            json.key("relation"); json.string(value.relation)
            json.key("text"); json.string(value.text)
            json.key("year"); json.int(value.year)
            json.endObject()
        }

        mutating func issued(_ value: IssuedPair) {
            json.beginObject()
            json.key("issuer"); json.string(value.issuer)
            if let offsets = value.issuerOffsets { json.key("issuer_offsets"); json.ints(offsets) }
            json.key("policy"); json.string(value.policy)
            if let offsets = value.policyOffsets { json.key("policy_offsets"); json.ints(offsets) }
            if let rule = value.rule { json.key("rule"); json.string(rule) }
            if let sentence = value.sentence { json.key("sentence"); json.string(sentence) }
            if let offsets = value.verbOffsets { json.key("verb_offsets"); json.ints(offsets) }
            json.endObject()
        }

        mutating func located(_ value: LocatedPair) {
            json.beginObject()
            json.key("entity"); json.string(value.entity)
            json.key("offsets"); json.ints(value.offsets)
            json.key("place"); json.string(value.place)
            if let sentence = value.sentence { json.key("sentence"); json.string(sentence) }
            json.endObject()
        }

        mutating func leftOut(_ value: LeftOutPart) {
            json.beginObject()
            json.key("excerpt"); json.string(value.excerpt)
            json.key("offsets"); json.ints([value.range.lowerBound, value.range.upperBound])
            json.key("reason"); json.string(value.reason)
            json.endObject()
        }
    }
}
