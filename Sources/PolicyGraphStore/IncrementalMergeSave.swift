import Foundation
import GRDB
import PolicyGraphCore

extension IncrementalMerge {
    /// What the merge's renames ask to rewrite beyond the changed rows.
    struct Renames {
        /// Old id → new id, for entities known by name whose label changed, and their targets.
        var nodes: [NodeID: NodeID] = [:]
        /// Stored rows to delete: nodes and edges whose id changed.
        var deletedNodes: Set<NodeID> = []
        var deletedEdges: Set<EdgeID> = []
        /// Nodes whose names, documents or target row are rewritten whole.
        var rewritten: Set<NodeID> = []
    }

    /// An entity's id derives from its label unless the ontology knows it (``GraphBuilder``'s `finish`).
    static func labelID(of node: Node) -> NodeID? {
        guard node.ontologyID == nil, node.kind != .target, node.kind != .document else { return nil }
        return NodeID(kind: node.kind, key: "\(node.kind.rawValue):\(node.label)")
    }

    static func targetID(subject: NodeID, facts: TargetFacts) -> NodeID {
        let topic = KnowledgeGraph.normalize(facts.topic ?? facts.action ?? "")
        return NodeID(kind: .target, key: "\(subject.rawValue)|\(facts.relation.rawValue)|\(facts.year)|\(facts.month ?? 0)|\(facts.endYear ?? 0)|\(topic)")
    }

    /// Entities whose label changed: a longer name for an entity known by name gives it a new id,
    /// and with it its targets and every edge at either; an ontology entity keeps its id. Their
    /// stored edges and targets are read in, then every id is mapped to its new one.
    mutating func applyRenames() throws -> Renames {
        var renames = Renames()
        var relabeled: [NodeID] = []
        for (id, draft) in drafts where draft.node.kind != .target && draft.node.kind != .document {
            if let newID = Self.labelID(of: draft.node), newID != id {
                renames.nodes[id] = newID
            } else if let stored = draft.storedLabel, stored != draft.node.label {
                relabeled.append(id)
            }
        }
        guard !renames.nodes.isEmpty || !relabeled.isEmpty else { return renames }
        // The stored rows at the renamed entities: edges, targets and the targets' edges.
        for id in renames.nodes.keys where drafts[id]?.isNew == false {
            try loadStoredEdges(at: id)
            for target in try String.fetchAll(db, sql: "SELECT id FROM targets WHERE subject_id = ?", arguments: [id.rawValue]) {
                _ = try load(NodeID(rawValue: target))
                try loadStoredEdges(at: NodeID(rawValue: target))
            }
        }
        // Relabeled ontology entities keep their id; their targets' labels change.
        for id in relabeled where drafts[id]?.isNew == false {
            for target in try String.fetchAll(db, sql: "SELECT id FROM targets WHERE subject_id = ?", arguments: [id.rawValue]) {
                _ = try load(NodeID(rawValue: target))
            }
            renames.rewritten.insert(id)
        }
        for (id, draft) in drafts where draft.node.kind == .target {
            guard let facts = draft.node.target, let subject = renames.nodes[facts.subject] else { continue }
            renames.nodes[id] = Self.targetID(subject: subject, facts: facts)
        }
        let newIDs = Array(renames.nodes.values)
        guard Set(newIDs).count == newIDs.count else { throw NotLocal(reason: "two entities would take one id") }
        for newID in newIDs {
            let taken = try drafts[newID] != nil || load(newID) != nil
            if taken { throw NotLocal(reason: "\(newID) would name two nodes") }
        }
        // Nodes under their new ids.
        var renamedDrafts: [NodeID: Draft] = [:]
        for (id, var draft) in drafts {
            let newID = renames.nodes[id] ?? id
            if newID != id {
                if !draft.isNew { renames.deletedNodes.insert(id) }
                renames.rewritten.insert(newID)
            }
            draft.node.id = newID
            if var facts = draft.node.target {
                facts.subject = renames.nodes[facts.subject] ?? facts.subject
                facts.technology = facts.technology.map { renames.nodes[$0] ?? $0 }
                draft.node.target = facts
            }
            renamedDrafts[newID] = draft
        }
        drafts = renamedDrafts
        // Edges between the new ids; co-mentions run from the smaller id to the larger.
        var renamedEdges: [EdgeID: DraftEdge] = [:]
        for (id, edge) in edges {
            var source = renames.nodes[edge.source] ?? edge.source, target = renames.nodes[edge.target] ?? edge.target
            if edge.type == .coMentioned, target < source { swap(&source, &target) }
            let newID = EdgeID(type: edge.type, source: source, target: target)
            if newID != id { renames.deletedEdges.insert(id) }
            var merged = renamedEdges[newID] ?? DraftEdge(type: edge.type, source: source, target: target, sources: [])
            merged.sources.formUnion(edge.sources)
            renamedEdges[newID] = merged
        }
        edges = renamedEdges
        return renames
    }

