/// A readable listing of extractions, for `extract --format text`.
public enum ExtractionListing {
    /// The listing; with `explain`, each target and issued pair shows the rule
    /// that found it and the byte offsets of its parts in the original file.
    public static func render(_ extractions: [DocumentExtraction], explain: Bool = false) -> String {
        var output = ""
        for extraction in extractions {
            let source = extraction.publishedSource.map { " (\($0.rawValue)\($0 == .inferred ? ", unsure" : ""))" } ?? ""
            let rule = explain ? extraction.publishedSource.map { "  rule \($0.rule)" } ?? "" : ""
            output += "\(extraction.document)  published \(extraction.published ?? "unknown")\(source)\(rule)\n"
            if let note = extraction.offsetsNote { output += "  (\(note))\n" }
            if explain, !extraction.leftOut.isEmpty {
                output += "  left out (\(extraction.leftOut.count), rule html.main-content; --whole-page keeps them)\n"
                for part in extraction.leftOut {
                    output += "    \(part.reason), bytes \(part.range.lowerBound)–\(part.range.upperBound): \(part.excerpt)\n"
                }
            }
            for type in EntityType.allCases {
                let entities = extraction.entities.filter { $0.type == type }
                guard !entities.isEmpty else { continue }
                output += "  \(type.rawValue) (\(entities.count))\n"
                for entity in entities {
                    var line = "    \(entity.name)"
                    if !entity.aliases.isEmpty { line += " = " + entity.aliases.joined(separator: " = ") }
                    if let canonical = entity.canonical { line += "  → \(canonical)" }
                    line += "  ×\(entity.mentions)  [\(entity.rule)]"
                    output += line + "\n"
                }
            }
            if !extraction.targets.isEmpty {
                output += "  targets (\(extraction.targets.count))\n"
                for target in extraction.targets {
                    let what = [target.action, target.topic].compactMap { $0 }.joined(separator: " ")
                    var line = "    \(target.subject) · \(describe(target.time)) · \(what)"
                    if let value = target.value { line += " · \(value)" }
                    line += " · \(target.modality)"
                    output += line + "\n      “\(target.quote)”\n"
                    if explain {
                        let timeRules = target.time.rules.isEmpty ? "" : " (" + target.time.rules.joined(separator: " ") + ")"
                        output += "      rule \(target.rule); subject \(range(target.subjectOffsets)), time \(range(target.timeOffsets))\(timeRules)"
                        output += target.actionOffsets.map { ", action \(range($0))" } ?? ""
                        output += "\n"
                    }
                }
            }
            if !extraction.issued.isEmpty {
                output += "  issued (\(extraction.issued.count))\n"
                for pair in extraction.issued {
                    output += "    \(pair.issuer) → \(pair.policy)\n"
                    if explain, let rule = pair.rule {
                        output += "      rule \(rule); issuer \(pair.issuerOffsets.map(range) ?? "-"), verb \(pair.verbOffsets.map(range) ?? "-"), policy \(pair.policyOffsets.map(range) ?? "-")\n"
                    }
                }
            }
            if !extraction.located.isEmpty {
                output += "  located (\(extraction.located.count))\n"
                for pair in extraction.located {
                    output += "    \(pair.entity) → \(pair.place)\n"
                    if explain { output += "      rule located; verb \(range(pair.offsets))\n" }
                }
            }
            output += "\n"
        }
        return output
    }

    /// by 2027, in 2026-01, by 2021-12-31, after 2030, 2024–2026, from 2025-01,
    /// in 2025-08-11–22 (days inside one month).
    public static func describe(_ time: TargetTime) -> String {
        func point(_ year: Int?, _ month: Int?, _ day: Int?) -> String {
            guard let year else { return "?" }
            guard let month else { return String(year) }
            return String(format: "%d-%02d", year, month) + (day.map { String(format: "-%02d", $0) } ?? "")
        }
        if time.relation == "between" {
            return "\(point(time.year, time.month, time.day))–\(point(time.end_year, time.end_month, time.end_day))"
        }
        let days = time.end_day.map { String(format: "–%02d", $0) } ?? ""
        return "\(time.relation) \(point(time.year, time.month, time.day))" + days
    }

    static func range(_ offsets: [Int]) -> String {
        offsets.count == 2 ? "bytes \(offsets[0])–\(offsets[1])" : "-"
    }
}
