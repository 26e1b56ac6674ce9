import Foundation
import PolicyGraphOntology

/// What a dictionary key stands for.
public enum LexiconEntry: Hashable, Sendable {
    /// A name of an ontology entity; `contextual` names need the parent before them.
    case entity(index: Int, contextual: Bool)
    /// A name-forming suffix (index into ``PatternLexicon/suffixes``).
    case suffix(Int)
    /// A word that ends a name's left edge.
    case stop
    /// A word that ends it unless an organisation precedes closely.
    case softStop
    /// Ordinary text (it only shadows shorter stop words).
    case word
    /// A word that later stages look for: found in the same scan.
    case marker(MarkerKind)
}

/// The words that the resolution stages need the positions of.
public enum MarkerKind: Hashable, Sendable {
    /// A policy named without 《》 (政府工作报告).
    case namedPolicy
    /// A qualifier in parentheses that closes a policy name: （试行）.
    case qualifier
    /// A verb by which a body issues a policy.
    case issuance(IssuancePosition)
    /// A word declaring a short form: 以下简称.
    case declaration
    /// A position before a person's name: 副理事长.
    case personTitle
    /// A verb after a person's name: 表示.
    case speech
    /// A title after a person's name: 院士.
    case personTitleAfter
}

/// A marker word found by the scan.
public struct Marker: Hashable, Sendable {
    public let range: Range<Int>
    public let kind: MarkerKind
}

/// The ontology's names, suffixes and stop words compiled into one
/// ``DoubleArrayTrie``, so that a single scan finds them all.
///
/// Its parts live in one shared box, so that a copy (every pass of recognition that
/// holds the lexicon, made once per document) retains one reference instead of the
/// hundreds that the ontology, the trie and the word sets hold.
public struct Lexicon: Sendable {
    /// The ontology the lexicon was compiled from.
    public var ontology: Ontology { parts.ontology }
    /// Every key (names, suffixes, stop and marker words) as UTF-8 bytes; its values index the payloads.
    public var trie: DoubleArrayTrie { parts.trie }
    /// Payloads by trie value: every entry a key stands for.
    var payloads: [[LexiconEntry]] { parts.payloads }
    /// The entities' ancestors (parent and grandparent), by entity index.
    var ancestors: [[Int]] { parts.ancestors }
    /// By entity index: a company with a contextual name or alias (recognised in a list of companies).
    var contextualCompanies: [Bool] { parts.contextualCompanies }
    /// By trie value: whether the key stands for a contextual name, which the
    /// scan must check against its context; every other key always matches.
    var hasContextualEntry: [Bool] { parts.hasContextualEntry }
    /// The word sets of the pattern passes, compiled once.
    var words: RecognitionWords { parts.words }

    private let parts: Parts

    /// The lexicon's parts, immutable once made.
    private final class Parts: Sendable {
        let ontology: Ontology
        let trie: DoubleArrayTrie
        let payloads: [[LexiconEntry]]
        let ancestors: [[Int]]
        let contextualCompanies: [Bool]
        let hasContextualEntry: [Bool]
        let words: RecognitionWords

        init(ontology: Ontology, trie: DoubleArrayTrie, payloads: [[LexiconEntry]], ancestors: [[Int]]) {
            self.ontology = ontology
            self.trie = trie
            self.payloads = payloads
            self.ancestors = ancestors
            contextualCompanies = ontology.entities.map { entity in
                entity.type == .company && (entity.nameIsContextual || !entity.contextualAliases.isEmpty)
            }
            hasContextualEntry = payloads.map { entries in
                entries.contains { if case .entity(_, true) = $0 { return true } else { return false } }
            }
            words = RecognitionWords(patterns: ontology.patterns)
        }
    }