    /// Reads every stored edge at `node`, with its sources.
    mutating func loadStoredEdges(at node: NodeID) throws {
        let rows = try Row.fetchAll(db, sql: """
            SELECT id, type, source_id, target_id FROM edges WHERE source_id = ?1
            UNION SELECT id, type, source_id, target_id FROM edges WHERE target_id = ?1
            """, arguments: [node.rawValue])
        for row in rows {
            let id = EdgeID(rawValue: row[0])
            guard let type = EdgeType(rawValue: row[1]) else { continue }
            if edges[id] == nil { edges[id] = DraftEdge(type: type, source: NodeID(rawValue: row[2]), target: NodeID(rawValue: row[3]), sources: []) }
            if !sourcesLoaded.contains(id) { try loadStoredSources(of: id) }
        }
    }

    /// Writes the changed rows: nodes with their names, documents and target facts, edges with their sources.
    mutating func save() throws {
        let renames = try applyRenames()
        for id in renames.deletedNodes {
            for (table, column) in [("nodes", "id"), ("names", "node_id"), ("node_documents", "node_id")] {
                try db.execute(sql: "DELETE FROM \(table) WHERE \(column) = ?", arguments: [id.rawValue])
            }
            try TargetRows.delete(id, in: db)
        }
        for id in renames.deletedEdges {
            try db.execute(sql: "DELETE FROM edge_sources WHERE edge_id = ?", arguments: [id.rawValue])
            try db.execute(sql: "DELETE FROM edges WHERE id = ?", arguments: [id.rawValue])
        }
        try saveNodes(rewritten: renames.rewritten)
        try saveEdges()
        // The targets' sources beside them: those of every target the documents named, read back from their edges.
        var targets = Set(drafts.compactMap { $0.value.node.kind == .target ? $0.key : nil })
        for edge in edges.values where edge.type == .holdsTarget { targets.insert(edge.target) }
        try TargetRows.refreshSources(of: targets.sorted(), in: db)
        let duplicate = try db.makeStatement(sql: "UPDATE documents SET duplicate_of = ? WHERE id = ?")
        for (id, original) in duplicates.sorted(by: { $0.key < $1.key }) { try duplicate.execute(arguments: [original, id]) }
    }

