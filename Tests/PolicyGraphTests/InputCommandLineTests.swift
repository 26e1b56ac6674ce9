import Foundation
import Testing

/// End-to-end: inputs, the user ontology, an install and progress, through the built binary.
@Suite struct InputCommandLineTests {
    static func run(_ arguments: [String], in directory: URL = repositoryRoot, binary: URL? = CommandLineTests.executable,
                    input: String? = nil) throws -> (status: Int32, output: String, error: String) {
        guard let binary else { throw MissingBinary() }
        return try runProcess(binary, arguments, in: directory, input: input)
    }

    /// Reproducer 12 of the reliability set: `--ontology` with empty pattern files is an error, not 0 targets.
    @Test func ontologyWithoutPatternsIsRefused() throws {
        let folder = try scratchFolder("repro12")
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("onto")
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Ontology"), to: copy)
        for name in try FileManager.default.contentsOfDirectory(atPath: copy.appendingPathComponent("patterns").path) {
            try Data().write(to: copy.appendingPathComponent("patterns/\(name)"))
        }
        let result = try Self.run(["extract", "seeds/003_210949ef34f18676.txt", "--ontology", copy.path])
        #expect(result.status != 0)
        #expect(result.output.isEmpty)
        #expect(result.error.contains("patterns/targets.tsv:0: missing or empty"))
        #expect(result.error.contains("--user-ontology"))
    }

    /// A binary copied alone fails with one line that says where it looked and
    /// which flag to use; with --ontology it works.
    @Test func aCopiedBinaryFailsInOneLine() throws {
        guard let original = CommandLineTests.executable else { throw MissingBinary() }
        let folder = try scratchFolder("copied")
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("policygraph")
        try FileManager.default.copyItem(at: original, to: copy)
        try Data("工业和信息化部印发通知。".utf8).write(to: folder.appendingPathComponent("a.txt"))
        let alone = try Self.run(["extract", "a.txt"], in: folder, binary: copy)
        #expect(alone.status != 0)
        let lines = alone.error.split(separator: "\n")
        #expect(lines.count == 1, "\(alone.error)")
        #expect(alone.error.contains("looked in \(folder.path)/PolicyGraph_PolicyGraphOntology.resources"))
        #expect(alone.error.contains("--ontology DIR"))
        let withFlag = try Self.run(["extract", "a.txt", "--ontology", repositoryRoot.appendingPathComponent("Ontology").path], in: folder, binary: copy)
        #expect(withFlag.status == 0)
        #expect(withFlag.output.contains("工业和信息化部"))
    }

    /// The layout `make install` makes: PREFIX/bin/policygraph and PREFIX/share/policygraph/<bundle>.
    @Test func anInstalledBinaryFindsItsOntology() throws {
        guard let original = CommandLineTests.executable else { throw MissingBinary() }
        let prefix = try scratchFolder("prefix")
        defer { try? FileManager.default.removeItem(at: prefix) }
        let bundle = "PolicyGraph_PolicyGraphOntology.resources"
        try FileManager.default.createDirectory(at: prefix.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: prefix.appendingPathComponent("share/policygraph"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: original, to: prefix.appendingPathComponent("bin/policygraph"))
        try FileManager.default.copyItem(at: original.deletingLastPathComponent().appendingPathComponent(bundle),
                                         to: prefix.appendingPathComponent("share/policygraph/\(bundle)"))
        try Data("工业和信息化部印发通知。".utf8).write(to: prefix.appendingPathComponent("a.txt"))
        let result = try Self.run(["extract", "a.txt"], in: prefix, binary: prefix.appendingPathComponent("bin/policygraph"))
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("工业和信息化部"))
    }

    /// `--files-from -`: the listed files, their ids the listed paths (two index.txt stay two documents).
    @Test func filesFromStandardInput() throws {
        let folder = try scratchFolder("files-from")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (path, text) in [("a/index.txt", "国务院印发通知。"), ("b/index.txt", "工业和信息化部印发通知。"), ("c/other.txt", "北京市")] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(path).deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: folder.appendingPathComponent(path))
        }
        let result = try Self.run(["extract", "--files-from", "-", "--ontology", repositoryRoot.appendingPathComponent("Ontology").path],
                                  in: folder, input: "a/index.txt\n# not this one: c/other.txt\n./b/index.txt\n")
        #expect(result.status == 0, "\(result.error)")
        let documents = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]] ?? []
        #expect(documents.map { $0["document"] as? String } == ["a/index.txt", "b/index.txt"])
    }

    /// Progress for every phase of build on standard error, none with --quiet;
    /// skipped files are counted by reason.
    @Test func buildReportsEveryPhase() throws {
        let folder = try scratchFolder("progress")
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputs = folder.appendingPathComponent("in/sub")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        try Data("工业和信息化部印发《工业领域碳达峰实施方案》，提出到2025年能耗下降13.5%。".utf8).write(to: inputs.appendingPathComponent("a.txt"))
        try Data([0xFF, 0xD8, 0xFF]).write(to: inputs.appendingPathComponent("photo.jpg"))
        let loud = try Self.run(["build", folder.appendingPathComponent("in").path, "-o", folder.appendingPathComponent("out").path])
        #expect(loud.status == 0, "\(loud.error)")
        for phase in ["extraction: 1 documents", "merging: ", "extraction.json written, in ", "store graph tables: in ", "export graph.json: in ", "export graph.graphml: in ",
                      "export timeline.html: in ", "skipped 1 file: 1 not a document type"] {
            #expect(loud.error.contains(phase), "\(phase) missing from \(loud.error)")
        }
        let quiet = try Self.run(["build", folder.appendingPathComponent("in").path, "-o", folder.appendingPathComponent("out2").path, "--quiet"])
        #expect(quiet.status == 0)
        #expect(quiet.error.isEmpty)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out2/graph.json").path))
    }

    /// The README's one line: a company added with --user-ontology; a duplicate is reported.
    @Test func userOntologyFromTheCommandLine() throws {
        let folder = try scratchFolder("user")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("星河未来智能科技\t星河未来\t\t\n星河未来智能科技\t\t\t\n".utf8).write(to: folder.appendingPathComponent("company-mine.tsv"))
        try Data("星河未来宣布，2027年前量产固态电池。".utf8).write(to: folder.appendingPathComponent("a.txt"))
        let result = try Self.run(["extract", "a.txt", "--user-ontology", "company-mine.tsv", "--format", "text"], in: folder)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("星河未来  → 星河未来智能科技"))
        #expect(result.error.contains("duplicate record"))
        #expect(result.error.contains("company-mine.tsv:2"))
    }
}
