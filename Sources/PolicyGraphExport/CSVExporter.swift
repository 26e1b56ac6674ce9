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
        var nodes = ByteBuffer(file: try StreamedFile(path: (folder as NSString).appendingPathComponent("nodes.csv")))
        Self.appendLine(nodeColumns, to: &nodes)
        for node in graph.nodes.values {
            let target = node.target
            Self.appendLine([node.id.rawValue, node.kind.rawValue.capitalized, node.label, node.aliases.joined(separator: ";"),
                             node.ontologyID ?? "", node.parent ?? "", node.firstSeen ?? "", node.lastSeen ?? "",
                             node.documents.joined(separator: ";"), target?.relation.rawValue ?? "", target.map { String($0.year) } ?? "",
                             target?.month.map(String.init) ?? "", target?.endYear.map(String.init) ?? "", target?.action ?? "",
                             target?.topic ?? "", target?.value ?? "", target?.modality ?? ""], to: &nodes)
            try nodes.handOverIfFull()
        }
        try nodes.finish()
        // Edges as the graph walks them (a built graph makes its mention edges one at a time).
        var edges = ByteBuffer(file: try StreamedFile(path: (folder as NSString).appendingPathComponent("edges.csv")))
        Self.appendLine([":START_ID", ":END_ID", ":TYPE", "weight:int", "documents"], to: &edges)
        let types = Dictionary(uniqueKeysWithValues: EdgeType.allCases.map { ($0, $0.rawValue.uppercased()) })
        try graph.forEachEdgeSummary { edge in
            Self.appendCell(edge.source.rawValue, to: &edges)
            edges.append(0x2C)
            Self.appendCell(edge.target.rawValue, to: &edges)
            edges.append(0x2C)
            Self.appendCell(types[edge.type] ?? edge.type.rawValue.uppercased(), to: &edges)
            edges.append(0x2C)
            if edge.weight >= 0 { edges.appendDecimal(edge.weight) } else { Self.appendCell(String(edge.weight), to: &edges) }
            edges.append(0x2C)
            Self.appendCell(edge.documents(joinedBy: ";"), to: &edges)
            edges.append(0x0A)
            try edges.handOverIfFull()
        }
        try edges.finish()
    }

    /// `Table.csvLine(cells)` and a line break, appended as bytes (``appendCell(_:to:)``).
    static func appendLine(_ cells: [String], to line: inout ByteBuffer) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { line.append(0x2C) }
            appendCell(cell, to: &line)
        }
        line.append(0x0A)
    }

    /// One cell as `Table.csvLine` writes it: a cell with none of the bytes that quoting or the
    /// spreadsheet guard look at is copied as it is; any other takes `Table.csvLine`'s own path,
    /// so the bytes are the same. (A count's digits need neither: `appendDecimal`.)
    static func appendCell(_ cell: String, to line: inout ByteBuffer) {
        var cell = cell
        let plain = cell.withUTF8 { bytes in
            if let first = bytes.first, first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
                || first == UInt8(ascii: "@") || first == UInt8(ascii: "\t") || first == UInt8(ascii: "\r") { return false }
            for byte in bytes where byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\n")
                || byte == UInt8(ascii: "\r") { return false }
            line.append(bytes)
            return true
        }
        if !plain { line.appendUTF8(Table.csvLine([cell])) }
    }
}
