/// The compact binary form of a compiled ``Lexicon``: the entity records of
/// `entities/*.tsv` and the lexicon's trie, payloads and ancestors, so that a
/// process reads them in one block instead of parsing the TSV files and
/// building the trie again (``OntologyCache``). The pattern files are small
/// and still read from their TSV files.
///
/// Layout: a 40-byte header, then the body, integers little-endian.
/// - header: the magic `PGLEXBIN`, the format version, 4 reserved bytes, the
///   content hash of the ontology files it was compiled from, the body's
///   length and the body's checksum (FNV-1a);
/// - body: the entity records (source files as a table), the entity files'
///   warnings, the trie's bases, checks and values, the lead-character index,
///   the payloads and the ancestors.
///
/// A file is used only when its magic, version, content hash, length and
/// checksum all match and its contents are consistent (every index in range);
/// anything else is a reason to compile again, never a crash.
enum CompiledLexiconFile {
    static let magic = Array("PGLEXBIN".utf8)
    /// Bumped whenever the layout or the compilation changes.
    static let formatVersion: UInt32 = 1
    static let headerSize = 40

    /// The parts a compiled file holds.
    struct Parts {
        var records: EntityRecords
        var cells: [DoubleArrayTrie.Cell]
        var values: [Int32]
        var lead: LeadCharacterIndex
        var payloads: [[LexiconEntry]]
        var ancestors: [[Int]]
    }

    // MARK: Writing

    static func encode(records: EntityRecords, lexicon: Lexicon, contentHash: UInt64) -> [UInt8] {
        var body = CompactWriter()
        var files: [String] = []
        var fileIndex: [String: Int] = [:]
        for entity in records.entities where fileIndex[entity.source.file] == nil {
            fileIndex[entity.source.file] = files.count
            files.append(entity.source.file)
        }
        body.strings(files)
        body.count(records.entities.count)
        for entity in records.entities {
            body.integer(UInt8(EntityType.allCases.firstIndex(of: entity.type)!))
            body.string(entity.name)
            body.strings(entity.aliases)
            body.strings(entity.contextualAliases)
            body.bool(entity.parentName != nil)
            if let parent = entity.parentName { body.string(parent) }
            body.string(entity.note)
            let attributes = entity.attributes.sorted { $0.key < $1.key }
            body.count(attributes.count)
            for (key, value) in attributes {
                body.string(key)
                body.string(value)
            }
            body.count(fileIndex[entity.source.file]!)
            body.integer(Int64(entity.source.line))
        }
        body.count(records.warnings.count)
        for warning in records.warnings {
            body.string(warning.location.file)
            body.integer(Int64(warning.location.line))
            body.string(warning.message)
        }
        let trie = lexicon.trie
        body.block(trie.cells.map(\.base))
        body.block(trie.cells.map(\.check))
        body.block(trie.values)
        body.block(trie.lead.ids)
        body.count(trie.lead.firsts.count)
        for first in trie.lead.firsts {
            body.integer(first.state)
            body.integer(first.cell.base)
            body.integer(first.cell.check)
            body.integer(first.value)
            body.bool(first.filtered)
            body.integer(first.mask)
        }
        body.block(trie.lead.pairs)
        body.bool(trie.lead.usable)
        body.count(lexicon.payloads.count)
        for entries in lexicon.payloads {
            body.count(entries.count)
            for entry in entries { encode(entry, into: &body) }
        }
        body.count(lexicon.ancestors.count)
        for ancestors in lexicon.ancestors { body.block(ancestors.map { Int32(truncatingIfNeeded: $0) }) }

        var header = CompactWriter()
        for byte in magic { header.integer(byte) }
        header.integer(formatVersion)
        header.integer(UInt32(0))
        header.integer(contentHash)
        header.integer(UInt64(body.bytes.count))
        header.integer(FNV1a.hash(body.bytes))
        return header.bytes + body.bytes
    }

