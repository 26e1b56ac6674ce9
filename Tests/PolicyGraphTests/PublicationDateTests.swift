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

    @Test func precedenceOptionMetadataHeaderInferred() {
        let text = sharedExtractor.normalizer.normalize("33热 点 2024.1.29 星期一\n据统计，2023年，销量增长32%。")
        let metadata = DocumentMetadata(file: "x.txt", published: "2024-02", source: nil, title: nil)
        #expect(Extractor.publicationDate(text: text, option: "2024-01-30", metadata: metadata) == ("2024-01-30", .option))
        #expect(Extractor.publicationDate(text: text, option: nil, metadata: metadata) == ("2024-02", .metadata))
        #expect(Extractor.publicationDate(text: text, option: nil, metadata: nil) == ("2024-01-29", .header))
    }

    @Test(arguments: [
        ("据统计，2024年，来自全国产业带的商家数量大幅上升。", 2025),
        ("2022年，我国新能源汽车销量达到688.7万辆，同比增长93.4%。", 2023),
        ("2023年2月9日，科技部火炬中心发布名单。", 2023),
        ("2021年，我国能源消费总量同比增长5.2%。2023年2月9日，会议召开。", 2023),
    ])
    func infersTheYearFromStatistics(text: String, year: Int) {
        #expect(PublicationDate.inferYear(sharedExtractor.normalizer.normalize(text)) == year)
    }

    @Test(arguments: [
        "到2025年，能耗下降13.5%。",          // a target, not statistics
        "2027年将实现量产，销量预计增长。",     // a plan
        "2025年1月1日起施行。",                // a start date
        "没有年份的文字。",
    ])
    func infersNothingFromTargetsOrPlans(text: String) {
        #expect(PublicationDate.inferYear(sharedExtractor.normalizer.normalize(text)) == nil)
    }
}
