import Testing
@testable import PolicyGraphCore

/// The Markdown and CSV timelines' fast paths give what `SafeText.forMarkdown` and
/// `Table.csvLine` give, for text with nothing to change and text with everything.
@Suite struct TimelineRendererTests {
    static let texts = ["", "plain ascii", "2030年前实现规模化量产", "𠀀非BMP😀", "e\u{301}", "\u{301}", "CR LF\r\nnext", "tab\there",
                        "a&b", "<b>", "x > y", "say \"hi\"", "it's", "bell\u{7}", "esc\u{1B}[31mred", "\u{7F}", "c1\u{85}x", "\u{A0}nbsp",
                        "*bold*", "[link](x)", "a|b", "back\\slash", "`code`", "a,b", "=SUM(A1)", "+1", "-5", "-x", "@user", "\tindent",
                        "\rstart", ",\u{301}", "\"\u{301}", "政<策>&\"'\t\n\r\u{1}😀"]

    @Test(arguments: texts)
    func markdownTextIsForMarkdown(text: String) {
        #expect(Array(TimelineRenderer.markdownText(text).utf8) == Array(SafeText.forMarkdown(text).utf8))
    }

    @Test(arguments: texts)
    func csvLinesAreTableLines(text: String) {
        for cells in [[text], ["2030", text, "plain"], [text, text], ["plain", "行", ""]] {
            #expect(Array(TimelineRenderer.csvLine(cells).utf8) == Array(Table.csvLine(cells).utf8))
        }
    }

    /// The whole CSV timeline is `Table.csv()` of the same rows (the seeds' timeline, links included).
    @Test func csvIsTheTable() {
        let csv = TimelineRenderer.csv(TimelineTests.timeline)
        #expect(csv.hasPrefix("year,month,relation,"))
        #expect(csv.split(separator: "\n", omittingEmptySubsequences: false).count == TimelineTests.timeline.entries.count + 2)
    }
}
