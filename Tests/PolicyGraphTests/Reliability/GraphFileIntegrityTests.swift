import Foundation
import Testing
@testable import PolicyGraphCore

/// A graph read back from a file is checked before use; the timeline page
/// stays bounded for any years (reproducers 03, 04, 17).
@Suite struct GraphFileIntegrityTests {
    static let reliability = fixturesDirectory.appendingPathComponent("reliability")

    static func unchecked(_ name: String) throws -> KnowledgeGraph {
        let data = try Data(contentsOf: reliability.appendingPathComponent(name))
        let file = try JSONDecoder().decode(GraphFile.self, from: data)
        return KnowledgeGraph(nodes: file.nodes, edges: file.edges)
    }

    @Test(arguments: [
        ("03-timeline-html-year-overflow-crash/graph-year-int-max.json", "has year 9223372036854775807, outside 100–9999"),
        ("03-timeline-html-year-overflow-crash/graph-year-int-min.json", "has year -9223372036854775808, outside 100–9999"),
        ("04-timeline-html-year-range-hang/graph-year-range.json", "has end year 100000000"),
        ("17-graph-json-integrity-not-checked/graph-dangling-edge.json", "points at 'government_missing', which is not a node"),
    ])
    func unsoundGraphsAreRejected(file: String, problem: String) throws {
        let url = Self.reliability.appendingPathComponent(file)
        #expect {
            _ = try KnowledgeGraph.load(from: url)
        } throws: { error in
            let message = (error as? GraphFileError)?.errorDescription ?? ""
            return message.contains(problem) && message.contains(url.path)
        }
    }

    /// A fuzz finding: a UTF-16 input whose target year (225) the time normaliser
    /// gives but the graph check refused, so a build wrote a graph.json that later
    /// commands rejected. A graph's own JSON always passes the read-back checks.
    @Test func aBuiltGraphPassesItsOwnChecks() throws {
        let bytes = Array(try Data(contentsOf: Self.reliability.appendingPathComponent("fuzz-findings/extract-own-graph-rejected.bin")))
        // The harness's layout: the first byte chooses the file name and the publication date.
        let names = ["doc.txt", "page.html", "notes.md", "doc.txt"]
        let name = names[Int(bytes[0]) % names.count]
        let decoded = try TextDecoding.decode(Array(bytes.dropFirst()), file: name)
        let document = SourceDocument(name: name, path: name, text: decoded, markup: MarkupKind.detect(fileName: name, bytes: decoded.bytes))
        let extraction = sharedExtractor.extract(document, published: (Int(bytes[0]) / 4) % 2 == 0 ? nil : "2025-03-15")
        let graph = GraphBuilder(ontology: sharedExtractor.lexicon.ontology).build([extraction])
        #expect(throws: Never.self) { _ = try KnowledgeGraph.load(data: try graph.jsonData(), path: "built.json") }
    }

    /// 17: the export command no longer reads a graph file (it reads the store): given one, it says
    /// which store to give and writes no file. (The graph file's own checks are tested above.)
    @Test func exportWritesNoInvalidFile() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let graph = Self.reliability.appendingPathComponent("17-graph-json-integrity-not-checked/graph-dangling-edge.json").path
        let result = try runPolicyGraph(["export", "--format", "graphml", "--graph", graph, "-o", "dangling.graphml"], in: scratch.url)
        #expect(result.status != 0)
        #expect(result.error.contains("give --store"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path("dangling.graphml")))
    }

    @Test(arguments: [
        ("company_1319ef2f9c9f5754", "company", true),
        ("company_", "company", false),                  // no digits
        ("company_XYZ", "company", false),               // not hexadecimal
        ("policy_1319ef", "company", false),             // the wrong kind
        ("company_1319ef\n<x>", "company", false),       // controls and markup
    ])
    func idsAreChecked(id: String, kind: String, valid: Bool) {
        #expect(GraphIntegrity.isWellFormed(id, prefix: kind) == valid)
    }

    /// 03, 04: built directly (no file checks), extreme years still give a small page, no trap.
    @Test(.timeLimit(HangGuard.minutes(3)), arguments: [
        "03-timeline-html-year-overflow-crash/graph-year-int-max.json",
        "03-timeline-html-year-overflow-crash/graph-year-int-min.json",
        "04-timeline-html-year-range-hang/graph-year-range.json",
    ])
    func extremeYearsDrawABoundedPage(file: String) throws {
        let timeline = Timeline(graph: try Self.unchecked(file))
        #expect(!timeline.entries.isEmpty)
        let html = TimelineHTML.render(timeline)
        #expect(html.utf8.count < 200_000)
        _ = TimelineRenderer.markdown(timeline)
        _ = try TimelineRenderer.timelineJS(timeline)
    }

    /// A wide span of years draws one column per year that occurs.
    @Test func wideSpanDrawsOnlyTheYearsThatOccur() throws {
        let timeline = Timeline(graph: try Self.unchecked("04-timeline-html-year-range-hang/graph-year-range.json"))
        let html = TimelineHTML.render(timeline)
        let columns = html.components(separatedBy: "<line class=\"grid\"").count - 1
        #expect(columns <= 4 * timeline.entries.count + 2)
    }
}

/// Item 10: reversed years are a usage error, like `timeline --from 2030 --to 2020`.
@Suite struct QueryUsageTests {
    @Test func reversedBetweenIsAUsageError() throws {
        let result = try runPolicyGraph(["targets", "--between", "2030", "2020"], in: repositoryRoot)
        #expect(result.status == 64)
        #expect(result.error.contains("the first year is after the second"))
    }
}
