import Foundation
import PolicyGraphCore

/// Writes `nodes.csv` and `edges.csv` in the header conventions of Neo4j's bulk
/// importer (`:ID`, `:LABEL`, `:START_ID`, `:END_ID`, `:TYPE`).
public struct CSVExporter: Sendable {
    public init() {}

    public func write(_ graph: KnowledgeGraph, toFolder folder: String) throws {
        let nodeColumns = ["id:ID", ":LABEL", "name", "aliases", "ontology_id", "parent", "first_seen", "last_seen", "documents",
                           "relation", "year:int", "month:int", "end_year:int", "action", "topic", "value", "modality"]
        let nodeRows: [[String]] = graph.nodes.values.map { node in
            let target = node.target
            return [node.id.rawValue, node.kind.rawValue.capitalized, node.label, node.aliases.joined(separator: ";"), node.ontologyID ?? "",
                    node.parent ?? "", node.firstSeen ?? "", node.lastSeen ?? "", node.documents.joined(separator: ";"),
                    target?.relation.rawValue ?? "", target.map { String($0.year) } ?? "", target?.month.map(String.init) ?? "",
                    target?.endYear.map(String.init) ?? "", target?.action ?? "", target?.topic ?? "", target?.value ?? "", target?.modality ?? ""]
        }
        let edgeColumns = [":START_ID", ":END_ID", ":TYPE", "weight:int", "documents"]
        let edgeRows: [[String]] = graph.edges.values.map { edge in
            [edge.source.rawValue, edge.target.rawValue, edge.type.rawValue.uppercased(), String(edge.sources.count),
             Array(Set(edge.sources.map(\.document))).sorted().joined(separator: ";")]
        }
        for (name, table) in [("nodes.csv", Table(columns: nodeColumns, rows: nodeRows)), ("edges.csv", Table(columns: edgeColumns, rows: edgeRows))] {
            let path = (folder as NSString).appendingPathComponent(name)
            try TemporaryFile.write(to: path) { temporary in
                try Data(table.csv().utf8).write(to: URL(fileURLWithPath: temporary))
            }
        }
    }
}
