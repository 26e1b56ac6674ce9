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
        let process = Process()
        guard let binary = executable else { throw MissingBinary() }
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = repositoryRoot
        let output = Pipe(), error = Pipe(), stdin = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
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

    /// The headline question from the command line, on the committed graph.
    @Test func companiesAnswersTheHeadlineQuestion() throws {
        let result = try Self.run(["companies", "--promise", "固态电池", "--by", "2027", "--format", "csv"])
        #expect(result.status == 0, "\(result.error)")
        let lines = result.output.split(separator: "\n")
        #expect(lines.first == "subject,type,time,action,topic,value,modality,document,quote")
        #expect(result.output.contains("宁德时代新能源科技股份有限公司,company,in 2027,小规模量产"))
        #expect(!result.output.contains("after 2030"))
    }

    @Test func anEmptyTimelineIsAClearMessageNotAnEmptyFile() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("policygraph-empty-\(UUID().uuidString).md").path
        let result = try Self.run(["timeline", "--topic", "量子计算", "-o", file])
        #expect(result.status == 1)
        #expect(result.error.contains("no target matches these filters"))
        #expect(!FileManager.default.fileExists(atPath: file))
    }

    @Test func unknownNamesSuggestTheClosest() throws {
        let result = try Self.run(["entity", "工信布"])
        #expect(result.status != 0)
        #expect(result.error.contains("Did you mean “工业和信息化部”"))
    }

    @Test func extractReportsUnreadableFilesAndGoesOn() throws {
        let result = try Self.run(["extract", "seeds/003_210949ef34f18676.txt", "no/such.txt"])
        #expect(result.status == 1)
        #expect(result.error.contains("no/such.txt: no such file or folder"))
        #expect(result.output.contains("\"document\" : \"003_210949ef34f18676.txt\""))
    }
}
