/// The extraction of one document in the JSON format that the gold files
/// share (`Tests/PolicyGraphTests/Fixtures/FORMAT.md`).
public struct DocumentExtraction: Codable, Sendable, Equatable {
    /// The document's id: its path relative to its input root.
    public var document: String
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; `nil` when unknown.
    public var published: String?
    /// Where `published` came from (extra field `published_source`).
    public var publishedSource: PublishedSource?
    public var entities: [ExtractedEntity]
    public var targets: [ExtractedTarget]
    public var issued: [IssuedPair]
    /// Where the text says an organisation or zone is (extra field `located_in`).
    public var located: [LocatedPair] = []
    /// The parts of a web page left out as not the article (extra field `left_out`, absent when none).
    public var leftOut: [LeftOutPart] = []
    /// What offsets refer to when the text was extracted from a PDF or Word
    /// file (extra field `offsets_refer_to`, absent for text files).
    public var offsetsNote: String?

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
        case located = "located_in"
        case leftOut = "left_out"
        case offsetsNote = "offsets_refer_to"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        document = try container.decode(String.self, forKey: .document)
        published = try container.decodeIfPresent(String.self, forKey: .published)
        publishedSource = try container.decodeIfPresent(PublishedSource.self, forKey: .publishedSource)
        entities = try container.decodeIfPresent([ExtractedEntity].self, forKey: .entities) ?? []
        targets = try container.decodeIfPresent([ExtractedTarget].self, forKey: .targets) ?? []
        issued = try container.decodeIfPresent([IssuedPair].self, forKey: .issued) ?? []
        located = try container.decodeIfPresent([LocatedPair].self, forKey: .located) ?? []
        leftOut = try container.decodeIfPresent([LeftOutPart].self, forKey: .leftOut) ?? []
        offsetsNote = try container.decodeIfPresent(String.self, forKey: .offsetsNote)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(document, forKey: .document)
        try container.encode(published, forKey: .published) // null, not absent
        try container.encode(publishedSource, forKey: .publishedSource)
        try container.encode(entities, forKey: .entities)
        try container.encode(targets, forKey: .targets)
        try container.encode(issued, forKey: .issued)
        try container.encode(located, forKey: .located)
        if !leftOut.isEmpty { try container.encode(leftOut, forKey: .leftOut) }
        try container.encodeIfPresent(offsetsNote, forKey: .offsetsNote)
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
    /// Byte offsets into the original file of the first mention (extra field): UTF-8 bytes, or the file's own bytes for GB18030, Big5 and UTF-16 files.
    public var offsets: [Int]
    /// The rule that found the first mention (extra field).
    public var rule: String
    /// The sentence of the first mention, up to 200 characters (extra field).
    public var sentence: String? {
        get { sentenceText.string }
        set { sentenceText = EntitySentence(newValue) }
    }
    /// The sentence as held: the extractor shares its document's sentence bytes among the
    /// entities that cite them, and the JSON writers copy those bytes without a `String`.
    @usableFromInline
    var sentenceText: EntitySentence = .none

    init(type: EntityType, name: String, aliases: [String], id: String?, canonical: String?, mentions: Int, offsets: [Int],
         rule: String, sentence: String? = nil) {
        self.type = type
        self.name = name
        self.aliases = aliases
        self.id = id
        self.canonical = canonical
        self.mentions = mentions
        self.offsets = offsets
        self.rule = rule
        sentenceText = EntitySentence(sentence)
    }

    enum CodingKeys: String, CodingKey { case type, name, aliases, id, canonical, mentions, offsets, rule, sentence }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(type: try container.decode(EntityType.self, forKey: .type), name: try container.decode(String.self, forKey: .name),
                  aliases: try container.decode([String].self, forKey: .aliases), id: try container.decodeIfPresent(String.self, forKey: .id),
                  canonical: try container.decodeIfPresent(String.self, forKey: .canonical),
                  mentions: try container.decode(Int.self, forKey: .mentions), offsets: try container.decode([Int].self, forKey: .offsets),
                  rule: try container.decode(String.self, forKey: .rule), sentence: try container.decodeIfPresent(String.self, forKey: .sentence))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        try container.encode(name, forKey: .name)
        try container.encode(aliases, forKey: .aliases)
        try container.encodeIfPresent(id, forKey: .id)
        try container.encodeIfPresent(canonical, forKey: .canonical)
        try container.encode(mentions, forKey: .mentions)
        try container.encode(offsets, forKey: .offsets)
        try container.encode(rule, forKey: .rule)
        try container.encodeIfPresent(sentence, forKey: .sentence)
    }

    public static func == (lhs: ExtractedEntity, rhs: ExtractedEntity) -> Bool {
        lhs.type == rhs.type && lhs.name == rhs.name && lhs.aliases == rhs.aliases && lhs.id == rhs.id && lhs.canonical == rhs.canonical
            && lhs.mentions == rhs.mentions && lhs.offsets == rhs.offsets && lhs.rule == rhs.rule && lhs.sentence == rhs.sentence
    }
}

