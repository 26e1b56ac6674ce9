import Foundation
import Testing
@testable import PolicyGraphCore
@testable import PolicyGraphStore

/// `add` of documents that sort after the stored ones merges them into the graph tables in place
/// (``IncrementalMerge``): the exports must be the full build's, byte for byte.
@Suite struct StoreMergeTests {
    let ontology = sharedExtractor.lexicon.ontology

    /// The seeds and dev texts with a republished copy of a seed, in id order.
    var documents: [StoredDocument] {
        get throws {
            let original = storableDocuments[1]
            let text = try String(contentsOf: repositoryRoot.appendingPathComponent("seeds/\(original.id)"), encoding: .utf8)
            let republished = "转载自某网站\n" + text
            let copy = StoredDocument(id: "zz-republished.txt", fingerprint: DocumentFingerprint(text: Array(republished.utf8)),
                                      extraction: sharedExtractor.extract(SourceDocument(name: "zz-republished.txt", string: republished)))
            return (storableDocuments + [copy]).sorted { $0.id < $1.id }
        }
    }

    /// Every column of `targets` but the number, with every source of `target_sources`.
    static let targetRows = """
        SELECT t.id, t.subject_id, t.subject_kind, t.relation, t.year, t.month, t.end_year, t.end_month, t.day, t.end_day, t.action,
               t.topic, t.topic_key, t.value, t.modality, t.technology_id,
               s.position, s.document_id, s.published, s.start, s."end", s.rule, s.sentence
        FROM targets t LEFT JOIN target_sources s ON s.target = t.number ORDER BY t.id, s.position
        """

    @Test(arguments: [GraphSettings(), GraphSettings(coMentions: true)])
    func documentsAddedInIdOrderAreMergedInPlaceAndGiveTheFullBuildsExports(settings: GraphSettings) throws {
        let all = try documents
        let store = try PolicyStore(path: temporaryStorePath())
        try store.ingest([all[0]], ontology: ontology, options: settings)
        var merged = 0
        for (index, document) in all.enumerated().dropFirst() {
            let report = try store.ingest([document], ontology: ontology, options: settings)
            if report.graph == .merged { merged += 1 } else { Issue.record("rebuilt at \(document.id): \(report.graph)") }
            // After each step the graph a full build of the same documents makes; now and then every export.
            let fullPath = temporaryStorePath()
            let (full, _) = try StoreBuild.fresh(at: fullPath, with: Array(all.prefix(index + 1)), ontology: ontology, settings: settings)
            let graph = try store.graph()
            #expect(try graph.jsonData() == full.jsonData(), "graph.json differs after \(document.id) (\(settings))")
            // The targets and their sources as the grouped answers read them (numbers aside: the merge appends).
            #expect(try store.query(Self.targetRows).rows == PolicyStore(path: fullPath, readOnly: true).query(Self.targetRows).rows,
                    "targets or target_sources differ after \(document.id) (\(settings))")
            if index % 7 == 0 || index == all.count - 1 {
                let expected = try exportBytes(full), actual = try exportBytes(graph)
                for name in expected.keys.sorted() { #expect(actual[name] == expected[name], "\(name) differs after \(document.id) (\(settings))") }
            }
        }
        #expect(merged == all.count - 1)
        #expect(try store.query("SELECT duplicate_of FROM documents WHERE id = 'zz-republished.txt'").rows == [[.text(all[1].id)]])
    }
}
