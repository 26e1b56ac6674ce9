import Foundation
import Testing
@testable import PolicyGraphCore

/// Scores the seeds against the project's copy of the gold annotations with
/// the reference scorer's matching rules and asserts issue #2's thresholds.
@Suite struct EvaluationTests {
    static func score() throws -> EvaluationScorer {
        let goldFolder = fixturesDirectory.appendingPathComponent("gold")
        var scorer = EvaluationScorer()
        let names = try FileManager.default.contentsOfDirectory(atPath: goldFolder.path).filter { $0.hasSuffix(".json") }.sorted()
        #expect(names.count == 5)
        for name in names {
            let gold = try JSONDecoder().decode(EvaluationScorer.GoldDocument.self,
                                                from: Data(contentsOf: goldFolder.appendingPathComponent(name)))
            let extraction = try #require(seedExtractions.first { $0.document == gold.document })
            scorer.add(gold: gold.entities, predicted: extraction.entities)
        }
        return scorer
    }

    @Test func headlineEntityF1MeetsThreshold() throws {
        let scorer = try Self.score()
        #expect(scorer.headline.f1 >= 0.92, "headline entity F1 \(scorer.headline.f1)")
    }

    @Test(arguments: ["government", "company", "institution", "policy", "zone", "region"])
    func perTypeF1MeetsThreshold(type: String) throws {
        let scorer = try Self.score()
        let tally = try #require(scorer.perType[type])
        #expect(tally.f1 >= 0.85, "\(type) F1 \(tally.f1) (P \(tally.precision), R \(tally.recall))")
    }

    /// The Swift scorer agrees with the reference one where Python is installed.
    @Test func swiftScorerAgreesWithReferenceScorer() throws {
        let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let python else {
            print("skipped: python3 is not installed, so the reference scorer cannot run")
            return
        }
        let extractions = seedExtractions
        let predictions = FileManager.default.temporaryDirectory.appendingPathComponent("policygraph-eval-\(UUID().uuidString).json")
        try ExtractionJSON.encode(extractions).write(to: predictions)
        defer { try? FileManager.default.removeItem(at: predictions) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [fixturesDirectory.appendingPathComponent("score.py").path,
                             fixturesDirectory.appendingPathComponent("gold").path, predictions.path, "--json"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let json = String(decoding: output, as: UTF8.self)
        let report = try #require(json.range(of: "\n{").map { String(json[$0.lowerBound...]) } ?? (json.hasPrefix("{") ? json : nil))
        let body = report.components(separatedBy: "\nentities F1").first ?? report
        let decoded = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]
        let rows = try #require(decoded?["rows"] as? [[String: Any]])
        let headline = try #require(rows.first { $0["label"] as? String == "entities" })
        let referenceF1 = try #require(headline["f1"] as? Double)
        let scorer = try Self.score()
        #expect(abs(referenceF1 - scorer.headline.f1) < 0.0015, "reference \(referenceF1), Swift \(scorer.headline.f1)")
    }
}
