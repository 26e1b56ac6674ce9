import Foundation
import Testing
@testable import PolicyGraphCore

/// Reproducer 01 (time-overflow-crash): a run of twenty or more Chinese numerals
/// used to trap on integer overflow in `TimeParser.smallNumber`, killing `time`,
/// `extract` and `build`. The inputs are copied into `Fixtures/repro-time-overflow`.
@Suite struct TimeOverflowRegressionTests {
    static let numeralRun = String(repeating: "一", count: 21)

    static let expressions = [
        "2025年\(numeralRun)月",
        String(repeating: "一", count: 20),
        "近\(numeralRun)年",
        "未来\(numeralRun)年",
        "第\(numeralRun)季度",
        "\(String(repeating: "十", count: 40))月",
        "\(String(repeating: "九", count: 200))日",
    ]

    static func fixture(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: fixturesDirectory.appendingPathComponent("repro-time-overflow/\(name)")))
    }

    /// The parser gives no value (a run of numerals is no month or count) and does not trap.
    @Test(arguments: expressions)
    func parserRejectsLongNumeralRuns(expression: String) {
        let reference = ReferenceDate(year: 2025, month: 3, day: 15)
        #expect(TimeNormalizer().parse(expression, reference: reference) == nil)
        _ = TimeNormalizer().expressions(in: expression, reference: reference)
    }

    /// The fuzzer's minimised crash and the numerals document, scanned for expressions.
    @Test(arguments: ["fuzzer-minimised-crash.bin", "numerals.txt"])
    func scanningTheReproducerInputsDoesNotTrap(name: String) throws {
        let bytes = try Self.fixture(name)
        for reference in [nil, ReferenceDate(year: 2025, month: 3, day: 15)] {
            let found = bytes.withUnsafeBufferPointer { TimeNormalizer().expressions(in: $0, reference: reference) }
            for expression in found { #expect(expression.range.upperBound <= bytes.count) }
        }
    }

    /// `extract` on the numerals document: the document is extracted, its 2025 target kept.
    @Test func extractionOfTheNumeralsDocumentSucceeds() throws {
        let path = fixturesDirectory.appendingPathComponent("repro-time-overflow/numerals.txt").path
        let extraction = sharedExtractor.extract(try SourceDocument(reading: path), published: "2025-03-15")
        #expect(extraction.entities.contains { $0.name == "工业和信息化部" })
    }

    /// The command line, end to end: `time` with arguments and standard input, and `extract`.
    @Test func commandsExitNormally() throws {
        let expression = Self.expressions[0]
        let fromArguments = try CommandLineTests.run(["time", "--reference", "2025-03-15"] + Self.expressions)
        #expect(fromArguments.status == 0, "\(fromArguments.error)")
        #expect(fromArguments.output.split(separator: "\n").count == Self.expressions.count)
        let fromInput = try CommandLineTests.run(["time"], input: expression + "\n")
        #expect(fromInput.status == 0, "\(fromInput.error)")
        #expect(fromInput.output.contains(#""error""#))
        let path = fixturesDirectory.appendingPathComponent("repro-time-overflow/numerals.txt").path
        let extract = try CommandLineTests.run(["extract", path])
        #expect(extract.status == 0, "\(extract.error)")
        #expect(extract.output.contains("numerals.txt"))
    }
}
