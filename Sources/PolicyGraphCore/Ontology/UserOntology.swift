import Foundation

extension Ontology {
    /// This ontology with a user's own dictionary layered on it
    /// (`--user-ontology PATH`): a TSV file, or a folder of them, in the
    /// format of `Ontology/entities/` (the file name starts with the type:
    /// `company-mine.tsv`). Records add entities; a record with the same type
    /// and name as a bundled one replaces it. Files whose name starts with
    /// `stop` list names that are never entities, one a line.
    ///
    /// ```swift
    /// let mine = try Ontology.bundled().layering(userOntology: URL(fileURLWithPath: "company-mine.tsv"))
    /// ```
    ///
    /// Duplicate records within the user's files are reported in ``warnings``;
    /// invalid records throw, each with its file and line.
    public func layering(userOntology url: URL) throws(OntologyError) -> Ontology {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
            throw .missingUserOntology(path: url.path)
        }
        var files: [URL] = []
        if isFolder.boolValue {
            let enumerator = FileManager.default.enumerator(atPath: url.path)
            var relatives: [String] = []
            while let relative = enumerator?.nextObject() as? String {
                if (relative as NSString).lastPathComponent.hasPrefix(".") { continue }
                if relative.hasSuffix(".tsv") { relatives.append(relative) }
            }
            files = relatives.sorted().map { url.appendingPathComponent($0) }
        } else {
            files = [url]
        }
        var loader = OntologyLoader(directory: url)
        var added: [OntologyEntity] = []
        var stop: Set<String> = neverEntities
        var seen: [EntityID: SourceLocation] = [:]
        for file in files {
            let fileName = file.path
            if file.lastPathComponent.lowercased().hasPrefix("stop") {
                for (_, fields) in try loader.records(of: file, relativeName: fileName) {
                    let name = folding.fold(fields[0].trimmingCharacters(in: .whitespaces))
                    if !name.isEmpty { stop.insert(name) }
                }
                continue
            }
            added += try loader.loadEntityFile(file, named: fileName, folding: folding, seen: &seen)
        }
        guard loader.issues.isEmpty else { throw .invalidRecords(loader.issues) }
        // Replace same-id records in place, append the rest, in file order.
        var merged = entities
        var indexOf: [EntityID: Int] = [:]
        for (index, entity) in merged.enumerated() { indexOf[entity.id] = index }
        for entity in added {
            if let index = indexOf[entity.id] { merged[index] = entity } else {
                indexOf[entity.id] = merged.count
                merged.append(entity)
            }
        }
        // Stop-listed names are no entity's name or alias.
        if !stop.isEmpty {
            merged = merged.compactMap { entity in
                guard !stop.contains(entity.name) else { return nil }
                let aliases = entity.aliases.filter { !stop.contains($0) }
                let contextual = entity.contextualAliases.filter { !stop.contains($0) }
                guard aliases.count != entity.aliases.count || contextual.count != entity.contextualAliases.count else { return entity }
                return OntologyEntity(type: entity.type, name: entity.name, aliases: aliases, contextualAliases: contextual,
                                      parentName: entity.parentName, note: entity.note, source: entity.source)
            }
        }
        // The loader's own warnings (duplicates) stay; parent checks are redone for the merged records.
        let kept = warnings.filter { !$0.message.hasSuffix("is not in the ontology") }
        var layered = Ontology(entities: merged, patterns: patterns, folding: folding, warnings: kept + loader.warnings)
        layered.neverEntities = stop
        return layered
    }

    /// The warnings that report duplicate records in the files under `path`
    /// (for the command line to show).
    public func duplicateWarnings(under path: URL) -> [OntologyIssue] {
        warnings.filter { $0.message.contains("is already a") && $0.location.file.hasPrefix(path.path) }
    }
}
