import Testing
@testable import PolicyGraphCore

/// `Timeline.links`, reading the entries in place, links what the straightforward
/// reading (each pair of entries copied and compared) links.
@Suite struct TimelineLinksTests {
    /// The links as first written: the same walk, each compared pair of entries copied.
    static func straightforwardLinks(_ entries: [TimelineEntry]) -> [TimelineLink] {
        var byMatter: [String: [Int]] = [:]
        for (index, entry) in entries.enumerated() {
            if let matter = Timeline.subjectMatter(entry), entry.facts.action != nil { byMatter[matter, default: []].append(index) }
        }
        var links: [TimelineLink] = []
        for matter in byMatter.keys.sorted() {
            let indexes = byMatter[matter]!
            for (position, b) in indexes.enumerated() {
                var revision: Int? = nil, disagreement: Int? = nil
                var back = position - 1
                while back >= 0, position - back <= Timeline.linkWindow, revision == nil || disagreement == nil {
                    let a = indexes[back]
                    back -= 1
                    let x = entries[a], y = entries[b]
                    guard x.year != y.year || x.facts.relation != y.facts.relation else { continue }
                    if x.subject.id == y.subject.id, x.document != y.document, x.facts.relation != .after, y.facts.relation != .after {
                        if revision == nil { revision = a }
                    } else if x.subject.id != y.subject.id, x.facts.modality != y.facts.modality, x.facts.action == y.facts.action {
                        if disagreement == nil { disagreement = a }
                    }
                }
                if let a = revision {
                    let (earlier, later) = (entries[a].published ?? "") <= (entries[b].published ?? "") ? (a, b) : (b, a)
                    links.append(TimelineLink(kind: .revision, from: earlier, to: later))
                }
                if let a = disagreement { links.append(TimelineLink(kind: .disagreement, from: a, to: b)) }
            }
        }
        return links.sorted { ($0.from, $0.to) < ($1.from, $1.to) }
    }

    /// The seeds' timeline, the timeline of the seeds and the dev texts (hundreds of targets,
    /// revisions in busy topics) and two holders disagreeing: both kinds of link occur, and
    /// they are the same.
    @Test func linksAreTheStraightforwardLinks() throws {
        let texts = [("a.txt", "2025-01", "宁德时代宣布将于2027年实现钠离子电池量产。"),
                     ("b.txt", "2025-02", "中国汽车工业协会预计，钠离子电池2030年才能实现量产。")]
        let disagreeing = GraphBuilder(ontology: sharedExtractor.lexicon.ontology)
            .build(texts.map { sharedExtractor.extract(SourceDocument(name: $0.0, string: $0.2), published: $0.1) })
        var kinds: Set<TimelineLinkKind> = []
        for graph in [GraphTests.seedGraph, try XMLByteWriterTests.builtGraph().graph, disagreeing] {
            let timeline = Timeline(graph: graph)
            let links = Timeline.links(timeline.entries)
            #expect(links == Self.straightforwardLinks(timeline.entries))
            #expect(links == timeline.links)
            kinds.formUnion(links.map(\.kind))
        }
        #expect(kinds == [.revision, .disagreement])
    }
}
