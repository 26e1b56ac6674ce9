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
        let types = Dictionary(uniqueKeysWithValues: EdgeType.allCases.map { ($0, $0.rawValue.uppercased()) })
        var line: [UInt8] = []
        try graph.forEachEdgeSummary { edge in
            let documents = edge.documents(joinedBy: ";")
            line.removeAll(keepingCapacity: true)
            Self.appendLine([edge.source.rawValue, edge.target.rawValue, types[edge.type] ?? edge.type.rawValue.uppercased(),
                             String(edge.weight), documents], to: &line)
            try file.write(line)
        }
        try file.finish()
    }

    static func write<Item>(columns: [String], rows: some Sequence<Item>, to path: String, cells: (Item) -> [String]) throws {
        let file = try StreamedFile(path: path)
        var line: [UInt8] = []
        Self.appendLine(columns, to: &line)
        try file.write(line)
        for row in rows {
            line.removeAll(keepingCapacity: true)
            Self.appendLine(cells(row), to: &line)
            try file.write(line)
        }
        try file.finish()
    }

    /// `Table.csvLine(cells)` and a line break, appended as bytes. A cell with none of the
    /// bytes that quoting or the spreadsheet guard look at is copied as it is; any other
    /// takes `Table.csvLine`'s own path, so the bytes are the same.
    static func appendLine(_ cells: [String], to line: inout [UInt8]) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { line.append(UInt8(ascii: ",")) }
            var cell = cell
            let plain = cell.withUTF8 { bytes in
                if let first = bytes.first, first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
                    || first == UInt8(ascii: "@") || first == UInt8(ascii: "\t") || first == UInt8(ascii: "\r") { return false }
                for byte in bytes where byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\n")
                    || byte == UInt8(ascii: "\r") { return false }
                line.append(contentsOf: bytes)
                return true
            }
            if !plain { line.append(contentsOf: Table.csvLine([cell]).utf8) }
        }
        line.append(UInt8(ascii: "\n"))
    }
}
