/// What an extraction's JSON holds, written once for every layout: the members
/// of ``DocumentExtraction`` and its parts, keys in sorted order, `null` where
/// `JSONEncoder` writes `null` for their `Codable` forms and left out where it
/// leaves them out. `extract` and `extraction.json` write it through a
/// ``PrettyJSONWriter``, the store's `extractions.data` through a
/// ``CompactJSONWriter``; the golden and store tests compare both with
/// `JSONEncoder`'s bytes.
///
/// ```swift
/// var json = CompactJSONWriter()
/// ExtractionJSONFields.document(extraction, to: &json)   // {"document":"a.txt","entities":[…],…}
/// ```
public enum ExtractionJSONFields {
    @inlinable
    public static func document<W: JSONWriting>(_ value: DocumentExtraction, to json: inout W) {
        json.beginObject()
        json.key("document"); json.string(value.document)
        // Each element read in place (by index), not copied out of its array as a `for … in` does
        // (an entity holds six references, each retained and released for the copy).
        json.key("entities"); json.beginArray(); for index in value.entities.indices { entity(value.entities[index], to: &json) }; json.endArray()
        json.key("issued"); json.beginArray(); for index in value.issued.indices { issued(value.issued[index], to: &json) }; json.endArray()
        if !value.leftOut.isEmpty {
            json.key("left_out"); json.beginArray(); for part in value.leftOut { leftOut(part, to: &json) }; json.endArray()
        }
        json.key("located_in"); json.beginArray(); for pair in value.located { located(pair, to: &json) }; json.endArray()
        if let note = value.offsetsNote { json.key("offsets_refer_to"); json.string(note) }
        json.key("published"); json.string(value.published)
        json.key("published_source"); json.string(value.publishedSource?.rawValue)
        json.key("targets"); json.beginArray(); for index in value.targets.indices { target(value.targets[index], to: &json) }; json.endArray()
        json.endObject()
    }

    @inlinable
    public static func entity<W: JSONWriting>(_ value: ExtractedEntity, to json: inout W) {
        json.beginObject()
        json.key("aliases"); json.strings(value.aliases)
        if let canonical = value.canonical { json.key("canonical"); json.string(canonical) }
        if let id = value.id { json.key("id"); json.string(id) }
        json.key("mentions"); json.int(value.mentions)
        json.key("name"); json.string(value.name)
        json.key("offsets"); json.ints(value.offsets)
        json.key("rule"); json.string(value.rule)
        switch value.sentenceText {
        case .none: break
        case .string(let sentence): json.key("sentence"); json.string(sentence)
        // The document's sentence bytes, copied as they are: no String made for them.
        case .shared(let sentences, let index): json.key("sentence"); sentences.withBytes(at: index) { json.string(utf8: $0) }
        }
        json.key("type"); json.string(value.type.rawValue)
        json.endObject()
    }

    @inlinable
    public static func target<W: JSONWriting>(_ value: ExtractedTarget, to json: inout W) {
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
        json.key("time"); time(value.time, to: &json)
        json.key("time_offsets"); json.ints(value.timeOffsets)
        json.key("topic"); json.string(value.topic)
        json.key("value"); json.string(value.value)
        json.endObject()
    }

    @inlinable
    public static func time<W: JSONWriting>(_ value: TargetTime, to json: inout W) {
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

    @inlinable
    public static func issued<W: JSONWriting>(_ value: IssuedPair, to json: inout W) {
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

    @inlinable
    public static func located<W: JSONWriting>(_ value: LocatedPair, to json: inout W) {
        json.beginObject()
        json.key("entity"); json.string(value.entity)
        json.key("offsets"); json.ints(value.offsets)
        json.key("place"); json.string(value.place)
        if let sentence = value.sentence { json.key("sentence"); json.string(sentence) }
        json.endObject()
    }

    @inlinable
    public static func leftOut<W: JSONWriting>(_ value: LeftOutPart, to json: inout W) {
        json.beginObject()
        json.key("excerpt"); json.string(value.excerpt)
        json.key("offsets"); json.ints([value.range.lowerBound, value.range.upperBound])
        json.key("reason"); json.string(value.reason)
        json.endObject()
    }
}
