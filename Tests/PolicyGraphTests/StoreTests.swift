import Foundation
import Testing
@testable import PolicyGraphCore
import PolicyGraphExport
import GRDB
@testable import PolicyGraphStore

/// The seeds and the dev texts as documents to store: id, fingerprint, extraction.
let storableDocuments: [StoredDocument] = {
    var documents: [StoredDocument] = []
    let paths = [repositoryRoot.appendingPathComponent("seeds").path, fixturesDirectory.appendingPathComponent("dev/texts").path]
    InputCollection(paths: paths).read(onError: { Issue.record("unreadable: \($0)") }) { document, metadata in
        documents.append(StoredDocument(id: document.name, fingerprint: DocumentFingerprint(text: document.text.bytes),
                                        extraction: sharedExtractor.extract(document, metadata: metadata)))
    }
    return documents
}()

func temporaryStorePath(_ name: String = "store") -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("policygraph-store-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder.appendingPathComponent("\(name).sqlite").path
}

/// Every export of a graph, as bytes: what must not depend on how the store was filled.
func exportBytes(_ graph: KnowledgeGraph) throws -> [String: Data] {
    let folder = URL(fileURLWithPath: temporaryStorePath()).deletingLastPathComponent()
    try GraphMLExporter().write(graph, to: folder.appendingPathComponent("graph.graphml").path)
    try GEXFExporter().write(graph, to: folder.appendingPathComponent("graph.gexf").path)
    try DOTExporter().write(graph, to: folder.appendingPathComponent("graph.dot").path)
    try CSVExporter().write(graph, toFolder: folder.path)
    var result: [String: Data] = ["graph.json": try graph.jsonData()]
    for name in ["graph.graphml", "graph.gexf", "graph.dot", "nodes.csv", "edges.csv"] {
        result[name] = try Data(contentsOf: folder.appendingPathComponent(name))
    }
    let timeline = Timeline(graph: graph)
    result["timeline.md"] = Data(TimelineRenderer.markdown(timeline).utf8)
    result["timeline.html"] = Data(TimelineHTML.render(timeline).utf8)
    return result
}

@Suite struct StoreTests {
    let ontology = sharedExtractor.lexicon.ontology

