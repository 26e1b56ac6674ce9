import Foundation
import GRDB
import PolicyGraphCore

/// The answer to “which companies promise T by Y”, one group per company.
public struct CompanyAnswer: Encodable, Sendable, Equatable {
    public struct Query: Encodable, Sendable, Equatable {
        public let promise: String
        public let by: Int
    }
    public let query: Query
    public let companies: [CompanyGroup]
}

/// One company with every matching target, its sources and its revisions.
public struct CompanyGroup: Encodable, Sendable, Equatable {
    public let id: String
    public let name: String
    public let aliases: [String]
    public let earliestDueYear: Int
    public let targets: [GroupedTarget]
    public let revisions: [Revision]

    enum CodingKeys: String, CodingKey {
        case id, name, aliases, targets, revisions
        case earliestDueYear = "earliest_due_year"
    }
}

/// A target's time with numbers for years, months and days (as the extraction's target times have them).
public struct TargetTimeFields: Encodable, Sendable, Equatable {
    public let relation: String
    public let year: Int
    public let month: Int?
    public let endYear: Int?
    public let endMonth: Int?
    /// The day, when the time names one, and the last day of a range of days.
    public let day: Int?
    public let endDay: Int?
    /// by 2027, in 2026-01, 2024–2026.
    public let text: String

    public init(relation: String, year: Int, month: Int?, endYear: Int?, endMonth: Int?, day: Int? = nil, endDay: Int? = nil, text: String) {
        self.relation = relation
        self.year = year
        self.month = month
        self.endYear = endYear
        self.endMonth = endMonth
        self.day = day
        self.endDay = endDay
        self.text = text
    }

    /// The same time as an extraction's target time, whose JSON (``ExtractionJSONFields/time(_:to:)``) it shares.
    public var extractionTime: TargetTime {
        TargetTime(relation: relation, year: year, month: month, end_year: endYear, end_month: endMonth, day: day, end_day: endDay, text: text)
    }

    /// The time fields of a target's facts.
    public init(_ facts: TargetFacts) {
        relation = facts.relation.rawValue
        year = facts.year
        month = facts.month
        endYear = facts.endYear
        endMonth = facts.endMonth
        day = facts.day
        endDay = facts.endDay
        text = TimeDescription.describe(facts)
    }

    enum CodingKeys: String, CodingKey {
        case relation, year, month, day, text
        case endYear = "end_year", endMonth = "end_month", endDay = "end_day"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(relation, forKey: .relation)
        try container.encode(year, forKey: .year)
        try container.encode(month, forKey: .month)
        try container.encode(endYear, forKey: .endYear)
        try container.encode(endMonth, forKey: .endMonth)
        try container.encode(day, forKey: .day)
        try container.encode(endDay, forKey: .endDay)
        try container.encode(text, forKey: .text)
    }
}

/// A matching target of a company.
public struct GroupedTarget: Encodable, Sendable, Equatable {
    public let id: String
    public let time: TargetTimeFields
    public let action: String?
    public let topic: String?
    public let value: String?
    public let modality: String
    /// The technology node's id, when the topic names one.
    public let technology: String?
    public internal(set) var sources: [SourceReference]
    /// The holder, in lists of many holders' targets (`targets --format json`); absent in a company's group.
    public internal(set) var subject: EntityDetails.NodeReference? = nil

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(time, forKey: .time)
        try container.encode(action, forKey: .action)
        try container.encode(topic, forKey: .topic)
        try container.encode(value, forKey: .value)
        try container.encode(modality, forKey: .modality)
        try container.encode(technology, forKey: .technology)
        try container.encode(sources, forKey: .sources)
        try container.encodeIfPresent(subject, forKey: .subject)
    }
    enum CodingKeys: String, CodingKey { case id, time, action, topic, value, modality, technology, sources, subject }
}

/// Where a target was read, with the document's publication date and its near-duplicates.
public struct SourceReference: Encodable, Sendable, Equatable {
    public let document: String
    public let published: String?
    public let sentence: String?
    /// UTF-8 byte offsets `[start, end)` of the subject in the original file.
    public let offsets: [Int]
    public let rule: String?
    /// The same article republished: counted once, listed here.
    public let duplicates: [DuplicateReference]

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(document, forKey: .document)
        try container.encode(published, forKey: .published)
        try container.encode(sentence, forKey: .sentence)
        try container.encode(offsets, forKey: .offsets)
        try container.encode(rule, forKey: .rule)
        try container.encode(duplicates, forKey: .duplicates)
    }
    enum CodingKeys: String, CodingKey { case document, published, sentence, offsets, rule, duplicates }
}

