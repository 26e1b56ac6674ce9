import Foundation
import Synchronization
import Testing
@testable import PolicyGraphCore
@testable import PolicyGraphStore

/// `build` extracts documents on several threads and streams them into the
/// store: its outputs must be the same bytes whatever the number of threads.
@Suite struct ParallelBuildTests {
    /// Every output file, the store included, is the same bytes with 1, 2 or 3 jobs
    /// (the seeds and the dev texts: 27 documents of very different sizes, so that
    /// the threads finish out of order).
    @Test func buildOutputsAreTheSameBytesWhateverTheJobs() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let inputs = [repositoryRoot.appendingPathComponent("seeds").path, fixturesDirectory.appendingPathComponent("dev/texts").path]
        var snapshots: [Int: [String: Data]] = [:]
        for jobs in [1, 2, 3] {
            let result = try runPolicyGraph(["build"] + inputs + ["-o", "out\(jobs)", "--jobs", String(jobs), "--quiet"], in: scratch.url)
            #expect(result.status == 0, "\(result.error)")
            snapshots[jobs] = try scratch.snapshot("out\(jobs)")
        }
        let sequential = try #require(snapshots[1])
        #expect(sequential.keys.contains("policygraph.sqlite") && sequential.keys.contains("extraction.json"))
        #expect(sequential.count == 11)
        for jobs in [2, 3] {
            let parallel = try #require(snapshots[jobs])
            #expect(parallel.keys.sorted() == sequential.keys.sorted())
            for name in sequential.keys.sorted() { #expect(parallel[name] == sequential[name], "\(name) differs between --jobs 1 and --jobs \(jobs)") }
        }
    }

    /// The committed Outputs/ are what a parallel build of the seeds writes, file for file.
    @Test func aParallelBuildOfTheSeedsWritesTheCommittedOutputs() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let result = try runPolicyGraph(["build", repositoryRoot.appendingPathComponent("seeds").path, "-o", "out", "--jobs", "2", "--quiet"],
                                        in: scratch.url)
        #expect(result.status == 0, "\(result.error)")
        let built = try scratch.snapshot("out")
        let committedFolder = repositoryRoot.appendingPathComponent("Outputs")
        let committed = try FileManager.default.contentsOfDirectory(atPath: committedFolder.path).filter { !$0.hasPrefix(".") }
        #expect(committed.count >= 10)
        for name in committed.sorted() {
            let bytes = try Data(contentsOf: committedFolder.appendingPathComponent(name))
            #expect(built[name] == bytes, "Outputs/\(name) is not what `policygraph build` writes: run `swift run policygraph build`")
        }
    }

    /// Inputs out of id order take the pass over the store: the same files as in order.
    @Test func inputsOutOfOrderGiveTheSameFiles() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let seeds = repositoryRoot.appendingPathComponent("seeds").path, dev = fixturesDirectory.appendingPathComponent("dev/texts").path
        for (name, inputs) in [("ordered", [seeds, dev]), ("reversed", [dev, seeds])] {
            let result = try runPolicyGraph(["build"] + inputs + ["-o", name, "--jobs", "2", "--quiet"], in: scratch.url)
            #expect(result.status == 0, "\(result.error)")
        }
        let ordered = try scratch.snapshot("ordered"), reversed = try scratch.snapshot("reversed")
        for name in ordered.keys.sorted() where name != "policygraph.sqlite" { #expect(reversed[name] == ordered[name], "\(name) differs") }
    }

    @Test func jobsOutOfRangeIsAUsageError() throws {
        let result = try CommandLineTests.run(["build", "seeds", "-o", "/nonexistent/never", "--jobs", "0"])
        #expect(result.status != 0)
        #expect(result.error.contains("--jobs must be between 1 and"))
    }
}

/// The pool behind `build --jobs`.
@Suite struct OrderedWorkersTests {
    /// Results come back in submission order, however long each item takes.
    @Test(arguments: [1, 2, 3, 4])
    func resultsComeBackInSubmissionOrder(jobs: Int) throws {
        var received: [Int] = []
        try OrderedWorkers.run(jobs: jobs, produce: { submit in
            for index in 0..<200 {
                // Early items are the slow ones, so later ones finish first.
                try submit {
                    usleep(UInt32((200 - index) % 7 * 300))
                    return index
                }
            }
        }, consume: { received.append($0) })
        #expect(received == Array(0..<200))
    }

    /// No more than `jobs × itemsPerWorker` items are held at once: memory stays flat.
    @Test func itemsInFlightAreBounded() throws {
        let inFlight = Atomic<Int>(0), peak = Atomic<Int>(0)
        var consumed = 0
        try OrderedWorkers.run(jobs: 2, produce: { submit in
            for index in 0..<100 {
                let now = inFlight.add(1, ordering: .sequentiallyConsistent).newValue
                _ = peak.max(now, ordering: .sequentiallyConsistent)
                try submit { usleep(200); return index }
            }
        }, consume: { _ in
            inFlight.subtract(1, ordering: .sequentiallyConsistent)
            consumed += 1
        })
        #expect(consumed == 100)
        #expect(peak.load(ordering: .sequentiallyConsistent) <= 2 * OrderedWorkers.itemsPerWorker + 1)
    }

    struct Stop: Error {}

