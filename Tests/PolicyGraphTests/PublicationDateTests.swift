import Foundation
import Testing
@testable import PolicyGraphCore

@Suite struct PublicationDateTests {
    func folder(with files: [String: String]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("policygraph-meta-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, content) in files { try content.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return folder.path
    }

    @Test func readsMetadataTSV() throws {
        let path = try folder(with: ["metadata.tsv": "# comment\nfile\tpublished\tsource\ttitle\na.txt\t2024-02-05\t经济日报\t标题\nb.txt\t2023\t\t\n"])
        let records = try MetadataFile.load(folder: path)
        #expect(records["a.txt"] == DocumentMetadata(file: "a.txt", published: "2024-02-05", source: "经济日报", title: "标题"))
        #expect(records["b.txt"]?.published == "2023")
    }

    @Test func readsMetadataJSON() throws {
        let path = try folder(with: ["metadata.json": #"[{"file": "a.txt", "published": "2022-08", "source": "人民日报"}]"#])
        #expect(try MetadataFile.load(folder: path)["a.txt"]?.published == "2022-08")
    }

    @Test func badMetadataNamesFileAndLine() throws {
        let path = try folder(with: ["metadata.tsv": "a.txt\t2024-02-05\nb.txt\t2024/02/05\n"])
        #expect(throws: MetadataError.self) { try MetadataFile.load(folder: path) }
        do { _ = try MetadataFile.load(folder: path) } catch let error as MetadataError {
            #expect(error.line == 2)
            #expect(error.localizedDescription.contains("metadata.tsv:2"))
        }
    }

    @Test func theSeedsMetadataCoversTheUndatedSeeds() throws {
        let records = try MetadataFile.load(folder: repositoryRoot.appendingPathComponent("seeds").path)
        #expect(records.keys.sorted() == ["001_44894979821fce9e.txt", "002_836e624efba3a217.txt", "003_210949ef34f18676.txt"])
    }

    static func published(_ text: String, name: String = "t.txt", option: String? = nil,
                          metadata: DocumentMetadata? = nil) -> (String?, PublishedSource?) {
        let document = SourceDocument(name: name, string: text)
        return sharedExtractor.publicationDate(document: document, text: sharedExtractor.normalize(document),
                                               option: option, metadata: metadata)
    }

    /// The document's own date wins over the metadata file, which wins over the
    /// `--published` default, the file name and, last, inference.
    @Test func precedenceDocumentMetadataOptionFileNameInferred() {
        let text = "33热 点 2024.1.29 星期一\n据统计，2023年，销量增长32%。"
        let metadata = DocumentMetadata(file: "x.txt", published: "2024-02", source: nil, title: nil)
        #expect(Self.published(text, option: "2024-01-30", metadata: metadata) == ("2024-01-29", .header))
        let undated = "据统计，2023年，销量增长32%。"
        #expect(Self.published(undated, name: "20240105-01.txt", option: "2024-01-30", metadata: metadata) == ("2024-02", .metadata))
        #expect(Self.published(undated, name: "20240105-01.txt", option: "2024-01-30") == ("2024-01-30", .option))
        #expect(Self.published(undated, name: "20240105-01.txt") == ("2024-01-05", .fileName))
        #expect(Self.published(undated) == ("2024", .inferred))
    }

    /// One row per form a page states its date in; sentences written for the tests.
    @Test(arguments: [
        // front matter, with a clock time
        ("---\ntitle: \"某公司发布新品\"\ndate: 2023-05-17T08:00:00\n---\n正文。", "2023-05-17", PublishedSource.frontMatter),
        // a comment block of front matter, Chinese key, spaced digits
        ("<!--yml\n日期：2022 年 03 月 08 日 10:00:00\n-->\n# 标题\n正文。", "2022-03-08", .frontMatter),
        // a metadata line with its source after it
        ("某市出台新政\n时间：2025-01-20 来源：某某日报\n正文。", "2025-01-20", .line),
        // the date on the line after its label
        ("标题\n发布时间：\n2021-06-30 09:20\n正文。", "2021-06-30", .line),
        ("标题\n发稿时间：2019年12月1日\n正文。", "2019-12-01", .line),
        ("標題\n發布時間：2018/4/2\n正文。", "2018-04-02", .line),
        // a source-and-time line under the title
        ("某某新区推出十条措施\n某某日报 2025-03-05 08:30\n正文。", "2025-03-05", .byline),
        // a byline: date, time, source
        ("标题\n2025年03月05日 06:12 来源：某某网\n正文。", "2025-03-05", .byline),
        // the newspaper header
        ("某某日报\n2024年1月29日 星期一\n第5版", "2024-01-29", .header),
        // dates in the page's URLs
        ("正文。\n[原文](https://news.example.cn/2023-07/18/c_1129.htm)", "2023-07-18", .url),
        ("正文。\n链接 http://www.example.gov.cn/zwgk/20230718/abc.html", "2023-07-18", .url),
        ("正文。\nhttp://paper.example.com/html/content_20230718_2.htm", "2023-07-18", .url),
        ("正文。\nhttps://tv.example.com/2022/11/09/VIDE1.shtml", "2022-11-09", .url),
        // HTML meta tags, in either attribute order
        ("<html><head><meta name=\"publishdate\" content=\"2023-05-17\"></head><body>正文</body></html>", "2023-05-17", .meta),
        ("<meta content=\"2020-02-03 10:00\" name=\"PubDate\">", "2020-02-03", .meta),
        ("<meta property=\"article:published_time\" content=\"2024-09-01T07:30:00+08:00\">", "2024-09-01", .meta),
        // JSON-LD
        ("<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"datePublished\": \"2022-10-05T08:00:00+08:00\"}</script>", "2022-10-05", .jsonLD),
        // a gov.cn metadata table: 发布日期 wins over 成文日期, whatever the order
        ("<table><tr><td>成文日期：</td><td>2023年07月10日</td></tr><tr><td>发布日期：</td><td>2023年07月18日</td></tr></table>", "2023-07-18", .table),
    ])
    func readsTheDocumentsOwnDate(text: String, date: String, source: PublishedSource) {
        let found = sharedExtractor.publicationRules.find(in: Array(text.utf8))
        #expect(found?.date == date && found?.source == source, "\(text): \(String(describing: found))")
    }

    @Test(arguments: [
        "活动定于2025年5月1日举行，地点在会展中心。",      // a date in the body, no label
        "2026年1月28日在某市人民代表大会上",               // the date of a speech, not a byline
        "计划时间表：2027年完成。",                        // 时间 inside a longer word
        "https://web.example.org/web/20211026023311/https://news.example.com/article/1", // an archive stamp
    ])
    func readsNoDateWhereNoneIsStated(text: String) {
        #expect(sharedExtractor.publicationRules.find(in: Array(text.utf8)) == nil, "\(text)")
    }

    @Test(arguments: [("20200115-16-02.txt", "2020-01-15"), ("news-2024-01-29.md", "2024-01-29"), ("003_210949ef34f18676.txt", nil)])
    func readsTheFileName(name: String, date: String?) {
        #expect(sharedExtractor.publicationRules.fromFileName(name) == date)
    }

    /// Inference never puts a document after a deadline it still looks ahead to.
    @Test func inferenceGivesWayToADeadlineAhead() {
        let text = "2030年，我国风电装机规模增长。到2030年前实现碳达峰。"
        #expect(PublicationDate.inferYear(sharedExtractor.normalizer.normalize(text), vocabulary: sharedExtractor.lexicon.ontology.patterns.publication) == nil)
    }

    /// The rules read a bounded head and tail: a huge page costs no more than a small one.
    @Test func readsOnlyTheHeadAndTailOfHugeInputs() {
        var bytes = Array("标题\n".utf8)
        bytes += [UInt8](repeating: 0x61, count: 3_000_000)
        bytes += Array("\nhttps://example.com/2021/02/03/a.html".utf8)
        #expect(sharedExtractor.publicationRules.find(in: bytes)?.date == "2021-02-03")
    }

    @Test(arguments: [
        ("据统计，2024年，来自全国产业带的商家数量大幅上升。", 2025),
        ("2022年，我国新能源汽车销量达到688.7万辆，同比增长93.4%。", 2023),
        ("2023年2月9日，科技部火炬中心发布名单。", 2023),
        ("2021年，我国能源消费总量同比增长5.2%。2023年2月9日，会议召开。", 2023),
    ])
    func infersTheYearFromStatistics(text: String, year: Int) {
        #expect(PublicationDate.inferYear(sharedExtractor.normalizer.normalize(text), vocabulary: sharedExtractor.lexicon.ontology.patterns.publication) == year)
    }

    @Test(arguments: [
        "到2025年，能耗下降13.5%。",          // a target, not statistics
        "2027年将实现量产，销量预计增长。",     // a plan
        "2025年1月1日起施行。",                // a start date
        "没有年份的文字。",
    ])
    func infersNothingFromTargetsOrPlans(text: String) {
        #expect(PublicationDate.inferYear(sharedExtractor.normalizer.normalize(text), vocabulary: sharedExtractor.lexicon.ontology.patterns.publication) == nil)
    }
}
