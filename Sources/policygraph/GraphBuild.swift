import Foundation
import PolicyGraphCore
import PolicyGraphExport

/// The main job: extract the inputs, build the graph, write the outputs.
enum GraphBuild {
    static func run(inputs: [String], output: String, extractor: Extractor, published: String? = nil, quiet: Bool = false) throws {
        let clock = ContinuousClock()
        let start = clock.now
        var extractions: [DocumentExtraction] = []
        var bytes = 0
        var lastReport = start
        let failures = InputCollection(paths: inputs).read(onError: reportInputError) { document, metadata in
            extractions.append(extractor.extract(document, published: published, metadata: metadata))
            bytes += document.text.bytes.count
            // Progress for long inputs: documents done and MB/s, at most twice a second.
            if !quiet, clock.now - lastReport > .milliseconds(500) {
                lastReport = clock.now
                let seconds = Double((clock.now - start).components.seconds) + Double((clock.now - start).components.attoseconds) / 1e18
                let rate = seconds > 0 ? Double(bytes) / 1e6 / seconds : 0
                FileHandle.standardError.write(Data(String(format: "\r%d documents, %.1f MB, %.1f MB/s", extractions.count, Double(bytes) / 1e6, rate).utf8))
            }
        }
        let graph = GraphBuilder(ontology: extractor.lexicon.ontology).build(extractions)
        let folder = URL(fileURLWithPath: output)
        try AtomicFile.write(try ExtractionJSON.encode(extractions), to: folder.appendingPathComponent("extraction.json").path)
        try graph.save(to: folder.appendingPathComponent("graph.json"))
        try GraphMLExporter().write(graph, to: folder.appendingPathComponent("graph.graphml").path)
        try GEXFExporter().write(graph, to: folder.appendingPathComponent("graph.gexf").path)
        try DOTExporter().write(graph, to: folder.appendingPathComponent("graph.dot").path)
        try CSVExporter().write(graph, toFolder: folder.path)
        let timeline = Timeline(graph: graph)
        try AtomicFile.write(Data(TimelineRenderer.markdown(timeline).utf8), to: folder.appendingPathComponent("timeline.md").path)
        try AtomicFile.write(Data(TimelineRenderer.csv(timeline).utf8), to: folder.appendingPathComponent("timeline.csv").path)
        try AtomicFile.write(Data(TimelineHTML.render(timeline).utf8), to: folder.appendingPathComponent("timeline.html").path)
        renderSVG(dot: folder.appendingPathComponent("graph.dot").path, svg: folder.appendingPathComponent("graph.svg").path, quiet: quiet)
        if !quiet {
            let (nodes, edges) = graph.statistics
            let entityCounts = EntityType.allCases.compactMap { type in nodes[NodeKind(type)].map { "\($0) \(type.rawValue)" } }
            let edgeCounts = EdgeType.allCases.compactMap { type in edges[type].map { "\($0) \(type.rawValue)" } }
            var summary = "\r\(extractions.count) documents (\(String(format: "%.1f", Double(bytes) / 1e6)) MB)"
            summary += "\nentities: \(entityCounts.joined(separator: ", "))"
            summary += "\ntargets: \(nodes[.target] ?? 0)"
            summary += "\nedges: \(edges.values.reduce(0, +)) (\(edgeCounts.joined(separator: ", ")))"
            summary += "\nwrote extraction.json, graph.json, graph.graphml, graph.gexf, graph.dot, graph.svg, nodes.csv, edges.csv, timeline.md, timeline.csv and timeline.html to \(output)\n"
            FileHandle.standardError.write(Data(summary.utf8))
        }
        if failures > 0 { throw ExitCodeError(code: 1) }
    }
}

struct ExitCodeError: Error { let code: Int32 }

/// Renders the DOT file to SVG with Graphviz when it is installed (written
/// beside, through a temporary file); says so and goes on when it is not.
func renderSVG(dot: String, svg: String, quiet: Bool) {
    let candidates = ["/usr/bin/dot", "/usr/local/bin/dot"]
    guard let tool = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
        if !quiet { FileHandle.standardError.write(Data("policygraph: Graphviz (dot) is not installed; graph.svg not rendered\n".utf8)) }
        return
    }
    let temporary = svg + ".tmp"
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = ["-Tsvg", "-o", temporary, dot]
    do {
        try process.run()
        process.waitUntilExit()
        if process.terminationStatus == 0 { _ = rename(temporary, svg) } else { unlink(temporary) }
    } catch {
        unlink(temporary)
    }
}