    private static func encode(_ entry: LexiconEntry, into writer: inout CompactWriter) {
        switch entry {
        case let .entity(index, contextual):
            writer.integer(UInt8(contextual ? 1 : 0))
            writer.integer(Int32(truncatingIfNeeded: index))
        case let .suffix(index):
            writer.integer(UInt8(2))
            writer.integer(Int32(truncatingIfNeeded: index))
        case .stop: writer.integer(UInt8(3))
        case .softStop: writer.integer(UInt8(4))
        case .word: writer.integer(UInt8(5))
        case .marker(.namedPolicy): writer.integer(UInt8(6))
        case .marker(.qualifier): writer.integer(UInt8(7))
        case .marker(.issuance(.before)): writer.integer(UInt8(8))
        case .marker(.issuance(.after)): writer.integer(UInt8(9))
        case .marker(.issuance(.both)): writer.integer(UInt8(10))
        case .marker(.declaration): writer.integer(UInt8(11))
        case .marker(.personTitle): writer.integer(UInt8(12))
        case .marker(.speech): writer.integer(UInt8(13))
        case .marker(.personTitleAfter): writer.integer(UInt8(14))
        }
    }

    // MARK: Reading

    /// The parts of `bytes`, or why they cannot be used for the ontology whose
    /// files hash to `contentHash`.
    static func decode(_ bytes: [UInt8], contentHash: UInt64) throws(CompactFormatError) -> Parts {
        var header = CompactReader(bytes)
        guard bytes.count >= headerSize, Array(bytes[0..<magic.count]) == magic else {
            throw CompactFormatError(reason: "not a compiled lexicon file")
        }
        _ = try header.integer(UInt64.self)
        guard try header.integer(UInt32.self) == formatVersion else { throw CompactFormatError(reason: "another format version") }
        _ = try header.integer(UInt32.self)
        guard try header.integer(UInt64.self) == contentHash else { throw CompactFormatError(reason: "compiled from other ontology files") }
        let length = try header.integer(UInt64.self)
        let checksum = try header.integer(UInt64.self)
        guard length == UInt64(bytes.count - headerSize) else { throw CompactFormatError(reason: "truncated or padded") }
        var hasher = FNV1a()
        bytes.withUnsafeBytes { hasher.add(UnsafeRawBufferPointer(rebasing: $0[headerSize...])) }
        guard hasher.value == checksum else { throw CompactFormatError(reason: "damaged (checksum)") }

        var reader = CompactReader(bytes, from: headerSize)
        let files = try reader.strings()
        let entityCount = try reader.count(minimumSize: 30)
        var entities: [OntologyEntity] = []
        entities.reserveCapacity(entityCount)
        for _ in 0..<entityCount {
            let typeIndex = Int(try reader.integer(UInt8.self))
            guard typeIndex < EntityType.allCases.count else { throw CompactFormatError(reason: "unknown entity type") }
            let name = try reader.string()
            let aliases = try reader.strings()
            let contextual = try reader.strings()
            let parent: String? = try reader.bool() ? try reader.string() : nil
            let note = try reader.string()
            var attributes: [String: String] = [:]
            for _ in 0..<(try reader.count(minimumSize: 8)) {
                let key = try reader.string()
                attributes[key] = try reader.string()
            }
            let file = Int(try reader.integer(UInt32.self))
            guard file < files.count else { throw CompactFormatError(reason: "unknown source file") }
            let line = Int(try reader.integer(Int64.self))
            entities.append(OntologyEntity(type: EntityType.allCases[typeIndex], name: name, aliases: aliases,
                                           contextualAliases: contextual, parentName: parent, note: note,
                                           attributes: attributes, source: SourceLocation(file: files[file], line: line)))
        }
        var warnings: [OntologyIssue] = []
        for _ in 0..<(try reader.count(minimumSize: 16)) {
            let file = try reader.string()
            let line = Int(try reader.integer(Int64.self))
            warnings.append(OntologyIssue(location: SourceLocation(file: file, line: line), message: try reader.string()))
        }
        let bases: [Int32] = try reader.block()
        let checks: [Int32] = try reader.block()
        let values: [Int32] = try reader.block()
        guard bases.count == checks.count, bases.count == values.count, !bases.isEmpty else {
            throw CompactFormatError(reason: "trie arrays of different lengths")
        }
        let cells = zip(bases, checks).map { DoubleArrayTrie.Cell(base: $0, check: $1) }
        let ids: [UInt16] = try reader.block()
        var firsts: [LeadCharacterIndex.First] = []
        for _ in 0..<(try reader.count(minimumSize: 25)) {
            let state = try reader.integer(Int32.self)
            let cell = DoubleArrayTrie.Cell(base: try reader.integer(), check: try reader.integer())
            let value = try reader.integer(Int32.self)
            let filtered = try reader.bool()
            firsts.append(.init(state: state, cell: cell, value: value, filtered: filtered, mask: try reader.integer()))
        }
        let pairs: [UInt64] = try reader.block()
        let lead = LeadCharacterIndex(ids: ids, firsts: firsts, pairs: pairs, usable: try reader.bool())
        var payloads: [[LexiconEntry]] = []
        let payloadCount = try reader.count(minimumSize: 4)
        payloads.reserveCapacity(payloadCount)
        for _ in 0..<payloadCount {
            let count = try reader.count()
            var entries: [LexiconEntry] = []
            entries.reserveCapacity(count)
            for _ in 0..<count { entries.append(try decodeEntry(&reader)) }
            payloads.append(entries)
        }
        var ancestors: [[Int]] = []
        for _ in 0..<(try reader.count(minimumSize: 4)) {
            let block: [Int32] = try reader.block()
            ancestors.append(block.map(Int.init))
        }
        guard reader.isAtEnd else { throw CompactFormatError(reason: "trailing bytes") }
        return Parts(records: EntityRecords(entities: entities, warnings: warnings), cells: cells, values: values,
                     lead: lead, payloads: payloads, ancestors: ancestors)
    }

