/// The extraction of one document in the JSON format that the gold files
/// share (`Tests/PolicyGraphTests/Fixtures/FORMAT.md`).
public struct DocumentExtraction: Codable, Sendable, Equatable {
    /// The file's base name.
    public var document: String
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; `nil` when unknown.
    public var published: String?
    /// Where `published` came from (extra field `published_source`).
    public var publishedSource: PublishedSource?
    public var entities: [ExtractedEntity]
    public var targets: [ExtractedTarget]
    public var issued: [IssuedPair]

    public init(document: String, published: String?, publishedSource: PublishedSource? = nil, entities: [ExtractedEntity],
                targets: [ExtractedTarget] = [], issued: [IssuedPair] = []) {
        self.document = document
        self.published = published
        self.publishedSource = publishedSource
        self.entities = entities
        self.targets = targets
        self.issued = issued
    }

    enum CodingKeys: String, CodingKey {
        case document, published, entities, targets, issued
        case publishedSource = "published_source"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        document = try container.decode(String.self, forKey: .document)
        published = try container.decodeIfPresent(String.self, forKey: .published)
        publishedSource = try container.decodeIfPresent(PublishedSource.self, forKey: .publishedSource)
        entities = try container.decodeIfPresent([ExtractedEntity].self, forKey: .entities) ?? []
        targets = try container.decodeIfPresent([ExtractedTarget].self, forKey: .targets) ?? []
        issued = try container.decodeIfPresent([IssuedPair].self, forKey: .issued) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(document, forKey: .document)
        try container.encode(published, forKey: .published) // null, not absent
        try container.encode(publishedSource, forKey: .publishedSource)
        try container.encode(entities, forKey: .entities)
        try container.encode(targets, forKey: .targets)
        try container.encode(issued, forKey: .issued)
    }
}

/// One distinct entity of a document.
public struct ExtractedEntity: Codable, Sendable, Equatable {
    public var type: EntityType
    /// The fullest form the document uses.
    public var name: String
    /// The other forms the document uses.
    public var aliases: [String]
    /// The ontology's identifier when the dictionary knows the entity (extra field).
    public var id: String?
    /// The ontology's canonical name, when it differs from `name` (extra field).
    public var canonical: String?
    /// How many times the document mentions it (extra field).
    public var mentions: Int
    /// UTF-8 byte offsets into the original file of the first mention (extra field).
    public var offsets: [Int]
    /// The rule that found the first mention (extra field).
    public var rule: String
}

/// A dated target (filled by the target extractor).
public struct ExtractedTarget: Codable, Sendable, Equatable {
    public var subject: String
    public var time: TargetTime
    public var topic: String?
    public var action: String?
    public var value: String?
    public var modality: String
    public var quote: String
}

/// The time of a target.
public struct TargetTime: Codable, Sendable, Equatable {
    public var relation: String
    public var year: Int?
    public var month: Int?
    public var end_year: Int?
}

/// A body that issued a policy.
public struct IssuedPair: Codable, Sendable, Equatable {
    public var issuer: String
    public var policy: String
}
