/// Runs the whole per-document pipeline: normalisation, recognition and
/// (in later stages) target and issuance extraction.
///
/// ```swift
/// let extractor = try Extractor()
/// let result = try extractor.extract(SourceDocument(reading: "seeds/003_210949ef34f18676.txt"))
/// ```
public struct Extractor: Sendable {
    public let lexicon: Lexicon
    public let normalizer: TextNormalizer
    public let recognizer: EntityRecognizer

    /// The target extractor, compiled once (its word lists are small tries).
    let targetExtractor: TargetExtractor
    /// The rules that read a document's own publication date.
    let publicationRules: PublicationDateRules
    /// The issuance rules with their words.
    let issuanceExtractor: IssuanceExtractor
    /// The location rule with its words (`patterns/locations.tsv`).
    let locationExtractor: LocationExtractor
    /// The time normaliser with the ontology's own time words (`patterns/time.tsv`
    /// of the folder given with `--ontology`, else the bundled one's).
    let timeNormalizer: TimeNormalizer

    public init(lexicon: Lexicon) {
        self.lexicon = lexicon
        // The technology lexicon's names and aliases with their canonical names;
        // the institutions of the ontology's media files.
        var technologyNames: [String] = []
        var canonical: [String: String] = [:]
        var mediaEntities: Set<Int> = []
        for (index, entity) in lexicon.ontology.entities.enumerated() {
            if entity.type == .technology {
                for name in [entity.name] + entity.aliases where name.unicodeScalars.count >= 2 && canonical[name] == nil {
                    canonical[name] = entity.name
                    technologyNames.append(name)
                }
            } else if entity.type == .institution, entity.source.file.contains("media") {
                mediaEntities.insert(index)
            }
        }
        timeNormalizer = TimeNormalizer(vocabulary: lexicon.ontology.patterns.time)
        targetExtractor = TargetExtractor(vocabulary: lexicon.ontology.patterns.targets, technologyNames: technologyNames,
                                          mediaEntities: mediaEntities, technologyCanonical: canonical,
                                          issuing: lexicon.ontology.patterns.issuanceVerbs.map(\.verb),
                                          shortTitles: lexicon.ontology.patterns.titleEndings.filter { $0.class == .policy }.map(\.ending),
                                          timeNormalizer: timeNormalizer)
        let patterns = lexicon.ontology.patterns
        issuanceExtractor = IssuanceExtractor(cues: patterns.issuanceCues, reportTitles: patterns.targets.reportTitles,
                                              verbs: patterns.issuanceVerbs.map(\.verb).sorted { $0.count > $1.count })
        locationExtractor = LocationExtractor(verbs: patterns.locationVerbs, ofWords: patterns.locationOfWords)
        publicationRules = PublicationDateRules(vocabulary: lexicon.ontology.patterns.publication)
        normalizer = TextNormalizer(folding: lexicon.ontology.folding, numberUnits: patterns.numberUnits)
        recognizer = EntityRecognizer(lexicon: lexicon)
    }

    /// An extractor with the bundled ontology.
    public init() throws(OntologyError) {
        self.init(lexicon: try Lexicon.bundled())
    }

    /// Normalises a document.
    public func normalize(_ document: SourceDocument) -> NormalizedText {
        normalizer.normalize(document.text, markup: document.markup, leftOut: document.leftOut)
    }

    /// Extracts one document. The publication date is, in this order: the one the
    /// document states (meta tags, front matter, metadata lines, bylines, header,
    /// URLs), the metadata file's, `published` (a default), the file name's, or the
    /// year inferred from the text.
    public func extract(_ document: SourceDocument, published: String? = nil, metadata: DocumentMetadata? = nil) -> DocumentExtraction {
        let text = normalize(document)
        let recognition = recognizer.recognize(text)
        let reported = OriginalScript.restore(recognition.mentions, text: text, original: document.text.bytes, folding: lexicon.ontology.folding)
        var (entities, names, firstRanges) = EntityGrouping.entities(from: reported, text: text, ontology: lexicon.ontology)
        let (date, source) = publicationDate(document: document, text: text, option: published, metadata: metadata)
        let (targets, issued, located) = text.bytes.withUnsafeBufferPointer { buffer in
            let cursor = TextCursor(bytes: buffer)
            let segments = TextSegments(buffer)
            setSentences(of: &entities, firstRanges: firstRanges, segments: segments, cursor: cursor)
            let targets = targetExtractor.extract(text: text, cursor: cursor, segments: segments, mentions: recognition.mentions, names: names, reference: date.flatMap(ReferenceDate.init))
            let issued = issuanceExtractor.extract(text: text, cursor: cursor, segments: segments, mentions: recognition.mentions,
                                                     markers: recognition.markers, names: names)
            let located = locationExtractor.extract(text: text, cursor: cursor, segments: segments, mentions: recognition.mentions, names: names)
            return (targets, issued, located)
        }
        var extraction = DocumentExtraction(document: document.name, published: date, publishedSource: source, entities: entities,
                                            targets: targets, issued: issued)
        extraction.located = located
        let never = lexicon.ontology.neverEntities
        if !never.isEmpty {
            // The user's stop list: names that are never entities, whatever rule found them.
            extraction.entities.removeAll { never.contains($0.name) }
            extraction.targets.removeAll { never.contains($0.subject) }
            extraction.issued.removeAll { never.contains($0.issuer) || never.contains($0.policy) }
        }
        extraction.leftOut = document.leftOut
        extraction.offsetsNote = document.origin.offsetsNote
        return extraction
    }

