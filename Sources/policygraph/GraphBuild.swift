import Foundation
import PolicyGraphCore
import PolicyGraphExport

/// The main job: extract the inputs, build the graph, write the outputs.
enum GraphBuild {
    static func run(inputs: [String], output: String, extractor: Extractor, quiet: Bool = false) throws {
        try run(inputs: InputCollection(paths: inputs), output: output, extractor: extractor, quiet: quiet)
    }

    static func run(inputs: InputCollection, output: String, extractor: Extractor, quiet: Bool = false) throws {
        let progress = BuildProgress(quiet: quiet)
        let clock = ContinuousClock()
        let start = clock.now
        var extractions: [DocumentExtraction] = []
        var bytes = 0
        var lastReport = start
        let report = progress.phase("extraction", {
            inputs.collect(onError: reportInputError) { document, metadata in
                extractions.append(extractor.extract(document, metadata: metadata))
                bytes += document.text.bytes.count
                // A running count for long inputs: documents done and MB/s, at most twice a second.
                if !quiet, clock.now - lastReport > .milliseconds(500) {
                    lastReport = clock.now
                    let seconds = BuildProgress.seconds(clock.now - start)
                    let rate = seconds > 0 ? Double(bytes) / 1e6 / seconds : 0
                    FileHandle.standardError.write(Data(String(format: "\r%d documents, %.1f MB, %.1f MB/s", extractions.count, Double(bytes) / 1e6, rate).utf8))
                }
            }
        }, detail: { _ in String(format: "%d documents (%.1f MB),", extractions.count, Double(bytes) / 1e6) })
        if !quiet { reportSkipped(report) }
        let graph = progress.phase("merging", { GraphBuilder(ontology: extractor.lexicon.ontology).build(extractions) },
                                   detail: { graph in "\(graph.nodes.count) nodes, \(graph.edges.count) edges," })
        let folder = URL(fileURLWithPath: output)
        func export(_ name: String, _ write: () throws -> Void) throws {
            try progress.phase("export \(name)", write)
        }
        try export("extraction.json") { try AtomicFile.write(try ExtractionJSON.encode(extractions), to: folder.appendingPathComponent("extraction.json").path) }
        try export("graph.json") { try graph.save(to: folder.appendingPathComponent("graph.json")) }
        try export("graph.graphml") { try GraphMLExporter().write(graph, to: folder.appendingPathComponent("graph.graphml").path) }
        try export("graph.gexf") { try GEXFExporter().write(graph, to: folder.appendingPathComponent("graph.gexf").path) }
        try export("graph.dot") { try DOTExporter().write(graph, to: folder.appendingPathComponent("graph.dot").path) }
        try export("nodes.csv and edges.csv") { try CSVExporter().write(graph, toFolder: folder.path) }
        let timeline = progress.phase("timeline", { Timeline(graph: graph) })
        try export("timeline.md") { try AtomicFile.write(Data(TimelineRenderer.markdown(timeline).utf8), to: folder.appendingPathComponent("timeline.md").path) }
        try export("timeline.csv") { try AtomicFile.write(Data(TimelineRenderer.csv(timeline).utf8), to: folder.appendingPathComponent("timeline.csv").path) }
        try export("timeline.html") { try AtomicFile.write(Data(TimelineHTML.render(timeline).utf8), to: folder.appendingPathComponent("timeline.html").path) }
        try export("graph.svg") {
            renderSVG(dot: folder.appendingPathComponent("graph.dot").path, svg: folder.appendingPathComponent("graph.svg").path, quiet: quiet)
        }
        if !quiet {
            let (nodes, edges) = graph.statistics
            let entityCounts = EntityType.allCases.compactMap { type in nodes[NodeKind(type)].map { "\($0) \(type.rawValue)" } }
            let edgeCounts = EdgeType.allCases.compactMap { type in edges[type].map { "\($0) \(type.rawValue)" } }
            var summary = "\(extractions.count) documents (\(String(format: "%.1f", Double(bytes) / 1e6)) MB)"
            summary += "\nentities: \(entityCounts.joined(separator: ", "))"
            summary += "\ntargets: \(nodes[.target] ?? 0)"
            summary += "\nedges: \(edges.values.reduce(0, +)) (\(edgeCounts.joined(separator: ", ")))"
            summary += "\nwrote extraction.json, graph.json, graph.graphml, graph.gexf, graph.dot, graph.svg, nodes.csv, edges.csv, timeline.md, timeline.csv and timeline.html to \(output)"
            progress.say(summary)
        }
        if report.failures > 0 { throw ExitCodeError(code: 1) }
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