    /// The key test: any order, any steps, removals in between → the same exports as a full build.
    @Test(arguments: [1, 2, 3, 4])
    func incrementalAddsAndRemovalsGiveTheFullBuildsExports(seed: UInt64) throws {
        for settings in [GraphSettings(), GraphSettings(coMentions: true)] {
            let all = storableDocuments
            var generator = SplitMix(seed: seed)
            let final = all.filter { _ in generator.next() % 4 != 0 }
            let (fullGraph, fullExtractions) = try StoreBuild.fresh(at: temporaryStorePath(), with: final, ontology: ontology, settings: settings)
            let expected = try exportBytes(fullGraph)

            let store = try PolicyStore(path: temporaryStorePath())
            var pending = all.shuffled(using: &generator)
            while !pending.isEmpty {
                let step = Int(generator.next() % 5) + 1
                try store.ingest(Array(pending.prefix(step)), ontology: ontology, options: settings)
                pending.removeFirst(min(step, pending.count))
                // Now and then take back a stored document that is not in the final set, or one that is (re-added later).
                let stored = try store.documentIDs()
                if let id = stored.first(where: { id in !final.contains { $0.id == id } }), generator.next() % 2 == 0 {
                    try store.remove([id], ontology: ontology, options: settings)
                } else if let id = stored.randomElement(using: &generator), generator.next() % 3 == 0 {
                    try store.remove([id], ontology: ontology, options: settings)
                    pending.append(all.first { $0.id == id }!)
                }
            }
            let extra = try store.documentIDs().filter { id in !final.contains { $0.id == id } }
            try store.remove(extra, ontology: ontology, options: settings)
            let actual = try exportBytes(try store.graph())
            for name in expected.keys.sorted() { #expect(actual[name] == expected[name], "\(name) differs (seed \(seed), \(settings))") }
            #expect(try store.extractions() == fullExtractions)
        }
    }

    /// The store's graph is the graph the builder makes of the same documents.
    @Test func theStoredGraphIsTheBuildersGraph() throws {
        let seeds = storableDocuments.filter { !$0.id.hasPrefix("dev-") }
        let (graph, _) = try StoreBuild.fresh(at: temporaryStorePath(), with: seeds, ontology: ontology, settings: .init())
        #expect(try graph.jsonData() == GraphBuilder(ontology: ontology).build(seeds.map(\.extraction)).jsonData())
    }

    @Test func aChangedDocumentReplacesItsFactsAndAnUnchangedOneIsSkipped() throws {
        let store = try PolicyStore(path: temporaryStorePath())
        let document = storableDocuments[0]
        var report = try store.ingest([document], ontology: ontology)
        #expect(report.added == [document.id])
        report = try store.ingest([document], ontology: ontology)
        #expect(report.unchanged == [document.id])
        let changed = sharedExtractor.extract(SourceDocument(name: document.id, string: "2024年1月1日\n宁德时代计划2027年量产全固态电池。"))
        report = try store.ingest([StoredDocument(id: document.id, fingerprint: DocumentFingerprint(text: Array("changed".utf8)), extraction: changed)],
                                  ontology: ontology)
        #expect(report.replaced == [document.id])
        let labels = try store.query("SELECT label FROM nodes WHERE kind = 'company'").rows.map { $0[0].text }
        #expect(labels == ["宁德时代新能源科技股份有限公司"])
    }

    @Test func removingAnUnknownDocumentSuggestsStoredOnes() throws {
        let store = try PolicyStore(path: temporaryStorePath())
        try store.ingest(Array(storableDocuments.prefix(2)), ontology: ontology)
        #expect(throws: StoreError.unknownDocument("000_441b5bb5ba9ae825.txt", suggestions: ["000_441b5bb5ba9ae824.txt"])) {
            try store.remove(["000_441b5bb5ba9ae825.txt"], ontology: ontology)
        }
        #expect(try store.documentIDs().count == 2)
    }

