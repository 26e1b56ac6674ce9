import Testing
@testable import PolicyGraphCore

/// Each rule of the target extractor, on sentences written for the tests.
@Suite struct TargetExtractionTests {
    /// `subject relation year action value modality` for each target.
    static func targets(_ text: String, published: String) -> [String] {
        sharedExtractor.extract(SourceDocument(name: "t.txt", string: text), published: published).targets.map { target in
            "\(target.subject) \(target.time.relation) \(target.time.year ?? 0) \(target.action ?? "-") \(target.value ?? "-") \(target.modality)"
        }
    }

    @Test(arguments: [
        // subject.speaker: the holder that states the target; companies promise.
        ("比亚迪宣布将于2028年实现钠离子电池量产。", "2025-06", ["比亚迪 in 2028 量产 - promise"]),
        // A coordinated list shares one predicate.
        ("吉利、长城汽车等车企都表示将于2029年前实现固态电池装车。", "2025-06",
         ["吉利 by 2029 装车 - promise", "长城汽车 by 2029 装车 - promise"]),
        // A policy is the subject of the goals it sets; bodies' and policies' targets are goals.
        ("《能源领域绿色转型方案》提出，到2030年，非化石能源消费比重提高到25%。", "2025-06",
         ["能源领域绿色转型方案 by 2030 提高 25% goal"]),
        // subject.after-time: 2026年，安徽省将….
        ("2026年，安徽省将新培育绿色工厂200家。", "2025-06", ["安徽省 in 2026 新培育 200家 goal"]),
        // A clause with two times gives two targets; the subject carries over to the second.
        ("宁德时代计划2026年小批量试产，2029年后大规模生产。", "2025-06",
         ["宁德时代 in 2026 小批量试产 - promise", "宁德时代 after 2029 大规模生产 - promise"]),
        // subject.carried: the next sentence names no holder.
        ("工业和信息化部表示，将加快推进新型工业化。今年将新增专精特新企业3000家。", "2025-06",
         ["工业和信息化部 in 2025 新增 3000家 goal"]),
        // A company's spokesperson speaks for the company.
        ("蔚来首席执行官李斌表示，明年将推出新款车型5款。", "2025-06", ["蔚来 in 2026 推出 5款 promise"]),
        // An institution's outlook is a forecast.
        ("中国汽车工业协会预计，2027年新能源汽车销量有望突破2000万辆。", "2025-06",
         ["中国汽车工业协会 in 2027 突破 2000万辆 forecast"]),
        // A window: 未来2年至3年内.
        ("国轩高科表示，未来2年至3年内实现半固态电池装车。", "2025-06", ["国轩高科 between 2027 装车 - promise"]),
        // target.list: indicators after a colon share the heading's holder and time.
        ("《数字经济发展计划》提出到2027年的主要指标：数据中心突破500个，算力规模达到300亿次。", "2025-06",
         ["数字经济发展计划 by 2027 突破 500个 goal", "数字经济发展计划 by 2027 达到 300亿次 goal"]),
    ])
    func extractsTargets(text: String, published: String, expected: [String]) {
        #expect(Self.targets(text, published: published) == expected, "\(text)")
    }

    @Test(arguments: [
        // Past facts and statistics are not targets.
        ("2024年，我国新能源汽车销量达到1286万辆，同比增长35.5%。", "2025-06"),
        ("截至2024年底，全国共有国家高新区178家。", "2025-06"),
        ("比亚迪自2013年开始研发固态电池。", "2025-06"),
        // A baseline year is not a target's time.
        ("能耗较2020年下降13.5%。", "2019-06"),
        // An attribute: 今年的政府工作报告.
        ("今年的政府工作报告提出发展新质生产力。", "2025-03"),
        // No holder, no target.
        ("到2030年，固态电池将实现规模化应用。", "2025-06"),
        // A newspaper holds no target.
        ("新华社北京3月5日电 今年将新建5G基站60万个。", "2025-03"),
    ])
    func extractsNoTarget(text: String, published: String) {
        #expect(Self.targets(text, published: published).isEmpty, "\(text): \(Self.targets(text, published: published))")
    }

    /// The technology lexicon links a topic to its technology, and through the
    /// ontology to the broader one: 全固态电池 counts as 固态电池.
    @Test func topicsLinkToTheTechnologyLexicon() throws {
        let text = "广汽埃安宣布将在2026年实现全固态电池量产装车。"
        let target = try #require(sharedExtractor.extract(SourceDocument(name: "t.txt", string: text), published: "2025-06").targets.first)
        #expect(target.technology == "全固态电池")
        #expect(sharedExtractor.lexicon.ontology.entity(named: "全固态电池")?.parentName == "固态电池")
    }

    @Test func targetsRecordTheirRuleAndOffsets() throws {
        let text = "比亚迪宣布将于2028年实现钠离子电池量产。"
        let target = try #require(sharedExtractor.extract(SourceDocument(name: "t.txt", string: text), published: "2025-06").targets.first)
        let bytes = Array(text.utf8)
        func slice(_ offsets: [Int]) -> String { String(decoding: bytes[offsets[0]..<offsets[1]], as: UTF8.self) }
        #expect(target.rule == "subject.speaker")
        #expect(slice(target.subjectOffsets) == "比亚迪")
        #expect(slice(target.timeOffsets) == "于2028年")
        #expect(slice(try #require(target.actionOffsets)) == "量产")
    }
}

@Suite struct IssuanceExtractionTests {
    static func pairs(_ text: String) -> [String] {
        sharedExtractor.extract(SourceDocument(name: "t.txt", string: text), published: "2025-06").issued.map { "\($0.issuer)→\($0.policy)" }
    }

    @Test(arguments: [
        // A list of bodies, each an issuer.
        ("近日，商务部、财政部、海关总署联合印发《关于促进服务出口的若干措施》。",
         ["商务部→关于促进服务出口的若干措施", "财政部→关于促进服务出口的若干措施", "海关总署→关于促进服务出口的若干措施"]),
        // 等N部门: only the named body.
        ("生态环境部等6部门日前印发《减污降碳协同增效实施方案》。", ["生态环境部→减污降碳协同增效实施方案"]),
        // 联合 and a space join issuers.
        ("中共中央 国务院印发《数字中国建设整体布局规划》。", ["中共中央→数字中国建设整体布局规划", "国务院→数字中国建设整体布局规划"]),
        ("国家市场监管总局联合工业和信息化部印发《关于推动质量品牌建设的意见》。",
         ["国家市场监管总局→关于推动质量品牌建设的意见", "工业和信息化部→关于推动质量品牌建设的意见"]),
        // Several policies in a row.
        ("财政部先后印发《数据资产会计处理规定》《数据资产评估指南》。", ["财政部→数据资产会计处理规定", "财政部→数据资产评估指南"]),
        // A policy named without 《》 after 印发了.
        ("国家统计局印发了绿色发展统计监测工作方案和监测制度。", ["国家统计局→绿色发展统计监测工作方案"]),
    ])
    func extractsIssuedPairs(text: String, expected: [String]) {
        #expect(Self.pairs(text) == expected, "\(text)")
    }

    @Test(arguments: [
        "工业和信息化部办公厅公布2023年度绿色制造名单。",       // a list, not a policy
        "中国市场学会联合发布《电商产业带发展研究报告》。",        // a report, not a policy
    ])
    func extractsNoPair(text: String) {
        #expect(Self.pairs(text).isEmpty, "\(text): \(Self.pairs(text))")
    }
}
