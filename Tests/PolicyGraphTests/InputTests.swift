import Foundation
import Testing
import ZIPFoundation
@testable import PolicyGraphCore
@testable import PolicyGraphInput

/// A scratch folder for one test, removed afterwards by the caller.
func scratchFolder(_ label: String) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("policygraph-\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

let sharedReader = DocumentReader(page: sharedExtractor.lexicon.ontology.patterns.page)

/// A news page as sites publish them: navigation, breadcrumbs, the article
/// with a share bar, a 热点推荐 sidebar and a footer. Every name outside the
/// article is one the ontology knows, so that leaving them out is visible.
let newsPage = """
<!DOCTYPE html>
<html><head><meta charset="gb2312"><title>工业和信息化部印发方案_新闻中心_国务院新闻办</title>
<script>var hot = "<div>比亚迪</div>";</script></head>
<body>
<div class="top-nav"><ul><li><a href="/">首页</a></li><li><a href="/gov">国务院</a></li><li><a href="/hw">华为技术有限公司</a></li></ul></div>
<div class="crumbs"><a href="/">首页</a> &gt; <a href="/news">新闻中心</a> &gt; 正文</div>
<div class="wrapper">
 <div class="main">
  <h1>工业和信息化部印发《工业领域碳达峰实施方案》</h1>
  <div class="info">2022年08月01日 来源：经济日报</div>
  <div class="article-body">
   <p>近日，工业和信息化部、国家发展改革委、生态环境部联合印发《工业领域碳达峰实施方案》，提出到2025年，规模以上工业单位增加值能耗较2020年下降13.5%。</p>
   <p>方案明确，宁德时代新能源科技股份有限公司等龙头企业要加快绿色低碳技术研发，推动新能源汽车产业高质量发展，确保2030年前工业领域二氧化碳排放达峰。</p>
   <p>中国汽车工业协会有关负责人表示，这一方案对汽车行业的绿色转型具有重要指导意义，企业要抓紧落实各项任务。</p>
   <div class="share-bar">分享到：<a href="#">微博</a><a href="#">微信</a></div>
  </div>
 </div>
 <div class="side">
  <h3>热点推荐</h3>
  <ul>
   <li><a href="/1">国务院印发《新能源汽车产业发展规划》</a></li>
   <li><a href="/2">比亚迪股份有限公司发布新车型</a></li>
   <li><a href="/3">上海市人民政府出台新政策</a></li>
  </ul>
 </div>
</div>
<div id="footer"><p>版权所有：人民日报社 地址：北京市朝阳区 京ICP备12345号</p><p>主办单位：中国科学院</p></div>
</body></html>
"""

@Suite struct MainContentTests {
    /// The acceptance test of the issue: on a page with navigation, a sidebar
    /// and a footer, only the article's entities and issued pairs are found,
    /// with offsets into the original file.
    @Test func onlyTheArticlesEntitiesAreFound() throws {
        let folder = try scratchFolder("page")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("news.html")
        try Data(newsPage.utf8).write(to: file)
        let document = try sharedReader.read(InputFile(path: file.path, id: "news.html", inFolder: false))
        let extraction = sharedExtractor.extract(document)
        let names = Set(extraction.entities.filter { $0.type != .person }.map(\.name))
        #expect(names == ["工业和信息化部", "国家发展改革委", "生态环境部", "工业领域碳达峰实施方案",
                          "宁德时代新能源科技股份有限公司", "中国汽车工业协会", "经济日报"])
        #expect(Set(extraction.issued.map(\.policy)) == ["工业领域碳达峰实施方案"])
        #expect(extraction.issued.count == 3)
        // Offsets still point into the original file.
        let bytes = Array(newsPage.utf8)
        for entity in extraction.entities {
            let range = entity.offsets[0]..<entity.offsets[1]
            let original = String(decoding: bytes[range], as: UTF8.self)
            #expect(original == entity.name || entity.aliases.contains(original), "\(entity.name) at \(range) is “\(original)”")
        }
        let reasons = extraction.leftOut.map(\.reason)
        #expect(reasons.contains("class “side”"))
        #expect(reasons.contains("class “footer”"))
        #expect(reasons.contains("class “share”"))
        #expect(reasons.contains { $0.contains("top") || $0.contains("nav") })
    }

    /// --whole-page keeps everything: the sidebar's and footer's names come back.
    @Test func wholePageKeepsEverything() throws {
        let folder = try scratchFolder("whole")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("news.html")
        try Data(newsPage.utf8).write(to: file)
        let reader = DocumentReader(page: sharedExtractor.lexicon.ontology.patterns.page, wholePage: true)
        let document = try reader.read(InputFile(path: file.path, id: "news.html", inFolder: false))
        #expect(document.leftOut.isEmpty)
        let names = Set(sharedExtractor.extract(document).entities.map(\.name))
        #expect(names.contains("比亚迪股份有限公司"))
        #expect(names.contains("中国科学院"))
    }

    /// What marks a block as not the article, one rule a row.
    @Test(arguments: [
        // a tag that is never the article
        ("<nav><a href='/'>国务院</a></nav>", "nav"),
        // a class token matched as a prefix
        ("<div class='sidebar-box'><p>国务院办公厅印发通知，要求各地抓紧落实。</p></div>", "class “sidebar”"),
        // a token matched whole
        ("<div id='ad'><p>国务院办公厅印发通知，要求各地抓紧落实。</p></div>", "class “ad”"),
        // a block opened by a heading of patterns/page.tsv
        ("<div><h4>相关阅读</h4><p>国务院办公厅印发通知，要求各地抓紧落实。</p></div>", "heading “相关阅读”"),
        // a list that is mostly links
        ("<ul><li><a href='/1'>国务院办公厅</a></li><li><a href='/2'>工业和信息化部</a></li></ul>", "link list"),
    ])
    func boilerplateIsMarked(block: String, reason: String) {
        let article = "<div class='content'>" + String(repeating: "<p>工业和信息化部提出，到2025年规模以上工业单位增加值能耗下降13.5%，推动绿色发展。</p>", count: 4) + "</div>"
        let page = "<html><body>\(article)\(block)</body></html>"
        let parts = MainContent(vocabulary: sharedReader.page).leftOutParts(of: Array(page.utf8))
        #expect(parts.map(\.reason).contains(reason), "\(parts)")
        // The article itself is never left out.
        let articleStart = Array(page.utf8).firstRange(of: Array("<div class='content'>".utf8))?.lowerBound ?? 0
        #expect(!parts.contains { $0.range.contains(articleStart + 30) })
    }

    /// A wrapper whose class names a sidebar (page-with-sidebar) but holds the
    /// article is not left out whole; the sidebar inside it still is.
    @Test func aWrapperHoldingTheArticleIsNotBoilerplate() {
        let article = String(repeating: "<p>工业和信息化部提出，到2025年规模以上工业单位增加值能耗下降13.5%，推动绿色发展。</p>", count: 4)
        let page = "<html><body><div class='page-with-sidebar'><div class='text'>\(article)</div>"
            + "<div class='sidebar'><ul><li><a href='/1'>国务院办公厅</a></li></ul></div></div></body></html>"
        let parts = MainContent(vocabulary: sharedReader.page).leftOutParts(of: Array(page.utf8))
        #expect(parts.map(\.reason) == ["class “sidebar”"])
    }

    /// A page without structure (a fragment of paragraphs) is read whole.
    @Test func aFragmentIsReadWhole() {
        let page = "<p>工业和信息化部印发通知。</p><p>国务院办公厅转发意见。</p>"
        let parts = MainContent(vocabulary: sharedReader.page).leftOutParts(of: Array(page.utf8))
        #expect(parts.allSatisfy { $0.excerpt.isEmpty || $0.reason != "outside the article" || !$0.excerpt.contains("工业") })
    }

    /// Nonsense HTML does not crash the parser or the finder.
    @Test(arguments: ["<", "<<<>>>", "</div></div><p>", "<div class=", String(repeating: "<div>", count: 5000) + "正文"])
    func brokenMarkupIsSurvived(page: String) {
        _ = MainContent(vocabulary: sharedReader.page).leftOutParts(of: Array(page.utf8))
    }
}

