import Foundation
import GRDB
import PolicyGraphCore

/// A node linked to another by one edge, as `neighbors` lists it.
public struct StoreLink: Sendable {
    public let edgeType: String
    /// Whether the node asked about is the edge's source.
    public let outgoing: Bool
    public let node: Node
    /// The number of sources of the edge.
    public let weight: Int
}

/// A step of a shortest path: the node and the edge type that led to it (none for the first).
public struct PathStep: Sendable {
    public let via: String?
    public let node: Node
}

extension PolicyStore {
    /// The node with this id as graph.json has it (decoded from its stored form).
    func node(id: String, _ db: Database) throws -> Node {
        guard let data = try Data.fetchOne(db, sql: "SELECT data FROM nodes WHERE id = ?", arguments: [id]) else {
            throw StoreError.database(path: path, reason: "no node \(id); the store is inconsistent, rebuild it with `policygraph build`")
        }
        return try JSONDecoder().decode(Node.self, from: data)
    }

    /// The entity `name` stands for (forgiving lookup) as a graph node, or ``UnknownName`` with suggestions.
    public func node(named name: String) throws -> Node {
        let entity = try entity(named: name)
        return try read { db in try node(id: entity.id, db) }
    }

    /// Targets filtered by topic (narrower technologies count), time, the subject's type, modality and
    /// subject, in time order then by subject and target id: the same answer as
    /// ``KnowledgeGraph/targets(about:time:subjectType:modality:subject:)`` on the exported graph.
    ///
    /// One query over the `targets` indexes; only the matching targets' nodes are read.
    public func targets(about topic: String? = nil, time: TimeFilter? = nil, subjectType: EntityType? = nil,
                        modality: Modality? = nil, subject: String? = nil) throws -> [TargetResult] {
        let subjects = try subject.map { try entities(named: $0).map(\.id) }
        if let subjects, subjects.isEmpty { return [] }
        return try read { db in
            var conditions: [String] = []
            var arguments: [String: (any DatabaseValueConvertible)?] = [:]
            var technology = ""
            if let topic {
                technology = """
                    WITH RECURSIVE technology(id) AS (
                        SELECT m.node_id FROM names m JOIN nodes n ON n.id = m.node_id WHERE m.key = :key AND n.kind = 'technology'
                        UNION
                        SELECT e.source_id FROM edges e JOIN technology ON e.target_id = technology.id
                        JOIN nodes s ON s.id = e.source_id AND s.kind = 'technology'
                        WHERE e.type = 'part_of'
                    )
                    """
                conditions.append("(t.technology_id IN technology OR (:topic != '' AND instr(t.topic_key, :topic) > 0))")
                arguments["key"] = try lookupKey(topic, db)
                arguments["topic"] = KnowledgeGraph.normalize(topic)
            }
            if let subjectType {
                conditions.append("t.subject_kind = :kind")
                arguments["kind"] = NodeKind(subjectType).rawValue
            }
            if let modality {
                conditions.append("t.modality = :modality")
                arguments["modality"] = modality.rawValue
            }
            if let subjects {
                var names: [String] = []
                for (index, id) in subjects.enumerated() {
                    names.append(":subject\(index)")
                    arguments["subject\(index)"] = id
                }
                conditions.append("t.subject_id IN (\(names.joined(separator: ",")))")
            }
            if let time {
                let (condition, years) = Self.condition(time)
                conditions.append(condition)
                for (name, year) in years { arguments[name] = year }
            }
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            let rows = try Row.fetchAll(db, sql: """
                \(technology)
                SELECT t.id, t.subject_id FROM targets t \(filter)
                ORDER BY t.year, coalesce(t.month, 0), t.subject_id, t.id
                """, arguments: StatementArguments(arguments))
            var subjectNodes: [String: Node] = [:]
            return try rows.map { row in
                let id: String = row[0], subjectID: String = row[1]
                let target = try node(id: id, db)
                if subjectNodes[subjectID] == nil { subjectNodes[subjectID] = try node(id: subjectID, db) }
                guard let facts = target.target else {
                    throw StoreError.database(path: path, reason: "target \(id) has no facts; rebuild the store with `policygraph build`")
                }
                return TargetResult(target: target, subject: subjectNodes[subjectID]!, facts: facts, sources: try holderSources(of: id, db))
            }
        }
    }

    /// The time filter as an SQL condition over `targets t` (as ``TimeFilter`` accepts facts).
    static func condition(_ time: TimeFilter) -> (String, [String: Int]) {
        let last = "coalesce(t.end_year, t.year)"
        switch time {
        case let .dueBy(year):
            return ("t.relation != 'after' AND t.year <= :year", ["year": year])
        case let .in(year):
            return ("""
                ((t.relation IN ('in', 'by', 'from') AND t.year = :year) OR (t.relation = 'after' AND :year > t.year)
                 OR (t.relation = 'between' AND t.year <= :year AND :year <= \(last)))
                """, ["year": year])
        case let .after(year):
            return ("(t.relation = 'after' OR \(last) > :year)", ["year": year])
        case let .between(low, high):
            return ("t.year <= :high AND (t.relation = 'after' OR \(last) >= :low)", ["low": low, "high": high])
        }
    }

