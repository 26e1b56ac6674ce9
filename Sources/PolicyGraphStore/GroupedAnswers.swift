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

/// A target's time with numbers for years and months.
public struct TargetTimeFields: Encodable, Sendable, Equatable {
    public let relation: String
    public let year: Int
    public let month: Int?
    public let endYear: Int?
    public let endMonth: Int?
    /// by 2027, in 2026-01, 2024–2026.
    public let text: String

    enum CodingKeys: String, CodingKey {
        case relation, year, month, text
        case endYear = "end_year", endMonth = "end_month"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(relation, forKey: .relation)
        try container.encode(year, forKey: .year)
        try container.encode(month, forKey: .month)
        try container.encode(endYear, forKey: .endYear)
        try container.encode(endMonth, forKey: .endMonth)
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
    public let sources: [SourceReference]

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
    }
    enum CodingKeys: String, CodingKey { case id, time, action, topic, value, modality, technology, sources }
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
    /// One indexed SQL query finds the targets; the groups then read only their own rows.
    public func companies(promising topic: String, dueBy year: Int) throws -> CompanyAnswer {
        try read { db in
            let key = try lookupKey(topic, db)
            let topicKey = KnowledgeGraph.normalize(topic)
            let rows = try Row.fetchAll(db, sql: """
                WITH RECURSIVE technology(id) AS (
                    SELECT m.node_id FROM names m JOIN nodes n ON n.id = m.node_id WHERE m.key = :key AND n.kind = 'technology'
                    UNION
                    SELECT e.source_id FROM edges e JOIN technology ON e.target_id = technology.id
                    JOIN nodes s ON s.id = e.source_id AND s.kind = 'technology'
                    WHERE e.type = 'part_of'
                )
                SELECT t.id, t.subject_id, t.relation, t.year, t.month, t.end_year, t.end_month, t.action, t.topic, t.value,
                       t.modality, t.technology_id
                FROM targets t
                WHERE t.subject_kind = 'company' AND t.modality = 'promise' AND t.relation != 'after' AND t.year <= :year
                  AND (t.technology_id IN technology OR (:topic != '' AND instr(t.topic_key, :topic) > 0))
                ORDER BY t.year, coalesce(t.month, 0), t.subject_id, t.id
                """, arguments: ["key": key, "year": year, "topic": topicKey])
            var order: [String] = []
            var bySubject: [String: [GroupedTarget]] = [:]
            for row in rows {
                let subject: String = row["subject_id"]
                if bySubject[subject] == nil { order.append(subject) }
                bySubject[subject, default: []].append(try groupedTarget(row, db))
            }
            let companies = try order.map { subject -> CompanyGroup in
                let entity = try entity(id: subject, db)
                let targets = bySubject[subject]!
                return CompanyGroup(id: entity.id, name: entity.name, aliases: entity.aliases,
                                    earliestDueYear: targets.map(\.time.year).min()!, targets: targets, revisions: Self.revisions(targets))
            }
            return CompanyAnswer(query: .init(promise: topic, by: year), companies: companies)
        }
    }

    func groupedTarget(_ row: Row, _ db: Database) throws -> GroupedTarget {
        let id: String = row["id"]
        let relation = TimeRelation(rawValue: row["relation"]) ?? .by
        var facts = TargetFacts.placeholder
        facts.relation = relation
        facts.year = row["year"]
        facts.month = row["month"]
        facts.endYear = row["end_year"]
        facts.endMonth = row["end_month"]
        let time = TargetTimeFields(relation: relation.rawValue, year: facts.year, month: facts.month, endYear: facts.endYear,
                                    endMonth: facts.endMonth, text: TimeDescription.describe(facts))
        let sources = try Row.fetchAll(db, sql: """
            SELECT s.document_id, d.published, s.sentence, s.start, s."end", s.rule
            FROM edges e JOIN edge_sources s ON s.edge_id = e.id LEFT JOIN documents d ON d.id = s.document_id
            WHERE e.target_id = ? AND e.type = 'holds_target'
            ORDER BY s.edge_id, s.position
            """, arguments: [id]).map { source in
            let document: String = source[0]
            let duplicates = try Row.fetchAll(db, sql: "SELECT id, published FROM documents WHERE duplicate_of = ? ORDER BY id",
                                              arguments: [document]).map { DuplicateReference(document: $0[0], published: $0[1]) }
            let offsets = [source[3], source[4]].compactMap { $0 as Int? }
            return SourceReference(document: document, published: source[1], sentence: source[2], offsets: offsets, rule: source[5],
                                   duplicates: duplicates)
        }
        return GroupedTarget(id: id, time: time, action: row["action"], topic: row["topic"], value: row["value"], modality: row["modality"],
                             technology: row["technology_id"], sources: sources)
    }

    /// Pairs of one company's targets about the same thing (technology, else topic) with another
    /// time, read in different documents: the earlier publication is revised by the later.
    static func revisions(_ targets: [GroupedTarget]) -> [Revision] {
        var result: [Revision] = []
        for (index, a) in targets.enumerated() {
            for b in targets[(index + 1)...] {
                guard a.action != nil, b.action != nil, (a.technology ?? a.topic) == (b.technology ?? b.topic),
                      a.time.year != b.time.year || a.time.relation != b.time.relation,
                      let x = a.sources.first, let y = b.sources.first, x.document != y.document else { continue }
                let (earlier, later, first, second) = (x.published ?? "") <= (y.published ?? "") ? (a, b, x, y) : (b, a, y, x)
                result.append(Revision(from: earlier.id, to: later.id, fromTime: earlier.time.text, toTime: later.time.text,
                                       fromPublished: first.published, toPublished: second.published))
            }
        }
        return result.sorted { ($0.from, $0.to) < ($1.from, $1.to) }
    }
}

extension TargetFacts {
    /// Fields to fill in, for describing a time.
    static var placeholder: TargetFacts {
        TargetFacts(subject: NodeID(rawValue: ""), relation: .by, year: 0, month: nil, endYear: nil, endMonth: nil, action: nil,
                    topic: nil, value: nil, modality: "", technology: nil)
    }
}
