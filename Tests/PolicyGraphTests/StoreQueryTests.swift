import Foundation
import Testing
@testable import PolicyGraphCore
@testable import PolicyGraphStore

/// `targets`, `neighbors` and `path` on the store give the answers the whole graph gives.
@Suite struct StoreQueryTests {
    /// The seeds and the dev texts in a store, with the graph it holds.
    static let built: (store: PolicyStore, graph: KnowledgeGraph)? = {
        let path = temporaryStorePath("queries")
        guard let (graph, _) = try? StoreBuild.fresh(at: path, with: storableDocuments, ontology: sharedExtractor.lexicon.ontology,
                                                      settings: .init()),
              let store = try? PolicyStore(path: path, readOnly: true) else { return nil }
        return (store, graph)
    }()

    static let filters: [(topic: String?, time: TimeFilter?, type: EntityType?, modality: Modality?, subject: String?)] = [
        (nil, nil, nil, nil, nil),
        ("固态电池", .dueBy(2027), .company, .promise, nil),
        ("固态电池", nil, nil, nil, nil),
        (nil, .in(2025), nil, nil, nil),
        (nil, .in(2030), nil, .goal, nil),
        (nil, .after(2026), nil, nil, nil),
        (nil, .between(2024, 2026), .government, nil, nil),
        ("电池", .dueBy(2030), nil, .forecast, nil),
        (nil, nil, nil, nil, "丰田"),
        (nil, nil, nil, nil, "没有这个名字"),
    ]

    /// A time that names a day (dev: 于2021年12月31日前) keeps it in the store's row, in the JSON view of the
    /// target, and in graph.json as streamed (the bytes JSONEncoder gives).
    @Test func aTargetsDayIsKept() throws {
        let (store, graph) = try #require(Self.built)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("graph-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try graph.save(to: url)
        let streamed = try Data(contentsOf: url)
        #expect(streamed == (try graph.jsonData()))
        #expect(String(decoding: streamed, as: UTF8.self).contains("\"day\" : 31"))
        let dated = try store.targetViews(store.targets(time: .in(2021))).filter { $0.time.day != nil }
        #expect(dated.map { [$0.time.year, $0.time.month, $0.time.day, $0.time.endDay] } == [[2021, 12, 31, nil]])
        #expect(try store.query("SELECT year, month, day, end_day FROM targets WHERE day IS NOT NULL").rows
                == [[.integer(2021), .integer(12), .integer(31), .null]])
    }

    @Test(arguments: filters.indices)
    func targetsAreTheGraphsTargets(index: Int) throws {
        let (store, graph) = try #require(Self.built)
        let filter = Self.filters[index]
        let fromStore = try store.targets(about: filter.topic, time: filter.time, subjectType: filter.type, modality: filter.modality,
                                          subject: filter.subject)
        let fromGraph = graph.targets(about: filter.topic, time: filter.time, subjectType: filter.type, modality: filter.modality,
                                      subject: filter.subject)
        #expect(fromStore == fromGraph)
        if index < 2 { #expect(!fromStore.isEmpty) }
    }

    /// Every entity's neighbours, at depth 1 (with edge types and weights) and 2, with and without an edge type.
    @Test func neighborsAreTheGraphsNeighbors() throws {
        let (store, graph) = try #require(Self.built)
        let entities = graph.nodes.values.filter { $0.kind != .target && $0.kind != .document }
        #expect(entities.count > 50)
        for node in entities {
            for type in [nil, EdgeType.mentionedIn, .issued] {
                let expected = graph.neighbors(of: node.id, edgeType: type).map { "\($0.edge.type.rawValue) \($0.edge.source == node.id) \($0.node.id) \($0.edge.sources.count)" }
                let actual = try store.neighbors(of: node.id.rawValue, edgeType: type).map { "\($0.edgeType) \($0.outgoing) \($0.node.id) \($0.weight)" }
                #expect(actual == expected, "\(node.label)")
            }
        }
        for node in entities.prefix(40) {
            #expect(try store.neighborhood(of: node.id.rawValue, depth: 2) == graph.neighborhood(of: node.id, depth: 2), "\(node.label)")
        }
    }

    /// Shortest paths between pairs of entities: the same nodes and, at each step, the same edge type.
    @Test func pathsAreTheGraphsPaths() throws {
        let (store, graph) = try #require(Self.built)
        let entities = graph.nodes.values.filter { $0.kind != .target && $0.kind != .document }
        // Pairs a few steps apart (and some far apart), so that paths of several steps are compared.
        var pairs = zip(entities.prefix(20), entities.reversed().prefix(20)).map { ($0, $1) }
        for a in entities.prefix(60) {
            let around = graph.neighborhood(of: a.id, edgeType: nil, depth: 4).filter { $0.kind != .document && $0.kind != .target }
            if let b = around.last { pairs.append((a, b)) }
        }
        var connected = 0, long = 0
        for (a, b) in pairs {
            let expected = graph.shortestPath(from: a.id, to: b.id)
            let actual = try store.shortestPath(from: a.id.rawValue, to: b.id.rawValue)
            #expect(actual?.map(\.node.id) == expected, "\(a.label) → \(b.label)")
            if let expected, let actual {
                connected += 1
                if expected.count > 3 { long += 1 }
                for index in expected.indices.dropFirst() {
                    let via = graph.neighbors(of: expected[index - 1]).first { $0.node.id == expected[index] }?.edge.type.rawValue
                    #expect(actual[index].via == via)
                }
            }
        }
        #expect(connected > 0)
        #expect(long > 0)
    }
}

extension StoreQueryTests {
    /// `timeline` reads the store: the same entries, links and pages as the whole graph's timeline.
    @Test(arguments: [
        (nil, nil, nil, nil),
        ("固态电池", EntityType.company, nil, 2027),
        (nil, EntityType.government, 2025, nil),
        ("电池", nil, 2024, 2030),
    ] as [(String?, EntityType?, Int?, Int?)])
    func timelineIsTheGraphsTimeline(topic: String?, type: EntityType?, from: Int?, to: Int?) throws {
        let (store, graph) = try #require(Self.built)
        let fromStore = try store.timeline(topic: topic, subjectType: type, from: from, to: to)
        let fromGraph = Timeline(graph: graph, topic: topic, subjectType: type, from: from, to: to)
        #expect(fromStore.entries == fromGraph.entries)
        #expect(fromStore.links == fromGraph.links)
        #expect(TimelineRenderer.markdown(fromStore) == TimelineRenderer.markdown(fromGraph))
        #expect(TimelineHTML.render(fromStore) == TimelineHTML.render(fromGraph))
        if topic == nil, type == nil { #expect(!fromStore.entries.isEmpty && fromStore.entries.contains { $0.published != nil }) }
    }
}
