import Foundation
import PolicyGraphCore

/// Writes `nodes.csv` and `edges.csv` in the header conventions of Neo4j's bulk
/// importer (`:ID`, `:LABEL`, `:START_ID`, `:END_ID`, `:TYPE`).
public struct CSVExporter: Sendable {
    public init() {}

    /// Writes both files row by row (neither is held in memory whole).
    public func write(_ graph: some WalkableGraph, toFolder folder: String) throws {
        let nodeColumns = ["id:ID", ":LABEL", "name", "aliases", "ontology_id", "parent", "first_seen", "last_seen", "documents",
                           "relation", "year:int", "month:int", "end_year:int", "action", "topic", "value", "modality"]
        try Self.write(columns: nodeColumns, rows: graph.nodes.values, to: (folder as NSString).appendingPathComponent("nodes.csv")) { node in
            let target = node.target
            return [node.id.rawValue, node.kind.rawValue.capitalized, node.label, node.aliases.joined(separator: ";"), node.ontologyID ?? "",
                    node.parent ?? "", node.firstSeen ?? "", node.lastSeen ?? "", node.documents.joined(separator: ";"),
                    target?.relation.rawValue ?? "", target.map { String($0.year) } ?? "", target?.month.map(String.init) ?? "",
                    target?.endYear.map(String.init) ?? "", target?.action ?? "", target?.topic ?? "", target?.value ?? "", target?.modality ?? ""]
        }
        let edgeColumns = [":START_ID", ":END_ID", ":TYPE", "weight:int", "documents"]
        // Edges as the graph walks them (a built graph makes its mention edges one at a time).
        let file = try StreamedFile(path: (folder as NSString).appendingPathComponent("edges.csv"))
        try file.write(Array((Table.csvLine(edgeColumns) + "\n").utf8))
        try graph.forEachEdge(sentences: false) { edge in
            let cells = [edge.source.rawValue, edge.target.rawValue, edge.type.rawValue.uppercased(), String(edge.sources.count),
                         Array(Set(edge.sources.map(\.document))).sorted().joined(separator: ";")]
            try file.write(Array((Table.csvLine(cells) + "\n").utf8))
        }
        try file.finish()
    }

    static func write<Item>(columns: [String], rows: some Sequence<Item>, to path: String, cells: (Item) -> [String]) throws {
        let file = try StreamedFile(path: path)
        try file.write(Array((Table.csvLine(columns) + "\n").utf8))
        for row in rows { try file.write(Array((Table.csvLine(cells(row)) + "\n").utf8)) }
        try file.finish()
    }
}