/// A dated target: a subject will do or reach something at a time.
public struct ExtractedTarget: Codable, Sendable, Equatable {
    /// The holder's name, one of the document's entities.
    public var subject: String
    public var time: TargetTime
    /// What the target is about (全固态电池).
    public var topic: String?
    /// The verb (量产, 下降).
    public var action: String?
    /// A quantity with its unit (13.5%, 1000家).
    public var value: String?
    /// `goal`, `promise` or `forecast`.
    public var modality: String
    /// The technology of the lexicon the topic names, by canonical name (extra field):
    /// 全固态电池, whose broader technology 固态电池 queries can reach through the ontology.
    public var technology: String? = nil
    /// The clause the target is read from.
    public var quote: String
    /// The rule that found the subject (extra field: `subject.nearest`, `subject.after-time`,
    /// `subject.carried`, `target.list`).
    public var rule: String
    /// UTF-8 byte offsets `[start, end)` in the original file (extra fields).
    public var subjectOffsets: [Int]
    public var timeOffsets: [Int]
    public var actionOffsets: [Int]?

    enum CodingKeys: String, CodingKey {
        case subject, time, topic, action, value, modality, quote, rule, technology
        case subjectOffsets = "subject_offsets", timeOffsets = "time_offsets", actionOffsets = "action_offsets"
    }

    public init(subject: String, time: TargetTime, topic: String?, action: String?, value: String?, modality: String,
                quote: String, rule: String, subjectOffsets: [Int], technology: String? = nil, timeOffsets: [Int], actionOffsets: [Int]?) {
        self.technology = technology
        self.subject = subject
        self.time = time
        self.topic = topic
        self.action = action
        self.value = value
        self.modality = modality
        self.quote = quote
        self.rule = rule
        self.subjectOffsets = subjectOffsets
        self.timeOffsets = timeOffsets
        self.actionOffsets = actionOffsets
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(subject, forKey: .subject)
        try container.encode(time, forKey: .time)
        try container.encode(topic, forKey: .topic)
        try container.encode(action, forKey: .action)
        try container.encode(value, forKey: .value)
        try container.encode(modality, forKey: .modality)
        try container.encode(technology, forKey: .technology)
        try container.encode(quote, forKey: .quote)
        try container.encode(rule, forKey: .rule)
        try container.encode(subjectOffsets, forKey: .subjectOffsets)
        try container.encode(timeOffsets, forKey: .timeOffsets)
        try container.encode(actionOffsets, forKey: .actionOffsets)
    }
}

/// The time of a target.
public struct TargetTime: Codable, Sendable, Equatable {
    public var relation: String
    public var year: Int?
    public var month: Int?
    public var end_year: Int?
    /// The last month of a range (extra field).
    public var end_month: Int?
    /// The day the expression names (到2025年6月30日: 30), else `null` (extra field).
    public var day: Int?
    /// The last day of a range of days (8月11日至22日: 22), else `null` (extra field).
    public var end_day: Int?
    /// The expression as written (extra field).
    public var text: String?
    /// The time rules that read the expression (`time.year.four-digit` …), for
    /// `--explain`; not written to the JSON and not part of the value.
    public var rules: [String] = []

    enum CodingKeys: String, CodingKey { case relation, year, month, end_year, end_month, day, end_day, text }

    public init(relation: String, year: Int?, month: Int?, end_year: Int?, end_month: Int? = nil, day: Int? = nil, end_day: Int? = nil,
                text: String? = nil, rules: [String] = []) {
        self.relation = relation
        self.year = year
        self.month = month
        self.end_year = end_year
        self.end_month = end_month
        self.day = day
        self.end_day = end_day
        self.text = text
        self.rules = rules
    }

    public static func == (lhs: TargetTime, rhs: TargetTime) -> Bool {
        lhs.relation == rhs.relation && lhs.year == rhs.year && lhs.month == rhs.month && lhs.end_year == rhs.end_year
            && lhs.end_month == rhs.end_month && lhs.day == rhs.day && lhs.end_day == rhs.end_day && lhs.text == rhs.text
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(relation, forKey: .relation)
        try container.encode(year, forKey: .year)
        try container.encode(month, forKey: .month)
        try container.encode(end_year, forKey: .end_year)
        try container.encode(end_month, forKey: .end_month)
        try container.encode(day, forKey: .day)
        try container.encode(end_day, forKey: .end_day)
        try container.encode(text, forKey: .text)
    }
}

/// An organisation or zone and the place the text puts it in.
public struct LocatedPair: Codable, Sendable, Equatable {
    public var entity: String
    public var place: String
    public var sentence: String?
    /// UTF-8 byte offsets of 位于 in the original file.
    public var offsets: [Int]
}

/// A body that issued a policy.
public struct IssuedPair: Codable, Sendable, Equatable {
    public var issuer: String
    public var policy: String
    /// The rule that found it (extra field).
    public var rule: String?
    /// The sentence it was read from (extra field).
    public var sentence: String?
    /// UTF-8 byte offsets `[start, end)` of the issuer, the verb and the policy in the original file (extra fields).
    public var issuerOffsets: [Int]?
    public var verbOffsets: [Int]?
    public var policyOffsets: [Int]?

    enum CodingKeys: String, CodingKey {
        case issuer, policy, rule, sentence
        case issuerOffsets = "issuer_offsets", verbOffsets = "verb_offsets", policyOffsets = "policy_offsets"
    }
}
