import Collections

/// A stable node identifier: ASCII, derived from the node's kind and
/// canonical key (never from insertion order), so two builds agree and the id
/// is an XML name token (`company_1f3a…`).
public struct NodeID: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(kind: NodeKind, key: String) { rawValue = "\(kind.rawValue)_\(StableHash.hex(key))" }
    public var description: String { rawValue }
    public static func < (lhs: NodeID, rhs: NodeID) -> Bool { lhs.rawValue < rhs.rawValue }
    public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// A stable edge identifier, derived from its type and ends.
public struct EdgeID: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(type: EdgeType, source: NodeID, target: NodeID) {
        rawValue = StableHash.hex(Self.hash(type: type, source: source, target: target), after: "edge_")
    }

    /// The number the id is written from: ids sort as these numbers do (16 hex digits each).
    static func hash(type: EdgeType, source: NodeID, target: NodeID) -> UInt64 {
        StableHash.value("\(type.rawValue)|\(source.rawValue)|\(target.rawValue)")
    }
    public var description: String { rawValue }
    public static func < (lhs: EdgeID, rhs: EdgeID) -> Bool { lhs.rawValue < rhs.rawValue }
    public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// FNV-1a, 64 bits, over UTF-8: stable across runs and platforms (unlike `Hasher`).
enum StableHash {
    static func value(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    static func hex(_ text: String) -> String { hex(value(text)) }

    static func hex(_ value: UInt64) -> String { hex(value, after: "") }

    /// `prefix` followed by the 16 lowercase hex digits of `value`, made in one buffer
    /// (an edge id is made each time an export walks a `mentioned_in` edge).
    static func hex(_ value: UInt64, after prefix: StaticString) -> String {
        let head = prefix.utf8CodeUnitCount
        return String(unsafeUninitializedCapacity: head + 16) { buffer in
            for index in 0..<head { buffer[index] = prefix.utf8Start[index] }
            for digit in 0..<16 {
                let nibble = UInt8(truncatingIfNeeded: value >> UInt64(60 - 4 * digit)) & 0xF
                buffer[head + digit] = nibble < 10 ? 0x30 + nibble : 0x57 + nibble
            }
            return head + 16
        }
    }
}

/// What a node stands for.
public enum NodeKind: String, Codable, Sendable, CaseIterable {
    case government, company, institution, policy, zone, region, person, technology
    case target, document

    public init(_ type: EntityType) { self = NodeKind(rawValue: type.rawValue)! }

    /// The entity type, for entity nodes.
    public var entityType: EntityType? { EntityType(rawValue: rawValue) }
}

/// The typed edges of the graph.
public enum EdgeType: String, Codable, Sendable, CaseIterable {
    /// body → policy
    case issued
    /// subject → target
    case holdsTarget = "holds_target"
    /// target → technology
    case about
    /// department → ministry, subsidiary → group, narrower → broader technology
    case partOf = "part_of"
    /// company or zone → zone or region
    case locatedIn = "located_in"
    /// entity → document
    case mentionedIn = "mentioned_in"
    /// entity — entity named in one sentence; its weight is the number of sentences
    /// (from the store, with `--co-mentions`)
    case coMentioned = "co_mentioned"
    /// document → the document it republishes (a near-duplicate: its facts count once)
    case duplicateOf = "duplicate_of"
}

/// Where a node or an edge was read: the document, the sentence, UTF-8
/// byte offsets into the original file, and the rule that read it.
public struct Provenance: Hashable, Codable, Sendable, Comparable {
    public var document: String
    public var sentence: String?
    public var offsets: [Int]
    /// The extraction rule's id (`subject.nearest`, `issued.verb`, …); `nil` for the ontology's own links.
    public var rule: String?

    public init(document: String, sentence: String?, offsets: [Int], rule: String? = nil) {
        self.document = document
        self.sentence = sentence
        self.offsets = offsets
        self.rule = rule
    }