public struct DuplicateReference: Encodable, Sendable, Equatable {
    public let document: String
    public let published: String?
}

/// A later document moving the same company's date for the same thing.
public struct Revision: Encodable, Sendable, Equatable {
    /// The earlier target and the later one (ids).
    public let from: String
    public let to: String
    public let fromTime: String
    public let toTime: String
    public let fromPublished: String?
    public let toPublished: String?

    enum CodingKeys: String, CodingKey {
        case from, to
        case fromTime = "from_time", toTime = "to_time", fromPublished = "from_published", toPublished = "to_published"
    }
}

extension PolicyStore {
    /// Companies that promise `topic` (or a narrower technology: 全固态电池 for 固态电池)
    /// due by `year`, grouped one per company, earliest due first.
    ///
    /// The matching targets come from the `targets(subject_kind, modality, year)` index, in
    /// answer order; only the companies kept (the first `limit`) then have their targets'
    /// sources read, one range of `target_sources` per target (sentence and publication date
    /// beside each source), and their names and aliases in one query.
    /// - Parameters:
    ///   - limit: keep only the first companies (earliest due first); all when `nil`.
    ///   - sentences: read each source's sentence (a table leaves them out).
    public func companies(promising topic: String, dueBy year: Int, limit: Int? = nil, sentences: Bool = true) throws -> CompanyAnswer {
        try read { db in
            let key = try lookupKey(topic, db)
            let topicKey = KnowledgeGraph.normalize(topic)
            let rows = try Row.fetchCursor(db, sql: """
                WITH RECURSIVE technology(id) AS (
                    SELECT m.node_id FROM names m JOIN nodes n ON n.id = m.node_id WHERE m.key = :key AND n.kind = 'technology'
                    UNION
                    SELECT e.source_id FROM edges e JOIN technology ON e.target_id = technology.id
                    JOIN nodes s ON s.id = e.source_id AND s.kind = 'technology'
                    WHERE e.type = 'part_of'
                )
                SELECT t.number, t.id, t.subject_id, t.relation, t.year, t.month, t.end_year, t.end_month, t.day, t.end_day,
                       t.action, t.topic, t.value, t.modality, t.technology_id
                FROM targets t
                WHERE t.subject_kind = 'company' AND t.modality = 'promise' AND t.relation != 'after' AND t.year <= :year
                  AND (t.technology_id IN technology OR (:topic != '' AND instr(t.topic_key, :topic) > 0))
                ORDER BY t.year, coalesce(t.month, 0), t.subject_id, t.id
                """, arguments: ["key": key, "year": year, "topic": topicKey])
            // Companies in the order of their first target; each with its targets (and their numbers) in order.
            var order: [String] = []
            var bySubject: [String: [(number: Int64, target: GroupedTarget)]] = [:]
            while let row = try rows.next() {
                let subject: String = row[2]
                if bySubject[subject] == nil {
                    if let limit, order.count == limit { continue }
                    order.append(subject)
                }
                bySubject[subject, default: []].append((row[0], Self.groupedTarget(row)))
            }
            let sourceRows = try db.makeStatement(sql: sentences
                ? "SELECT document_id, published, start, \"end\", rule, sentence FROM target_sources WHERE target = ? ORDER BY position"
                : "SELECT document_id, published, start, \"end\", rule FROM target_sources WHERE target = ? ORDER BY position")
            let duplicates = try Self.duplicates(db)
            var names: [String: String] = [:]
            var aliases: [String: [String]] = [:]
            try Self.inChunks(order) { chunk, placeholders in
                for row in try Row.fetchAll(db, sql: "SELECT node_id, name, is_label FROM names WHERE node_id IN (\(placeholders)) ORDER BY node_id, name",
                                            arguments: StatementArguments(chunk)) {
                    if row[2] as Bool { names[row[0]] = row[1] } else { aliases[row[0], default: []].append(row[1]) }
                }
            }
            let companies = try order.map { subject -> CompanyGroup in
                let targets = try bySubject[subject]!.map { entry -> GroupedTarget in
                    var target = entry.target
                    let cursor = try Row.fetchCursor(sourceRows, arguments: [entry.number])
                    while let row = try cursor.next() {
                        let document: String = row[0]
                        target.sources.append(SourceReference(document: document, published: row[1], sentence: sentences ? row[5] : nil,
                                                              offsets: [row[2], row[3]].compactMap { $0 as Int? }, rule: row[4],
                                                              duplicates: duplicates.isEmpty ? [] : duplicates[document] ?? []))
                    }
                    return target
                }
                return CompanyGroup(id: subject, name: names[subject] ?? subject, aliases: aliases[subject] ?? [],
                                    earliestDueYear: targets.map(\.time.year).min()!, targets: targets, revisions: Self.revisions(targets))
            }
            return CompanyAnswer(query: .init(promise: topic, by: year), companies: companies)
        }
    }

