import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads an ontology folder: `entities/*.tsv`, `patterns/*.tsv` and
/// `text/traditional-to-simplified.tsv` (see `Ontology/README.md`).
struct OntologyLoader {
    let directory: URL
    var issues: [OntologyIssue] = []
    var warnings: [OntologyIssue] = []
    /// The number of records each pattern file held (`time` for
    /// `patterns/time.tsv`), counted by ``loadPatterns(folding:)`` so that
    /// ``checkRequiredPatterns()`` need not read the files again.
    private(set) var patternRecordCounts: [String: Int] = [:]

    init(directory: URL) { self.directory = directory }

    /// The TSV records of one file: (line number, fields), comments skipped.
    ///
    /// Lines end at a line feed (a carriage return before it is dropped);
    /// empty lines, lines of spaces and tabs and lines starting with `#` are
    /// skipped. The file is split on its bytes (line feeds and tabs are ASCII,
    /// so no character is cut): a `String` is made for each field, never for
    /// the whole file.
    ///
    /// - Complexity: O(n) in the file's size.
    func records(of url: URL, relativeName: String) throws(OntologyError) -> [(Int, [String])] {
        guard let data = FileBytes.read(url.path) else {
            throw .invalidRecords([OntologyIssue(location: .init(file: relativeName, line: 0), message: "cannot read the file")])
        }
        return data.withUnsafeBytes { raw in Self.records(in: raw.bindMemory(to: UInt8.self)) }
    }