@Suite struct ExtractedFormatTests {
    /// A one-page PDF written by hand (Helvetica, ASCII text) with a valid xref table.
    static func minimalPDF(lines: [String]) -> Data {
        var content = "BT /F1 12 Tf 72 720 Td"
        for (index, line) in lines.enumerated() { content += (index == 0 ? "" : " 0 -16 Td") + " (\(line)) Tj" }
        content += " ET"
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
        var pdf = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(pdf.utf8.count)
            pdf += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = pdf.utf8.count
        pdf += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { pdf += String(repeating: "0", count: 10 - String(offset).count) + "\(offset) 00000 n \n" }
        pdf += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(pdf.utf8)
    }

    @Test func pdfIsReadThroughPdftotext() throws {
        guard PDFText.toolPath() != nil else {
            print("skipped: pdftotext is not installed (apt-get install poppler-utils)")
            return
        }
        let folder = try scratchFolder("pdf")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("report.pdf")
        try Self.minimalPDF(lines: ["CATL and BYD will build batteries.", "The second line."]).write(to: file)
        let document = try sharedReader.read(InputFile(path: file.path, id: "report.pdf", inFolder: false))
        #expect(document.origin == .extracted(tool: "pdftotext"))
        let extraction = sharedExtractor.extract(document)
        #expect(Set(extraction.entities.compactMap(\.canonical)) == ["宁德时代新能源科技股份有限公司", "比亚迪股份有限公司"])
        #expect(extraction.offsetsNote?.contains("extracted by pdftotext") == true)
        // Offsets refer to the extracted text.
        let catl = try #require(extraction.entities.first { $0.name == "CATL" })
        #expect(catl.offsets == [0, 4])
    }

