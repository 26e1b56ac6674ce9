import Foundation
import PolicyGraphCore
import PolicyGraphExport

/// The main job: extract the inputs, build the graph, write the outputs.
///
/// The outputs are one set: every file is written into a staging folder beside
/// the output folder, which replaces it only when all succeeded. A build that
/// reads no document, fails to write a file, or is interrupted leaves the output
/// folder exactly as it was.
enum GraphBuild {
    struct Options {
        var svg = false
        var svgTimeout = SVGRendering.defaultTimeout
        var quiet = false
        var encoding: SourceEncoding? = nil
    }

    static func run(inputs: [String], output: String, extractor: Extractor, options: Options = Options()) throws {
        let quiet = options.quiet
        let clock = ContinuousClock()
        let start = clock.now
        var extractions: [DocumentExtraction] = []
        var bytes = 0
        var lastReport = start
        let inputCollection = InputCollection(paths: inputs, encoding: options.encoding, onWarning: reportInputWarning)
        let failures = inputCollection.read(onError: reportInputError) { document, metadata in
            extractions.append(extractor.extract(document, metadata: metadata))
            bytes += document.text.bytes.count
            // Progress for long inputs: documents done and MB/s, at most twice a second.
            if !quiet, clock.now - lastReport > .milliseconds(500) {
                lastReport = clock.now
                let seconds = Double((clock.now - start).components.seconds) + Double((clock.now - start).components.attoseconds) / 1e18
                let rate = seconds > 0 ? Double(bytes) / 1e6 / seconds : 0
                FileHandle.standardError.write(Data(String(format: "\r%d documents, %.1f MB, %.1f MB/s", extractions.count, Double(bytes) / 1e6, rate).utf8))
            }
        }
        guard !extractions.isEmpty else {
            // Nothing to build from: the previous outputs stay.
            let found = failures == 0 ? "no text, Markdown or HTML file found" : "\(failures) could not be read"
            throw BuildFailure(message: "0 readable documents of \(failures) file\(failures == 1 ? "" : "s") (\(found)); \(output) is left as it was. "
                + "Give text, Markdown or HTML files, or folders of them.")
        }
        let graph = GraphBuilder(ontology: extractor.lexicon.ontology).build(extractions)
        let (nodeCounts, edgeCounts) = graph.statistics
        if options.svg {
            try SVGRendering.checkSize(nodes: nodeCounts.values.reduce(0, +), edges: edgeCounts.values.reduce(0, +))
            _ = try SVGRendering.tool()
        }

        Interruption.shared.install()
        let folder: StagedOutputFolder
        do {
            folder = try StagedOutputFolder(replacing: output) {
                if !quiet { FileHandle.standardError.write(Data("\npolicygraph: another build is writing \(output); waiting for it to finish\n".utf8)) }
            }
        } catch { throw BuildFailure(message: error.localizedDescription) }
        Interruption.shared.removeOnInterrupt(folder.staging.path)
        defer { Interruption.shared.keep(folder.staging.path) }
        var written: [String] = []
        func write(_ name: String, _ body: (String) throws -> Void) throws {
            let path = folder.path(for: name)
            do { try body(path) } catch let error as SVGRendering.Failure {
                folder.discard()
                throw BuildFailure(message: error.message + " \(output) is left as it was.")
            } catch let error as ExportError {
                folder.discard()
                throw BuildFailure(message: "\(output)/\(name): \(error.reason) \(output) is left as it was.")
            } catch {
                folder.discard()
                throw BuildFailure(message: "\(output)/\(name): \(IOErrorMessage.describe(error)) \(output) is left as it was.")
            }
            written.append(name)
        }
        try write("extraction.json") { try AtomicFile.write(try ExtractionJSON.encode(extractions), to: $0) }
        try write("graph.json") { try graph.save(to: URL(fileURLWithPath: $0)) }
        try write("graph.graphml") { try GraphMLExporter().write(graph, to: $0) }
        try write("graph.gexf") { try GEXFExporter().write(graph, to: $0) }
        try write("graph.dot") { try DOTExporter().write(graph, to: $0) }
        try write("nodes.csv") { _ in try CSVExporter().write(graph, toFolder: folder.staging.path) }
        written.append("edges.csv")
        let timeline = Timeline(graph: graph)
        try write("timeline.md") { try AtomicFile.write(Data(TimelineRenderer.markdown(timeline).utf8), to: $0) }
        try write("timeline.csv") { try AtomicFile.write(Data(TimelineRenderer.csv(timeline).utf8), to: $0) }
        try write("timeline.html") { try AtomicFile.write(Data(TimelineHTML.render(timeline).utf8), to: $0) }
        if options.svg {
            try write("graph.svg") { try SVGRendering.render(dot: folder.path(for: "graph.dot"), svg: $0, timeout: options.svgTimeout) }
        }
        do { try folder.commit() } catch {
            folder.discard()
            throw BuildFailure(message: error.localizedDescription + " \(output) is left as it was.")
        }
        if !quiet {
            let entityCounts = EntityType.allCases.compactMap { type in nodeCounts[NodeKind(type)].map { "\($0) \(type.rawValue)" } }
            let edgeSummary = EdgeType.allCases.compactMap { type in edgeCounts[type].map { "\($0) \(type.rawValue)" } }
            var summary = "\r\(extractions.count) documents (\(String(format: "%.1f", Double(bytes) / 1e6)) MB)"
            summary += "\nentities: \(entityCounts.joined(separator: ", "))"
            summary += "\ntargets: \(nodeCounts[.target] ?? 0)"
            summary += "\nedges: \(edgeCounts.values.reduce(0, +)) (\(edgeSummary.joined(separator: ", ")))"
            summary += "\nwrote \(written.sorted().joined(separator: ", ")) to \(output)\n"
            FileHandle.standardError.write(Data(summary.utf8))
        }
        if failures > 0 { throw ExitCodeError(code: 1) }
    }
}

struct ExitCodeError: Error { let code: Int32 }

/// A build that wrote nothing: the message says why and what to do.
struct BuildFailure: Error, LocalizedError {
    let message: String
    var errorDescription: String? { message }
}
