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
    public let source: SourceLocation

    public init(type: EntityType, name: String, aliases: [String] = [], contextualAliases: [String] = [],
                parentName: String? = nil, note: String = "", source: SourceLocation) {
        self.id = EntityID(type: type, name: name)
        self.type = type
        self.name = name
        self.aliases = aliases
        self.contextualAliases = contextualAliases
        self.parentName = parentName
        self.note = note
        self.source = source
    }
}
