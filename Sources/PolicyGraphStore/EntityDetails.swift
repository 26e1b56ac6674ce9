import Foundation
import GRDB
import PolicyGraphCore

/// Everything the store knows about one entity: its names, its links and where it was read.
public struct EntityDetails: Encodable, Sendable, Equatable {
    /// A link to another node.
    public struct Link: Encodable, Sendable, Equatable {
        public let type: String
        /// `out` (this entity is the edge's source) or `in`.
        public let direction: String
        public let node: NodeReference
        public let weight: Int
        public let documents: [String]
    }
    /// Another node, by id.
    public struct NodeReference: Encodable, Sendable, Equatable {
        public let id: String
        public let kind: String
        public let name: String

        public init(id: String, kind: String, name: String) {
            self.id = id
            self.kind = kind
            self.name = name
        }

        public init(_ node: Node) {
            self.init(id: node.id.rawValue, kind: node.kind.rawValue, name: node.label)
        }
    }
    /// A mention: document (with its publication date), sentence, offsets, rule.
    public struct Source: Encodable, Sendable, Equatable {
        public let document: String
        public let published: String?
        public let sentence: String?
        public let offsets: [Int]
        public let rule: String?
    }

    public let entity: StoredEntity
    public let links: [Link]
    public let sources: [Source]

    public func encode(to encoder: any Encoder) throws {
        // The entity's fields at the top, then its links and sources.
        try entity.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(links, forKey: .links)
        try container.encode(sources, forKey: .sources)
    }
    enum CodingKeys: String, CodingKey { case links, sources }
}

extension PolicyStore {
    /// The entity named `name` (forgiving lookup) with its links and sources; ``UnknownName`` with suggestions otherwise.
    public func details(of name: String) throws -> EntityDetails {
        let entity = try entity(named: name)
        return try read { db in
            var links: [EntityDetails.Link] = []
            for (column, other, direction) in [("source_id", "target_id", "out"), ("target_id", "source_id", "in")] {
                let rows = try Row.fetchAll(db, sql: """
                    SELECT e.id, e.type, e.weight, n.id, n.kind, n.label FROM edges e JOIN nodes n ON n.id = e.\(other)
                    WHERE e.\(column) = ? AND e.type != 'mentioned_in' ORDER BY e.type, n.label, n.id
                    """, arguments: [entity.id])
                for row in rows {
                    let documents = try String.fetchAll(db, sql: "SELECT DISTINCT document_id FROM edge_sources WHERE edge_id = ? ORDER BY document_id",
                                                        arguments: [row[0] as String])
                    links.append(.init(type: row[1], direction: direction, node: .init(id: row[3], kind: row[4], name: row[5]),
                                       weight: row[2], documents: documents))
                }
            }
            let sources = try Row.fetchAll(db, sql: """
                SELECT m.document_id, d.published, m.sentence, m.start, m."end", m.rule FROM mentions m
                LEFT JOIN documents d ON d.id = m.document_id WHERE m.entity_id = ? ORDER BY m.document_id, m.start
                """, arguments: [entity.id]).map { row in
                EntityDetails.Source(document: row[0], published: row[1], sentence: row[2], offsets: [row[3], row[4]].compactMap { $0 as Int? },
                                     rule: row[5])
            }
            return EntityDetails(entity: entity, links: links, sources: sources)
        }
    }
}
