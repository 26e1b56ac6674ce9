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
            scorer.add(gold: gold, predicted: extraction)
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

    /// Issue #3: targets F1 ≥ 0.85 with the relation agreeing on ≥ 90 % of matched targets.
    @Test func targetF1AndRelationAgreementMeetThresholds() throws {
        let scorer = try Self.score()
        #expect(scorer.targets.f1 >= 0.85, "targets F1 \(scorer.targets.f1) (P \(scorer.targets.precision), R \(scorer.targets.recall))")
        let agreement = Double(scorer.relationAgrees) / Double(max(1, scorer.matchedTargets))
        #expect(agreement >= 0.90, "relation agrees on \(agreement) of matched targets")
    }

    /// Issue #3: issued pairs F1 ≥ 0.90.
    @Test func issuedF1MeetsThreshold() throws {
        let scorer = try Self.score()
        #expect(scorer.issued.f1 >= 0.90, "issued F1 \(scorer.issued.f1) (P \(scorer.issued.precision), R \(scorer.issued.recall))")
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
        let scorer = try Self.score()
        for (label, f1) in [("entities", scorer.headline.f1), ("targets", scorer.targets.f1), ("issued", scorer.issued.f1)] {
            let row = try #require(rows.first { $0["label"] as? String == label })
            let reference = try #require(row["f1"] as? Double)
            #expect(abs(reference - f1) < 0.0015, "\(label): reference \(reference), Swift \(f1)")
        }
    }
}
