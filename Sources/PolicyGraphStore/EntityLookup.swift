import Foundation
import GRDB
import PolicyGraphCore

/// The key names are looked up by: quotes, 《》 and white space dropped,
/// full-width forms and traditional characters folded, Latin letters in lower case.
///
/// `LookupKey.key("CATL", …) == LookupKey.key("catl", …)`, and 寧德時代 finds 宁德时代.
public enum LookupKey {
    /// The key of `name`, folding with the ontology's table.
    public static func key(_ name: String, folding: CharacterFolding) -> String {
        folding.fold(KnowledgeGraph.normalize(name)).lowercased()
    }

    /// The key of `name`, folding with `table` (character → folded form).
    static func key(_ name: String, table: [String: String]) -> String {
        var folded = ""
        for character in KnowledgeGraph.normalize(name) { folded += table[String(character)] ?? String(character) }
        return folded.lowercased()
    }
}

/// An entity as the store knows it.
public struct StoredEntity: Hashable, Sendable, Encodable {
    public let id: String
    public let kind: String
    public let name: String
    public let aliases: [String]
    public let ontologyID: String?
    public let parent: String?
    public let firstSeen: String?
    public let lastSeen: String?
    public let documents: [String]

    enum CodingKeys: String, CodingKey {
        case id, kind, name, aliases, parent, documents
        case ontologyID = "ontology_id", firstSeen = "first_seen", lastSeen = "last_seen"
    }
}

/// A name that matches nothing, with the nearest known names.
public struct UnknownName: Error, LocalizedError, Sendable {
    public let name: String
    public let suggestions: [String]
    public var errorDescription: String? {
        let hint = suggestions.isEmpty ? "" : " Did you mean \(suggestions.map { "“\($0)”" }.joined(separator: ", "))?"
        return "No entity is named “\(name)” in the store.\(hint)"
    }
}

extension PolicyStore {
    /// The lookup key of `name`, folded with the store's own table (no ontology load).
    func lookupKey(_ name: String, _ db: Database) throws -> String {
        let characters = Set(KnowledgeGraph.normalize(name).map(String.init).filter { $0.utf8.count > 1 })
        var table: [String: String] = [:]
        if !characters.isEmpty {
            let placeholders = Array(repeating: "?", count: characters.count).joined(separator: ",")
            for row in try Row.fetchAll(db, sql: "SELECT \"from\", \"to\" FROM folding WHERE \"from\" IN (\(placeholders))",
                                        arguments: StatementArguments(Array(characters))) {
                table[row[0]] = row[1]
            }
        }
        return LookupKey.key(name, table: table)
    }

    /// The entities named `name` (canonical name or alias; forgiving), the ones in most documents first.
    public func entities(named name: String) throws -> [StoredEntity] {
        try read { db in
            let key = try lookupKey(name, db)
            let ids = try String.fetchAll(db, sql: """
                SELECT DISTINCT n.id FROM names m JOIN nodes n ON n.id = m.node_id
                WHERE m.key = ? AND n.kind != 'target'
                ORDER BY n.document_count DESC, n.id
                """, arguments: [key])
            return try ids.map { try entity(id: $0, db) }
        }
    }

    /// Nearest names and aliases to `name`, without duplicates.
    public func suggestions(for name: String, limit: Int = 5) throws -> [String] {
        try read { db in
            let key = try lookupKey(name, db)
            // Candidates of a similar length only: the index on names is not needed for this rare path.
            let names = try String.fetchAll(db, sql: """
                SELECT DISTINCT m.name FROM names m JOIN nodes n ON n.id = m.node_id
                WHERE n.kind NOT IN ('target', 'document') AND abs(length(m.key) - ?) <= 3
                """, arguments: [key.count])
            return NameSuggestions.closest(to: key, among: names, limit: limit)
        }
    }

    /// The one entity `name` stands for, or ``UnknownName`` with suggestions.
    public func entity(named name: String) throws -> StoredEntity {
        if let first = try entities(named: name).first { return first }
        throw UnknownName(name: name, suggestions: try suggestions(for: name))
    }

    func entity(id: String, _ db: Database) throws -> StoredEntity {
        guard let row = try Row.fetchOne(db, sql: "SELECT id, kind, label, ontology_id, parent, first_seen, last_seen FROM nodes WHERE id = ?",
                                         arguments: [id]) else { throw UnknownName(name: id, suggestions: []) }
        let aliases = try String.fetchAll(db, sql: "SELECT name FROM names WHERE node_id = ? AND is_label = 0 ORDER BY name", arguments: [id])
        let documents = try String.fetchAll(db, sql: "SELECT document_id FROM node_documents WHERE node_id = ? ORDER BY document_id", arguments: [id])
        return StoredEntity(id: row[0], kind: row[1], name: row[2], aliases: aliases, ontologyID: row[3], parent: row[4],
                            firstSeen: row[5], lastSeen: row[6], documents: documents)
    }
}
