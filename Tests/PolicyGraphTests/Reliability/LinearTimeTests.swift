import Foundation
import Testing
@testable import PolicyGraphCore

/// Paths that were quadratic (reproducers 05, 15, 16). Their speed is measured by
/// `policygraph-bench --scaling`; these tests check the results and, with a time
/// limit far above the linear cost, that the inputs that used to take minutes finish.
@Suite struct LinearTimeTests {
    static let reliability = fixturesDirectory.appendingPathComponent("reliability")

    /// 05: a line of 24,000 unclosed `[a](` is kept as text, and links still strip.
    @Test(.timeLimit(HangGuard.minutes(3)))
    func unclosedMarkdownLinks() throws {
        let bytes = [UInt8](try Data(contentsOf: Self.reliability.appendingPathComponent("05-markdown-link-scan-quadratic/links-24k.md")))
        let stripped = MarkdownStripping.strip(bytes).bytes
        #expect(stripped == bytes)
        let long = Array(String(repeating: "[a](", count: 200_000).utf8) + [0x0A]
        #expect(MarkdownStripping.strip(long).bytes == long)
    }

    @Test(arguments: [
        ("见[工信部](https://miit.gov.cn)通知", "见工信部通知"),               // a link keeps its text
        ("[a]( [b](x) [c](", "a [c]("),                                        // the first ')' closes the first link
        ("![图](a.png)[国务院][1]", "图国务院"),                                   // an image and a reference link
        ("[a](\n[b](y)", "[a](\nb"),                                            // a link never spans lines
        ("[[[x]](y)", "[[[x]](y)"),                                             // "]]" closes no link
    ])
    func markdownLinks(input: String, expected: String) {
        #expect(String(decoding: MarkdownStripping.strip(Array(input.utf8)).bytes, as: UTF8.self) == expected)
    }

    /// 16: the one-pass search for many names finds what a search per name finds.
    @Test func onePassOccurrencesMatchSearchPerName() {
        let text = "欧阳明高表示，欧阳明高预计，王明和王明高说，AB与ABAB，欧阳明高欧阳明高"
        let names = ["欧阳明高", "王明", "王明高", "AB", "欧阳"]
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            let cursor = TextCursor(bytes: buffer)
            let together = AliasResolution.occurrences(of: names, in: cursor)
            for (name, found) in zip(names, together) {
                #expect(found == cursor.occurrences(of: Array(name.utf8), in: 0..<buffer.count), "\(name)")
            }
            let starts = [30, 0, 0, 50, 0]
            let fromStarts = AliasResolution.occurrences(of: names, in: cursor, from: starts)
            for ((name, found), start) in zip(zip(names, fromStarts), starts) {
                #expect(found == cursor.occurrences(of: Array(name.utf8), in: start..<buffer.count), "\(name)")
            }
        }
    }

    /// 16: a long document of many distinct speakers and short forms finishes and finds them.
    @Test(.timeLimit(HangGuard.minutes(5)))
    func manySpeakersAndShortForms() {
        var text = ""
        for index in 0..<3_000 {
            let first = Character(Unicode.Scalar(UInt32(0x4E00 + index % 3000))!)
            let name = "\(first)\(Character(Unicode.Scalar(UInt32(0x5F00 + index / 3000))!))"
            text += "中国电动汽车百人会副理事长\(name)表示，\(name)新能源科技股份有限公司（以下简称“\(name)公司”）将于2027年量产固态电池。\n"
        }
        let extraction = sharedExtractor.extract(SourceDocument(name: "speakers.txt", string: text))
        #expect(extraction.entities.count > 1_000)
    }

    /// 15: one holder stating a topic at many times: each statement links to its
    /// nearest neighbours only, so the links grow linearly.
    @Test(.timeLimit(HangGuard.minutes(5)))
    func timelineLinksAreNearestOnly() {
        var extractions: [DocumentExtraction] = []
        for index in 0..<300 {
            let text = "2024年1月29日 星期一\n丰田汽车宣布将于\(2025 + index / 12)年\(1 + index % 12)月量产固态电池。\n"
            extractions.append(sharedExtractor.extract(SourceDocument(name: String(format: "%05d.txt", index), string: text)))
        }
        let graph = GraphBuilder(ontology: sharedExtractor.lexicon.ontology).build(extractions)
        let timeline = Timeline(graph: graph)
        #expect(timeline.entries.count == 300)
        #expect(timeline.links.count <= 2 * timeline.entries.count)
        // Times within one year are no revision of each other: the first year's twelve have nothing earlier.
        #expect(timeline.links.count == timeline.entries.count - 12)
        for link in timeline.links {
            // Neighbours in time: never further apart than the look-back window.
            #expect(abs(link.to - link.from) <= Timeline.linkWindow)
        }
        #expect(timeline.links(of: 150).count <= 3)
        let markdown = TimelineRenderer.markdown(timeline)
        #expect(markdown.utf8.count < 300 * 1_000)
    }
}