    /// The sources of a target's first `holds_target` edge, in their stored order.
    func holderSources(of target: String, _ db: Database) throws -> [Provenance] {
        try Row.fetchAll(db, sql: """
            SELECT s.document_id, x.text, s.start, s."end", s.more_offsets, s.rule
            FROM edge_sources s LEFT JOIN sentences x ON x.id = s.sentence_id
            WHERE s.edge_id = (SELECT id FROM edges WHERE target_id = ? AND type = 'holds_target' ORDER BY id LIMIT 1)
            ORDER BY s.position
            """, arguments: [target]).map(Self.provenance)
    }

    static func provenance(_ row: Row) -> Provenance {
        var offsets = [row[2], row[3]].compactMap { $0 as Int? }
        if let more = row[4] as String?, let extra = try? JSONDecoder().decode([Int].self, from: Data(more.utf8)) { offsets += extra }
        return Provenance(document: row[0], sentence: row[1], offsets: offsets, rule: row[5])
    }

    /// The nodes linked to `id` by edges of `type` (any when `nil`): outgoing edges, then incoming
    /// ones, each by edge id, as ``KnowledgeGraph/neighbors(of:edgeType:direction:)`` lists them.
    /// Two queries on the `edges(source_id, type)` and `edges(target_id, type)` indexes.
    public func neighbors(of id: String, edgeType type: EdgeType? = nil) throws -> [StoreLink] {
        try read { db in try links(of: id, type: type?.rawValue, db) }
    }

    func links(of id: String, type: String?, _ db: Database) throws -> [StoreLink] {
        var result: [StoreLink] = []
        for (column, other, outgoing) in [("source_id", "target_id", true), ("target_id", "source_id", false)] {
            let typeFilter = type == nil ? "" : "AND e.type = ?"
            var arguments: [String] = [id]
            if let type { arguments.append(type) }
            for row in try Row.fetchAll(db, sql: """
                SELECT e.type, e.weight, n.data FROM edges e JOIN nodes n ON n.id = e.\(other)
                WHERE e.\(column) = ? \(typeFilter) ORDER BY e.id
                """, arguments: StatementArguments(arguments)) {
                let node = try JSONDecoder().decode(Node.self, from: row[2] as Data)
                result.append(StoreLink(edgeType: row[0], outgoing: outgoing, node: node, weight: row[1]))
            }
        }
        return result
    }

    /// The nodes within `depth` steps of `id` (breadth first, excluding `id`), reading only the
    /// neighbours of each frontier node.
    public func neighborhood(of id: String, edgeType type: EdgeType? = nil, depth: Int) throws -> [Node] {
        try read { db in
            var seen: Set<String> = [id]
            var frontier = [id]
            var result: [Node] = []
            for _ in 0..<max(0, depth) {
                var next: [String] = []
                for current in frontier {
                    for link in try links(of: current, type: type?.rawValue, db) where seen.insert(link.node.id.rawValue).inserted {
                        next.append(link.node.id.rawValue)
                        result.append(link.node)
                    }
                }
                frontier = next.sorted()
            }
            return result
        }
    }

    /// The shortest path between two nodes over edges in either direction, or `nil`, found breadth
    /// first with one indexed neighbour query per visited node (only the adjacency it needs is read).
    /// Document nodes are not crossed unless one of the ends is a document.
    public func shortestPath(from start: String, to goal: String) throws -> [PathStep]? {
        try read { db in
            let first = try node(id: start, db)
            if start == goal { return [PathStep(via: nil, node: first)] }
            var previous: [String: (from: String, via: String, node: Node)] = [:]
            var seen: Set<String> = [start]
            var frontier = [start]
            while !frontier.isEmpty {
                var next: [String] = []
                for current in frontier {
                    for link in try links(of: current, type: nil, db) where !seen.contains(link.node.id.rawValue) {
                        let id = link.node.id.rawValue
                        if link.node.kind == .document && id != goal { continue }
                        seen.insert(id)
                        previous[id] = (current, link.edgeType, link.node)
                        if id == goal {
                            var steps: [PathStep] = []
                            var step = goal
                            while step != start, let back = previous[step] {
                                steps.append(PathStep(via: back.via, node: back.node))
                                step = back.from
                            }
                            steps.append(PathStep(via: nil, node: first))
                            return steps.reversed()
                        }
                        next.append(id)
                    }
                }
                frontier = next.sorted()
            }
            return nil
        }
    }
}
