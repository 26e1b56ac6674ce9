import Foundation
import Testing
@testable import PolicyGraphCore
@testable import PolicyGraphExport

/// graph.dot written as bytes is the straightforward reading: every line made of
/// ``DOTExporter/quoted(_:)`` names, nodes by kind, then the edges in the walk's order.
@Suite struct DOTExporterTests {
    static func expected(_ graph: some WalkableGraph, clustered: Bool) throws -> String {
        let font = DOTExporter.quoted(DOTExporter.font)
        var lines = ["digraph \"policygraph\" {",
                     "  graph [fontname=\(font), charset=\"UTF-8\", rankdir=\"LR\", overlap=\"false\"\(clustered ? ", newrank=\"true\"" : "")];",
                     "  node [fontname=\(font), style=\"filled\", fontsize=10];",
                     "  edge [fontname=\(font), fontsize=8, color=\"#888888\"];"]
        for kind in NodeKind.allCases {
            let members = graph.nodes.values.filter { $0.kind == kind }
            guard !members.isEmpty else { continue }
            if clustered { lines.append("  subgraph \(DOTExporter.quoted("cluster_\(kind.rawValue)")) {\n    label=\(DOTExporter.quoted(kind.rawValue));") }
            let style = DOTExporter.styles[kind] ?? ("ellipse", "#cccccc")
            for node in members {
                lines.append("  \(DOTExporter.quoted(node.id.rawValue)) [label=\(DOTExporter.quoted(node.label)), shape=\(DOTExporter.quoted(style.shape)), fillcolor=\(DOTExporter.quoted(style.color))];")
            }
            if clustered { lines.append("  }") }
        }
        try graph.forEachEdgeSummary { edge in
            lines.append("  \(DOTExporter.quoted(edge.source.rawValue)) -> \(DOTExporter.quoted(edge.target.rawValue)) [label=\(DOTExporter.quoted(edge.type.rawValue)), weight=\(edge.weight)];")
        }
        return lines.joined(separator: "\n") + "\n}\n"
    }

    /// Awkward labels (quotes, backslashes, controls, CJK, non-BMP, CR LF) and the built graph
    /// of the seeds and dev texts (several blocks), clustered and not.
    @Test func bytesAreTheQuotedLines() throws {
        let graphs: [any WalkableGraph] = XMLByteWriterTests.awkwardGraphs().map { $0 as any WalkableGraph } + [try XMLByteWriterTests.builtGraph(), GraphTests.seedGraph]
        for graph in graphs {
            for clustered in [false, true] {
                let bytes = try XMLByteWriterTests.bytes { try DOTExporter(clustered: clustered).write(graph, to: $0) }
                let expected = Data(try Self.expected(graph, clustered: clustered).utf8)
                #expect(bytes == expected)
            }
        }
    }
}
