import Testing
@testable import PolicyGraphCore

/// Titles around 关于: issuer-led titles without 《》 (rule `issuer-title`) and
/// the document a notice issues (rule `notice:document`).
@Suite struct NoticeTitleTests {
    @Test(arguments: [
        // A long title that starts with its issuer, without 《》.
        ("国务院关于推动低空装备产业创新发展的指导意见提出新要求。", ["国务院关于推动低空装备产业创新发展的指导意见"]),
        // 关于印发X的通知: the notice and X are two policies.
        ("工业和信息化部近日印发关于印发智能网联汽车准入管理办法的通知。",
         ["关于印发智能网联汽车准入管理办法的通知", "智能网联汽车准入管理办法"]),
        // X in 〈〉 inside an issuer-led notice.
        ("国务院办公厅关于印发〈氢能产业发展规划〉的通知，各地要落实。",
         ["国务院办公厅关于印发〈氢能产业发展规划〉的通知", "氢能产业发展规划"]),
        // X in 《》 inside the notice: the title is the same policy.
        ("商务部关于印发《外贸稳增长若干措施》的通知。", ["商务部关于印发《外贸稳增长若干措施》的通知", "外贸稳增长若干措施"]),
        // 的意见 inside a notice's nested title does not end the notice.
        ("省政府关于印发《关于支持民营经济的意见》的通知。", ["省政府关于印发《关于支持民营经济的意见》的通知", "关于支持民营经济的意见"]),
        // A title inside 《》 keeps the title rule.
        ("《国务院关于深化产业合作的实施意见》指出。", ["国务院关于深化产业合作的实施意见"]),
    ])
    func findsTitles(text: String, expected: [String]) {
        let found = Set(recognised(text).filter { $0.hasPrefix("policy:") })
        #expect(found == Set(expected.map { "policy:\($0)" }), "\(text): \(found)")
    }

    @Test(arguments: [
        // 关于 after a body that opens no title: no 的 + policy ending before punctuation.
        "国务院关于这一问题的表态很明确。",
        // A notice that issues a bare ending names no document of its own.
        "市政府印发关于印发方案的通知。",
        // A title ending far away, across punctuation, is none.
        "国务院关于产业，发展的意见。",
    ])
    func findsNoTitle(text: String) {
        #expect(recognised(text).filter { $0.hasPrefix("policy:") && $0 != "policy:关于印发方案的通知" }.isEmpty,
                "\(text): \(recognised(text))")
    }
}