    /// A consumer that throws stops the run; the error comes out, and no thread is left behind.
    @Test(arguments: [1, 2])
    func aThrowingConsumerStopsTheRun(jobs: Int) {
        var received: [Int] = []
        #expect(throws: Stop.self) {
            try OrderedWorkers.run(jobs: jobs, produce: { submit in
                for index in 0..<50 { try submit { index } }
            }, consume: { value in
                if value == 10 { throw Stop() }
                received.append(value)
            })
        }
        #expect(received == Array(0..<10))
    }

    @Test func aThrowingProducerStopsTheRun() {
        var received: [Int] = []
        #expect(throws: Stop.self) {
            try OrderedWorkers.run(jobs: 2, produce: { submit in
                for index in 0..<5 { try submit { index } }
                throw Stop()
            }, consume: { received.append($0) })
        }
        #expect(received.count <= 5)
        #expect(received == Array(0..<received.count))
    }
}

/// The pieces that keep `build`'s memory proportional to the graph.
@Suite struct StreamingBuildTests {
    /// Streamed one document at a time, extraction.json is the same bytes as encoded at once.
    @Test(arguments: [0, 1, 5])
    func streamedExtractionJSONIsTheEncodedArray(count: Int) throws {
        let extractions = Array(seedExtractions.prefix(count))
        let path = temporaryStorePath("extraction").replacingOccurrences(of: ".sqlite", with: ".json")
        let stream = try ExtractionJSONStream(path: path)
        for extraction in extractions { try stream.append(extraction) }
        try stream.finish()
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == ExtractionJSON.encode(extractions))
    }

    /// graph.json written node by node is the same bytes as encoded at once, empty arrays included.
    @Test func streamedGraphJSONIsTheEncodedGraph() throws {
        let builder = GraphBuilder(ontology: sharedExtractor.lexicon.ontology)
        let edgeless = builder.build([DocumentExtraction(document: "empty.txt", published: nil, entities: [])])
        #expect(edgeless.edges.isEmpty)
        for graph in [builder.build(storableDocuments.map(\.extraction)), edgeless, KnowledgeGraph(nodes: [], edges: [])] {
            let path = temporaryStorePath("graph").replacingOccurrences(of: ".sqlite", with: ".json")
            try graph.writeJSON(to: path)
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == graph.jsonData())
        }
    }

    /// What the build feeds the graph straight from extraction is what the store gives back.
    @Test func storedExtractionsDecodeToTheExtractions() throws {
        for document in storableDocuments {
            let prepared = try StoreBuild.Prepared(document)
            #expect(try JSONDecoder().decode(DocumentExtraction.self, from: prepared.data) == document.extraction, "\(document.id)")
        }
    }

    /// The graph a fresh build returns is the graph its store reads back (what the exports used to be written from).
    @Test(arguments: [GraphSettings(), GraphSettings(coMentions: true)])
    func theFreshGraphIsTheStoredGraph(settings: GraphSettings) throws {
        let path = temporaryStorePath()
        let (graph, extractions) = try StoreBuild.fresh(at: path, with: storableDocuments, ontology: sharedExtractor.lexicon.ontology,
                                                        settings: settings)
        let store = try PolicyStore(path: path, readOnly: true)
        #expect(try graph.jsonData() == store.graph().jsonData())
        #expect(try extractions == store.extractions())
        #expect(extractions.map(\.document) == storableDocuments.map(\.id).sorted())
    }

    /// Documents out of order, and near-duplicates, take the pass over the store: the graph and
    /// extractions of ``PolicyStore/ingest(_:ontology:options:rebuild:)``.
    @Test func outOfOrderAndDuplicateDocumentsGiveTheIngestedGraph() throws {
        let ontology = sharedExtractor.lexicon.ontology
        var copy = storableDocuments[1].extraction
        copy.document = "zz-copy.txt"
        let duplicate = StoredDocument(id: copy.document, fingerprint: storableDocuments[1].fingerprint, extraction: copy)
        for documents in [Array(storableDocuments.reversed()), storableDocuments + [duplicate]] {
            let (graph, extractions) = try StoreBuild.fresh(at: temporaryStorePath(), with: documents, ontology: ontology, settings: .init())
            let store = try PolicyStore(path: temporaryStorePath())
            try store.ingest(documents, ontology: ontology)
            #expect(try graph.jsonData() == store.graph().jsonData())
            #expect(try extractions == store.extractions())
        }
    }

    /// Documents added one at a time give the graph of all of them built at once, in any input order.
    @Test func theAccumulatedGraphIsTheBuiltGraph() throws {
        let extractions = storableDocuments.map(\.extraction)
        let builder = GraphBuilder(ontology: sharedExtractor.lexicon.ontology)
        var accumulator = GraphAccumulator(builder: builder)
        for extraction in extractions.sorted(by: { $0.document < $1.document }) { accumulator.add(extraction) }
        #expect(try accumulator.graph().jsonData() == builder.build(extractions.reversed()).jsonData())
    }

    /// A build that is never committed leaves no file behind.
    @Test func anUncommittedFreshStoreLeavesNothing() throws {
        let path = temporaryStorePath()
        do {
            let build = try StoreBuild.Fresh(at: path, ontology: sharedExtractor.lexicon.ontology, settings: .init())
            try build.add { add in try add(try StoreBuild.Prepared(storableDocuments[0])) }
            #expect(FileManager.default.fileExists(atPath: build.temporaryPath))
        }
        let folder = (path as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }
}
