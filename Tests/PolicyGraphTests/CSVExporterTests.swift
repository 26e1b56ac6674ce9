import Foundation
import Testing
@testable import PolicyGraphCore
@testable import PolicyGraphExport

/// nodes.csv and edges.csv written as bytes are the straightforward reading: one
/// `Table.csvLine` per node and per edge.
@Suite struct CSVExporterTests {
    @Test func bytesAreTheCSVLines() throws {
        let graphs: [any WalkableGraph] = XMLByteWriterTests.awkwardGraphs().map { $0 as any WalkableGraph } + [try XMLByteWriterTests.builtGraph(), GraphTests.seedGraph]
        for graph in graphs {
            let folder = (ExportTests.temporary("x") as NSString).deletingLastPathComponent
            defer { try? FileManager.default.removeItem(atPath: folder) }
            try CSVExporter().write(graph, toFolder: folder)
            var nodes = [Table.csvLine(["id:ID", ":LABEL", "name", "aliases", "ontology_id", "parent", "first_seen", "last_seen", "documents",
                                        "relation", "year:int", "month:int", "end_year:int", "action", "topic", "value", "modality"])]
            for node in graph.nodes.values {
                let target = node.target
                nodes.append(Table.csvLine([node.id.rawValue, node.kind.rawValue.capitalized, node.label, node.aliases.joined(separator: ";"),
                                            node.ontologyID ?? "", node.parent ?? "", node.firstSeen ?? "", node.lastSeen ?? "",
                                            node.documents.joined(separator: ";"), target?.relation.rawValue ?? "",
                                            target.map { String($0.year) } ?? "", target?.month.map(String.init) ?? "",
                                            target?.endYear.map(String.init) ?? "", target?.action ?? "", target?.topic ?? "",
                                            target?.value ?? "", target?.modality ?? ""]))
            }
            var edges = [Table.csvLine([":START_ID", ":END_ID", ":TYPE", "weight:int", "documents"])]
            try graph.forEachEdgeSummary { edge in
                edges.append(Table.csvLine([edge.source.rawValue, edge.target.rawValue, edge.type.rawValue.uppercased(), String(edge.weight),
                                            edge.documents(joinedBy: ";")]))
            }
            let nodesFile = try Data(contentsOf: URL(fileURLWithPath: (folder as NSString).appendingPathComponent("nodes.csv")))
            let edgesFile = try Data(contentsOf: URL(fileURLWithPath: (folder as NSString).appendingPathComponent("edges.csv")))
            #expect(nodesFile == Data(nodes.map { $0 + "\n" }.joined().utf8))
            #expect(edgesFile == Data(edges.map { $0 + "\n" }.joined().utf8))
        }
    }
}
