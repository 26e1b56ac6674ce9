import Testing
@testable import PolicyGraphCore

/// The timeline page's escaping returns text with nothing to clean or escape as it is,
/// and anything else as the cleaning and `SafeText.forHTML` give it.
@Suite struct TimelineHTMLTests {
    @Test(arguments: ["", "plain ascii", "2030年前实现规模化量产", "𠀀非BMP😀", "e\u{301}", "\u{301}", "CR LF\r\nnext", "tab\there",
                      "a&b", "<b>", "x > y", "say \"hi\"", "it's", "bell\u{7}", "nul\u{0}", "\u{1F}", "\u{7F}", "\u{FFFE}", "x\u{FFFF}y",
                      "\u{F000}", "\u{EFFF}", "\u{FFFD}", "政<策>&\"'\t\n\r\u{1}😀"])
    func escapingIsTheCleaningAndTheHTMLEscaping(text: String) {
        let expected = SafeText.forHTML(XMLSafe.clean(text))
        #expect(Array(TimelineHTML.escape(text).utf8) == Array(expected.utf8))
    }
}
