import Foundation
import Testing
@testable import PolicyGraphCore

/// The generated company registry: listed companies with their stock codes.
@Suite struct CompanyRegistryTests {
    @Test func registryEntriesCarryTheirStockCode() throws {
        let ontology = sharedExtractor.lexicon.ontology
        let index = try #require(ontology.indexes(named: "金海通").first)
        #expect(ontology.entities[index].type == .company)
        #expect(ontology.entities[index].attributes["code"] == "603061")
    }

    @Test(arguments: [
        "公司与⟦company|金海通⟧签署协议。",
        // An ordinary-word short name after a company in a list.
        "依托⟦company|中国石化⟧、⟦company|曙光⟧等企业。",
        // Traditional script in a Taiwan listing.
        "⟦company|瑞普生物⟧宣布扩产。",
        // Industry words after a name of its own: still a company.
        "⟦company|蓝湾新能源科技有限公司⟧扩产。",
    ])
    func findsListedCompanies(marked: String) {
        let case_ = MarkedText(marked)
        #expect(Set(recognised(case_.text).filter { $0.hasPrefix("company:") }) == Set(case_.expected), "\(case_.text)")
    }

    @Test(arguments: [
        // Ordinary words that are also a listed company's short name.
        "黎明的曙光照亮了大地。",
        // Two characters of a short name across a word boundary.
        "大力发展人工智能产业，基本实现现代化。",
        "固态电池中电极与电解质之间的界面。",
        // A demonstrative, a quantifier or a generic modifier before 公司 is no name.
        "该公司表示，两家公司将成立合资公司。",
        "其全资子公司与某公司签约，其他公司观望。",
        // A body made only of industry words describes a trade, not a company.
        "政府鼓励国内芯片设计公司加快发展。",
        "一家生产电池的新能源科技有限公司也在扩产。",
    ])
    func findsNoCompany(text: String) {
        #expect(recognised(text).filter { $0.hasPrefix("company:") }.isEmpty, "\(text): \(recognised(text))")
    }

    @Test func attributesColumnIsOptionalAndChecked() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("policygraph-attributes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("entities"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // A replacement ontology needs the pattern files; only the entities are under test.
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Ontology/patterns"), to: folder.appendingPathComponent("patterns"))
        let file = folder.appendingPathComponent("entities/company-test.tsv")
        try "甲乙科技股份有限公司\t甲乙科技\t\t\n丙丁戊己\t\t\t\tcode=600000 match=contextual\n".write(to: file, atomically: true, encoding: .utf8)
        let ontology = try Ontology.load(from: folder)
        #expect(ontology.entities.map(\.attributes) == [[:], ["code": "600000", "match": "contextual"]])
        #expect(ontology.entities[1].nameIsContextual)
        try "丙丁\t\t\t\tcode\n".write(to: file, atomically: true, encoding: .utf8)
        let result = Result { try Ontology.load(from: folder) }
        guard case let .failure(failure) = result, let error = failure as? OntologyError, case let .invalidRecords(issues) = error else {
            Issue.record("an attribute without a value loaded")
            return
        }
        #expect(issues.map(\.location.description) == ["entities/company-test.tsv:1"])
    }
}

/// Names are reported in the document's own script.
@Suite struct OriginalScriptTests {
    @Test(arguments: [
        "⟦government|國務院⟧印發通知，⟦government|生態環境部⟧表示支持。",
        "⟦region|臺灣⟧與⟦region|香港⟧的合作。",
        // Simplified text stays as it is.
        "⟦government|国务院⟧印发通知。",
    ])
    func reportsTheOriginalScript(marked: String) {
        let case_ = MarkedText(marked)
        #expect(Set(recognised(case_.text)) == Set(case_.expected), "\(case_.text): \(recognised(case_.text))")
    }
}

/// The person recogniser: names in strong contexts, and no ordinary words.
@Suite struct PersonRecognizerTests {
    func persons(_ text: String) -> Set<String> {
        Set(sharedExtractor.extract(SourceDocument(name: "test.txt", string: text)).entities.filter { $0.type == .person }.map(\.name))
    }

