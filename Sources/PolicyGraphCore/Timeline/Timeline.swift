import Foundation

/// One target placed on the timeline.
public struct TimelineEntry: Hashable, Sendable {
    public let target: Node
    public let subject: Node
    public let facts: TargetFacts
    /// The year (and month) the entry is placed at: a range's first year, an open end's year.
    public let year: Int
    public let month: Int?
    /// The first source: document and quote.
    public let document: String
    public let quote: String
    /// The documents' publication date of the first source, if known.
    public let published: String?
}

/// How two entries relate: a later document revising a holder's own time for a
/// topic, or different holders disagreeing about it.
public enum TimelineLinkKind: String, Sendable, Codable {
    case revision, disagreement
}

public struct TimelineLink: Hashable, Sendable {
    public let kind: TimelineLinkKind
    /// Indexes into ``Timeline/entries``: the earlier statement and the one that revises or contradicts it.
    public let from: Int
    public let to: Int
}

/// The targets of a graph in time order, with revisions and disagreements linked.
public struct Timeline: Sendable {
    public let entries: [TimelineEntry]
    public let links: [TimelineLink]
    private let linksByEntry: [[Int]]

    /// The timeline of `graph`'s targets, filtered like ``KnowledgeGraph/targets(about:time:subjectType:modality:subject:)``
    /// and to the years `from`…`to` (targets overlapping them).
    public init(graph: KnowledgeGraph, topic: String? = nil, subjectType: EntityType? = nil, from: Int? = nil, to: Int? = nil) {
        let results = graph.targets(about: topic, time: Self.timeFilter(from: from, to: to), subjectType: subjectType)
        self.init(results: results, published: { graph.entity(named: $0)?.published })
    }

    /// The years `from`…`to` as a target filter (targets overlapping them), or none.
    public static func timeFilter(from: Int?, to: Int?) -> TimeFilter? {
        (from != nil || to != nil) ? .between(from ?? Int.min, to ?? Int.max) : nil
    }

    /// The timeline of these targets (as a graph or the store selects them); `published` gives a document's publication date.
    public init(results: [TargetResult], published: (String) -> String?) {
        var entries: [TimelineEntry] = []
        for result in results {
            let source = result.sources.first
            let published = source.flatMap { published($0.document) }
            entries.append(TimelineEntry(target: result.target, subject: result.subject, facts: result.facts, year: result.facts.year,
                                         month: result.facts.month, document: source?.document ?? "", quote: source?.sentence ?? "",
                                         published: published))
        }
        entries.sort { ($0.year, $0.month ?? 0, $0.subject.label, $0.target.id) < ($1.year, $1.month ?? 0, $1.subject.label, $1.target.id) }
        self.entries = entries
        self.links = Self.links(entries)
        self.linksByEntry = Self.index(links, count: entries.count)
    }

    /// What a target is about, for comparing times: its technology, else its topic.
    static func subjectMatter(_ entry: TimelineEntry) -> String? {
        entry.facts.technology?.rawValue ?? entry.facts.topic.map { KnowledgeGraph.normalize($0) }
    }

    /// How far back (in entries about the same matter) a statement looks for the
    /// nearest one it revises or contradicts: enough for every holder of a busy
    /// topic, and it keeps the links linear in the number of targets.
    static let linkWindow = 64

    /// Each statement is linked to the nearest earlier one (in time order) that it
    /// revises, and to the nearest earlier one that it contradicts: at most two
    /// links a statement, so the timelines stay linear in the targets.
    static func links(_ entries: [TimelineEntry]) -> [TimelineLink] {
        var byMatter: [String: [Int]] = [:]
        for (index, entry) in entries.enumerated() {
            if let matter = subjectMatter(entry), entry.facts.action != nil { byMatter[matter, default: []].append(index) }
        }
        var links: [TimelineLink] = []
        for matter in byMatter.keys.sorted() {
            let indexes = byMatter[matter]!
            for (position, b) in indexes.enumerated() {
                var revision: Int? = nil, disagreement: Int? = nil
                var back = position - 1
                // The entries are read in place (an entry copied is two nodes' worth of retains).
                entries.withUnsafeBufferPointer { entries in
                    while back >= 0, position - back <= linkWindow, revision == nil || disagreement == nil {
                        let a = indexes[back]
                        back -= 1
                        guard entries[a].year != entries[b].year || entries[a].facts.relation != entries[b].facts.relation else { continue }
                        let sameSubject = entries[a].subject.id == entries[b].subject.id
                        // An open-ended later phase (2030年后大规模生产) is a further step, not a revision.
                        if sameSubject, entries[a].document != entries[b].document, entries[a].facts.relation != .after,
                           entries[b].facts.relation != .after {
                            if revision == nil { revision = a }
                        } else if !sameSubject, entries[a].facts.modality != entries[b].facts.modality,
                                  entries[a].facts.action == entries[b].facts.action {
                            // Different holders, one promising and one forecasting the same action at another time.
                            if disagreement == nil { disagreement = a }
                        }
                    }
                }
                if let a = revision {
                    // The later publication revises the earlier.
                    let (earlier, later) = (entries[a].published ?? "") <= (entries[b].published ?? "") ? (a, b) : (b, a)
                    links.append(TimelineLink(kind: .revision, from: earlier, to: later))
                }
                if let a = disagreement { links.append(TimelineLink(kind: .disagreement, from: a, to: b)) }
            }
        }
        return links.sorted { ($0.from, $0.to) < ($1.from, $1.to) }
    }

    /// The links that involve entry `index`.
    public func links(of index: Int) -> [TimelineLink] {
        guard linksByEntry.indices.contains(index) else { return [] }
        return linksByEntry[index].map { links[$0] }
    }

    /// For each entry, the positions in ``links`` of its links.
    private static func index(_ links: [TimelineLink], count: Int) -> [[Int]] {
        var result = [[Int]](repeating: [], count: count)
        for (position, link) in links.enumerated() {
            result[link.from].append(position)
            if link.to != link.from { result[link.to].append(position) }
        }
        return result
    }

    /// by 2027, in 2026-01, after 2030 →, 2024–2026.
    public static func when(_ entry: TimelineEntry) -> String {
        let text = TimeDescription.describe(entry.facts)
        return entry.facts.relation == .after ? text + " →" : text
    }
}