    /// Near-duplicate documents by the document they duplicate (a few rows, from `documents(duplicate_of)`).
    static func duplicates(_ db: Database) throws -> [String: [DuplicateReference]] {
        var duplicates: [String: [DuplicateReference]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, published, duplicate_of FROM documents WHERE duplicate_of IS NOT NULL ORDER BY id") {
            duplicates[row[2], default: []].append(DuplicateReference(document: row[0], published: row[1]))
        }
        return duplicates
    }

    /// Targets as the grouped answers show them (times as numbers, sources with their documents'
    /// publication dates and near-duplicates), each with its holder: the one JSON view of a target.
    public func targetViews(_ results: [TargetResult]) throws -> [GroupedTarget] {
        try read { db in
            let documents = Array(Set(results.flatMap { $0.sources.map(\.document) })).sorted()
            var published: [String: String] = [:]
            var duplicates: [String: [DuplicateReference]] = [:]
            try Self.inChunks(documents) { chunk, placeholders in
                for row in try Row.fetchAll(db, sql: "SELECT id, published FROM documents WHERE id IN (\(placeholders))",
                                            arguments: StatementArguments(chunk)) {
                    published[row[0]] = row[1]
                }
                for row in try Row.fetchAll(db, sql: "SELECT id, published, duplicate_of FROM documents WHERE duplicate_of IN (\(placeholders)) ORDER BY id",
                                            arguments: StatementArguments(chunk)) {
                    duplicates[row[2], default: []].append(DuplicateReference(document: row[0], published: row[1]))
                }
            }
            return results.map { result in
                let facts = result.facts
                let time = TargetTimeFields(facts)
                let sources = result.sources.map { source in
                    SourceReference(document: source.document, published: published[source.document], sentence: source.sentence,
                                    offsets: source.offsets, rule: source.rule, duplicates: duplicates[source.document] ?? [])
                }
                return GroupedTarget(id: result.target.id.rawValue, time: time, action: facts.action, topic: facts.topic, value: facts.value,
                                     modality: facts.modality, technology: facts.technology?.rawValue, sources: sources,
                                     subject: EntityDetails.NodeReference(result.subject))
            }
        }
    }

    /// A target without its sources, from the columns number, id, subject_id, relation, year, month,
    /// end_year, end_month, day, end_day, action, topic, value, modality, technology_id.
    static func groupedTarget(_ row: Row) -> GroupedTarget {
        let relation = TimeRelation(rawValue: row[3]) ?? .by
        var facts = TargetFacts.placeholder
        facts.relation = relation
        facts.year = row[4]
        facts.month = row[5]
        facts.endYear = row[6]
        facts.endMonth = row[7]
        facts.day = row[8]
        facts.endDay = row[9]
        return GroupedTarget(id: row[1], time: TargetTimeFields(facts), action: row[10], topic: row[11], value: row[12], modality: row[13],
                             technology: row[14], sources: [])
    }

