import Foundation
import PolicyGraphCore
import PolicyGraphExport
import PolicyGraphStore

/// The main job: extract the inputs into a fresh store, build the graph there,
/// write the outputs from the store.
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
        /// The store to write; `nil`: `policygraph.sqlite` in the output set.
        var store: String? = nil
        var settings = GraphSettings()
        /// The publication date of inputs that state none (`--published`).
        var published: String? = nil
    }

    static func run(inputs: [String], output: String, extractor: Extractor, options: Options = Options()) throws {
        try run(inputs: InputCollection(paths: inputs), output: output, extractor: extractor, options: options)
    }

    static func run(inputs: InputCollection, output: String, extractor: Extractor, options: Options = Options()) throws {
        let quiet = options.quiet
        let progress = BuildProgress(quiet: quiet)
        let clock = ContinuousClock()
        let start = clock.now
        var extractions: [StoredDocument] = []
        var bytes = 0
        var lastReport = start
        let report = progress.phase("extraction", {
            inputs.collect(onError: reportInputError) { document, metadata in
                extractions.append(StoredDocument(id: document.name, fingerprint: DocumentFingerprint(text: document.text.bytes),
                                                  extraction: extractor.extract(document, published: options.published, metadata: metadata)))
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
        let failures = report.failures
        guard !extractions.isEmpty else {
            // Nothing to build from: the previous outputs stay.
            let skipped = report.skipped.values.reduce(0, +)
            let reasons = [failures > 0 ? "\(failures) could not be read" : nil, report.skippedSummary].compactMap { $0 }
            let found = reasons.isEmpty ? "no text, Markdown, HTML, PDF or Word file found" : reasons.joined(separator: "; ")
            let files = failures + skipped
            throw BuildFailure(message: "0 readable documents of \(files) file\(files == 1 ? "" : "s") (\(found)); \(output) is left as it was. "
                + "Give text, Markdown, HTML, PDF or Word files, or folders of them.")
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
        // The store first (in the staged set unless --store says elsewhere); every export is written from it.
        let storePath = options.store ?? folder.path(for: "policygraph.sqlite")
        let graph: KnowledgeGraph, stored: [DocumentExtraction]
        do {
            (graph, stored) = try progress.phase("merging", {
                try StoreBuild.fresh(at: storePath, with: extractions, ontology: extractor.lexicon.ontology, settings: options.settings)
            }, detail: { result in "\(result.0.nodes.count) nodes, \(result.0.edges.count) edges," })
        } catch {
            folder.discard()
            throw BuildFailure(message: "\(error.localizedDescription) \(output) is left as it was.")
        }
        let (nodeCounts, edgeCounts) = graph.statistics
        if options.svg {
            do {
                try SVGRendering.checkSize(nodes: nodeCounts.values.reduce(0, +), edges: edgeCounts.values.reduce(0, +))
                _ = try SVGRendering.tool()
            } catch {
                folder.discard()
                throw error
            }
        }
        var written: [String] = options.store == nil ? ["policygraph.sqlite"] : []
        func write(_ name: String, _ body: (String) throws -> Void) throws {
            let path = folder.path(for: name)
            do { try progress.phase("export \(name)") { try body(path) } } catch let error as SVGRendering.Failure {
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
        try write("extraction.json") { try AtomicFile.write(try ExtractionJSON.encode(stored), to: $0) }
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
        do { try Interruption.shared.uninterruptible { try folder.commit() } } catch {
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
