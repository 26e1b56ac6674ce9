import Foundation

/// The year a document was most likely published in, inferred from its text when it states
/// no date of its own (rule `published.inferred`). The words it reads are data: the
/// `statistics`, `reported`, `full-year`, `ahead` and `start` roles of `patterns/published.tsv`.
public enum PublicationDate {}

extension PublicationDate {
    /// Infers the publication year where the text allows it safely: one year
    /// after the latest year reported as a full year of statistics (据统计，2024年…
    /// 增长), and no earlier than the latest dated past event (2023年2月9日). `nil`
    /// when the text offers neither, and `nil` too when that year would lie after a
    /// deadline the text still looks ahead to (到2030年, 2030年前): a document that
    /// calls 2030 future was not written after it, so the guess is dropped rather
    /// than given off by years.
    public static func inferYear(_ text: NormalizedText, vocabulary: PublicationVocabulary, normalizer: TimeNormalizer = TimeNormalizer()) -> Int? {
        let words = { (role: PublicationVocabulary.Role) in vocabulary.labels(role).map { String(decoding: $0, as: UTF8.self) }.filter { !$0.isEmpty } }
        let statistics = words(.statistics), reportedEnds = words(.reported), fullYear = words(.fullYear)
        let ahead = words(.ahead), starts = words(.start)
        let expressions = normalizer.expressions(in: text.string, reference: nil)
        var latest: Int? = nil
        var earliestDeadline = Int.max
        for expression in expressions where !expression.value.relative && !expression.value.markedPast
            && (expression.value.relation == .by || expression.value.relation == .after) {
            earliestDeadline = min(earliestDeadline, expression.value.year)
        }
        let bytes = text.bytes
        for expression in expressions where !expression.value.relative && expression.value.relation == .in && !expression.value.approximate {
            let end = expression.range.upperBound
            let after = String(decoding: bytes[end..<min(bytes.count, end + 90)], as: UTF8.self)
            let clause = after.split(whereSeparator: { "。；！？\n".contains($0) }).first.map(String.init) ?? ""
            let start = expression.range.lowerBound
            let before = String(decoding: bytes[max(0, start - 15)..<start], as: UTF8.self)
            let reported = reportedEnds.contains { before.hasSuffix($0) }
            let looksAhead = ahead.contains { clause.contains($0) }
            switch expression.value.precision {
            case .year where fullYear.contains(where: { after.hasPrefix($0) }):
                // A full year followed by figures in the same sentence (据统计，2023年，…累计销量…), not a forecast (将, 预计).
                if (reported || statistics.contains(where: { clause.contains($0) })) && !looksAhead {
                    latest = max(latest ?? 0, expression.value.year + 1)
                }
            case .day:
                // A dated event told in the past (no 起, 前: those are deadlines and starts; no 将, 预计).
                if !starts.contains(where: { clause.hasPrefix($0) }) && !looksAhead {
                    latest = max(latest ?? 0, expression.value.year)
                }
            default:
                break
            }
        }
        if let year = latest, year > earliestDeadline { return nil }
        return latest
    }
}