    @Test(arguments: [
        ("据新华社报道，印度尼西亚总统佐科·维多多在会上致辞。", ["佐科·维多多"]),
        ("研究院主任黄立新指，新标准将于明年实施。", ["黄立新"]),
        ("（记者温晓东、卓一凡）本市昨日召开会议。", ["温晓东", "卓一凡"]),
        ("会后，欧阳文华院士介绍了研究进展。", ["欧阳文华"]),
        ("“成本下降很快。”彭家明说，“订单也在增加。”", ["彭家明"]),
        ("公司首席执行官Anna Berg表示，工厂将扩建。", ["Anna Berg"]),
        ("部长特雷莎·莫兰表示支持。此后莫兰说，协议已签署。", ["特雷莎·莫兰"]),
    ])
    func findsPersons(text: String, expected: [String]) {
        #expect(persons(text) == Set(expected), "\(text)")
    }

    @Test(arguments: [
        // Ordinary words after a title, or before a speech verb.
        "专家高度评价这一成果。",
        "《方案》指出，到2027年建成体系。",
        "负责人介绍，项目进展顺利。",
        "各方面表示支持，关键在于落实。",
        "代表团成员出席了会议。",
    ])
    func findsNoPerson(text: String) {
        #expect(persons(text).isEmpty, "\(text): \(persons(text))")
    }
}

/// Government bodies and institutions by pattern and by dictionary.
@Suite struct BodyPatternTests {
    @Test(arguments: [
        // People's congresses, embassies, customs branches, border stations, channels.
        "⟦government|江西省第十五届人民代表大会⟧第三次会议开幕。",
        "⟦government|德国驻华大使馆⟧举办招待会。",
        "⟦government|海关总署⟧⟦government|海关总署上海分署⟧发布数据。",
        "⟦government|珠海边检总站⟧查获一批货物。",
        "⟦institution|中央广播电视总台⟧⟦institution|央视财经频道⟧播出专题。",
        // International organisations.
        "⟦institution|国际能源署⟧与⟦institution|联合国开发计划署⟧（⟦institution|联合国⟧的机构）发布报告。",
        // The document's own bodies named without the region: one entity with the full name.
        "⟦government|成都市人民政府⟧印发通知，市政府要求各部门落实。",
        "会议由⟦government|省委⟧召开。",
    ])
    func findsBodies(marked: String) {
        let case_ = MarkedText(marked)
        #expect(Set(recognised(case_.text).filter { !$0.hasPrefix("region:") }) == Set(case_.expected), "\(case_.text): \(recognised(case_.text))")
    }

    @Test(arguments: [
        // Generic uses and titles.
        "各省委、各市政府都要高度重视。",
        "市委书记在会上讲话。",
        "现代城市政府治理能力不断提升。",
    ])
    func findsNoBody(text: String) {
        #expect(recognised(text).filter { $0.hasPrefix("government:") }.isEmpty, "\(text): \(recognised(text))")
    }

    @Test func aLocalBodyJoinsTheFullName() {
        let extraction = sharedExtractor.extract(SourceDocument(name: "t.txt", string: "成都市人民政府印发通知，市政府要求各部门落实。"))
        let body = extraction.entities.first { $0.name == "成都市人民政府" }
        #expect(body?.aliases.contains("市政府") == true)
        #expect(extraction.entities.filter { $0.type == .government }.count == 1)
    }
}

/// Regions beyond administrative divisions, and names that are no entities.
@Suite struct RegionCoverageTests {
    @Test(arguments: [
        "项目辐射⟦region|长三角⟧和⟦region|京津冀⟧。",
        "⟦region|南京都市圈⟧与⟦region|长江中游城市群⟧协同发展。",
        "企业地处⟦region|珠三角⟧，面向⟦region|华南地区⟧市场。",
    ])
    func findsRegions(marked: String) {
        let case_ = MarkedText(marked)
        #expect(Set(recognised(case_.text)) == Set(case_.expected), "\(case_.text): \(recognised(case_.text))")
    }

    @Test(arguments: [
        // Continents and macro-regions are recognised but are no entities.
        "产品销往欧洲、东南亚和非洲。",
        // The country inside a term.
        "推进中国式现代化建设。",
    ])
    func findsNoRegion(text: String) {
        #expect(recognised(text).filter { $0.hasPrefix("region:") }.isEmpty, "\(text): \(recognised(text))")
    }
}

