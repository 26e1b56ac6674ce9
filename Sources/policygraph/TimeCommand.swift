import ArgumentParser
import Foundation
import PolicyGraphCore

struct TimeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "time",
        abstract: "Normalise Chinese time expressions: one JSON object per expression.",
        discussion: "Reads the expressions from standard input, one per line, when none are given."
    )

    @Argument(help: ArgumentHelp("Expressions such as 2027年前, 到2025年底, 未来2年至3年内.", valueName: "EXPR"))
    var expressions: [String] = []

    @Option(help: ArgumentHelp("The date relative expressions are resolved against (YYYY-MM-DD, YYYY-MM or YYYY).", valueName: "DATE"))
    var reference: String?

    @Option(help: ArgumentHelp("A complete folder of dictionaries and patterns (as for extract) whose patterns/time.tsv gives the time words, instead of the bundled ones.", valueName: "DIR"))
    var ontology: String?

    @Flag(help: "Add the rules that read each expression (\"rules\": [\"time.year.four-digit\", \"time.suffix.after\"]), its form first.")
    var explain = false

    func validate() throws {
        if let reference, ReferenceDate(reference) == nil {
            throw ValidationError("--reference must read YYYY-MM-DD, YYYY-MM or YYYY, not '\(reference)'.")
        }
    }

    func run() throws {
        let date = reference.flatMap(ReferenceDate.init)
        var inputs = expressions
        if inputs.isEmpty {
            while let line = readLine() { inputs.append(line) }
        }
        let normalizer = try makeNormalizer()
        for input in inputs {
            let text = input.trimmingCharacters(in: .whitespaces)
            let result = normalizer.parseExplained(text, reference: date)
            print(TimeJSON.line(text: text, value: result?.value, reference: date, rules: explain ? result?.rules.map(\.rawValue) ?? [] : nil))
        }
    }
}

extension TimeCommand {
    /// The normaliser with the time words of `--ontology DIR` (loaded and checked as
    /// `extract` loads it), else the bundled ones.
    func makeNormalizer() throws -> TimeNormalizer {
        guard let ontology else { return TimeNormalizer() }
        return TimeNormalizer(vocabulary: try Ontology.load(from: URL(fileURLWithPath: ontology)).patterns.time)
    }
}

/// One line of `policygraph time` output.
enum TimeJSON {
    /// With `rules` (`--explain`), a last field names the rules that read the expression.
    static func line(text: String, value: TimeValue?, reference: ReferenceDate?, rules: [String]? = nil) -> String {
        var fields: [(String, String)] = [("text", quoted(text))]
        func number(_ value: Int?) -> String { value.map(String.init) ?? "null" }
        if let value {
            fields += [("relation", quoted(value.relation.rawValue)), ("year", number(value.year)), ("month", number(value.month)),
                       ("end_year", number(value.endYear)), ("end_month", number(value.endMonth)),
                       ("day", number(value.day)), ("end_day", number(value.endDay)),
                       ("precision", quoted(value.precision.rawValue)), ("approximate", String(value.approximate)),
                       ("past", String(value.isPast(relativeTo: reference)))]
        } else {
            fields += [("relation", "null"), ("year", "null"), ("month", "null"), ("end_year", "null"), ("end_month", "null"),
                       ("day", "null"), ("end_day", "null"),
                       ("error", quoted(reference == nil
                           ? "not a time expression PolicyGraph understands (relative ones need --reference)"
                           : "not a time expression PolicyGraph understands"))]
        }
        if let rules { fields.append(("rules", "[" + rules.map(quoted).joined(separator: ", ") + "]")) }
        return "{" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
    }

    static func quoted(_ text: String) -> String {
        let data = try! JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes])
        let array = String(decoding: data, as: UTF8.self)
        return String(array.dropFirst().dropLast())
    }
}
