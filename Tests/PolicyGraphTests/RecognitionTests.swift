import Testing
@testable import PolicyGraphCore

/// Marked-text tests: each ⟦type|name⟧ must be found, and nothing else.
@Suite struct SuffixPatternTests {
    @Test(arguments: [
        // Companies: registered names, with the region that begins them.
        "记者走访了位于⟦zone|南昌高新区⟧的⟦company|南昌科勒有限公司⟧。",
        "⟦company|驭势科技（北京）有限公司⟧正在测试。",
        "“这款产品由⟦company|深圳云帆智造科技有限公司⟧研发。”",
        // A subsidiary's name after its group's.
        "⟦company|比亚迪锂电池有限公司⟧新建产线。",
        // Institutions, including a department of an institute.
        "⟦institution|中国电子信息产业发展研究院节能与环保研究所⟧所长表示，⟦institution|中国电子信息产业发展研究院⟧认为。",
        "据⟦institution|江南新材料研究院⟧介绍。",
        // The left edge stops at a verb (启动, 收到).
        "年内启动⟦institution|东岭洁净能源研究院⟧建设。",
        // Government offices built on a body or a zone.
        "⟦government|工业和信息化部装备工业五司⟧相关负责人表示，⟦government|工业和信息化部⟧将推进。",
        "⟦government|泉州市委⟧召开会议。",
        "⟦zone|杭州高新区（滨江）⟧与⟦government|杭州高新区（滨江）就业管理服务中心⟧联合发布。",
        // Zones built on a region, with a district in parentheses.
        "⟦zone|铜仁高新区(碧江区)⟧新建厂房。",
        // Regions below the county: the village is named without its county.
        "⟦region|河北省⟧⟦region|沧县⟧⟦region|杜林乡⟧一家工坊。",
    ])
    func findsNames(marked: String) {
        let case_ = MarkedText(marked)
        #expect(Set(recognised(case_.text)) == Set(case_.expected), "\(case_.text)")
    }

    @Test(arguments: [
        // Generic bodies and quantities name nothing.
        "该公司表示，多家上市公司也已跟进。",
        "全国共有3家研究院参与。",
        "这家集团的子公司很多。",
        // A verb before the suffix ends the name: no 助力…实验室.
        "助力基础研究成果走出实验室。",
        // 中国 does not begin a zone name.
        "建设中国高新区的经验。",
        // Ordinary words that contain suffixes.
        "布局新能源产业，局面向好。",
        "推动农村发展，城乡统筹。",
    ])
    func findsNoName(text: String) {
        #expect(recognised(text).filter { !$0.hasPrefix("region:中国") }.isEmpty, "\(text): \(recognised(text))")
    }
}

@Suite struct TitleTests {
    @Test(arguments: [
        ("《工业领域碳达峰实施方案》", "policy"),
        ("《“十四五”工业绿色发展规划》", "policy"),
        ("《工业互联网标识解析体系“贯通”行动计划(2024-2026年)》", "policy"),
        ("《新能源汽车产业发展规划（2021-2035年）》", "policy"),
        ("《北京市重点实验室认定与管理办法（试行）》", "policy"),
        ("《政府工作报告（征求意见稿）》", "policy"),
        ("《关于加强数据资产管理的指导意见》", "policy"),
        ("《中华人民共和国反垄断法》", "policy"),
        ("《人民日报》", "institution"),
        ("《求是》", "institution"),
        ("《中国数字经济发展研究报告》", "none"),
        ("《三体》", "none"),
        ("《动力电池白皮书》", "none"),
        ("《全球创新指数》", "none"),
    ])
    func classifiesTitles(title: String, expected: String) {
        let found = sharedExtractor.extract(SourceDocument(name: "t.txt", string: "据报道，\(title)引起关注。")).entities
        let types = found.filter { $0.type == .policy || $0.type == .institution }.map(\.type.rawValue)
        #expect(types == (expected == "none" ? [] : [expected]), "\(title): \(found.map(\.name))")
    }

    @Test func policyNamesKeepTheirQualifiers() {
        let names = recognised("实施北京市重点实验室认定与管理办法（试行），认定一批实验室。")
        #expect(names.contains("policy:北京市重点实验室认定与管理办法（试行）"), "\(names)")
    }

