import Foundation
import Testing
@testable import PolicyGraphCore

/// The public test suites of JioNLP, Duckling, MiNLP's duckling fork,
/// Recognizers-Text and HeidelTime, ported as facts at month granularity
/// under this normaliser's conventions (`Fixtures/time/peer-cases.tsv`).
/// Where peers contradict one another on a form, the case carries the answer
/// under our convention, with the peer's own answer, the convention and the
/// contradicting case beside it; docs/time.md lists each of them.
@Suite struct TimePeerSuiteTests {
    struct Case: CustomStringConvertible, Sendable {
        var expression: String
        var reference: String
        /// The answer under our conventions.
        var expected: String
        var source: String
        /// The peer's own answer where it differs from ``expected``; empty otherwise.
        var peerAnswer: String
        /// The convention behind ``expected`` (`count-years: …`); empty when the peer's answer stands.
        var convention: String
        /// A ported case of another peer that reads the same form the other way.
        var contestedBy: String
        var description: String { "\(expression) @ \(reference) [\(source)]" }
        /// The convention's id (`count-years`).
        var conventionID: String { String(convention.prefix { $0 != ":" }) }
        var isConvention: Bool { !peerAnswer.isEmpty }
    }

    static let cases: [Case] = {
        let url = fixturesDirectory.appendingPathComponent("time/peer-cases.tsv")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        let rows = text.split(separator: "\n").filter { !$0.hasPrefix("#") }.dropFirst()
            .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        return rows.filter { $0.count == 7 }.map {
            Case(expression: $0[0], reference: $0[1], expected: $0[2], source: $0[3], peerAnswer: $0[4], convention: $0[5], contestedBy: $0[6])
        }
    }()

    /// The conventions a case may carry instead of its peer's answer (docs/time.md, "Why these conventions").
    static let conventions: Set<String> = ["window-years", "count-years", "peers-disagree", "inclusive-ranges"]

    static func answer(_ item: Case) -> String {
        let reference = ReferenceDate(item.reference)
        guard let value = TimeNormalizer().parse(item.expression, reference: reference) else { return "none" }
        return value.interval(reference: reference).description
    }

    /// A peer that gives two resolutions (Recognizers-Text's past and future reading
    /// of a date without a year) lists both, separated by `|`; either agrees.
    static func agrees(_ answer: String, with expected: String) -> Bool {
        expected.split(separator: "|").contains { $0 == answer }
    }

    @Test func theTableIsPortedFromEveryPeer() {
        #expect(Self.cases.count >= 388)
        for peer in ["JioNLP", "duckling Duckling", "MiNLP", "Recognizers-Text", "heideltime"] {
            #expect(Self.cases.contains { $0.source.contains(peer) }, "no case from \(peer)")
        }
    }

    /// Every case agrees with its answer under our conventions (the issue asks for
    /// at least 97%; a case that stops agreeing is a regression). Against the
    /// peers' own answers at least 95% agree: the peers contradict one another on
    /// some forms, so no normaliser agrees with all of them (docs/time.md counts both).
    @Test func theCasesAgree() {
        var agreeing = 0
        var agreeingWithPeers = 0
        for item in Self.cases {
            let answer = Self.answer(item)
            let agreesHere = Self.agrees(answer, with: item.expected)
            #expect(agreesHere, "\(item): expected \(item.expected), got \(answer)")
            if agreesHere { agreeing += 1 }
            if Self.agrees(answer, with: item.isConvention ? item.peerAnswer : item.expected) { agreeingWithPeers += 1 }
        }
        let count = max(1, Self.cases.count)
        #expect(Double(agreeing) / Double(count) >= 0.97, "\(agreeing) of \(Self.cases.count) agree")
        #expect(Double(agreeingWithPeers) / Double(count) >= 0.95, "\(agreeingWithPeers) of \(Self.cases.count) agree with the peers' own answers")
        print("time peer suites: \(agreeing) of \(Self.cases.count) agree under our conventions; \(agreeingWithPeers) with the peers' own answers")
    }

    /// A case carries our answer instead of its peer's only under a named
    /// convention, and only where another peer's ported case reads the same form
    /// the other way: that case agrees with us, or carries a convention itself
    /// (the peers contradict each other and we chose a third reading).
    @Test func conventionCasesAreContested() {
        let conventionCases = Self.cases.filter(\.isConvention)
        #expect(!conventionCases.isEmpty)
        for item in conventionCases {
            #expect(item.peerAnswer != item.expected, "\(item): the peer's answer is the expected one")
            #expect(Self.conventions.contains(item.conventionID), "\(item): convention '\(item.conventionID)' is not one of docs/time.md's")
            #expect(item.convention.count > item.conventionID.count + 20, "\(item): the convention says no reason")
            let others = Self.cases.filter { $0.expression == item.contestedBy && $0.source != item.source }
            #expect(!others.isEmpty, "\(item): contested by \(item.contestedBy), which is not a ported case of another peer")
            #expect(others.contains { $0.isConvention || Self.agrees(Self.answer($0), with: $0.expected) },
                    "\(item): \(item.contestedBy) does not read the form our way")
        }
        for item in Self.cases where !item.isConvention {
            #expect(item.convention.isEmpty && item.contestedBy.isEmpty, "\(item): a convention without the peer's answer")
        }
    }

    /// docs/time.md lists every convention case with the peer's answer and ours.
    @Test func conventionCasesAreListedInTheDocs() throws {
        let docs = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/time.md"), encoding: .utf8)
        for item in Self.cases where item.isConvention {
            let row = "| \(item.expression) | \(item.reference) | "
            let listed = docs.split(separator: "\n").contains {
                $0.hasPrefix(row) && $0.contains(" \(item.peerAnswer) ") && $0.contains(" \(item.expected) ") && $0.contains("`\(item.conventionID)`")
            }
            #expect(listed, "\(item) is not listed in docs/time.md with its peer's answer \(item.peerAnswer) and ours \(item.expected)")
        }
    }
}
