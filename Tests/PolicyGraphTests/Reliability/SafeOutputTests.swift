import Foundation
import Testing
@testable import PolicyGraphCore

/// Names from hostile inputs reach every consumer as text (reproducers 13 and 14).
@Suite struct SafeOutputTests {
    static let reliability = fixturesDirectory.appendingPathComponent("reliability")

    @Test(arguments: [
        ("plain 名称", "plain 名称"),
        ("\u{1B}[2J\u{1B}[31m清屏\u{1B}[0m", "清屏"),                 // CSI sequences removed whole
        ("a\u{1B}]0;title\u{07}b", "ab"),                               // OSC up to BEL
        ("a\u{1B}]8;;http://x\u{1B}\\b", "ab"),                         // OSC up to ESC \
        ("a\u{9B}31mb", "ab"),                                          // C1 CSI
        ("line\nbreak\ttab", "line break tab"),                         // one table row stays one line
        ("bell\u{07}del\u{7F}", "belldel"),                             // other controls dropped
    ])
    func terminal(input: String, expected: String) {
        #expect(SafeText.forTerminal(input) == expected)
    }

    @Test(arguments: [
        ("=HYPERLINK(\"http://x\",\"x\")", "'=HYPERLINK(\"http://x\",\"x\")"),
        ("+cmd", "'+cmd"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"),
        ("-5", "-5"), ("+3.5%", "+3.5%"), ("1,000", "1,000"), ("工信部", "工信部"), ("a=b", "a=b"),
    ])
    func spreadsheet(input: String, expected: String) {
        #expect(SafeText.forSpreadsheet(input) == expected)
    }

    @Test func markdownAndHTML() {
        #expect(SafeText.forMarkdown("<img src=x onerror=alert(4)>[x](y)*b*|\n") == "&lt;img src=x onerror=alert(4)&gt;\\[x\\](y)\\*b\\*\\| ")
        #expect(SafeText.forHTML("<script>&\"'") == "&lt;script&gt;&amp;&quot;&#39;")
    }

    /// 13: hostile names in a title, a company of a custom ontology and a file name.
    @Test func hostileNamesInEveryExport() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let fixtures = Self.reliability.appendingPathComponent("13-hostile-names-exports")
        let hostileName = "evil<img src=x onerror=alert(4)>&\"'\\]]>--😀\n𠀀,x.txt"
        try FileManager.default.createDirectory(atPath: scratch.path("in"), withIntermediateDirectories: true)
        for (source, target) in [("doc.txt", hostileName), ("doc.txt", "plain.txt"), ("c.txt", "c.txt")] {
            try FileManager.default.copyItem(at: fixtures.appendingPathComponent(source), to: scratch.url.appendingPathComponent("in").appendingPathComponent(target))
        }
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Ontology"), to: scratch.url.appendingPathComponent("onto"))
        let companies = scratch.url.appendingPathComponent("onto/entities/company-china.tsv")
        let handle = try FileHandle(forWritingTo: companies)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(contentsOf: fixtures.appendingPathComponent("extra-company-row.tsv")))
        try handle.close()
        let build = try runPolicyGraph(["build", "in", "-o", "out", "--ontology", "onto"], in: scratch.url)
        #expect(build.status == 0, "\(build.error)")

        let markdown = try String(contentsOfFile: scratch.path("out/timeline.md"), encoding: .utf8)
        #expect(!markdown.contains("<img") && !markdown.contains("<script"))
        // The file name's line break does not split an entry's line.
        #expect(!markdown.split(separator: "\n").contains { $0.hasPrefix("𠀀") })
        let html = try String(contentsOfFile: scratch.path("out/timeline.html"), encoding: .utf8)
        #expect(!html.contains("<script") && !html.contains("<img"))
        let json = try runPolicyGraph(["timeline", "--store", "out/policygraph.sqlite", "--format", "timelinejs"], in: scratch.url)
        #expect(json.status == 0)
        let events = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])["events"] as? [[String: Any]]
        for event in events ?? [] {
            let text = event["text"] as? [String: String] ?? [:]
            for field in [text["headline"] ?? "", text["text"] ?? ""] {
                #expect(!field.contains("<"), "\(field)")
            }
        }
        #expect((events ?? []).count >= 3)
    }

    /// 14: terminal escapes never reach the terminal; formulas never run in a spreadsheet.
    @Test func escapeSequencesAndFormulas() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try FileManager.default.copyItem(at: Self.reliability.appendingPathComponent("14-escape-sequences-and-csv-formulas/esc.txt"),
                                         to: scratch.url.appendingPathComponent("esc.txt"))
        let build = try runPolicyGraph(["build", "esc.txt", "-o", "out"], in: scratch.url)
        #expect(build.status == 0, "\(build.error)")
        for arguments in [["neighbors", "工信部", "--store", "out/policygraph.sqlite"], ["entity", "工信部", "--store", "out/policygraph.sqlite"],
                          ["targets", "--store", "out/policygraph.sqlite"]] {
            let result = try runPolicyGraph(arguments, in: scratch.url)
            #expect(!result.output.contains("\u{1B}"), "\(arguments)")
        }
        let listing = try runPolicyGraph(["extract", "esc.txt", "--format", "text"], in: scratch.url)
        #expect(!listing.output.contains("\u{1B}"))
        for file in ["nodes.csv", "edges.csv", "timeline.csv"] {
            let csv = try String(contentsOfFile: scratch.path("out/\(file)"), encoding: .utf8)
            #expect(!csv.contains("\u{1B}"), "\(file)")
            #expect(!csv.contains(",=") && !csv.contains(",\"=") && !csv.contains("\n=") && !csv.contains("\n\"="), "\(file)")
        }
    }
}
