import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import PolicyGraphCore

@Suite struct TimelineTests {
    static let timeline = Timeline(graph: GraphTests.seedGraph)

    @Test func everyTargetIsPlacedInTimeOrder() {
        #expect(Self.timeline.entries.count == GraphTests.seedGraph.targets().count)
        let keys = Self.timeline.entries.map { ($0.year, $0.month ?? 0) }
        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 <= $1 })
        let markdown = TimelineRenderer.markdown(Self.timeline)
        #expect(markdown.contains("## 2027"))
        #expect(markdown.contains("after 2030 →"))                 // open ends are marked, not dropped
        #expect(markdown.contains("2027–2028"))                    // ranges too
    }

    /// A holder's own later statement with another time revises the earlier one.
    @Test func revisionsAreLinked() throws {
        let toyota = try #require(GraphTests.seedGraph.entity(named: "丰田汽车"))
        let revisions = Self.timeline.links.filter { $0.kind == .revision }
        #expect(revisions.contains { Self.timeline.entries[$0.from].subject.id == toyota.id && Self.timeline.entries[$0.to].subject.id == toyota.id })
        #expect(TimelineRenderer.markdown(Self.timeline).contains("revised by 丰田汽车公司"))
    }

    @Test func disagreementsLinkDifferentHolders() {
        let texts = [("a.txt", "2025-01", "宁德时代宣布将于2027年实现钠离子电池量产。"),
                     ("b.txt", "2025-02", "中国汽车工业协会预计，钠离子电池2030年才能实现量产。")]
        let extractions = texts.map { sharedExtractor.extract(SourceDocument(name: $0.0, string: $0.2), published: $0.1) }
        let timeline = Timeline(graph: GraphBuilder(ontology: sharedExtractor.lexicon.ontology).build(extractions))
        #expect(timeline.links.map(\.kind) == [.disagreement])
        #expect(TimelineRenderer.csv(timeline).contains("disagreement: "))
    }

    @Test func filtersNarrowTheTimeline() {
        let graph = GraphTests.seedGraph
        let companies = Timeline(graph: graph, subjectType: .company)
        #expect(!companies.entries.isEmpty && companies.entries.allSatisfy { $0.subject.kind == .company })
        let solid = Timeline(graph: graph, topic: "固态电池", from: 2026, to: 2027)
        #expect(!solid.entries.isEmpty && solid.entries.allSatisfy { TimeFilter.between(2026, 2027).accepts($0.facts) })
        #expect(Timeline(graph: graph, topic: "量子计算").entries.isEmpty)
    }

    @Test func timelineJSEventsHaveTheFieldsTimelineJSReads() throws {
        let data = try TimelineRenderer.timelineJS(Self.timeline)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let events = try #require(object["events"] as? [[String: Any]])
        #expect(events.count == Self.timeline.entries.count)
        for event in events {
            #expect((event["start_date"] as? [String: Any])?["year"] is Int)
            let text = try #require(event["text"] as? [String: Any])
            #expect(text["headline"] is String && text["text"] is String)
            #expect(event["group"] is String)
        }
        #expect(events.contains { $0["end_date"] != nil })
        // Revisions are marked in this format too.
        #expect(events.contains { (($0["text"] as? [String: Any])?["text"] as? String)?.contains("revision: ") ?? false })
    }

    /// The HTML page is well-formed, self-contained and holds every target.
    @Test func htmlIsWellFormedSelfContainedAndComplete() throws {
        let html = TimelineHTML.render(Self.timeline)
        let parser = XMLParser(data: Data(html.utf8))
        #expect(parser.parse(), "not well-formed: \(String(describing: parser.parserError))")
        #expect(!html.contains("<script"))
        #expect(!html.contains("http://") || !html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("http://"))
        #expect(!html.contains("https://"))
        for index in Self.timeline.entries.indices {
            #expect(html.contains("id=\"target-\(index)\""))
            #expect(html.contains("href=\"#target-\(index)\""))
        }
        for entry in Self.timeline.entries { #expect(html.contains(TimelineHTML.escape(entry.subject.label))) }
        #expect(try String(contentsOf: repositoryRoot.appendingPathComponent("Outputs/timeline.html"), encoding: .utf8) == html)
    }

    /// Outputs/timeline.md and timeline.csv are current (golden files).
    @Test func committedTimelinesAreCurrent() throws {
        let outputs = repositoryRoot.appendingPathComponent("Outputs")
        #expect(try String(contentsOf: outputs.appendingPathComponent("timeline.md"), encoding: .utf8) == TimelineRenderer.markdown(Self.timeline))
        #expect(try String(contentsOf: outputs.appendingPathComponent("timeline.csv"), encoding: .utf8) == TimelineRenderer.csv(Self.timeline))
    }
}