    /// The TSV records of a file's bytes (see ``records(of:relativeName:)``).
    static func records(in bytes: UnsafeBufferPointer<UInt8>) -> [(Int, [String])] {
        var result: [(Int, [String])] = []
        var lineNumber = 0
        var lineStart = 0
        let count = bytes.count
        while lineStart <= count {
            var lineEnd = lineStart
            if let base = bytes.baseAddress, lineStart < count, let found = memchr(base + lineStart, 0x0A, count - lineStart) {
                lineEnd = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            } else {
                lineEnd = count
            }
            lineNumber += 1
            defer { lineStart = lineEnd + 1 }
            var end = lineEnd
            if end > lineStart, bytes[end - 1] == 0x0D { end -= 1 }
            guard end > lineStart, bytes[lineStart] != 0x23 else { continue } // empty, or a # comment
            var blank = true
            for index in lineStart..<end where bytes[index] != 0x20 && bytes[index] != 0x09 {
                blank = false
                break
            }
            if blank { continue }
            var fields: [String] = []
            var fieldStart = lineStart
            for index in lineStart..<end where bytes[index] == 0x09 {
                fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[fieldStart..<index]), as: UTF8.self))
                fieldStart = index + 1
            }
            fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[fieldStart..<end]), as: UTF8.self))
            result.append((lineNumber, fields))
        }
        return result
    }

    func tsvFiles(in folder: String) -> [URL] {
        let url = directory.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { $0.hasSuffix(".tsv") }.sorted().map { url.appendingPathComponent($0) }
    }

    mutating func loadFolding() throws(OntologyError) -> CharacterFolding {
        let url = directory.appendingPathComponent("text/traditional-to-simplified.tsv")
        guard FileManager.default.fileExists(atPath: url.path) else { return CharacterFolding() }
        var pairs: [(UInt32, UInt32)] = []
        for (line, fields) in try records(of: url, relativeName: "text/traditional-to-simplified.tsv") {
            let from = fields.first.map { Array($0.unicodeScalars) } ?? []
            let to = fields.count > 1 ? Array(fields[1].unicodeScalars) : []
            guard from.count == 1, to.count == 1 else {
                issues.append(.init(location: .init(file: "text/traditional-to-simplified.tsv", line: line),
                                    message: "expected one character, a TAB and one character"))
                continue
            }
            pairs.append((from[0].value, to[0].value))
        }
        return CharacterFolding(traditionalToSimplified: pairs)
    }

    mutating func loadEntities(folding: CharacterFolding) throws(OntologyError) -> [OntologyEntity] {
        var entities: [OntologyEntity] = []
        var seen: [EntityID: SourceLocation] = [:]
        for url in tsvFiles(in: "entities") {
            entities += try loadEntityFile(url, named: "entities/" + url.lastPathComponent, folding: folding, seen: &seen)
        }
        return entities
    }

    /// The entity type a file name starts with (`company-mine.tsv`), or an issue.
    mutating func entityType(ofFile url: URL, named fileName: String) -> EntityType? {
        let stem = url.deletingPathExtension().lastPathComponent
        let typeName = String(stem.prefix { $0 != "-" && $0 != "." })
        guard let type = EntityType(rawValue: typeName) else {
            issues.append(.init(location: .init(file: fileName, line: 0),
                                message: "the file name must start with an entity type (\(EntityType.allCases.map(\.rawValue).joined(separator: ", ")))"))
            return nil
        }
        return type
    }

    /// The records of one entity file; a record whose type and name were seen
    /// before is reported as a duplicate and ignored.
    mutating func loadEntityFile(_ url: URL, named fileName: String, folding: CharacterFolding,
                                 seen: inout [EntityID: SourceLocation]) throws(OntologyError) -> [OntologyEntity] {
        var entities: [OntologyEntity] = []
        guard let type = entityType(ofFile: url, named: fileName) else { return [] }
        do {
            for (line, fields) in try records(of: url, relativeName: fileName) {
                let location = SourceLocation(file: fileName, line: line)
                guard fields.count == 4 || fields.count == 5 else {
                    issues.append(.init(location: location, message: "expected 4 TAB-separated fields (name, aliases, parent, note) and optionally a fifth (attributes), found \(fields.count)"))
                    continue
                }
                var attributes: [String: String] = [:]
                if fields.count == 5 {
                    for pair in fields[4].split(separator: " ") {
                        let parts = pair.split(separator: "=", maxSplits: 1)
                        guard parts.count == 2, !parts[0].isEmpty else {
                            issues.append(.init(location: location, message: "the attribute '\(pair)' must read key=value (code=600000)"))
                            continue
                        }
                        attributes[String(parts[0])] = String(parts[1])
                    }
                }
                let name = folding.fold(fields[0].trimmingFieldSpace())
                guard name.unicodeScalars.count >= 2 else {
                    issues.append(.init(location: location, message: "the name '\(name)' is shorter than two characters"))
                    continue
                }
                var aliases: [String] = []
                var contextual: [String] = []
                for raw in fields[1].split(separator: "|") {
                    var alias = String(raw).trimmingFieldSpace()
                    let isContextual = alias.hasPrefix("~")
                    if isContextual { alias.removeFirst() }
                    alias = folding.fold(alias)
                    if alias.isEmpty || alias == name { continue }
                    if alias.unicodeScalars.count < 2 {
                        issues.append(.init(location: location, message: "the alias '\(alias)' is too short to recognise safely"))
                        continue
                    }
                    if isContextual { contextual.append(alias) } else { aliases.append(alias) }
                }
                let parent = fields[2].trimmingFieldSpace()
                let entity = OntologyEntity(type: type, name: name, aliases: aliases, contextualAliases: contextual,
                                            parentName: parent.isEmpty ? nil : folding.fold(parent),
                                            note: fields[3], attributes: attributes, source: location)
                if let first = seen[entity.id] {
                    warnings.append(.init(location: location, message: "'\(name)' is already a \(type.rawValue) at \(first); this record is ignored"))
                    continue
                }
                seen[entity.id] = location
                entities.append(entity)
            }
        }
        return entities
    }

    /// Pattern files an ontology cannot work without: without them no target,
    /// issued pair or pattern-built name is found, and no relative time (去年),
    /// time suffix (以后) or traditional character (後) is read.
    static let requiredPatternFiles = ["issuance", "stopwords", "suffixes", "targets", "time", "titles"]

    /// Reports the required pattern files that are missing or hold no record
    /// (after ``loadPatterns(folding:)``, which counts them).
    mutating func checkRequiredPatterns() {
        for kind in Self.requiredPatternFiles {
            let fileName = "patterns/\(kind).tsv"
            if patternRecordCounts[kind, default: 0] == 0 {
                issues.append(.init(location: .init(file: fileName, line: 0),
                                    message: "missing or empty: an ontology given with --ontology replaces the bundled one and needs its patterns "
                                        + "(copy Ontology/patterns/ into it), or use --user-ontology to add entries to the bundled ontology"))
            }
        }
    }

    mutating func loadPatterns(folding: CharacterFolding) throws(OntologyError) -> PatternLexicon {
        var lexicon = PatternLexicon()
        var endings: [(String, TitleClass)] = []
        for url in tsvFiles(in: "patterns") {
            let fileName = "patterns/" + url.lastPathComponent
            let kind = url.deletingPathExtension().lastPathComponent
            let fileRecords = try records(of: url, relativeName: fileName)
            patternRecordCounts[kind, default: 0] += fileRecords.count
            for (line, fields) in fileRecords {
                let location = SourceLocation(file: fileName, line: line)
                let word = folding.fold(fields[0].trimmingFieldSpace())
                guard !word.isEmpty else {
                    issues.append(.init(location: location, message: "empty first field"))
                    continue
                }
                switch kind {
                case "suffixes":
                    guard fields.count >= 4 else {
                        issues.append(.init(location: location, message: "expected suffix, type, anchor, body length"))
                        continue
                    }
                    let type: EntityType?
                    if fields[1] == "inherit" { type = nil } else if let known = EntityType(rawValue: fields[1]) { type = known } else {
                        issues.append(.init(location: location, message: "unknown type '\(fields[1])'"))
                        continue
                    }
                    guard let anchor = SuffixAnchor(rawValue: fields[2]) else {
                        issues.append(.init(location: location, message: "unknown anchor '\(fields[2])' (use \(SuffixAnchor.allCases.map(\.rawValue).joined(separator: ", ")))"))
                        continue
                    }
                    let bounds = fields[3].split(separator: "-").compactMap { Int($0) }
                    guard bounds.count == 2, bounds[0] <= bounds[1] else {
                        issues.append(.init(location: location, message: "body length must read MIN-MAX, e.g. 2-12"))
                        continue
                    }
                    lexicon.suffixes.append(SuffixRule(suffix: word, type: type, anchor: anchor,
                                                       bodyLength: bounds[0]...bounds[1], source: location))
                case "stopwords":
                    let mode = fields.count > 1 ? fields[1] : "stop"
                    switch mode {
                    case "soft": lexicon.softStopWords.append(word)
                    case "word": lexicon.plainWords.append(word)
                    case "policy": lexicon.policyVerbs.append(word)
                    case "stop": lexicon.stopWords.append(word)
                    case "split" where word.unicodeScalars.count >= 2: lexicon.splitWords.append(word)
                    default: issues.append(.init(location: location, message: "unknown mode '\(mode)' (use stop, soft, word, policy or split, the last for a word of two characters or more)"))
                    }
                case "place-words":
                    switch fields.count > 1 ? fields[1] : "" {
                    case "left": lexicon.placeWordsLeft.insert(word)
                    case "right": lexicon.placeWordsRight.insert(word)
                    default: issues.append(.init(location: location, message: "expected a side: left or right"))
                    }
                case "generic":
                    let mode = fields.count > 1 ? fields[1] : "body"
                    switch mode {
                    case "prefix": lexicon.genericPrefixes.append(word)
                    case "industry": lexicon.industryWords.insert(word)
                    case "quantifier": lexicon.genericQuantifiers.append(word)
                    case "before-local": lexicon.beforeLocalBodies.append(word)
                    default: lexicon.genericBodies.insert(word)
                    }
                case "titles":
                    guard fields.count > 1, let titleClass = TitleClass(rawValue: fields[1]) else {
                        issues.append(.init(location: location, message: "expected an ending and a class (policy, institution, other, named)"))
                        continue
                    }
                    endings.append((word, titleClass))
                case "qualifiers":
                    lexicon.titleQualifiers.append(word)
                case "targets":
                    guard fields.count > 1 else {
                        issues.append(.init(location: location, message: "expected a word and a role"))
                        continue
                    }
                    switch fields[1] {
                    case "action": lexicon.targets.actions.append(word)
                    case "light": lexicon.targets.lightVerbs.insert(word); lexicon.targets.actions.append(word)
                    case "promise": lexicon.targets.promiseWords.append(word)
                    case "forecast": lexicon.targets.forecastWords.append(word)
                    case "goal": lexicon.targets.goalWords.append(word)
                    case "future": lexicon.targets.futureWords.append(word)
                    case "past": lexicon.targets.pastWords.append(word)
                    case "reporting": lexicon.targets.reportingWords.append(word)
                    case "noun": lexicon.targets.nouns.append(word)
                    case "unit": lexicon.targets.units.append(fields[0].trimmingFieldSpace())
                    case "copula": lexicon.targets.copulas.append(word)
                    case "report": lexicon.targets.reportTitles.append(word)
                    case "attribute": lexicon.targets.attributes.append(word)
                    case "indicators": lexicon.targets.indicatorCues.append(word)
                    case "adverb": lexicon.targets.adverbs.append(word)
                    case "leader": lexicon.targets.leaderTitles.append(word)
                    case "affiliation-title": lexicon.targets.affiliationTitles.append(word)
                    case "goal-noun": lexicon.targets.goalNouns.append(word)
                    case "bare-verb": lexicon.targets.bareVerbs.insert(word)
                    case "project": lexicon.targets.projectWords.append(word)
                    case "announcing": lexicon.targets.announcingWords.append(word)
                    case "occasion": lexicon.targets.occasionWords.append(word)
                    case "preposition": lexicon.targets.prepositions.append(word)
                    case "media-ending": lexicon.targets.mediaEndings.append(word)
                    case "dateline-opener": lexicon.targets.datelineOpeners.append(word)
                    case "dateline-wire": lexicon.targets.datelineWires.append(word)
                    case "topic-noise": lexicon.targets.topicNoise.append(word)
                    case "fact-after": lexicon.targets.factAfterWords.append(word)
                    case "multiplier": lexicon.targets.multipliers.append(word)
                    case "value-tail": lexicon.targets.valueTails.append(word)
                    case "figure-tail": lexicon.targets.figureTails.append(word)
                    case "range": lexicon.targets.rangeWords.append(word)
                    case "baseline": lexicon.targets.baselineWords.append(word)
                    case "topic-baseline": lexicon.targets.topicBaselineWords.append(word)
                    case "of": lexicon.targets.ofWords.append(word)
                    case "source-lead": lexicon.targets.sourceLeads.append(word)
                    case "holder-joiner": lexicon.targets.holderJoiners.append(word)
                    case "aspect", "time-suffix":
                        guard word.unicodeScalars.count == 1 else {
                            issues.append(.init(location: location, message: "a word of role '\(fields[1])' is one character"))
                            continue
                        }
                        if fields[1] == "aspect" { lexicon.targets.aspectWords.append(word) } else { lexicon.targets.timeSuffixes.append(word) }
                    default: issues.append(.init(location: location, message: "unknown role '\(fields[1])'"))
                    }
                case "persons":
                    switch fields.count > 1 ? fields[1] : "" {
                    case "title": lexicon.personTitles.append(word)
                    case "speech": lexicon.speechVerbs.append(word)
                    case "after": lexicon.personTitlesAfter.append(word)
                    case "end": lexicon.personEndWords.append(word)
                    case "joiner": lexicon.personJoiners.append(word)
                    default: issues.append(.init(location: location, message: "expected a role: title, speech, after, end or joiner"))
                    }
                case "person-names":
                    switch fields.count > 1 ? fields[1] : "" {
                    case "surname": lexicon.surnames.append(word)
                    case "foreign": lexicon.foreignNameCharacters.formUnion(word.unicodeScalars.map(\.value))
                    default: issues.append(.init(location: location, message: "expected a role: surname or foreign"))
                    }
                case "company-contexts":
                    switch fields.count > 1 ? fields[1] : "" {
                    case "code": lexicon.companyCodeLabels.append(word)
                    case "exchange": lexicon.companyExchanges.append(word)
                    case "start": lexicon.companyCodeStarts.insert(word)
                    case "after": lexicon.companyAfterWords.append(word)
                    case "open": lexicon.companyCodeOpeners.append(word)
                    case "modifier": lexicon.companyTitleModifiers.append(word)
                    case "lead": lexicon.companyLeads.append(word)
                    case "before":
                        lexicon.companyLeads.append(word)
                        lexicon.companyBeforeWords.append(word)
                    default: issues.append(.init(location: location, message: "expected a role: code, exchange, start, open, after, modifier, lead or before"))
                    }
                case "latin-legal-forms":
                    lexicon.latinLegalForms.append(fields[0].trimmingFieldSpace())
                case "zone-forms":
                    guard fields.count > 1, !fields[1].isEmpty else {
                        issues.append(.init(location: location, message: "expected an ending and its kind"))
                        continue
                    }
                    lexicon.zoneForms.append((word, fields[1]))
                case "list-heads":
                    let role = fields.count > 1 ? fields[1] : ""
                    if role == "lead" {
                        lexicon.listLeads.append(word)
                    } else if role == "modifier" {
                        lexicon.listModifiers.append(word)
                    } else if role == "closer" {
                        lexicon.listClosers.append(word)
                    } else if role == "joiner" {
                        lexicon.listJoiners.append(word)
                    } else if role == "counters" {
                        lexicon.listCounters.formUnion(word.unicodeScalars.map(\.value))
                    } else if role == "kind-ending" {
                        lexicon.listKindEndings.append(word)
                    } else if role == "zone-head" {
                        lexicon.listZoneHeads.append(word)
                    } else if role == "joint" {
                        // A joint word opens a list too.
                        lexicon.listLeads.append(word)
                        lexicon.jointWords.append(word)
                    } else if let type = EntityType(rawValue: role) {
                        lexicon.listHeads.append((word, type))
                    } else {
                        issues.append(.init(location: location, message: "expected an entity type, lead, joint, closer, modifier, joiner, counters, kind-ending or zone-head"))
                    }
                case "regions":
                    switch fields.count > 1 ? fields[1] : "" {
                    case "short-division": lexicon.shortDivisionEndings.append(word)
                    case "district" where word.unicodeScalars.count == 1: lexicon.districtEndings.formUnion(word.unicodeScalars.map(\.value))
                    case "level" where word.unicodeScalars.count == 1: lexicon.regionLevels.formUnion(word.unicodeScalars.map(\.value))
                    case "body" where fields.count > 2 && !fields[2].trimmingFieldSpace().isEmpty:
                        lexicon.localBodyKinds.append((word, fields[2].trimmingFieldSpace()))
                    default: issues.append(.init(location: location, message: "expected a role: short-division, district (one character), level (one character) or body with its kind"))
                    }
                case "line-joining":
                    guard fields.count > 1, fields[1] == "number-unit", word.unicodeScalars.count == 1, let scalar = word.unicodeScalars.first else {
                        issues.append(.init(location: location, message: "expected one character and the role number-unit"))
                        continue
                    }
                    lexicon.numberUnits.insert(scalar.value)
                case "locations":
                    switch fields.count > 1 ? fields[1] : "" {
                    case "verb": lexicon.locationVerbs.append(word)
                    case "of": lexicon.locationOfWords.append(word)
                    default: issues.append(.init(location: location, message: "expected a role: verb or of"))
                    }
                case "declarations":
                    lexicon.declarationWords.append(word)
                case "measure-packages":
                    switch fields.count > 1 ? fields[1] : "" {
                    case "count": lexicon.measureCountWords.append(word)
                    case "after": lexicon.measureAfterWords.append(word)
                    case "opener": lexicon.measureOpeners.append(word)
                    case "numerals": lexicon.measureNumerals.formUnion(word.unicodeScalars.map(\.value))
                    case "ordinal": lexicon.measureOrdinals.append(word)
                    default: issues.append(.init(location: location, message: "expected a role: count, after, opener, numerals or ordinal"))
                    }
                case "published":
                    guard fields.count > 1, let role = PublicationVocabulary.Role(rawValue: fields[1]) else {
                        issues.append(.init(location: location, message: "expected a word and a role (meta, jsonld, frontmatter, table, line, source, weekday, year-unit, month-unit, day-unit, statistics, reported, full-year, ahead, start)"))
                        continue
                    }
                    lexicon.publication.add(fields[0].trimmingFieldSpace(), as: role)
                    if role == .yearUnit { lexicon.yearUnits.append(fields[0].trimmingFieldSpace()) }
                case "issuance" where fields.count > 1 && ["report", "object", "notice-open", "notice-close", "label", "joiner", "completed", "title-of", "policy-end"].contains(fields[1]):
                    lexicon.issuanceCues[fields[1], default: []].append(word)
                case "issuance":
                    guard fields.count > 1, let position = IssuancePosition(rawValue: fields[1]) else {
                        issues.append(.init(location: location, message: "expected a verb and a position (before, after, both) or a role (report, object, notice-open, notice-close, label, joiner, completed, title-of, policy-end)"))
                        continue
                    }
                    lexicon.issuanceVerbs.append((word, position))
                case "page":
                    let raw = fields[0].trimmingFieldSpace()
                    switch fields.count > 1 ? fields[1] : "" {
                    case "tag": lexicon.page.boilerplateTags.insert(raw.lowercased())
                    case "class": lexicon.page.boilerplateClasses.append(raw.lowercased())
                    case "token": lexicon.page.boilerplateClassTokens.insert(raw.lowercased())
                    case "content": lexicon.page.contentClasses.append(raw.lowercased())
                    case "heading": lexicon.page.boilerplateHeadings.append(word)
                    default: issues.append(.init(location: location, message: "expected a word and a role: tag, class, token, content or heading"))
                    }
                case "time":
                    if let message = lexicon.time.add(fields) { issues.append(.init(location: location, message: message)) }
                default:
                    warnings.append(.init(location: .init(file: fileName, line: 0), message: "unknown pattern file; ignored"))
                }
            }
        }
        lexicon.time.finish()
        lexicon.targets.actions.sort { $0.count > $1.count }
        lexicon.targets.units.sort { $0.count > $1.count }
        lexicon.titleEndings = endings.sorted { $0.0.unicodeScalars.count > $1.0.unicodeScalars.count }
        return lexicon
    }
}
