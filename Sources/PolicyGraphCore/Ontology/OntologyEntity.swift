/// One record of the ontology: a real-world entity with its names.
public struct OntologyEntity: Hashable, Sendable {
    public let id: EntityID
    public let type: EntityType
    /// The canonical name (工业和信息化部).
    public let name: String
    /// Other names recognised anywhere (工信部).
    public let aliases: [String]
    /// Names recognised only right after a mention of the parent or
    /// grandparent (大方 after 毕节).
    public let contextualAliases: [String]
    /// The canonical name of the entity this one belongs to, if any.
    public let parentName: String?
    public let note: String
    /// Attributes from the optional fifth column (`code=600000`).
    public let attributes: [String: String]
    public let source: SourceLocation

    /// Whether the canonical name itself is an ordinary word (`match=contextual`):
    /// it is then recognised only where an alias marked `~` would be.
    public var nameIsContextual: Bool { attributes["match"] == "contextual" }

    /// Whether mentions of it are entities (`report=no`: continents and
    /// macro-regions are recognised only so that no shorter name matches inside).
    public var isReported: Bool { attributes["report"] != "no" }

    public init(type: EntityType, name: String, aliases: [String] = [], contextualAliases: [String] = [],
                parentName: String? = nil, note: String = "", attributes: [String: String] = [:], source: SourceLocation) {
        self.id = EntityID(type: type, name: name)
        self.type = type
        self.name = name
        self.aliases = aliases
        self.contextualAliases = contextualAliases
        self.parentName = parentName
        self.note = note
        self.attributes = attributes
        self.source = source
    }
}
