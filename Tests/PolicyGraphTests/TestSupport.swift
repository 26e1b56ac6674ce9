import Foundation
import Testing
@testable import PolicyGraphCore

/// Shared, compiled once: the bundled ontology's extractor.
let sharedExtractor: Extractor = {
    do { return try Extractor() } catch { fatalError("the bundled ontology does not load: \(error)") }
}()

/// The repository root, found from this file's location.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The folder of test fixtures bundled with the tests.
var fixturesDirectory: URL {
    Bundle.module.resourceURL!.appendingPathComponent("Fixtures")
}

/// Marked text: `位于⟦zone|南昌高新区⟧的⟦company|南昌科勒有限公司⟧` gives the plain
/// text and the expected (type, name) pairs.
struct MarkedText {
    let text: String
    let expected: [String]

    init(_ marked: String) {
        var text = ""
        var expected: [String] = []
        var rest = Substring(marked)
        while let open = rest.range(of: "⟦") {
            text += rest[..<open.lowerBound]
            rest = rest[open.upperBound...]
            guard let close = rest.range(of: "⟧") else { break }
            let inside = rest[..<close.lowerBound]
            let parts = inside.split(separator: "|", maxSplits: 1)
            let name = parts.count == 2 ? String(parts[1]) : String(inside)
            expected.append(parts.count == 2 ? "\(parts[0]):\(name)" : name)
            text += name
            rest = rest[close.upperBound...]
        }
        text += rest
        self.text = text
        self.expected = expected
    }
}

/// The (type:name) pairs the extractor finds in `text`, persons and technologies aside.
func recognised(_ text: String, extractor: Extractor = sharedExtractor) -> [String] {
    let extraction = extractor.extract(SourceDocument(name: "test.txt", string: text))
    return extraction.entities.filter { $0.type != .person }.map { "\($0.type.rawValue):\($0.name)" }
}

/// The seeds extracted as `policygraph build` extracts them (metadata included).
func extractSeeds() -> [DocumentExtraction] {
    InputCollection(paths: [repositoryRoot.appendingPathComponent("seeds").path])
        .extract(with: sharedExtractor, onError: { Issue.record("seed unreadable: \($0)") }).extractions
}

/// Computed once for the suites that score or compare them.
let seedExtractions: [DocumentExtraction] = extractSeeds()

/// Runs `executable` to its end and returns its status and output. Standard
/// input is written and standard error drained on their own threads, so that
/// neither a large input nor a chatty child can fill a pipe and stall both sides.
func runProcess(_ executable: URL, _ arguments: [String], in directory: URL, input: String? = nil) throws -> (status: Int32, output: String, error: String) {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    let output = Pipe(), error = Pipe(), stdin = Pipe()
    process.standardOutput = output
    process.standardError = error
    process.standardInput = stdin
    try process.run()
    let done = DispatchGroup()
    nonisolated(unsafe) var err = Data()
    DispatchQueue.global().async(group: done) { err = error.fileHandleForReading.readDataToEndOfFile() }
    DispatchQueue.global().async(group: done) {
        if let input { try? stdin.fileHandleForWriting.write(contentsOf: Data(input.utf8)) }
        try? stdin.fileHandleForWriting.close()
    }
    let out = output.fileHandleForReading.readDataToEndOfFile()
    done.wait()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
}
