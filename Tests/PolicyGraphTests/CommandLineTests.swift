import Foundation
import Testing

struct MissingBinary: Error, CustomStringConvertible {
    var description: String { "the policygraph binary is not built next to the tests (swift build first)" }
}

/// End-to-end: the built `policygraph` binary.
@Suite struct CommandLineTests {
    /// The products folder holds the test bundle and the executable side by side.
    static var executable: URL? {
        var folder = Bundle.module.bundleURL.deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = folder.appendingPathComponent("policygraph")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }

    static func run(_ arguments: [String], input: String? = nil) throws -> (status: Int32, output: String, error: String) {
        guard let binary = executable else { throw MissingBinary() }
        return try runProcess(binary, arguments, in: repositoryRoot, input: input)
    }

    @Test func timeReadsArgumentsAndStandardInput() throws {
        let fromArguments = try Self.run(["time", "2027年前", "未来2年至3年内", "--reference", "2025-03-01"])
        #expect(fromArguments.status == 0)
        let lines = fromArguments.output.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].contains(#""relation": "by", "year": 2027"#))
        #expect(lines[1].contains(#""relation": "between", "year": 2027, "month": null, "end_year": 2028"#))
        let fromInput = try Self.run(["time", "--reference", "2024-02-05"], input: "今年\n不是时间\n")
        let inputLines = fromInput.output.split(separator: "\n")
        #expect(inputLines.count == 2)
        #expect(inputLines[0].contains(#""year": 2024"#))
        #expect(inputLines[1].contains(#""error""#))
    }

    @Test func badReferenceIsAUsageError() throws {
        let result = try Self.run(["time", "今年", "--reference", "2024/02/05"])
        #expect(result.status != 0)
        #expect(result.error.contains("--reference must read YYYY-MM-DD"))
    }

