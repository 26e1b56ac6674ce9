import Foundation
import Testing
@testable import PolicyGraphCore

/// The words the recognition and extraction rules read are data (`Ontology/patterns/`): the bundled files hold
/// the words the code once held as literals, and the rules read whatever the files say.
@Suite struct PatternWordsTests {
    static let patterns = sharedExtractor.lexicon.ontology.patterns

    /// The bundled rows, role by role, are the former literals (so the output did not move).
    @Test func bundledWordsAreTheFormerLiterals() {
        let targets = Self.patterns.targets
        #expect(Self.patterns.locationVerbs == ["位于"])
        #expect(Self.patterns.locationOfWords == ["的"])
        #expect(targets.multipliers == ["万亿", "万", "亿", "千"])
        #expect(targets.valueTails == ["以上", "左右", "以下", "以内"])
        #expect(targets.figureTails == ["以上", "左右", "余"])
        #expect(targets.rangeWords == ["至"])
        #expect(targets.baselineWords == ["较", "比"])
        #expect(targets.topicBaselineWords == ["较"])
        #expect(targets.ofWords == ["的"])
        #expect(targets.sourceLeads == ["据"])
        #expect(targets.aspectWords == ["了"])
        #expect(targets.holderJoiners == ["和", "与", "及"])
        #expect(targets.timeSuffixes == ["度"])
        let cues = Self.patterns.issuanceCues
        #expect(cues["joiner"] == ["和", "与", "及", "以及", "联合"])
        #expect(cues["completed"] == ["了"])
        #expect(cues["title-of"] == ["的"])
        let publication = Self.patterns.publication
        func words(_ role: PublicationVocabulary.Role) -> [String] { publication.labels(role).map { String(decoding: $0, as: UTF8.self) } }
        #expect(words(.yearUnit) == ["年"])
        #expect(words(.monthUnit) == ["月"])
        #expect(words(.dayUnit) == ["日", "号"])
        #expect(words(.statistics) == ["同比", "增长", "累计", "销量", "达到", "总额", "规模", "实现营收", "营收", "产量", "出口"])
        #expect(words(.reported) == ["统计，", "显示，", "数据显示"])
        #expect(words(.fullYear) == ["，", "全年"])
        #expect(words(.ahead) == ["将", "预计"])
        #expect(words(.start) == ["起", "前"])
        #expect(Self.patterns.numberUnits == Set("年月日号时分秒万亿千百元个家项米吨辆人倍期届次座台套条所款只名余多度瓦克升".unicodeScalars.map(\.value)))
        #expect(Self.patterns.listJoiners == ["和", "与", "及"])
        #expect(Self.patterns.listCounters == Set("一二两三四五六七八九十百千万余多几家个所批".unicodeScalars.map(\.value)))
        #expect(Self.patterns.listKindEndings == ["业", "品", "域", "类", "型", "性", "等"])
        #expect(Self.patterns.listZoneHeads == ["新区", "高新区", "经开区", "开发区", "自贸试验区"])
        #expect(Self.patterns.personJoiners == ["和"])
        #expect(Self.patterns.measureNumerals == Set("一二三四五六七八九十".unicodeScalars.map(\.value)))
        #expect(Self.patterns.measureOrdinals == ["第"])
        #expect(Self.patterns.shortDivisionEndings == ["县", "区", "旗"])
        #expect(Self.patterns.districtEndings == Set("区".unicodeScalars.map(\.value)))
        #expect(Self.patterns.regionLevels == Set("省市县区".unicodeScalars.map(\.value)))
        #expect(Self.patterns.localBodyKinds.map { "\($0.suffix)=\($0.kind)" }
                == ["人大常委会=人大", "人大=人大", "人民政府=政府", "政府=政府", "政协=政协", "委员会=委", "委=委"])
        #expect(Self.patterns.splitWords == ["部门"])
        #expect(Self.patterns.yearUnits == ["年"])
        #expect(cues["policy-end"] == ["和", "与", "及", "并", "等"])
        let issuance = sharedExtractor.issuanceExtractor
        #expect(issuance.joiners == ["、", " ", "，", ",", "和", "与", "及", "以及", "联合"])
        #expect(issuance.policyGapScalars == ["《", "》", "、", " ", "和", "与", "及"])
    }

    /// The pairs the location rule reads from `text` with the given words.
    static func located(_ text: String, verbs: [String], of: [String]) -> [String] {
        let shared = sharedExtractor
        let document = SourceDocument(name: "t.txt", string: text)
        let normalized = shared.normalize(document)
        let recognition = shared.recognizer.recognize(normalized)
        let names = EntityGrouping.entities(from: recognition.mentions, text: normalized, ontology: shared.lexicon.ontology).names
        return normalized.bytes.withUnsafeBufferPointer { buffer in
            let cursor = TextCursor(bytes: buffer)
            return LocationExtractor(verbs: verbs, ofWords: of)
                .extract(text: normalized, cursor: cursor, segments: TextSegments(buffer), mentions: recognition.mentions, names: names)
                .map { "\($0.entity)→\($0.place)" }
        }
    }

    /// The location rule reads its verbs and particles from the data: another verb finds
    /// another pair, and no verb finds none.
    @Test(arguments: [
        ("宁德时代新能源科技股份有限公司位于宁德市。", ["位于"], ["的"], ["宁德时代新能源科技股份有限公司→宁德市"]),
        ("宁德时代新能源科技股份有限公司坐落于宁德市。", ["位于"], ["的"], []),
        ("宁德时代新能源科技股份有限公司坐落于宁德市。", ["位于", "坐落于"], ["的"], ["宁德时代新能源科技股份有限公司→宁德市"]),
        ("位于宁德市的宁德时代新能源科技股份有限公司", ["位于"], ["的"], ["宁德时代新能源科技股份有限公司→宁德市"]),
        ("位于宁德市之宁德时代新能源科技股份有限公司", ["位于"], ["的"], []),
        ("位于宁德市之宁德时代新能源科技股份有限公司", ["位于"], ["的", "之"], ["宁德时代新能源科技股份有限公司→宁德市"]),
        ("宁德时代新能源科技股份有限公司位于宁德市。", [], [], []),
    ])
    func locationWordsAreRead(_ text: String, verbs: [String], of: [String], expected: [String]) {
        #expect(Self.located(text, verbs: verbs, of: of) == expected)
    }

    /// Dates written with words read the unit words of the vocabulary; digits and dashes need none.
    @Test func dateUnitsAreRead() {
        let units = DateScan.Units(Self.patterns.publication)
        let none = DateScan.Units(PublicationVocabulary())
        let written = Array("2024年1月29日 星期一".utf8), dashed = Array("2024-01-29".utf8)
        #expect(DateScan.date(written, at: 0, units: units)?.text == "2024-01-29")
        #expect(DateScan.date(written, at: 0, units: units)?.end == 16)
        #expect(DateScan.date(written, at: 0, units: none) == nil)
        #expect(DateScan.date(dashed, at: 0, units: none)?.text == "2024-01-29")
        #expect(DateScan.date(Array("2024年1月29号".utf8), at: 0, units: units)?.end == 16)
    }

    /// The inferred publication year reads its cues from the vocabulary: without them, nothing is inferred.
    @Test func inferredYearReadsItsWords() {
        let text = sharedExtractor.normalizer.normalize("据统计，2023年，全国动力电池累计销量增长32%。")
        #expect(PublicationDate.inferYear(text, vocabulary: Self.patterns.publication) == 2024)
        #expect(PublicationDate.inferYear(text, vocabulary: PublicationVocabulary()) == nil)
        let ahead = sharedExtractor.normalizer.normalize("2023年，全国动力电池累计销量预计增长32%。")
        #expect(PublicationDate.inferYear(ahead, vocabulary: Self.patterns.publication) == nil)
    }

    /// The value rule reads its range words, multipliers and tails from the vocabulary.
    @Test(arguments: [
        ("产能提升2倍至5倍", ["至"], "2倍至5倍"),
        ("产能提升2倍到5倍", ["至"], "2倍"),
        ("产能提升2倍到5倍", ["至", "到"], "2倍到5倍"),
        ("销量达到3万辆以上", ["至"], "3万辆以上"),
    ])
    func valueWordsAreRead(_ text: String, range: [String], expected: String) {
        var vocabulary = Self.patterns.targets
        vocabulary.rangeWords = range
        let extractor = TargetExtractor(vocabulary: vocabulary, technologyNames: [], mediaEntities: [], technologyCanonical: [:])
        let bytes = Array(text.utf8)
        let value = bytes.withUnsafeBufferPointer { extractor.findValue(in: 0..<bytes.count, cursor: TextCursor(bytes: $0)) }
        #expect(value == expected)
    }

    /// The line joiner keeps a number together across a line break only before the unit
    /// characters the data lists (2024⏎年), on both of its paths.
    @Test(arguments: [("2024\n年底前", ["年"], "2024年底前"), ("2024\n年底前", [], "2024\n年底前"),
                      ("共1488\n家企业", ["家"], "共1488家企业"), ("共1488\n家企业", ["年"], "共1488\n家企业")])
    func lineJoinerReadsItsNumberUnits(_ text: String, units: [String], expected: String) {
        let numberUnits = Set(units.flatMap { $0.unicodeScalars.map(\.value) })
        // Web-page rules (no layout breaks) and the scalar loop; then the path that reads eight bytes at a time.
        let joined = LineJoining.join(Array(text.utf8), layoutBreaks: false, numberUnits: numberUnits)
        #expect(String(decoding: joined.bytes, as: UTF8.self) == expected)
        let fast = Array(text.utf8).withUnsafeBufferPointer {
            LineJoining.joinValidUTF8($0, layoutBreaks: true, median: 1_000, numberUnits: numberUnits)
        }
        #expect(String(decoding: fast.bytes, as: UTF8.self) == expected)
    }

    /// A local body's level and kind come from `regions.tsv`: 市政府 and 重庆市人民政府 share 市/政府.
    @Test(arguments: [("市政府", false, "市/政府"), ("重庆市人民政府", true, "市/政府"), ("中共天津市委", true, "市/委"),
                      ("市人大常委会", false, "市/人大"), ("乡政府", false, nil), ("市政", false, nil)])
    func localBodiesReadTheirKinds(_ name: String, full: Bool, expected: String?) {
        #expect(LocalBodies(lexicon: sharedExtractor.lexicon).levelAndKind(of: name, full: full) == expected)
    }

    /// A title's parenthesis with a year (the `year-unit` words) is a qualifier, on both paths.
    @Test func yearUnitsMakeAQualifier() {
        #expect(TitleRecognizer.removingQualifier("规划（2021-2035年）", qualifiers: [], yearUnits: ["年"]) == "规划")
        #expect(TitleRecognizer.removingQualifier("规划（2021-2035年）", qualifiers: [], yearUnits: []) == "规划（2021-2035年）")
        #expect(TitleRecognizer.removingQualifierAsStrings("规划（2021-2035年）", qualifiers: [], yearUnits: ["年"]) == "规划")
        #expect(TitleRecognizer.removingQualifierAsStrings("规划（2021-2035年）", qualifiers: [], yearUnits: []) == "规划（2021-2035年）")
    }
}
