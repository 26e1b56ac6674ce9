import Foundation
import Testing
@testable import PolicyGraphCore

@Suite struct NormalizationTests {
    let normalizer = sharedExtractor.normalizer

    @Test(arguments: [
        // PDF line breaks inside a sentence are joined, paragraph ends kept.
        ("这一电池不仅让磷酸铁\n\n锂电池包质量能量密度比传统三元锂电池包提升超10%。\n\n新段落从这里开始。", "这一电池不仅让磷酸铁锂电池包质量能量密度比传统三元锂电池包提升超10%。\n新段落从这里开始。"),
        // A short headline line stays a line of its own.
        ("高新区在行动\n\n本报讯 记者从会上获悉，今年的工作要点已经确定下来了。", "高新区在行动\n本报讯 记者从会上获悉，今年的工作要点已经确定下来了。"),
        // Doubled headlines.
        ("动力电池技术新能量足动力电池技术新能量足\n正文第一行写得比较长一些，和版面一样宽，\n正文第二行也写得比较长，和版面一样宽。\n正文第三行也写得比较长，和版面一样宽。", "动力电池技术新能量足\n正文第一行写得比较长一些，和版面一样宽，正文第二行也写得比较长，和版面一样宽。\n正文第三行也写得比较长，和版面一样宽。"),
        ("车网互动车网互动““试水试水””", "车网互动“试水”"),
        ("跨境电商出口额增长跨境电商出口额增长1919..66%%", "跨境电商出口额增长19.6%"),
        // An ordinary line that merely repeats a word is left alone.
        ("谢谢谢谢大家", "谢谢谢谢大家"),
        // Full-width digits and letters.
        ("到２０２５年，ＣＡＴＬ的产能提升１３．５％", "到2025年，CATL的产能提升13.5%"),
        // Spaces and breaks inside numbers and dates.
        ("到 2025年", "到2025年"),
        ("2024\n年", "2024年"),
        ("1 月 1 日起施行", "1月1日起施行"),
        ("1488 家绿色工厂", "1488家绿色工厂"),
        // Spaces between names stay (a list in a headline).
        ("中共中央 国务院印发", "中共中央 国务院印发"),
        // Traditional characters fold to simplified ones.
        ("寧德時代在臺灣", "宁德时代在台湾"),
        // …but a character simplified text uses as it is stays: 著 in 显著, 乾 in 乾坤.
        ("能力显著提升，扭转乾坤", "能力显著提升，扭转乾坤"),
        // Zero-width spaces disappear.
        ("工信\u{200B}部", "工信部"),
    ])
    func normalizesPlainText(input: String, expected: String) {
        #expect(normalizer.normalize(input).string == expected)
    }

    @Test(arguments: [
        ("<html><body><p>工业和信息化部&nbsp;印发</p><p>《实施方案》&amp;说明</p><script>var x = 1;</script></body></html>",
         "工业和信息化部 印发\n《实施方案》&说明"),
        ("<div>宁德时代&#x5B81;&#23425;</div>", "宁德时代宁宁"),
    ])
    func stripsHTML(input: String, expected: String) {
        #expect(normalizer.normalize(input, markup: .html).string == expected)
    }

    @Test(arguments: [
        ("# 工信部印发方案\n\n**宁德时代**宣布将于[2027年](https://example.com/a)量产。", "工信部印发方案\n宁德时代宣布将于2027年量产。"),
        ("- 第一条：`代码`\n> 引用的话。", "第一条:代码\n引用的话。"),
    ])
    func stripsMarkdown(input: String, expected: String) {
        let result = normalizer.normalize(input, markup: .markdown).string
        #expect(result.replacingOccurrences(of: "：", with: ":") == expected)
    }

    /// Offsets of the normalised text point back into the original bytes.
    @Test func offsetsMapBackToTheOriginal() throws {
        let original = "寧德時代在 2027 年\n\n量产全固態電池。"
        let text = normalizer.normalize(original)
        #expect(text.string == "宁德时代在2027年量产全固态电池。")
        let bytes = Array(original.utf8)
        for word in ["宁德时代", "2027年", "全固态电池", "量产"] {
            let range = try #require(text.string.range(of: word))
            let start = text.string.utf8.distance(from: text.string.utf8.startIndex, to: range.lowerBound)
            let end = start + word.utf8.count
            let mapped = text.originalRange(of: start..<end)
            let originalWord = String(decoding: bytes[mapped], as: UTF8.self)
            #expect(sharedExtractor.normalizer.folding.fold(originalWord).filter { !$0.isWhitespace } == word,
                    "\(word) maps to '\(originalWord)'")
        }
    }

    @Test func htmlOffsetsSkipTags() {
        let original = "<p>国务院</p>"
        let text = normalizer.normalize(original, markup: .html)
        let start = text.string.utf8.count - "国务院".utf8.count
        let mapped = text.originalRange(of: start..<(start + 9))
        #expect(String(decoding: Array(original.utf8)[mapped], as: UTF8.self) == "国务院")
    }
}