    /// A build of the seeds in a folder of its own, made once: its store answers the query commands.
    static let seedBuild: String = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("policygraph-cli-\(UUID().uuidString)").path
        _ = try? run(["build", "seeds", "-o", folder])
        return folder
    }()
    static var seedStore: String { seedBuild + "/policygraph.sqlite" }

    /// The headline question from the command line, on the store: one row per company.
    @Test func companiesAnswersTheHeadlineQuestion() throws {
        let result = try Self.run(["companies", "--promise", "固态电池", "--by", "2027", "--format", "csv", "--store", Self.seedStore])
        #expect(result.status == 0, "\(result.error)")
        let lines = result.output.split(separator: "\n")
        #expect(lines.first == "company,aliases,earliest,targets,sources,revisions")
        #expect(lines.count == 11)
        #expect(result.output.contains("宁德时代新能源科技股份有限公司,CATL、宁德时代,2027,in 2027 小规模量产"))
        #expect(!result.output.contains("after 2030"))
    }

    /// In JSON, years are numbers and every node carries its id.
    @Test func companiesJSONHasNumbersAndIDs() throws {
        let result = try Self.run(["companies", "--promise", "固态电池", "--by", "2027", "--format", "json", "--store", Self.seedStore])
        #expect(result.status == 0, "\(result.error)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let companies = try #require(object["companies"] as? [[String: Any]])
        #expect(companies.count == 10)
        for company in companies {
            #expect((company["id"] as? String)?.hasPrefix("company_") == true)
            #expect(company["earliest_due_year"] is Int)
            for target in company["targets"] as? [[String: Any]] ?? [] {
                #expect((target["id"] as? String)?.hasPrefix("target_") == true)
                #expect((target["time"] as? [String: Any])?["year"] is Int)
            }
        }
    }

    @Test func entityJSONIsAnObject() throws {
        let result = try Self.run(["entity", "catl", "--format", "json", "--store", Self.seedStore])
        #expect(result.status == 0, "\(result.error)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(object["name"] as? String == "宁德时代新能源科技股份有限公司")
        #expect(object["id"] as? String != nil)
        #expect((object["sources"] as? [[String: Any]])?.isEmpty == false)
    }

    @Test func sqlPrintsTablesJSONAndCSVAndRefusesWrites() throws {
        let table = try Self.run(["sql", "SELECT count(*) AS documents FROM documents", "--store", Self.seedStore])
        #expect(table.output == "documents\n---------\n5\n")
        let csv = try Self.run(["sql", "SELECT kind FROM nodes WHERE kind = 'document' LIMIT 1", "--format", "csv", "--store", Self.seedStore])
        #expect(csv.output == "kind\ndocument\n")
        let json = try Self.run(["sql", "SELECT 2027 AS year", "--format", "json", "--store", Self.seedStore])
        #expect(json.output.contains("\"year\" : 2027"))
        let write = try Self.run(["sql", "DROP TABLE nodes", "--store", Self.seedStore])
        #expect(write.status != 0)
        #expect(write.error.contains("only statements that read are allowed"))
    }

    @Test func addAndRemoveChangeOnlyWhatTheySay() throws {
        let store = FileManager.default.temporaryDirectory.appendingPathComponent("policygraph-add-\(UUID().uuidString).sqlite").path
        var result = try Self.run(["add", "seeds/000_441b5bb5ba9ae824.txt", "--store", store])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.error.contains("added 1, replaced 0, unchanged 0"))
        result = try Self.run(["add", "seeds", "--store", store])
        #expect(result.error.contains("added 4, replaced 0, unchanged 1"))
        result = try Self.run(["remove", "001_44894979821fce9e.txt", "--store", store])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.error.contains("removed 1"))
        result = try Self.run(["remove", "001_nope.txt", "--store", store])
        #expect(result.status != 0)
        #expect(result.error.contains("No document “001_nope.txt” in the store"))
        result = try Self.run(["sql", "SELECT count(*) FROM node_documents WHERE document_id = '001_44894979821fce9e.txt'", "--format", "csv", "--store", store])
        #expect(result.output.hasSuffix("\n0\n"))
    }

    @Test func aMissingStoreIsAClearError() throws {
        let result = try Self.run(["companies", "--promise", "固态电池", "--by", "2027", "--store", "no/such/store.sqlite"])
        #expect(result.status != 0)
        #expect(result.error.contains("no/such/store.sqlite: no store there"))
    }

    @Test func anEmptyTimelineIsAClearMessageNotAnEmptyFile() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("policygraph-empty-\(UUID().uuidString).md").path
        let result = try Self.run(["timeline", "--topic", "量子计算", "-o", file, "--store", Self.seedStore])
        #expect(result.status == 1)
        #expect(result.error.contains("no target matches these filters"))
        #expect(!FileManager.default.fileExists(atPath: file))
    }

    @Test func unknownNamesSuggestTheClosest() throws {
        let result = try Self.run(["entity", "工信布", "--store", Self.seedStore])
        #expect(result.status != 0)
        #expect(result.error.contains("Did you mean “工信部”"))
    }

    @Test func extractReportsUnreadableFilesAndGoesOn() throws {
        let result = try Self.run(["extract", "seeds/003_210949ef34f18676.txt", "no/such.txt"])
        #expect(result.status == 1)
        #expect(result.error.contains("no/such.txt: no such file or folder"))
        #expect(result.output.contains("\"document\" : \"003_210949ef34f18676.txt\""))
    }
}

extension CommandLineTests {
    /// Every query command's JSON is an object whose nodes carry their ids.
    @Test(arguments: [["targets", "--topic", "固态电池", "--by", "2027"], ["neighbors", "工信部"], ["path", "宁德时代", "比亚迪"]])
    func graphCommandsAnswerJSONObjects(arguments: [String]) throws {
        let result = try Self.run(arguments + ["--format", "json", "--store", Self.seedStore])
        #expect(result.status == 0, "\(result.error)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(!object.isEmpty)
        #expect(result.output.contains("\"id\" : "))
        if arguments[0] == "targets" {
            let first = try #require((object["targets"] as? [[String: Any]])?.first)
            #expect((first["time"] as? [String: Any])?["year"] is Int)
            #expect(((first["sources"] as? [[String: Any]])?.first)?["published"] is String)
            #expect((first["subject"] as? [String: Any])?["id"] is String)
        }
    }
}

