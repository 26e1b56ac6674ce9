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
        /// Documents extracted at once (`--jobs`); 1 extracts in the calling thread.
        var jobs = OrderedWorkers.defaultJobs
    }

    static func run(inputs: [String], output: String, extractor: Extractor, options: Options = Options()) throws {
        try run(inputs: InputCollection(paths: inputs), output: output, extractor: extractor, options: options)
    }

    static func run(inputs: InputCollection, output: String, extractor: Extractor, options: Options = Options()) throws {
        let quiet = options.quiet
        let progress = BuildProgress(quiet: quiet)
        Interruption.shared.install()
        let folder: StagedOutputFolder
        do {
            folder = try StagedOutputFolder(replacing: output) {
                if !quiet { FileHandle.standardError.write(Data("policygraph: another build is writing \(output); waiting for it to finish\n".utf8)) }
            }
        } catch { throw BuildFailure(message: error.localizedDescription) }
        Interruption.shared.removeOnInterrupt(folder.staging.path)
        defer { Interruption.shared.keep(folder.staging.path) }
        func fail(_ message: String) -> BuildFailure {
            folder.discard()
            return BuildFailure(message: message + " \(output) is left as it was.")
        }
        // The store (in the staged set unless --store says elsewhere), filled as the documents come.
        let storePath = options.store ?? folder.path(for: "policygraph.sqlite")
        let store: StoreBuild.Fresh
        do {
            store = try StoreBuild.Fresh(at: storePath, ontology: extractor.lexicon.ontology, settings: options.settings,
                                         extractionJSON: folder.path(for: "extraction.json"))
        } catch {
            throw fail(error.localizedDescription)
        }
        Interruption.shared.removeOnInterrupt(store.temporaryPath)
        defer { Interruption.shared.keep(store.temporaryPath) }
        // Documents are read here, extracted on `jobs` threads and stored in input order as they come.
        var documents = 0, bytes = 0
        var report = InputReport()
        let counter = RunningCount(quiet: quiet)
        do {
            try progress.phase("extraction", {
                try store.add { add in
                    let published = options.published
                    try OrderedWorkers.run(jobs: options.jobs, produce: { submit in
                        report = try inputs.collect(onError: reportInputError) { document, metadata in
                            try submit {
                                Result {
                                    let extraction = extractor.extract(document, published: published, metadata: metadata)
                                    return try StoreBuild.Prepared(StoredDocument(id: document.name, fingerprint: DocumentFingerprint(text: document.text.bytes),
                                                                                  extraction: extraction))
                                }
                            }
                        }
                    }, consume: { (prepared: Result<StoreBuild.Prepared, any Error>) in
                        let row = try prepared.get()
                        try add(row)
                        documents += 1
                        bytes += row.fingerprint.bytes
                        counter.update(documents: documents, bytes: bytes)
                    })
                }
            }, detail: { _ in String(format: "%d documents (%.1f MB),", documents, Double(bytes) / 1e6) })
        } catch let error as BuildFailure {
            throw fail(error.message)
        } catch {
            throw fail(error.localizedDescription)
        }
        if !quiet { reportSkipped(report) }
        let failures = report.failures
        guard documents > 0 else {
            // Nothing to build from: the previous outputs stay.
            folder.discard()
            let skipped = report.skipped.values.reduce(0, +)
            let reasons = [failures > 0 ? "\(failures) could not be read" : nil, report.skippedSummary].compactMap { $0 }
            let found = reasons.isEmpty ? "no text, Markdown, HTML, PDF or Word file found" : reasons.joined(separator: "; ")
            let files = failures + skipped
            throw BuildFailure(message: "0 readable documents of \(files) file\(files == 1 ? "" : "s") (\(found)); \(output) is left as it was. "
                + "Give text, Markdown, HTML, PDF or Word files, or folders of them.")
        }
        // The graph (merged as the documents came, or from the store one extraction at a time), and extraction.json.
        let graph: BuiltGraph
        do {
            graph = try progress.phase("merging", { try store.buildGraph() },
                                       detail: { graph in "\(graph.nodes.count) nodes, \(graph.edgeCount) edges, extraction.json written," })
        } catch let error as StreamedFileError {
            throw fail("\(output)/extraction.json: \(error.reason)")
        } catch {
            throw fail(error.localizedDescription)
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
        var written = (options.store == nil ? ["policygraph.sqlite"] : []) + ["extraction.json"]
        func failure(_ name: String, _ error: any Error) -> BuildFailure {
            switch error {
            case let error as SVGRendering.Failure: fail(error.message)
            case let error as ExportError: fail("\(output)/\(name): \(error.reason)")
            default: fail("\(output)/\(name): \(IOErrorMessage.describe(error))")
            }
        }
        do {
            // The store's graph tables beside the exports: it is the longest task, so with more than
            // one job its edge rows are made on a thread of their own while SQLite inserts them.
            let sideThread = options.jobs > 1
            let storeTask = BuildExports.Task(name: "policygraph.sqlite", reportedAs: "store graph tables") { _ in
                try store.writeGraph(graph, sideThread: sideThread)
                try store.commit()
            }
            written += try BuildExports.run([storeTask] + BuildExports.tasks(for: graph, folder: folder.staging.path), folder: folder.staging.path,
                                            jobs: options.jobs, progress: progress)
        } catch let error as BuildExports.Failure {
            if error.name == "policygraph.sqlite" { throw fail(error.error.localizedDescription) }
            throw failure(error.name, error.error)
        }
        if options.svg {
            do {
                try progress.phase("export graph.svg") {
                    try SVGRendering.render(dot: folder.path(for: "graph.dot"), svg: folder.path(for: "graph.svg"), timeout: options.svgTimeout)
                }
            } catch { throw failure("graph.svg", error) }
            written.append("graph.svg")
        }
        do { try Interruption.shared.uninterruptible { try folder.commit() } } catch {
            folder.discard()
            throw BuildFailure(message: error.localizedDescription + " \(output) is left as it was.")
        }
        if !quiet {
            let entityCounts = EntityType.allCases.compactMap { type in nodeCounts[NodeKind(type)].map { "\($0) \(type.rawValue)" } }
            let edgeSummary = EdgeType.allCases.compactMap { type in edgeCounts[type].map { "\($0) \(type.rawValue)" } }
            var summary = "\r\(documents) documents (\(String(format: "%.1f", Double(bytes) / 1e6)) MB)"
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
