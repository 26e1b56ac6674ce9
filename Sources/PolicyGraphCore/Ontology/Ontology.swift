import Foundation
import PolicyGraphOntology

/// The dictionaries and patterns PolicyGraph recognises entities with.
///
/// ```swift
/// let ontology = try Ontology.bundled()
/// ontology.entity(named: "工信部")?.name   // "工业和信息化部"
/// ```
public struct Ontology: Sendable {
    /// Every entity record, in file order.
    public let entities: [OntologyEntity]
    /// The data of the pattern recognisers.
    public let patterns: PatternLexicon
    /// The character folding applied to texts and to the names above.
    public let folding: CharacterFolding
    /// Problems that did not stop loading (duplicate records, unknown parents).
    public let warnings: [OntologyIssue]
    /// Names that are never entities (a user ontology's stop list), folded like text.
    public internal(set) var neverEntities: Set<String> = []

    private let indexByName: [String: [Int]]
    /// Built on first use: extraction never looks entities up by id (the graph,
    /// the store and queries do), so a process that only extracts never hashes
    /// the ids.
    private let indexByID: LazyValue<[EntityID: Int]>

    public init(entities: [OntologyEntity], patterns: PatternLexicon, folding: CharacterFolding,
                warnings: [OntologyIssue] = []) {
        self.entities = entities
        self.patterns = patterns
        self.folding = folding
        // Each name is hashed once (non-ASCII strings hash slowly): the
        // entity's index is appended unless it was just appended for this entity.
        var byName: [String: [Int]] = [:]
        byName.reserveCapacity(entities.count * 2)
        for (index, entity) in entities.enumerated() {
            byName[entity.name, default: []].appendUnlessLast(index)
            for alias in entity.aliases { byName[alias, default: []].appendUnlessLast(index) }
        }
        indexByName = byName
        indexByID = LazyValue {
            var byID: [EntityID: Int] = [:]
            byID.reserveCapacity(entities.count)
            for (index, entity) in entities.enumerated() { byID[entity.id] = index }
            return byID
        }
        var allWarnings = warnings
        for entity in entities {
            if let parent = entity.parentName, byName[parent] == nil {
                allWarnings.append(.init(location: entity.source, message: "the parent '\(parent)' of '\(entity.name)' is not in the ontology"))
            }
        }
        self.warnings = allWarnings
    }

    /// Loads the ontology in `directory`, reporting every invalid record.
    public static func load(from directory: URL) throws(OntologyError) -> Ontology {
        try load(from: directory, entities: nil).ontology
    }

    /// Loads the ontology in `directory`, taking the entity records from
    /// `compiled` when given (a compiled lexicon file holds them) instead of
    /// parsing `entities/*.tsv`; also gives the entity records it used.
    static func load(from directory: URL, entities compiled: EntityRecords?) throws(OntologyError)
        -> (ontology: Ontology, entities: EntityRecords) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.appendingPathComponent("entities").path, isDirectory: &isFolder),
              isFolder.boolValue else {
            throw .missingFolder(path: directory.path)
        }
        var loader = OntologyLoader(directory: directory)
        let folding = try loader.loadFolding()
        let records: EntityRecords
        if let compiled {
            records = compiled
        } else {
            let entities = try loader.loadEntities(folding: folding)
            records = EntityRecords(entities: entities, warnings: loader.warnings)
            loader.warnings = []
        }
        let patterns = try loader.loadPatterns(folding: folding)
        loader.checkRequiredPatterns()
        guard loader.issues.isEmpty else { throw .invalidRecords(loader.issues) }
        let ontology = Ontology(entities: records.entities, patterns: patterns, folding: folding, warnings: records.warnings + loader.warnings)
        return (ontology, records)
    }

    /// The ontology bundled with PolicyGraph.
    public static func bundled() throws(OntologyError) -> Ontology {
        guard let directory = BundledOntology.directory else {
            throw .bundleNotFound(lookedIn: BundledOntology.searchedPlaces.map(\.path))
        }
        return try load(from: directory)
    }

    /// The entities whose canonical name or alias is `name` (folded like text).
    public func entities(named name: String) -> [OntologyEntity] {
        (indexByName[folding.fold(name)] ?? []).map { entities[$0] }
    }

    /// The first entity named `name`, if any.
    public func entity(named name: String) -> OntologyEntity? { entities(named: name).first }

    /// The entity with identifier `id`.
    public func entity(_ id: EntityID) -> OntologyEntity? { indexByID.value[id].map { entities[$0] } }

    /// The index of the entity with identifier `id`.
    func index(of id: EntityID) -> Int? { indexByID.value[id] }

    /// The indexes of the entities named `name`.
    func indexes(named name: String) -> [Int] { indexByName[name] ?? [] }

    /// The parent of the entity at `index`, preferring one of the same type.
    func parentIndex(of index: Int) -> Int? {
        guard let parent = entities[index].parentName, let candidates = indexByName[parent] else { return nil }
        return candidates.first { entities[$0].name == parent } ?? candidates.first
    }
}

/// The entity records of an ontology folder's `entities/*.tsv`, with the
/// warnings (duplicate records) their files gave: the part of the ontology a
/// compiled lexicon file holds.
struct EntityRecords: Sendable, Equatable {
    var entities: [OntologyEntity]
    var warnings: [OntologyIssue]
}

extension Array where Element == Int {
    /// Appends `index` unless it is already the last element (indexes are added in increasing order).
    fileprivate mutating func appendUnlessLast(_ index: Int) {
        if last != index { append(index) }
    }
}

/// A value computed on first use and kept, safe to share between threads
/// (the first caller computes it under a lock; later callers read it).
final class LazyValue<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var computed: Value?
    private var make: (@Sendable () -> Value)?

    init(_ make: @escaping @Sendable () -> Value) { self.make = make }

    var value: Value {
        lock.lock()
        defer { lock.unlock() }
        if let computed { return computed }
        let value = make!()
        computed = value
        make = nil
        return value
    }
}