    /// Compiles `ontology`. Cost: linear in the total length of all names.
    public init(ontology: Ontology) {
        var entriesByKey: [String: [LexiconEntry]] = [:]
        var order: [String] = []
        func add(_ key: String, _ entry: LexiconEntry) {
            guard !key.isEmpty else { return }
            if entriesByKey[key] == nil { order.append(key) }
            if !(entriesByKey[key]?.contains(entry) ?? false) { entriesByKey[key, default: []].append(entry) }
        }
        for (index, entity) in ontology.entities.enumerated() where entity.type != .technology {
            // A two-character county or district name (和县, 范县) also occurs
            // inside ordinary words (示范县): it needs its parent before it.
            let shortDivision = entity.type == .region && entity.parentName != nil && entity.name.unicodeScalars.count == 2
                && ontology.patterns.shortDivisionEndings.contains(where: { entity.name.hasSuffix($0) })
            add(entity.name, .entity(index: index, contextual: shortDivision || entity.nameIsContextual))
            for alias in entity.aliases { add(alias, .entity(index: index, contextual: false)) }
            for alias in entity.contextualAliases { add(alias, .entity(index: index, contextual: true)) }
        }
        for (index, rule) in ontology.patterns.suffixes.enumerated() { add(rule.suffix, .suffix(index)) }
        // 财政部门, 商务部门: a ministry's name before 门 is the ordinary word 部门 (`stopwords.tsv`
        // mode `split`: a word whose first characters end a government's name).
        for split in ontology.patterns.splitWords {
            let head = String(split.unicodeScalars.dropLast()), tail = String(split.unicodeScalars.suffix(1))
            for entity in ontology.entities where entity.type == .government {
                for name in [entity.name] + entity.aliases where name.hasSuffix(head) && entriesByKey[name + tail] == nil {
                    add(name + tail, .stop)
                }
            }
        }
        for word in ontology.patterns.stopWords { add(word, .stop) }
        for word in ontology.patterns.softStopWords { add(word, .softStop) }
        for word in ontology.patterns.plainWords { add(word, .word) }
        let patterns = ontology.patterns
        for (ending, kind) in patterns.titleEndings where kind == .named { add(ending, .marker(.namedPolicy)) }
        for qualifier in patterns.titleQualifiers {
            add("（\(qualifier)）", .marker(.qualifier))
            add("(\(qualifier))", .marker(.qualifier))
        }
        for (verb, position) in patterns.issuanceVerbs { add(verb, .marker(.issuance(position))) }
        for word in patterns.declarationWords { add(word, .marker(.declaration)) }
        for word in patterns.personTitles { add(word, .marker(.personTitle)) }
        for word in patterns.speechVerbs { add(word, .marker(.speech)) }
        for word in patterns.personTitlesAfter { add(word, .marker(.personTitleAfter)) }
        var keys: [(key: [UInt8], value: Int32)] = []
        var payloads: [[LexiconEntry]] = []
        for key in order {
            keys.append((Array(key.utf8), Int32(payloads.count)))
            payloads.append(entriesByKey[key]!)
        }
        let trie = DoubleArrayTrie(keys: keys)
        let ancestors = ontology.entities.indices.map { index in
            var result: [Int] = []
            var current = index
            for _ in 0..<3 {
                guard let parent = ontology.parentIndex(of: current), parent != index else { break }
                result.append(parent)
                current = parent
            }
            return result
        }
        parts = Parts(ontology: ontology, trie: trie, payloads: payloads, ancestors: ancestors)
    }

    /// A lexicon read back from a compiled file (``OntologyCache``): the parts
    /// must have been checked against `ontology` (``CompiledLexiconFile/isConsistent(_:with:)``).
    init(ontology: Ontology, compiled parts: CompiledLexiconFile.Parts) {
        self.parts = Parts(ontology: ontology, trie: DoubleArrayTrie(cells: parts.cells, values: parts.values, lead: parts.lead),
                           payloads: parts.payloads, ancestors: parts.ancestors)
    }

    /// Loads the bundled ontology and compiles it, through the standard
    /// ``OntologyCache`` when there is one.
    public static func bundled() throws(OntologyError) -> Lexicon {
        guard let directory = BundledOntology.directory else {
            throw .bundleNotFound(lookedIn: BundledOntology.searchedPlaces.map(\.path))
        }
        return try load(from: directory)
    }

    /// The lexicon of the ontology in `directory`: read from `cache` when it
    /// holds a current compiled form, else compiled from the TSV files (and
    /// stored in `cache`). Without a cache, always compiled.
    ///
    /// ```swift
    /// let lexicon = try Lexicon.load(from: URL(fileURLWithPath: "Ontology"))
    /// ```
    public static func load(from directory: URL, cache: OntologyCache? = .standard) throws(OntologyError) -> Lexicon {
        guard let cache else { return Lexicon(ontology: try Ontology.load(from: directory)) }
        return try cache.lexicon(for: directory)
    }
}
