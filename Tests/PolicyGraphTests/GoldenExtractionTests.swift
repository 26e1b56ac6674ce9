import Foundation
import Testing
@testable import PolicyGraphCore
import PolicyGraphInput

/// The extraction JSON of `extract`, byte for byte, on the seeds and on the
/// dev set, against the committed golden files under `Fixtures/golden/`.
///
/// Speed changes to the per-document extraction path must keep these bytes
/// identical. When a change of behaviour is meant to alter them, re-record with
///
///     swift run policygraph extract seeds > Tests/PolicyGraphTests/Fixtures/golden/extract-seeds.json
///     swift run policygraph extract Tests/PolicyGraphTests/Fixtures/dev/texts > Tests/PolicyGraphTests/Fixtures/golden/extract-dev.json
///
/// and say why in the commit.
@Suite struct GoldenExtractionTests {
    struct Case: Sendable, CustomStringConvertible {
        /// The input folder, relative to the repository root (as a user types it).
        let input: String
        /// The golden file under `Fixtures/golden/`.
        let golden: String
        var description: String { input }
    }

    static let cases = [
        Case(input: "seeds", golden: "extract-seeds.json"),
        Case(input: "Tests/PolicyGraphTests/Fixtures/dev/texts", golden: "extract-dev.json"),
    ]

    static func golden(_ name: String) throws -> Data {
        try Data(contentsOf: fixturesDirectory.appendingPathComponent("golden").appendingPathComponent(name))
    }

    /// The library path that `extract` takes: read the folder (with the web-page
    /// reader the command uses), extract, encode.
    @Test(arguments: cases) func libraryOutputEqualsGolden(_ test: Case) throws {
        let reader = DocumentReader(page: sharedExtractor.lexicon.ontology.patterns.page)
        let inputs = InputCollection(paths: [repositoryRoot.appendingPathComponent(test.input).path], reader: reader)
        let (extractions, failures) = inputs.extract(with: sharedExtractor, onError: { Issue.record("unreadable: \($0)") })
        #expect(failures == 0)
        #expect(!extractions.isEmpty)
        let encoded = try ExtractionJSON.encode(extractions)
        let expected = try Self.golden(test.golden)
        #expect(encoded.count == expected.count)
        #expect(encoded == expected, "the extraction JSON of \(test.input) differs from Fixtures/golden/\(test.golden): \(Self.firstDifference(encoded, expected))")
    }

    /// The built `policygraph extract`, end to end, writes the same bytes.
    @Test(arguments: cases) func commandOutputEqualsGolden(_ test: Case) throws {
        guard let binary = CommandLineTests.executable else { throw MissingBinary() }
        let process = Process()
        process.executableURL = binary
        process.arguments = ["extract", test.input]
        process.currentDirectoryURL = repositoryRoot
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let bytes = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let expected = try Self.golden(test.golden)
        #expect(bytes == expected, "policygraph extract \(test.input) differs from Fixtures/golden/\(test.golden): \(Self.firstDifference(bytes, expected))")
    }

    /// Where two outputs first differ, with a little context, for the failure message.
    static func firstDifference(_ actual: Data, _ expected: Data) -> String {
        let a = [UInt8](actual), e = [UInt8](expected)
        var index = 0
        while index < a.count, index < e.count, a[index] == e[index] { index += 1 }
        if index == a.count, index == e.count { return "identical" }
        let start = max(0, index - 80)
        func excerpt(_ bytes: [UInt8]) -> String {
            String(decoding: bytes[start..<min(bytes.count, index + 80)], as: UTF8.self)
        }
        return "first difference at byte \(index):\n--- got\n\(excerpt(a))\n--- expected\n\(excerpt(e))"
    }
}
