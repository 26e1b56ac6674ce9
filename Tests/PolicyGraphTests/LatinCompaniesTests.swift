import Testing
@testable import PolicyGraphCore

/// ``LatinCompanies`` tries a space only against the legal forms that begin with the byte after
/// it (``LatinCompanies/form(at:cursor:)``): the same form as the first of all the forms, the
/// longest first, that matches there.
@Suite struct LatinCompaniesTests {
    static let texts = [
        "",
        " ",
        "Inc",
        "Micron Technology Inc. 与 ASML Holding N.V. 合作",
        "Apple Inc 和 Tesla Inc., HSBC Holdings plc、Siemens AG、SAP SE、Enel SpA",
        "Foo Co., Ltd. 与 Bar Co. Ltd 及 Baz Limited\r\nQux Corporation Corp.",
        "𠀋 Inc. 𠀋 NV\u{0301} e\u{0301} GmbH 😀 LLC",
        "  PLC  S.A.  N.V  Ltd.",
        "末尾 Ltd",
    ]

    @Test(arguments: texts)
    func formAtEveryPositionIsTheFirstOfAll(text: String) {
        let companies = LatinCompanies(patterns: sharedExtractor.lexicon.ontology.patterns)
        #expect(!companies.forms.isEmpty)
        #expect(companies.forms == companies.patterns.latinLegalForms.map { Array($0.utf8) }.sorted { $0.count > $1.count })
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            let cursor = TextCursor(bytes: buffer)
            for index in -1...(bytes.count + 1) {
                #expect(companies.form(at: index, cursor: cursor) == companies.forms.first { cursor.matches($0, at: index) },
                        "\(index) in \(text)")
            }
        }
    }

    /// An empty form (no pattern file has one) follows any space, after every longer form.
    @Test func emptyFormFollowsAnySpace() {
        let patterns = sharedExtractor.lexicon.ontology.patterns
        var withEmpty = patterns
        withEmpty.latinLegalForms = patterns.latinLegalForms + [""]
        let companies = LatinCompanies(patterns: withEmpty)
        let bytes = Array("A Inc. B x".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            let cursor = TextCursor(bytes: buffer)
            for index in -1...(bytes.count + 1) {
                #expect(companies.form(at: index, cursor: cursor) == companies.forms.first { cursor.matches($0, at: index) }, "\(index)")
            }
        }
    }
}