    @Test func nearDuplicatesCountOnceAndKeepBothSources() throws {
        let original = storableDocuments[1]
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("seeds/\(original.id)"), encoding: .utf8)
        // The same article republished with a different first line.
        let republished = "转载自某网站\n" + text
        let copy = StoredDocument(id: "zz-republished.txt", fingerprint: DocumentFingerprint(text: Array(republished.utf8)),
                                  extraction: sharedExtractor.extract(SourceDocument(name: "zz-republished.txt", string: republished)))
        #expect(copy.fingerprint.isNearDuplicate(of: original.fingerprint))
        let store = try PolicyStore(path: temporaryStorePath())
        let report = try store.ingest([copy, original], ontology: ontology)
        #expect(report.duplicates == ["zz-republished.txt": original.id])
        let alone = try PolicyStore(path: temporaryStorePath())
        try alone.ingest([original], ontology: ontology)
        // Facts count once: the same targets as the original alone.
        let count = "SELECT count(*) FROM targets"
        #expect(try store.query(count) == alone.query(count))
        let answer = try store.companies(promising: "固态电池", dueBy: 2027)
        let source = try #require(answer.companies.first?.targets.first?.sources.first)
        #expect(source.duplicates.map(\.document) == ["zz-republished.txt"])
        #expect(try store.query("SELECT count(*) FROM edges WHERE type = 'duplicate_of'").rows == [[.integer(1)]])
    }

    @Test func distinctSeedsAreNotNearDuplicates() {
        let items = storableDocuments.map { NearDuplicates.Item(id: $0.id, simhash: $0.fingerprint.simhash, shingles: $0.fingerprint.shingles) }
        #expect(NearDuplicates.canonical(items).isEmpty)
    }

    @Test(arguments: [
        ("宁德时代", "宁德时代新能源科技股份有限公司"),   // alias
        ("catl", "宁德时代新能源科技股份有限公司"),       // Latin, any case
        ("CATL", "宁德时代新能源科技股份有限公司"),
        ("寧德時代", "宁德时代新能源科技股份有限公司"),   // traditional folded
        ("《 宁德时代 》", "宁德时代新能源科技股份有限公司"), // quotes and spaces dropped
        ("工信部", "工业和信息化部"),
    ])
    func lookupForgives(name: String, expected: String) throws {
        let store = try seedStore()
        #expect(try store.entity(named: name).name == expected)
    }

    @Test func suggestionsAreNearestFirstWithoutDuplicates() throws {
        let store = try seedStore()
        let suggestions = try store.suggestions(for: "宁德时带")
        #expect(suggestions.first == "宁德时代")
        #expect(Set(suggestions).count == suggestions.count)
        #expect(throws: UnknownName.self) { try store.entity(named: "宁德时带") }
        #expect(NameSuggestions.closest(to: "abc", among: ["abd", "abd", "abc", "xyz"], limit: 5) == ["abc", "abd"])
    }

    @Test func theGroupedAnswerHasOneRowPerCompanyWithNumbersAndSources() throws {
        let answer = try seedStore().companies(promising: "固态电池", dueBy: 2027)
        let names = answer.companies.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(names.count == 10)
        let toyota = try #require(answer.companies.first { $0.name == "丰田汽车公司" })
        #expect(toyota.earliestDueYear == 2026)
        #expect(toyota.aliases.contains("Toyota"))
        #expect(toyota.targets.allSatisfy { $0.time.year <= 2027 && $0.modality == "promise" })
        #expect(toyota.revisions.map { "\($0.fromTime) → \($0.toTime)" } == ["in 2027 → in 2026"])
        #expect(toyota.targets.flatMap(\.sources).allSatisfy { $0.published != nil && $0.offsets.count == 2 })
        // Every group is sorted by its earliest due year.
        #expect(answer.companies.map(\.earliestDueYear) == answer.companies.map(\.earliestDueYear).sorted())
    }

    /// `--limit N` keeps the first N companies whole (only their sources are read); a table's
    /// answer (no sentences) has the same companies, targets and sources.
    @Test func aLimitKeepsTheFirstCompaniesWhole() throws {
        let store = try seedStore()
        let all = try store.companies(promising: "固态电池", dueBy: 2027)
        for limit in [1, 3, all.companies.count, all.companies.count + 5] {
            #expect(try store.companies(promising: "固态电池", dueBy: 2027, limit: limit).companies == Array(all.companies.prefix(limit)))
        }
        let table = try store.companies(promising: "固态电池", dueBy: 2027, sentences: false)
        let sources = { (answer: CompanyAnswer) in answer.companies.flatMap { $0.targets.flatMap { $0.sources.map { [$0.document, $0.published ?? ""] } } } }
        #expect(table.companies.map(\.id) == all.companies.map(\.id))
        #expect(sources(table) == sources(all))
        #expect(table.companies.map(\.revisions) == all.companies.map(\.revisions))
        #expect(table.companies.allSatisfy { $0.targets.allSatisfy { $0.sources.allSatisfy { $0.sentence == nil } } })
        #expect(all.companies.allSatisfy { $0.targets.allSatisfy { $0.sources.allSatisfy { $0.sentence != nil } } })
    }

    @Test func sqlIsReadOnlyAndTyped() throws {
        let store = try seedStore()
        let result = try store.query("SELECT kind, count(*) AS n FROM nodes WHERE kind = 'document' GROUP BY kind")
        #expect(result.columns == ["kind", "n"])
        #expect(result.rows == [[.text("document"), .integer(5)]])
        let json = try #require(try JSONSerialization.jsonObject(with: result.jsonData()) as? [[String: Any]])
        #expect(json.first?["n"] as? Int == 5)
        #expect(throws: StoreError.self) { try store.query("DELETE FROM nodes") }
        #expect(throws: StoreError.self) { try store.query("SELEC nonsense") }
    }

    @Test func coMentionsAreWeightedEdgesBetweenEntitiesOfOneSentence() throws {
        let documents = storableDocuments.filter { !$0.id.hasPrefix("dev-") }
        let (graph, _) = try StoreBuild.fresh(at: temporaryStorePath(), with: documents, ontology: ontology, settings: .init(coMentions: true))
        let edges = graph.edges.values.filter { $0.type == .coMentioned }
        #expect(!edges.isEmpty)
        for edge in edges {
            #expect(edge.source < edge.target)
            #expect(edge.sources.allSatisfy { $0.sentence != nil && $0.rule == "co_mentioned.sentence" })
        }
        let (plain, _) = try StoreBuild.fresh(at: temporaryStorePath(), with: documents, ontology: ontology, settings: .init())
        #expect(!plain.edges.values.contains { $0.type == .coMentioned })
    }

    @Test func foreignAndNewerFilesAreRefusedClearly() throws {
        let foreign = temporaryStorePath()
        let other = try PolicyStore(path: foreign)
        try other.database.write { db in
            try db.execute(sql: "PRAGMA application_id = 1")
        }
        #expect(throws: StoreError.notAStore(path: foreign)) { try PolicyStore(path: foreign) }

        let newer = temporaryStorePath()
        let store = try PolicyStore(path: newer)
        try store.database.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99')") }
        #expect(throws: StoreError.newerStore(path: newer, unknownVersions: ["v99"])) { try PolicyStore(path: newer, readOnly: true) }
        #expect(try PolicyStore(path: temporaryStorePath()).schemaVersions() == ["v1", "v2", "v3", "v4"])
        let text = temporaryStorePath()
        try Data("not a database at all, just some text".utf8).write(to: URL(fileURLWithPath: text))
        #expect(throws: StoreError.self) { try PolicyStore(path: text, readOnly: true) }
    }

    @Test func simhashSeesRewrappedTextAsTheSame() {
        let text = String(repeating: "国务院印发关于推动未来产业创新发展的实施意见。", count: 10)
        let wrapped = text.replacingOccurrences(of: "。", with: "。\n")
        #expect(DocumentFingerprint(text: Array(text.utf8)).simhash == DocumentFingerprint(text: Array(wrapped.utf8)).simhash)
        #expect(DocumentFingerprint(text: Array(text.utf8)).contentHash != DocumentFingerprint(text: Array(wrapped.utf8)).contentHash)
        // Too short to judge.
        #expect(!DocumentFingerprint(text: Array("短文".utf8)).isNearDuplicate(of: DocumentFingerprint(text: Array("短文".utf8))))
    }
}