/// Companies shown by their context (`company-contexts.tsv`): a stock code, a title or 旗下 after the name.
@Suite struct CompanyContextTests {
    @Test(arguments: [
        "近日，⟦company|宁远智能⟧（股票代码：600000）发布公告。",
        "上市公司⟦company|北岭新材⟧（688012.SH）披露年报。",
        "据悉，⟦company|青川药业⟧（300123）表示将扩产。",
        "据悉，⟦company|宁远智能⟧董事长在会上表示。",
        "⟦company|北岭新材⟧旗下的子公司。",
        // 上市公司 shows the company after it without a code; the name ends at a word.
        "上市公司⟦company|北岭新材⟧表示将扩产。",
        "上市公司⟦company|宁远科技⟧近日发布公告。",
        // A short form of a company the document names is the same company.
        "⟦company|南屿电力控股有限公司⟧今日宣布，南屿电力总裁在开幕礼上致辞。",
    ])
    func findsCompanies(marked: String) {
        let case_ = MarkedText(marked)
        #expect(Set(recognised(case_.text).filter { $0.hasPrefix("company:") }) == Set(case_.expected), "\(case_.text): \(recognised(case_.text))")
    }

    @Test(arguments: [
        // A person, a generic body, another title, a verb phrase before the title.
        "张明董事长表示。",
        "该公司董事长表示，公司总经理也在场。",
        "会上，公司副董事长作了发言。",
        "他是即将离职的董事长。",
        // A number in parentheses that is no stock code.
        "产值实现增长（202520）。",
        // After 上市公司, a phrase cut by punctuation, a generic word or a single character is none.
        "上市公司数量增加。",
        "多家上市公司表示支持，上市公司中也有。",
        "该上市公司表示将扩产。",
    ])
    func findsNoCompany(text: String) {
        #expect(recognised(text).filter { $0.hasPrefix("company:") }.isEmpty, "\(text): \(recognised(text))")
    }
}

/// Bodies after 联合/会同 (rule `list:joint`): items ending with a government suffix are bodies.
@Suite struct JointBodyTests {
    @Test(arguments: [
        "⟦government|青川市工信局⟧联合⟦government|青川市科技局⟧、⟦government|青川市财政局⟧印发方案。",
        "由⟦government|南屿区发改局⟧会同⟦government|南屿区住建局⟧、⟦government|南屿区税务局⟧等部门负责。",
    ])
    func findsBodies(marked: String) {
        let case_ = MarkedText(marked)
        // The first body (before 联合) is found by its own suffix rule when its place is known; only the list is under test.
        let found = Set(recognised(case_.text).filter { $0.hasPrefix("government:") })
        #expect(Set(case_.expected.dropFirst()).isSubset(of: found), "\(case_.text): \(found)")
    }

    @Test(arguments: [
        // Items without a government suffix are no bodies: companies, universities, a verb phrase.
        "企业联合高校、科研院所开展攻关。",
        "两地会同推进项目建设。",
        "联合研发中心、实验平台等载体。",
    ])
    func findsNoBody(text: String) {
        #expect(recognised(text).filter { $0.hasPrefix("government:") }.isEmpty, "\(text): \(recognised(text))")
    }
}

/// Lists that share a head: the head after 等 types every item.
@Suite struct ListHeadTests {
    @Test(arguments: [
        "园区引进⟦company|星河微电⟧、⟦company|蓝岸智造⟧和⟦company|远川新材⟧等重点企业。",
        "依托⟦company|青禾数科⟧、⟦company|北辰光电⟧等世界500强企业落地。",
        // A country and a short name: the foreign company, not a region.
        "吸引⟦company|德国蓝森⟧、⟦company|法国白鹭⟧等知名企业。",
    ])
    func typesTheItems(marked: String) {
        let case_ = MarkedText(marked)
        #expect(Set(recognised(case_.text).filter { $0.hasPrefix("company:") }) == Set(case_.expected), "\(case_.text): \(recognised(case_.text))")
    }

