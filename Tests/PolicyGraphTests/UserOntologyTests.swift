import Foundation
import Testing
@testable import PolicyGraphCore

@Suite struct UserOntologyTests {
    static let bundled: Ontology = sharedExtractor.lexicon.ontology

    static func extractor(layering files: [String: String]) throws -> (Extractor, Ontology) {
        let folder = try scratchFolder("user-ontology")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in files {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let target = files.count == 1 ? folder.appendingPathComponent(files.keys.first!) : folder
        let ontology = try bundled.layering(userOntology: target)
        return (Extractor(lexicon: Lexicon(ontology: ontology)), ontology)
    }

    static func canonical(_ text: String, _ extractor: Extractor) -> [String] {
        extractor.extract(SourceDocument(name: "t.txt", string: text)).entities.map { "\($0.type.rawValue):\($0.canonical ?? $0.name)" }
    }

    /// One line adds a company the bundled ontology does not know.
    @Test func aFileAddsAnEntity() throws {
        let text = "星河未来与国务院有关部门座谈。"
        #expect(!Self.canonical(text, sharedExtractor).contains("company:星河未来智能科技"))
        let (extractor, _) = try Self.extractor(layering: ["company-mine.tsv": "星河未来智能科技\t星河未来\t\t\n"])
        #expect(Self.canonical(text, extractor).contains("company:星河未来智能科技"))
    }

    /// A record with the same type and name replaces the bundled one (here: a new alias).
    @Test func aSameIDRecordOverrides() throws {
        let name = "宁德时代新能源科技股份有限公司"
        let (extractor, ontology) = try Self.extractor(layering: ["company.tsv": "\(name)\t宁王|宁德时代\t\t\n"])
        #expect(ontology.entities.count == Self.bundled.entities.count)
        #expect(ontology.entity(named: "宁王")?.name == name)
        #expect(Self.canonical("宁王发布新电池。", extractor) == ["company:\(name)"])
    }

    /// A stop list: names that are never entities, whatever rule would find them.
    @Test func stopListedNamesAreNeverEntities() throws {
        let text = "中国汽车工业协会表示，工业和信息化部将出台政策。"
        #expect(recognised(text).contains("institution:中国汽车工业协会"))
        let (extractor, _) = try Self.extractor(layering: ["stop.tsv": "# names that are never entities\n中国汽车工业协会\n"])
        #expect(recognised(text, extractor: extractor) == ["government:工业和信息化部"])
    }

    /// A folder of files: read recursively; a duplicate record is reported with both places.
    @Test func duplicatesAreReported() throws {
        let (_, ontology) = try Self.extractor(layering: [
            "a/company-a.tsv": "星河未来智能科技\t\t\t\n",
            "b/company-b.tsv": "星河未来智能科技\t星河\t\t\n",
        ])
        let duplicates = ontology.warnings.filter { $0.message.contains("is already a company") }
        #expect(duplicates.count == 1)
        #expect(duplicates.first?.location.file.hasSuffix("b/company-b.tsv") == true)
        #expect(duplicates.first?.message.contains("a/company-a.tsv:1") == true)
    }

    @Test func invalidUserRecordsNameFileAndLine() throws {
        #expect {
            _ = try Self.extractor(layering: ["company-x.tsv": "星河未来智能科技\t\t\t\n只有一列\n"])
        } throws: { error in
            guard case let .invalidRecords(issues) = error as? OntologyError else { return false }
            return issues.count == 1 && issues[0].location.file.hasSuffix("company-x.tsv") && issues[0].location.line == 2
        }
        #expect(throws: OntologyError.self) { try Self.bundled.layering(userOntology: URL(fileURLWithPath: "/no/such/file.tsv")) }
    }

    /// Reproducer 12 (reliability): an --ontology folder whose pattern files
    /// are empty was accepted and silently found no target and no issued pair.
    @Test func anOntologyWithoutPatternsIsAnError() throws {
        let folder = try scratchFolder("no-patterns")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Ontology/entities"), to: folder.appendingPathComponent("entities"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("patterns"), withIntermediateDirectories: true)
        for name in ["issuance", "stopwords", "suffixes", "targets", "time", "titles"] {
            try Data().write(to: folder.appendingPathComponent("patterns/\(name).tsv"))
        }
        #expect {
            _ = try Ontology.load(from: folder)
        } throws: { error in
            guard case let .invalidRecords(issues) = error as? OntologyError else { return false }
            return Set(issues.map(\.location.file)) == ["patterns/issuance.tsv", "patterns/stopwords.tsv", "patterns/suffixes.tsv", "patterns/targets.tsv", "patterns/time.tsv", "patterns/titles.tsv"]
                && issues[0].message.contains("--user-ontology")
        }
    }
}