/// The seeds in a store, built once.
let seedStorePath: String = {
    let path = temporaryStorePath("seeds")
    _ = try? StoreBuild.fresh(at: path, with: storableDocuments.filter { !$0.id.hasPrefix("dev-") },
                              ontology: sharedExtractor.lexicon.ontology, settings: .init())
    return path
}()

func seedStore() throws -> PolicyStore { try PolicyStore(path: seedStorePath, readOnly: true) }

/// A small seeded generator, so the random orders are the same on every run.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}

extension StoreTests {
    /// Distances between the dev texts, for tuning (printed on failure).
    @Test func devTextsAreFarApart() {
        let prints = storableDocuments.map(\.fingerprint)
        var closest = 64
        for (i, a) in prints.enumerated() { for b in prints[(i + 1)...] { closest = min(closest, (a.simhash ^ b.simhash).nonzeroBitCount) } }
        #expect(closest > DocumentFingerprint.maximumDistance + 2, "closest pair \(closest) bits apart")
    }
}

extension StoreTests {
    /// A store of schema v1 (extractions inside documents, edges with a JSON copy) is migrated
    /// on the next add: its documents are kept and the graph is rebuilt.
    @Test func aVersionOneStoreIsMigrated() throws {
        let path = temporaryStorePath()
        let queue = try DatabaseQueue(path: path)
        try StoreSchema.migrator.migrate(queue, upTo: "v1")
        let document = storableDocuments[0]
        let data = try JSONEncoder().encode(document.extraction)
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO documents (id, content_hash, bytes, published, published_year, published_source, simhash, shingles, extraction)
                VALUES (?, ?, ?, NULL, NULL, NULL, ?, ?, ?)
                """, arguments: [document.id, document.fingerprint.contentHash, document.fingerprint.bytes,
                                 Int64(bitPattern: document.fingerprint.simhash), document.fingerprint.shingles, data])
        }
        try queue.close()
        // Read-only, it says to migrate it; opened for writing, it is migrated and rebuilt.
        #expect(throws: StoreError.self) { try PolicyStore(path: path, readOnly: true) }
        let store = try PolicyStore(path: path)
        #expect(try store.schemaVersions() == ["v1", "v2", "v3", "v4"])
        try store.ingest([], ontology: ontology, rebuild: false)
        #expect(try store.extractions() == [document.extraction])
        let (expected, _) = try StoreBuild.fresh(at: temporaryStorePath(), with: [document], ontology: ontology, settings: .init())
        #expect(try store.graph().jsonData() == expected.jsonData())
    }
}

extension StoreTests {
    /// A store of schema v2 (targets keyed by text only, no target_sources) is refused for reading
    /// with a message that says how to migrate it, and migrated on the next add: the graph tables
    /// are rebuilt, so its grouped answer is a fresh build's, day of the targets' times included.
    @Test func aVersionTwoStoreIsRefusedForReadingThenMigrated() throws {
        let path = temporaryStorePath()
        let queue = try DatabaseQueue(path: path)
        try StoreSchema.migrator.migrate(queue, upTo: "v2")
        let documents = storableDocuments.filter { !$0.id.hasPrefix("dev-") }
        try queue.write { db in
            for document in documents {
                try db.execute(sql: """
                    INSERT INTO documents (id, content_hash, bytes, published, published_year, published_source, simhash, shingles)
                    VALUES (?, ?, ?, ?, NULL, NULL, ?, ?)
                    """, arguments: [document.id, document.fingerprint.contentHash, document.fingerprint.bytes, document.extraction.published,
                                     Int64(bitPattern: document.fingerprint.simhash), document.fingerprint.shingles])
                try db.execute(sql: "INSERT INTO extractions (document_id, data) VALUES (?, ?)",
                               arguments: [document.id, try JSONEncoder().encode(document.extraction)])
            }
        }
        try queue.close()
        #expect {
            try PolicyStore(path: path, readOnly: true)
        } throws: { error in
            let message = (error as? LocalizedError)?.errorDescription ?? ""
            return message.contains("older policygraph") && message.contains("v1, v2") && message.contains("policygraph add")
        }
        let store = try PolicyStore(path: path)
        #expect(try store.schemaVersions() == ["v1", "v2", "v3", "v4"])
        let report = try store.ingest([], ontology: ontology, rebuild: false)
        #expect(report.graph == .rebuilt(reason: "the store asked for a rebuild"))
        let migrated = try PolicyStore(path: path, readOnly: true)
        let fresh = try seedStore()
        #expect(try migrated.graph().jsonData() == fresh.graph().jsonData())
        #expect(try migrated.companies(promising: "固态电池", dueBy: 2030) == fresh.companies(promising: "固态电池", dueBy: 2030))
        #expect(try !migrated.companies(promising: "固态电池", dueBy: 2030).companies.isEmpty)
    }
}