    @Test(arguments: [
        // After an issuing verb, up to a conjunction or punctuation.
        ("省统计局印发了农业产值统计核算工作方案和配套制度。", "农业产值统计核算工作方案"),
        ("该区出台“3+X”先进制造业两年行动计划，提出目标。", "“3+X”先进制造业两年行动计划"),
        // Before a verb, from the start of the clause.
        ("近日，地方科技创新资金管理暂行办法发布。", "地方科技创新资金管理暂行办法"),
    ])
    func policiesBesideIssuingVerbs(text: String, policy: String) {
        #expect(recognised(text).contains("policy:\(policy)"), "\(recognised(text))")
    }

    @Test(arguments: [
        "各地出台相关政策和规划。",          // generic: 相关…
        "统计局公布了普查年度增加值核算方法。", // 方法 is no policy word
    ])
    func noPolicyBesideVerbsWithoutAName(text: String) {
        #expect(!recognised(text).contains { $0.hasPrefix("policy:") }, "\(recognised(text))")
    }

    @Test func governmentWorkReportsNeedNoMarks() {
        #expect(recognised("会议听取对政府工作报告的意见建议。") == ["policy:政府工作报告"])
        // In a document that names its report in full, the bare name is that report.
        let extraction = sharedExtractor.extract(SourceDocument(name: "t.txt", string: "会议听取对政府工作报告的意见建议。北京市政府工作报告提出。"))
        let policies = extraction.entities.filter { $0.type == .policy }
        #expect(policies.map(\.name) == ["北京市政府工作报告"])
        #expect(policies.first?.aliases == ["政府工作报告"])
    }
}

@Suite struct ShortFormTests {
    func entity(_ text: String, named name: String) -> ExtractedEntity? {
        sharedExtractor.extract(SourceDocument(name: "t.txt", string: text)).entities.first { $0.name == name }
    }

    @Test(arguments: [
        ("国务院印发《质量强国建设纲要》。《纲要》提出，到2025年质量水平提升。", "质量强国建设纲要", "纲要"),
        ("三部门印发《工业领域碳达峰实施方案》。《实施方案》提出目标。", "工业领域碳达峰实施方案", "实施方案"),
        ("工信部发布《关于推动未来产业发展的实施意见》，《实施意见》明确了方向。", "关于推动未来产业发展的实施意见", "实施意见"),
        ("印发《工业互联网标识解析体系“贯通”行动计划(2024-2026年)》。《计划》提出到2026年的指标。", "工业互联网标识解析体系“贯通”行动计划(2024-2026年)", "计划"),
    ])
    func abbreviatedTitlesResolve(text: String, full: String, short: String) throws {
        let policy = try #require(entity(text, named: full))
        #expect(policy.aliases.contains(short))
        #expect(sharedExtractor.extract(SourceDocument(name: "t.txt", string: text)).entities.filter { $0.type == .policy }.count == 1)
    }

    @Test func declaredShortFormsNameTheSameEntity() throws {
        let text = "晋江市创新创业创造园（以下简称“三创园”）位于城南。目前，三创园已引进多家平台。"
        let zone = try #require(entity(text, named: "晋江市创新创业创造园"))
        #expect(zone.aliases.contains("三创园"))
        #expect(zone.mentions == 2)
    }

    @Test func aCoreTitleNamesTheQualifiedPolicy() throws {
        let text = "会议讨论《政府工作报告（征求意见稿）》。各界人士对政府工作报告提出意见。"
        let policy = try #require(entity(text, named: "政府工作报告（征求意见稿）"))
        #expect(policy.aliases == ["政府工作报告"])
    }

    @Test func aliasesOfTheOntologyMerge() throws {
        let text = "工业和信息化部近日表示，工信部将继续推进。"
        let ministry = try #require(entity(text, named: "工业和信息化部"))
        #expect(ministry.aliases == ["工信部"])
    }

    @Test func aCompanysShortNameFollowsItsRegisteredName() throws {
        let text = "苏州易来科得科技有限公司发布新品。易来科得表示，产能将翻番。"
        let company = try #require(entity(text, named: "苏州易来科得科技有限公司"))
        #expect(company.aliases.contains("易来科得"))
    }

    @Test func anUnresolvedShortTitleNamesNothing() {
        #expect(recognised("《通知》要求各地抓好落实。").isEmpty)
    }
}