    private mutating func saveNodes(rewritten: Set<NodeID>) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let folding = ontology.folding
        let nodeRow = try db.makeStatement(sql: """
            INSERT OR REPLACE INTO nodes (id, kind, label, ontology_id, parent, first_seen, last_seen, published, document_count, data)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let name = try db.makeStatement(sql: "INSERT OR IGNORE INTO names (node_id, name, key, is_label) VALUES (?, ?, ?, ?)")
        let nodeDocument = try db.makeStatement(sql: "INSERT OR IGNORE INTO node_documents (node_id, document_id) VALUES (?, ?)")
        // New targets take the next numbers; a stored one keeps its number (ON CONFLICT … DO UPDATE).
        let targetRow = try db.makeStatement(sql: TargetRows.insertSQL)
        let added = Set(appended).union(duplicates.keys)
        for id in drafts.keys.sorted() {
            let draft = drafts[id]!
            var node = draft.node
            let whole = draft.isNew || rewritten.contains(id)
            if node.kind != .target { node.aliases = draft.names.filter { $0 != node.label }.sorted() }
            if let facts = node.target {
                guard let subject = try load(facts.subject) else { throw NotLocal(reason: "target \(id) has no subject") }
                node.label = "\(subject.node.label) · \(TimeDescription.describe(facts)) · \([facts.action, facts.topic].compactMap { $0 }.joined(separator: " "))"
                if whole {
                    try targetRow.execute(arguments: TargetRows.arguments(number: nil, id: id, facts: facts, subjectKind: subject.node.kind.rawValue))
                }
            }
            try nodeRow.execute(arguments: [id.rawValue, node.kind.rawValue, node.label, node.ontologyID, node.parent, node.firstSeen, node.lastSeen,
                                            node.published, node.documents.count, try encoder.encode(node)])
            if node.kind != .target {
                if whole { try db.execute(sql: "DELETE FROM names WHERE node_id = ?", arguments: [id.rawValue]) }
                try name.execute(arguments: [id.rawValue, node.label, LookupKey.key(node.label, folding: folding), true])
                for alias in node.aliases { try name.execute(arguments: [id.rawValue, alias, LookupKey.key(alias, folding: folding), false]) }
            }
            for document in node.documents where whole || added.contains(document) {
                try nodeDocument.execute(arguments: [id.rawValue, document])
            }
        }
    }

    /// Edges with their sources. A stored edge whose new sources all come from documents after its
    /// last one (the usual case: the new documents sort last) gets them appended; others are rewritten.
    private mutating func saveEdges() throws {
        let encoder = JSONEncoder()
        let edgeRow = try db.makeStatement(sql: "INSERT OR REPLACE INTO edges (id, type, source_id, target_id, weight) VALUES (?, ?, ?, ?, ?)")
        let source = try db.makeStatement(sql: """
            INSERT INTO edge_sources (edge_id, position, document_id, sentence_id, start, "end", more_offsets, rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let insertSentence = try db.makeStatement(sql: "INSERT OR IGNORE INTO sentences (text) VALUES (?)")
        let sentenceID = try db.makeStatement(sql: "SELECT id FROM sentences WHERE text = ?")
        let lastSource = try db.makeStatement(sql: "SELECT position, document_id FROM edge_sources WHERE edge_id = ? ORDER BY position DESC LIMIT 1")
        for id in edges.keys.sorted() {
            var edge = edges[id]!
            var start = 0
            if !sourcesLoaded.contains(id), let last = try Row.fetchOne(lastSource, arguments: [id.rawValue]) {
                let lastDocument: String = last[1]
                if edge.sources.allSatisfy({ $0.document > lastDocument }) {
                    start = (last[0] as Int) + 1
                } else {
                    try loadStoredSources(of: id)
                    edge = edges[id]!
                }
            }
            if start == 0 { try db.execute(sql: "DELETE FROM edge_sources WHERE edge_id = ?", arguments: [id.rawValue]) }
            guard start > 0 || !edge.sources.isEmpty else {
                try db.execute(sql: "DELETE FROM edges WHERE id = ?", arguments: [id.rawValue])
                continue
            }
            try edgeRow.execute(arguments: [id.rawValue, edge.type.rawValue, edge.source.rawValue, edge.target.rawValue, start + edge.sources.count])
            for (offset, provenance) in edge.sources.sorted().enumerated() {
                let position = start + offset
                var sentence: Int64? = nil
                if let text = provenance.sentence {
                    try insertSentence.execute(arguments: [text])
                    sentence = try Int64.fetchOne(sentenceID, arguments: [text])
                }
                let offsets = provenance.offsets
                let more = offsets.count > 2 ? String(decoding: try encoder.encode(Array(offsets.dropFirst(2))), as: UTF8.self) : nil
                try source.execute(arguments: [id.rawValue, position, provenance.document, sentence, offsets.first,
                                               offsets.count > 1 ? offsets[1] : nil, more, provenance.rule])
            }
        }
    }
}
