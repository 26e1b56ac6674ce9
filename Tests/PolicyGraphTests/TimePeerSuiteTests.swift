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

    /// Listed disagreements: expression, reference, source, our answer, reason, contested_by.
    static let disagreementRows: [[String]] = rows("peer-disagreements.tsv").filter { $0.count == 6 }

    static let disagreements: [String: String] = {
        var result: [String: String] = [:]
        for row in disagreementRows { result["\(row[0])\t\(row[1])\t\(row[2])"] = row[3] }
        return result
    }()

    /// Disagreements on forms another peer reads the other way (no reading agrees with both).
    static let contested: Set<String> = Set(disagreementRows.filter { !$0[5].isEmpty }.map { "\($0[0])\t\($0[1])\t\($0[2])" })

    static func answer(_ item: Case) -> String {
        let reference = ReferenceDate(item.reference)
        guard let value = TimeNormalizer().parse(item.expression, reference: reference) else { return "none" }
        return value.interval(reference: reference).description
    }

    /// A peer that gives two resolutions (Recognizers-Text's past and future reading
    /// of a date without a year) lists both, separated by `|`; either agrees.
    static func agrees(_ item: Case) -> Bool {
        item.expected.split(separator: "|").contains { $0 == answer(item) }
    }

    @Test func theTableIsPortedFromEveryPeer() {
        #expect(Self.cases.count >= 300)
        for peer in ["JioNLP", "duckling Duckling", "MiNLP", "Recognizers-Text", "heideltime"] {
            #expect(Self.cases.contains { $0.source.contains(peer) }, "no case from \(peer)")
        }
    }

    /// Every case that does not agree is a listed convention. Of the cases no
    /// other peer contradicts, at least 97% agree; of all the cases, at least 95%
    /// (the peers contradict one another on some forms, so no normaliser can
    /// agree with all of them; docs/time.md counts both).
    @Test func theCasesAgreeAndTheRestAreListed() {
        var failing: [String] = []
        for item in Self.cases where !Self.agrees(item) {
            failing.append(item.key)
            #expect(Self.disagreements[item.key] != nil, "\(item): expected \(item.expected), got \(Self.answer(item)); not a listed convention")
        }
        let agreeing = Self.cases.count - failing.count
        let rate = Double(agreeing) / Double(max(1, Self.cases.count))
        let uncontested = Self.cases.count - failing.filter { Self.contested.contains($0) }.count
        let uncontestedRate = Double(agreeing) / Double(max(1, uncontested))
        #expect(rate >= 0.95, "\(agreeing) of \(Self.cases.count) agree (\(rate))")
        #expect(uncontestedRate >= 0.97, "\(agreeing) of \(uncontested) uncontested cases agree (\(uncontestedRate))")
        print("time peer suites: \(agreeing) of \(Self.cases.count) agree; \(agreeing) of \(uncontested) uncontested")
    }

    /// A contested case names a ported case of another peer that reads the form the other way.
    @Test func contestedCasesNameTheirContradiction() {
        for row in Self.disagreementRows where !row[5].isEmpty {
            let others = Self.cases.filter { $0.expression == row[5] && $0.source != row[2] }
            #expect(!others.isEmpty, "\(row[0]): contested by \(row[5]), which is not a ported case of another peer")
        }
    }

    /// Every listed disagreement still disagrees, with the answer the list gives.
    @Test func theListedDisagreementsAreCurrent() {
        let byKey = Dictionary(Self.cases.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        for (key, ours) in Self.disagreements {
            guard let item = byKey[key] else { Issue.record("listed but not a ported case: \(key)"); continue }
            #expect(Self.answer(item) == ours && !Self.agrees(item), "\(item): listed as \(ours), now \(Self.answer(item))")
        }
    }
}