    /// Gives each entity the sentence of its first mention, trimmed and cut at 200 characters
    /// (``TextSegments/sentenceText(at:cursor:limit:)``). Entities come in order of first mention,
    /// so those that share a sentence follow each other: each sentence's bytes are found once
    /// and kept once, in one ``EntitySentences`` the document's entities share, and no `String`
    /// is made for them (the JSON writers copy the bytes; a caller that reads
    /// ``ExtractedEntity/sentence`` gets a string made once per sentence). A sentence the byte
    /// path does not cover (a scalar that is not its own character) is a string, as before.
    func setSentences(of entities: inout [ExtractedEntity], firstRanges: [Range<Int>], segments: TextSegments, cursor: TextCursor) {
        var bytes: [UInt8] = []
        var ranges: [Range<Int>] = []
        // Per entity: the number of its shared sentence, or -1 (none, or a string of its own).
        var shared = [Int](repeating: -1, count: entities.count)
        var lastSentence = -1
        var lastShared = -1
        var lastString: String? = nil
        // The first mentions' starts mostly grow (entities in order of first mention): each
        // sentence is found by walking on from the last one's, over each sentence once in all,
        // not by a binary search per entity; a start before the furthest one is searched for.
        let segmentSentences = segments.sentences
        var next = 0           // the first sentence that does not end at or before `furthest`
        var furthest = Int.min
        for index in entities.indices {
            let offset = firstRanges[index].lowerBound
            let found: Int?
            if offset >= furthest {
                furthest = offset
                while next < segmentSentences.count, segmentSentences[next].range.upperBound <= offset { next += 1 }
                found = next < segmentSentences.count && segmentSentences[next].range.contains(offset) ? next : nil
            } else {
                found = segments.sentenceIndex(containing: offset)
            }
            guard let sentence = found else { continue }
            if sentence != lastSentence {
                lastSentence = sentence
                lastShared = -1
                lastString = nil
                if let simple = UTF8Trimming.simpleText(cursor.bytes, in: segments.sentences[sentence].range, limit: Self.sentenceLimit) {
                    let start = bytes.count
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: cursor.bytes[simple]))
                    ranges.append(start..<bytes.count)
                    lastShared = ranges.count - 1
                } else {
                    lastString = segments.sentenceText(at: sentence, cursor: cursor, limit: Self.sentenceLimit)
                }
            }
            if lastShared >= 0 { shared[index] = lastShared } else { entities[index].sentence = lastString }
        }
        guard !ranges.isEmpty else { return }
        let sentences = EntitySentences(bytes: bytes, ranges: ranges)
        for index in entities.indices where shared[index] >= 0 { entities[index].sentenceText = .shared(sentences, shared[index]) }
    }

    /// The characters of an entity's sentence kept (FORMAT.md's extra field `sentence`).
    static let sentenceLimit = 200

    /// The publication date and where it came from: the document's own statement
    /// (``PublicationDateRules``), then the metadata file, then `option` (a default),
    /// then a date in the file's name, and only as the last resort the year inferred
    /// from the text.
    func publicationDate(document: SourceDocument, text: NormalizedText, option: String?,
                         metadata: DocumentMetadata?) -> (String?, PublishedSource?) {
        if let found = publicationRules.find(in: document.text.bytes) { return (found.date, found.source) }
        if let date = metadata?.published { return (date, .metadata) }
        if let option { return (option, .option) }
        if let date = publicationRules.fromFileName(document.name) { return (date, .fileName) }
        if let year = PublicationDate.inferYear(text, vocabulary: lexicon.ontology.patterns.publication, normalizer: timeNormalizer) { return (String(year), .inferred) }
        return (nil, nil)
    }
}
