/// The kinds of entity PolicyGraph recognises.
public enum EntityType: String, CaseIterable, Codable, Sendable, Comparable {
    /// A government, party or public body or one of its offices (工业和信息化部).
    case government
    /// A business (宁德时代).
    case company
    /// A research institute, university, association, newspaper or news agency.
    case institution
    /// A named policy document (《工业领域碳达峰实施方案》).
    case policy
    /// A development zone or park (石家庄高新区).
    case zone
    /// A country, province, city, county or other administrative area.
    case region
    /// A named person.
    case person
    /// A technology or topic (固态电池).
    case technology

    public static func < (lhs: EntityType, rhs: EntityType) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// Bodies that act: government, company and institution.
    public var isOrganisation: Bool { self == .government || self == .company || self == .institution }
}

/// A stable identifier of an entity, derived from its type and canonical name.
public struct EntityID: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(type: EntityType, name: String) {
        rawValue = "\(type.rawValue):\(name)"
    }

    public init(rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    public static func < (lhs: EntityID, rhs: EntityID) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// Where a record came from: an ontology file and line.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public var description: String { "\(file):\(line)" }
}