    @Test(arguments: [
        // Kinds, not names; heads that are not the list's; 等 inside a word.
        "推动钢铁、化工、建材等企业节能降碳。",
        "从减税、降费、稳岗等方面支持企业发展。",
        "将研发投入、人才数量等纳入高新技术企业认定。",
        "组织龙头企业、检测机构、高等院校参与。",
        // Countries alone are no companies.
        "引进美国、日本等企业。",
    ])
    func typesNothing(text: String) {
        #expect(recognised(text).filter { $0.hasPrefix("company:") || $0.hasPrefix("institution:") }.isEmpty, "\(text): \(recognised(text))")
    }
}

/// Policies: measure packages, work reports with their year, proposals.
@Suite struct PolicyPatternTests {
    func policies(_ text: String) -> Set<String> {
        Set(sharedExtractor.extract(SourceDocument(name: "test.txt", string: text)).entities.filter { $0.type == .policy }.map(\.name))
    }

    @Test(arguments: [
        ("该市出台“稳企十条”，帮助企业渡过难关。", ["稳企十条"]),
        ("去年推出科技创新20条、人才15条等政策。", ["科技创新20条", "人才15条"]),
        ("2027年江西省政府工作报告提出，政府工作报告要求落实。", ["2027年江西省政府工作报告"]),
        ("根据《中共江西省委关于制定江西省国民经济和社会发展第十五个五年规划的建议》编制。",
         ["中共江西省委关于制定江西省国民经济和社会发展第十五个五年规划的建议"]),
    ])
    func findsPolicies(text: String, expected: [String]) {
        #expect(policies(text) == Set(expected), "\(text): \(policies(text))")
    }

    @Test(arguments: [
        "依据合同第30条处理。",
        "全市产业链达到12条。",
        "专家提出10条建议。",
    ])
    func findsNoPolicy(text: String) {
        #expect(policies(text).isEmpty, "\(text): \(policies(text))")
    }
}

/// Zones by pattern and their short forms; Latin-script companies with a legal form.
@Suite struct ZoneAndLatinTests {
    func entities(_ text: String) -> [ExtractedEntity] {
        sharedExtractor.extract(SourceDocument(name: "test.txt", string: text)).entities
    }

    @Test func aZonesShortFormIsTheSameZone() {
        let zones = entities("丽江高新技术产业园区成立于2019年。丽江高新区今年新签项目12个。").filter { $0.type == .zone }
        #expect(zones.map(\.name) == ["丽江高新技术产业园区"])
        #expect(zones.first?.aliases.contains("丽江高新区") == true)
    }

    @Test(arguments: [
        "⟦zone|高雄科学园区⟧扩建。",
        "⟦region|宁德市⟧推进⟦zone|福安工业集中区⟧建设。",
        // A township built by a pattern names its zone with the county before it.
        "车队抵达⟦zone|屏南县双溪镇工业集中区⟧。",
        // A named park after its district.
        "⟦zone|福安市湾坞园区⟧内厂房林立。",
        // A science valley, a country's brand included.
        "全力打造⟦zone|中国药谷⟧。",
        // A named industrial park needs no region before it.
        "位于河边的⟦zone|青石陶瓷工业园⟧已投产。",
        "以⟦zone|北港工业区⟧为承载地。",
        "推进⟦zone|温州瓯江口先行区⟧建设。",
    ])
    func findsZones(marked: String) {
        let case_ = MarkedText(marked)
        #expect(Set(recognised(case_.text)) == Set(case_.expected), "\(case_.text): \(recognised(case_.text))")
    }

    @Test(arguments: [
        "沿着山谷走出峡谷，经济走出低谷。",
        "建设一批工业园。",
        "加快建设美丽中国先行区。",
    ])
    func findsNoZone(text: String) {
        #expect(recognised(text).filter { $0.hasPrefix("zone:") }.isEmpty, "\(text): \(recognised(text))")
    }

    @Test func latinNamesTakeTheirLegalForm() {
        let companies = entities("据Northwind Robotics Inc.介绍，Zephyr Holding NV也将投资。").filter { $0.type == .company }.map(\.name)
        #expect(Set(companies) == ["Northwind Robotics Inc.", "Zephyr Holding NV"])
        // A capitalised word alone before no legal form is no company.
        #expect(entities("他在Tokyo Station附近说。").filter { $0.type == .company }.isEmpty)
    }
}