    private static func decodeEntry(_ reader: inout CompactReader) throws(CompactFormatError) -> LexiconEntry {
        let tag = try reader.integer(UInt8.self)
        switch tag {
        case 0, 1:
            let index = Int(try reader.integer(Int32.self))
            return .entity(index: index, contextual: tag == 1)
        case 2: return .suffix(Int(try reader.integer(Int32.self)))
        case 3: return .stop
        case 4: return .softStop
        case 5: return .word
        case 6: return .marker(.namedPolicy)
        case 7: return .marker(.qualifier)
        case 8: return .marker(.issuance(.before))
        case 9: return .marker(.issuance(.after))
        case 10: return .marker(.issuance(.both))
        case 11: return .marker(.declaration)
        case 12: return .marker(.personTitle)
        case 13: return .marker(.speech)
        case 14: return .marker(.personTitleAfter)
        default: throw CompactFormatError(reason: "unknown payload entry")
        }
    }

    /// Whether `parts` can be used with `ontology` without any index leaving
    /// its array: the scan and the recognition passes index by these numbers.
    static func isConsistent(_ parts: Parts, with ontology: Ontology) -> Bool {
        let entityCount = ontology.entities.count, suffixCount = ontology.patterns.suffixes.count
        let stateCount = parts.cells.count, payloadCount = parts.payloads.count
        guard parts.values.count == stateCount, parts.ancestors.count == entityCount else { return false }
        for (cell, value) in zip(parts.cells, parts.values) {
            guard value >= -1, Int(value) < payloadCount, (cell.base < 0) == (value >= 0) else { return false }
        }
        let lead = parts.lead
        guard lead.ids.count == 1 << 16, lead.pairs.count == (1 << LeadCharacterIndex.pairBits) / 64, !lead.firsts.isEmpty else { return false }
        for id in lead.ids where Int(id) >= lead.firsts.count { return false }
        for first in lead.firsts.dropFirst() {
            guard first.state >= 0, Int(first.state) < stateCount, parts.cells[Int(first.state)] == first.cell,
                  parts.values[Int(first.state)] == first.value else { return false }
        }
        for entries in parts.payloads {
            for entry in entries {
                switch entry {
                case let .entity(index, _): guard index >= 0, index < entityCount else { return false }
                case let .suffix(index): guard index >= 0, index < suffixCount else { return false }
                case .stop, .softStop, .word, .marker: continue
                }
            }
        }
        for list in parts.ancestors {
            for index in list where index < 0 || index >= entityCount { return false }
        }
        return true
    }
}
