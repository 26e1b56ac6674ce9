import GRDB
import PolicyGraphCore

extension PolicyStore {
    /// The timeline of the stored targets, filtered like ``Timeline/init(graph:topic:subjectType:from:to:)``:
    /// the targets from the `targets` indexes, the first source's publication date from `documents`.
    ///
    /// ```swift
    /// let timeline = try store.timeline(topic: "固态电池", subjectType: .company, to: 2027)
    /// ```
    public func timeline(topic: String? = nil, subjectType: EntityType? = nil, from: Int? = nil, to: Int? = nil) throws -> Timeline {
        let results = try targets(about: topic, time: Timeline.timeFilter(from: from, to: to), subjectType: subjectType)
        let documents = Array(Set(results.compactMap { $0.sources.first?.document })).sorted()
        var published: [String: String] = [:]
        try read { db in
            try Self.inChunks(documents) { chunk, placeholders in
                for row in try Row.fetchAll(db, sql: "SELECT id, published FROM documents WHERE id IN (\(placeholders))",
                                            arguments: StatementArguments(chunk)) {
                    published[row[0]] = row[1]
                }
            }
        }
        return Timeline(results: results, published: { published[$0] })
    }
}