    /// By document and offsets, then sentence and rule: a total order, so sorted sources never depend on hashing.
    public static func < (lhs: Provenance, rhs: Provenance) -> Bool {
        let left = (lhs.document, lhs.offsets.first ?? 0, lhs.offsets.last ?? 0), right = (rhs.document, rhs.offsets.first ?? 0, rhs.offsets.last ?? 0)
        if left != right { return left < right }
        if lhs.offsets != rhs.offsets { return lhs.offsets.lexicographicallyPrecedes(rhs.offsets) }
        if lhs.sentence != rhs.sentence { return (lhs.sentence ?? "") < (rhs.sentence ?? "") }
        return (lhs.rule ?? "") < (rhs.rule ?? "")
    }
}

/// The fields of a target node.
public struct TargetFacts: Hashable, Codable, Sendable {
    public var subject: NodeID
    public var relation: TimeRelation
    public var year: Int
    public var month: Int?
    public var endYear: Int?
    public var endMonth: Int?
    public var action: String?
    public var topic: String?
    public var value: String?
    public var modality: String
    public var technology: NodeID?
    /// The day, when the time names one (于2021年12月31日前), and the last day of a range of days.
    public var day: Int?
    public var endDay: Int?

    enum CodingKeys: String, CodingKey {
        case subject, relation, year, month, action, topic, value, modality, technology, day
        case endYear = "end_year", endMonth = "end_month", endDay = "end_day"
    }

    public init(subject: NodeID, relation: TimeRelation, year: Int, month: Int?, endYear: Int?, endMonth: Int?, action: String?,
                topic: String?, value: String?, modality: String, technology: NodeID?, day: Int? = nil, endDay: Int? = nil) {
        self.subject = subject
        self.relation = relation
        self.year = year
        self.month = month
        self.endYear = endYear
        self.endMonth = endMonth
        self.action = action
        self.topic = topic
        self.value = value
        self.modality = modality
        self.technology = technology
        self.day = day
        self.endDay = endDay
    }
}

/// A node: an entity, a target or a document.
public struct Node: Hashable, Codable, Sendable, Identifiable {
    public var id: NodeID
    public var kind: NodeKind
    /// The canonical name (entities), a short description (targets) or the file name (documents).
    public var label: String
    /// Every other name the entity goes by, across documents (sorted).
    public var aliases: [String]
    /// The ontology id, when the dictionary knows the entity.
    public var ontologyID: String?
    /// The parent entity's canonical name in the ontology.
    public var parent: String?
    /// First and last publication date of the documents that mention it.
    public var firstSeen: String?
    public var lastSeen: String?
    /// The documents it appears in (sorted).
    public var documents: [String]
    /// For documents: the publication date.
    public var published: String?
    /// For targets.
    public var target: TargetFacts?

    enum CodingKeys: String, CodingKey {
        case id, kind, label, aliases, parent, documents, published, target
        case ontologyID = "ontology_id", firstSeen = "first_seen", lastSeen = "last_seen"
    }

    public init(id: NodeID, kind: NodeKind, label: String, aliases: [String], ontologyID: String?, parent: String?, firstSeen: String?,
                lastSeen: String?, documents: [String], published: String?, target: TargetFacts?) {
        self.id = id
        self.kind = kind
        self.label = label
        self.aliases = aliases
        self.ontologyID = ontologyID
        self.parent = parent
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.documents = documents
        self.published = published
        self.target = target
    }
}

/// A typed, directed edge with every source it was read from.
public struct Edge: Hashable, Codable, Sendable, Identifiable {
    public var id: EdgeID
    public var type: EdgeType
    public var source: NodeID
    public var target: NodeID
    public var sources: [Provenance]

    public init(id: EdgeID, type: EdgeType, source: NodeID, target: NodeID, sources: [Provenance]) {
        self.id = id
        self.type = type
        self.source = source
        self.target = target
        self.sources = sources
    }
}