    /// Pairs of one company's targets about the same thing (technology, else topic) with another
    /// time, read in different documents: the earlier publication is revised by the later.
    /// Only targets about the same thing are paired: quadratic in the targets of one thing, not of the company.
    /// Sorted by the two ids, compared as their ranks among the company's target ids; the pairs
    /// are found and sorted as indices, and only then made into revisions.
    static func revisions(_ targets: [GroupedTarget]) -> [Revision] {
        var rank = [Int](repeating: 0, count: targets.count)
        for (position, index) in targets.indices.sorted(by: { targets[$0].id < targets[$1].id }).enumerated() { rank[index] = position }
        var byThing: [String?: [Int]] = [:]
        for (index, target) in targets.enumerated() where target.action != nil {
            byThing[target.technology ?? target.topic, default: []].append(index)
        }
        // (earlier, later) as indices into `targets`.
        var pairs: [(earlier: Int, later: Int)] = []
        for group in byThing.values {
            for (position, i) in group.enumerated() {
                let a = targets[i]
                for j in group[(position + 1)...] {
                    let b = targets[j]
                    guard a.time.year != b.time.year || a.time.relation != b.time.relation,
                          let x = a.sources.first, let y = b.sources.first, x.document != y.document else { continue }
                    pairs.append((x.published ?? "") <= (y.published ?? "") ? (i, j) : (j, i))
                }
            }
        }
        pairs.sort { (rank[$0.earlier], rank[$0.later]) < (rank[$1.earlier], rank[$1.later]) }
        return pairs.map { pair in
            let earlier = targets[pair.earlier], later = targets[pair.later]
            return Revision(from: earlier.id, to: later.id, fromTime: earlier.time.text, toTime: later.time.text,
                            fromPublished: earlier.sources.first?.published, toPublished: later.sources.first?.published)
        }
    }
}

extension TargetFacts {
    /// Fields to fill in, for describing a time.
    static var placeholder: TargetFacts {
        TargetFacts(subject: NodeID(rawValue: ""), relation: .by, year: 0, month: nil, endYear: nil, endMonth: nil, action: nil,
                    topic: nil, value: nil, modality: "", technology: nil)
    }
}

extension CompanyAnswer {
    /// Streams the answer as JSON: the bytes `JSONEncoder` gives with pretty-printed, sorted
    /// keys and unescaped slashes, written as they come instead of built whole.
    public func writeJSON(to json: inout PrettyJSONWriter) {
        json.beginObject()
        json.key("companies")
        json.beginArray()
        for company in companies { company.writeJSON(to: &json) }
        json.endArray()
        json.key("query")
        json.beginObject()
        json.key("by"); json.int(query.by)
        json.key("promise"); json.string(query.promise)
        json.endObject()
        json.endObject()
    }
}

extension CompanyGroup {
    func writeJSON(to json: inout PrettyJSONWriter) {
        json.beginObject()
        json.key("aliases"); json.strings(aliases)
        json.key("earliest_due_year"); json.int(earliestDueYear)
        json.key("id"); json.string(id)
        json.key("name"); json.string(name)
        json.key("revisions")
        json.beginArray()
        for revision in revisions {
            json.beginObject()
            json.key("from"); json.string(revision.from)
            if let published = revision.fromPublished { json.key("from_published"); json.string(published) }
            json.key("from_time"); json.string(revision.fromTime)
            json.key("to"); json.string(revision.to)
            if let published = revision.toPublished { json.key("to_published"); json.string(published) }
            json.key("to_time"); json.string(revision.toTime)
            json.endObject()
        }
        json.endArray()
        json.key("targets")
        json.beginArray()
        for target in targets { target.writeJSON(to: &json) }
        json.endArray()
        json.endObject()
    }
}

extension GroupedTarget {
    func writeJSON(to json: inout PrettyJSONWriter) {
        json.beginObject()
        json.key("action"); json.string(action)
        json.key("id"); json.string(id)
        json.key("modality"); json.string(modality)
        json.key("sources")
        json.beginArray()
        for source in sources {
            json.beginObject()
            json.key("document"); json.string(source.document)
            json.key("duplicates")
            json.beginArray()
            for duplicate in source.duplicates {
                json.beginObject()
                json.key("document"); json.string(duplicate.document)
                if let published = duplicate.published { json.key("published"); json.string(published) }
                json.endObject()
            }
            json.endArray()
            json.key("offsets")
            json.beginArray()
            for offset in source.offsets { json.int(offset) }
            json.endArray()
            json.key("published"); json.string(source.published)
            json.key("rule"); json.string(source.rule)
            json.key("sentence"); json.string(source.sentence)
            json.endObject()
        }
        json.endArray()
        if let subject {
            json.key("subject")
            json.beginObject()
            json.key("id"); json.string(subject.id)
            json.key("kind"); json.string(subject.kind)
            json.key("name"); json.string(subject.name)
            json.endObject()
        }
        json.key("technology"); json.string(technology)
        json.key("time"); ExtractionJSONFields.time(time.extractionTime, to: &json)
        json.key("topic"); json.string(topic)
        json.key("value"); json.string(value)
        json.endObject()
    }
}
