import Foundation
import Testing
@testable import PolicyGraphCore

/// The public test suites of JioNLP, Duckling, MiNLP's duckling fork,
/// Recognizers-Text and HeidelTime, ported as facts at month granularity
/// (`Fixtures/time/peer-cases.tsv`). Where a peer's answer differs from a
/// convention this normaliser chose, the case is listed with the reason in
/// `Fixtures/time/peer-disagreements.tsv` (and in docs/time.md).
@Suite struct TimePeerSuiteTests {
    struct Case: CustomStringConvertible, Sendable {
        var expression: String
        var reference: String
        var expected: String
        var source: String
        var description: String { "\(expression) @ \(reference) [\(source)]" }
        var key: String { "\(expression)\t\(reference)\t\(source)" }
    }

    static func rows(_ name: String) -> [[String]] {
        let url = fixturesDirectory.appendingPathComponent("time/\(name)")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    static let cases: [Case] = rows("peer-cases.tsv").filter { $0.count == 4 }.map { Case(expression: $0[0], reference: $0[1], expected: $0[2], source: $0[3]) }

    /// Listed disagreements: expression, reference, source, our answer, reason.
    static let disagreements: [String: String] = {
        var result: [String: String] = [:]
        for row in rows("peer-disagreements.tsv") where row.count == 5 { result["\(row[0])\t\(row[1])\t\(row[2])"] = row[3] }
        return result
    }()

    static func answer(_ item: Case) -> String {
        let reference = ReferenceDate(item.reference)
        guard let value = TimeNormalizer().parse(item.expression, reference: reference) else { return "none" }
        return value.interval(reference: reference).description
    }

    @Test func theTableIsPortedFromEveryPeer() {
        #expect(Self.cases.count >= 300)
        for peer in ["JioNLP", "duckling Duckling", "MiNLP", "Recognizers-Text", "heideltime"] {
            #expect(Self.cases.contains { $0.source.contains(peer) }, "no case from \(peer)")
        }
    }

    /// At least 97% of the ported cases agree; each one that does not is a listed convention.
    @Test func atLeast97PercentAgreeAndTheRestAreListed() {
        var failing: [String] = []
        for item in Self.cases where Self.answer(item) != item.expected {
            failing.append(item.key)
            #expect(Self.disagreements[item.key] != nil, "\(item): expected \(item.expected), got \(Self.answer(item)); not a listed convention")
        }
        let rate = Double(Self.cases.count - failing.count) / Double(max(1, Self.cases.count))
        #expect(rate >= 0.97, "\(Self.cases.count - failing.count) of \(Self.cases.count) agree (\(rate))")
    }

    /// Every listed disagreement still disagrees, with the answer the list gives.
    @Test func theListedDisagreementsAreCurrent() {
        let byKey = Dictionary(Self.cases.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        for (key, ours) in Self.disagreements {
            guard let item = byKey[key] else { Issue.record("listed but not a ported case: \(key)"); continue }
            #expect(Self.answer(item) == ours && ours != item.expected, "\(item): listed as \(ours), now \(Self.answer(item))")
        }
    }
}
