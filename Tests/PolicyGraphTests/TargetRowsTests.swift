import Foundation
import GRDB
import PolicyGraphCore
import Testing
@testable import PolicyGraphStore

/// ``TargetRows/insert(_:kind:in:)`` binds the rows of a full write in bulk (``BulkInsert``):
/// each row holds the values and types the merge's upsert (``TargetRows/insertSQL`` with
/// ``TargetRows/arguments(number:id:facts:subjectKind:)``) gives for the same target and number.
@Suite struct TargetRowsTests {
    /// Targets with every optional absent or present, and texts of every kind (empty, non-BMP
    /// scalars, combining marks, CR LF), held by subjects of two kinds and by an unknown node.
    static func nodes() -> [Node] {
        let company = NodeID(kind: .company, key: "company:宁德时代")
        let agency = NodeID(kind: .government, key: "government:工信部")
        let subjects = [company, agency, NodeID(kind: .company, key: "company:absent")]
        let texts: [String?] = [nil, "", "量产", "𠀀😀 固态电池", "cafe\u{301}", "a\r\nb", "固态电池"]
        var nodes: [Node] = [
            Node(id: company, kind: .company, label: "宁德时代", aliases: [], ontologyID: nil, parent: nil, firstSeen: nil, lastSeen: nil,
                 documents: ["a.txt"], published: nil, target: nil),
            Node(id: agency, kind: .government, label: "工信部", aliases: [], ontologyID: nil, parent: nil, firstSeen: nil, lastSeen: nil,
                 documents: ["a.txt"], published: nil, target: nil),
        ]
        for index in 0..<150 {
            let facts = TargetFacts(subject: subjects[index % subjects.count], relation: TimeRelation.allCases[index % TimeRelation.allCases.count],
                                    year: 2020 + index % 9, month: index % 4 == 0 ? nil : index % 12 + 1,
                                    endYear: index % 5 == 0 ? 2031 : nil, endMonth: index % 10 == 0 ? 6 : nil,
                                    action: texts[index % texts.count], topic: texts[(index + 2) % texts.count],
                                    value: texts[(index + 4) % texts.count], modality: ["promise", "plan", "requirement"][index % 3],
                                    technology: index % 3 == 0 ? NodeID(kind: .technology, key: "technology:\(index % 7)") : nil,
                                    day: index % 6 == 0 ? index % 28 + 1 : nil, endDay: index % 12 == 0 ? 30 : nil)
            let id = NodeID(kind: .target, key: "target:\(index)")
            nodes.append(Node(id: id, kind: .target, label: "target \(index)", aliases: [], ontologyID: nil, parent: nil, firstSeen: nil,
                              lastSeen: nil, documents: ["a.txt"], published: nil, target: facts))
        }
        return nodes
    }

    /// The `targets` table, each value with its SQLite type, by number.
    static func contents(_ db: Database) throws -> [[String]] {
        let columns = TargetRows.columns.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        let select = columns.map { "quote(\($0)), typeof(\($0))" }.joined(separator: ", ")
        return try Row.fetchAll(db, sql: "SELECT \(select) FROM targets ORDER BY number").map { row in (0..<(2 * columns.count)).map { row[$0] as String } }
    }

    static func store() throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try StoreSchema.migrator.migrate(queue)
        return queue
    }

    @Test func bulkRowsAreTheUpsertsRows() throws {
        let nodes = Self.nodes()
        let byID = Dictionary(uniqueKeysWithValues: nodes.map { ($0.id, $0) })
        let (bulk, numbers) = try Self.store().write { db -> ([[String]], [(Int, String)]) in
            try TargetRows.insert(nodes, kind: { byID[$0]?.kind }, in: db)
            let numbers = try Row.fetchAll(db, sql: "SELECT number, id FROM targets ORDER BY number").map { ($0[0] as Int, $0[1] as String) }
            return (try Self.contents(db), numbers)
        }
        let upserted = try Self.store().write { db -> [[String]] in
            let statement = try db.makeStatement(sql: TargetRows.insertSQL)
            // In reverse: the rows are compared by number, not by the order they were written in.
            for (number, id) in numbers.reversed() {
                let node = try #require(byID[NodeID(rawValue: id)])
                let facts = try #require(node.target)
                try statement.execute(arguments: TargetRows.arguments(number: number, id: node.id, facts: facts,
                                                                      subjectKind: byID[facts.subject]?.kind.rawValue ?? ""))
            }
            return try Self.contents(db)
        }
        #expect(numbers.count == 150)
        #expect(numbers.map(\.0) == Array(1...150))
        #expect(bulk == upserted)
        // Numbered in the order the target queries read: subject kind, modality, year first.
        let keys = numbers.map { number -> (String, String, Int) in
            let facts = byID[NodeID(rawValue: number.1)]!.target!
            return (byID[facts.subject]?.kind.rawValue ?? "", facts.modality, facts.year)
        }
        #expect(zip(keys, keys.dropFirst()).allSatisfy { !($1 < $0) })
    }
}