/// `targets`, `neighbors` and `path` read the store and nothing else.
extension CommandLineTests {
    /// A folder holding only a copy of the seeds' store, as `Outputs/policygraph.sqlite`: no graph.json anywhere.
    static func storeOnlyFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("policygraph-storeonly-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Outputs"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: seedStore, toPath: folder.appendingPathComponent("Outputs/policygraph.sqlite").path)
        return folder
    }

    static func runIn(_ folder: URL, _ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        guard let binary = executable else { throw MissingBinary() }
        return try runProcess(binary, arguments, in: folder)
    }

    /// The default store, in a folder without graph.json: each command answers in each format, the same bytes as
    /// with `--store` beside a full build.
    @Test(arguments: [["targets", "--topic", "固态电池", "--by", "2027", "--subject-type", "company", "--modality", "promise"],
                      ["targets", "--in", "2025"], ["targets", "--subject", "toyota"],
                      ["neighbors", "工信部"], ["neighbors", "宁德时代", "--depth", "2"], ["neighbors", "工信部", "--edge", "issued"],
                      ["path", "宁德时代", "固态电池"], ["path", "catl", "比亚迪"]])
    func queriesNeedNoGraphJSON(arguments: [String]) throws {
        let folder = try Self.storeOnlyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for format in ["table", "json", "csv"] {
            let result = try Self.runIn(folder, arguments + ["--format", format])
            #expect(result.status == 0, "\(arguments) \(format): \(result.error)")
            #expect(!result.output.isEmpty)
            let beside = try Self.run(arguments + ["--format", format, "--store", Self.seedStore])
            #expect(result.output == beside.output)
        }
        let files = try FileManager.default.subpathsOfDirectory(atPath: folder.path)
        #expect(!files.contains { $0.hasSuffix("graph.json") })
    }

    /// Table and CSV columns, and JSON objects with node ids and numeric years, as before the store.
    @Test func outputShapesAreKept() throws {
        let folder = try Self.storeOnlyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let targets = try Self.runIn(folder, ["targets", "--topic", "固态电池", "--by", "2027", "--format", "csv"])
        #expect(targets.output.hasPrefix("subject,type,time,action,topic,value,modality,document,quote\n"))
        #expect(targets.output.contains("宁德时代新能源科技股份有限公司,company,in 2027,小规模量产"))
        let neighbors = try Self.runIn(folder, ["neighbors", "工信部", "--format", "csv"])
        #expect(neighbors.output.hasPrefix("edge,direction,type,name,sources\n"))
        #expect(neighbors.output.contains("issued,→,policy,"))
        let neighborsJSON = try Self.runIn(folder, ["neighbors", "工信部", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(neighborsJSON.output.utf8)) as? [String: Any])
        #expect((object["node"] as? [String: Any])?["name"] as? String == "工业和信息化部")
        let first = try #require((object["neighbors"] as? [[String: Any]])?.first)
        #expect(first["sources"] is Int && (first["node"] as? [String: Any])?["id"] is String)
        let path = try Self.runIn(folder, ["path", "宁德时代", "固态电池", "--format", "json"])
        let steps = try #require((try JSONSerialization.jsonObject(with: Data(path.output.utf8)) as? [String: Any])?["path"] as? [[String: Any]])
        #expect(steps.count >= 3)
        #expect(steps.map { $0["step"] as? Int } == Array(0..<steps.count))
        #expect(steps.first?["via"] == nil && steps.last?["via"] is String)
        let table = try Self.runIn(folder, ["path", "宁德时代", "固态电池"])
        #expect(table.output.hasPrefix("step"))
    }

    @Test(arguments: [["targets", "--subject", "工信布"], ["neighbors", "工信布"], ["path", "工信布", "比亚迪"], ["path", "比亚迪", "工信布"]])
    func unknownNamesSuggestTheClosestFromTheStore(arguments: [String]) throws {
        let result = try Self.run(arguments + ["--store", Self.seedStore])
        #expect(result.status == 64)
        #expect(result.error.contains("No entity is named “工信布”"))
        #expect(result.error.contains("Did you mean “工信部”"))
    }

    @Test(arguments: [["targets"], ["neighbors", "工信部"], ["path", "宁德时代", "比亚迪"]])
    func aMissingStoreSaysHowToMakeOne(arguments: [String]) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("policygraph-nostore-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.runIn(folder, arguments)
        #expect(result.status != 0)
        #expect(result.error.contains("Outputs/policygraph.sqlite: no store there"))
        #expect(result.error.contains("policygraph build"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func theRetiredGraphOptionPointsToTheStore() throws {
        let result = try Self.run(["neighbors", "工信部", "--graph", "out/graph.json"])
        #expect(result.status == 64)
        #expect(result.error.contains("give --store out/policygraph.sqlite"))
    }
}