    /// A file that is no PDF gives pdftotext's failure with the file's name, not a crash.
    @Test func brokenPDFIsAClearError() throws {
        guard PDFText.toolPath() != nil else {
            print("skipped: pdftotext is not installed (apt-get install poppler-utils)")
            return
        }
        let folder = try scratchFolder("badpdf")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("broken.pdf")
        try Data("not a pdf at all".utf8).write(to: file)
        #expect {
            try sharedReader.read(InputFile(path: file.path, id: "broken.pdf", inFolder: false))
        } throws: { error in
            (error as? InputError).map { $0.localizedDescription.contains("broken.pdf") && $0.localizedDescription.contains("pdftotext") } ?? false
        }
    }

    @Test func missingPdftotextSaysHowToInstall() {
        let message = InputError.toolMissing(file: "a.pdf", tool: "poppler's pdftotext", install: PDFText.install).localizedDescription
        #expect(message.contains("apt-get install poppler-utils"))
        #expect(message.hasPrefix("a.pdf: "))
    }

    /// A Word file built with ZIPFoundation: paragraphs, runs, a tab and a break.
    static func minimalDOCX(paragraphs: [[String]], to url: URL) throws {
        let body = paragraphs.map { runs in
            "<w:p>" + runs.map { "<w:r><w:t xml:space=\"preserve\">\($0)</w:t></w:r>" }.joined() + "</w:p>"
        }.joined()
        let xml = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(body)<w:p><w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t></w:r></w:p></w:body></w:document>
        """
        let types = """
        <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
        """
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in [("[Content_Types].xml", types), ("word/document.xml", xml)] {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { (position: Int64, size: Int) in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        try #require(archive.data).write(to: url)
    }

    @Test func docxIsReadFromDocumentXML() throws {
        let folder = try scratchFolder("docx")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("notice.docx")
        try Self.minimalDOCX(paragraphs: [["工业和信息化部", "印发《工业领域碳达峰实施方案》。"], ["宁德时代新能源科技股份有限公司表示将加快研发。"]], to: file)
        let document = try sharedReader.read(InputFile(path: file.path, id: "notice.docx", inFolder: false))
        let text = String(decoding: document.text.bytes, as: UTF8.self)
        #expect(text == "工业和信息化部印发《工业领域碳达峰实施方案》。\n宁德时代新能源科技股份有限公司表示将加快研发。\n甲\t乙\n丙\n")
        let extraction = sharedExtractor.extract(document)
        #expect(Set(extraction.entities.map(\.name)).isSuperset(of: ["工业和信息化部", "工业领域碳达峰实施方案", "宁德时代新能源科技股份有限公司"]))
        #expect(extraction.issued.map(\.issuer) == ["工业和信息化部"])
        #expect(extraction.offsetsNote?.contains("Word") == true)
        let ministry = try #require(extraction.entities.first { $0.name == "工业和信息化部" })
        #expect(ministry.offsets == [0, 21])
    }

    @Test func aZipWithoutDocumentXMLIsAClearError() throws {
        let folder = try scratchFolder("baddocx")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("other.docx")
        let archive = try Archive(data: Data(), accessMode: .create)
        let data = Data("x".utf8)
        try archive.addEntry(with: "readme.txt", type: .file, uncompressedSize: 1) { (_: Int64, _: Int) in data }
        try #require(archive.data).write(to: file)
        #expect(throws: InputError.malformed(file: file.path, what: "Word file (.docx)", reason: "it has no word/document.xml")) {
            try sharedReader.read(InputFile(path: file.path, id: "other.docx", inFolder: false))
        }
        let notZip = folder.appendingPathComponent("text.docx")
        try Data("plain text".utf8).write(to: notZip)
        #expect(throws: InputError.self) { try sharedReader.read(InputFile(path: notZip.path, id: "text.docx", inFolder: false)) }
    }
}
