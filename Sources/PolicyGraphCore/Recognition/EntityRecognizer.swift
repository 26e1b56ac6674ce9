/// Recognises the entities of one normalised document: titles in 《》,
/// dictionary names, names built from suffixes, declared and derived short
/// forms.
///
/// ```swift
/// let recognizer = EntityRecognizer(lexicon: try .bundled())
/// let mentions = recognizer.mentions(in: normalizer.normalize("工信部印发《实施方案》"))
/// ```
public struct EntityRecognizer: Sendable {
    /// What recognition finds in one text.
    public struct Recognition: Sendable {
        /// Mentions in text order.
        public var mentions: [Mention]
        /// Marker words in text order.
        public var markers: [Marker]
    }

    public let lexicon: Lexicon
    let scanner: DictionaryScanner
    /// The passes after the scan (the zone forms compiled with them), made once here rather
    /// than once per document.
    let passes: RecognitionPasses
    /// Made once here: a recognizer made per document copied the lexicon's word sets into it
    /// and destroyed them again (some 4,000 instructions a document).
    let titleRecognizer: TitleRecognizer

    /// By payload: what its entries hold (``PayloadKinds``), read per token instead of the entries.
    let payloadKinds: [PayloadKinds]

    public init(lexicon: Lexicon) {
        self.lexicon = lexicon
        scanner = DictionaryScanner(lexicon: lexicon)
        passes = RecognitionPasses(lexicon: lexicon)
        titleRecognizer = TitleRecognizer(patterns: lexicon.ontology.patterns, words: lexicon.words)
        payloadKinds = lexicon.payloads.map(PayloadKinds.init)
    }

    /// Every mention in `text`, in text order.
    public func mentions(in text: NormalizedText) -> [Mention] {
        recognize(text).mentions
    }

    /// The mentions of `text` and the marker words (issuing verbs …) found by the same scan.
    public func recognize(_ text: NormalizedText) -> Recognition {
        text.bytes.withUnsafeBufferPointer { buffer in
            let cursor = TextCursor(bytes: buffer, fixedWords: lexicon.words.fixedWords)
            let patterns = lexicon.ontology.patterns
            var state = NameUnits(entityCount: lexicon.ontology.entities.count)

            // 1. Titles claim their spans; policies and periodicals become mentions.
            let titles = titleRecognizer.titles(in: cursor)
            var titleMentions: [Mention] = []
            for title in titles {
                switch title.titleClass {
                case .policy?, .named?:
                    let short = lexicon.words.isShortTitle(title.core)
                    titleMentions.append(Mention(range: title.inner, type: .policy, surface: title.content, entityIndex: nil,
                                                 rule: short ? "title:short" : "title:policy",
                                                 key: "policy:\(title.core)"))
                case .institution?:
                    let known = lexicon.ontology.indexes(named: title.content).first
                    guard title.content.unicodeScalars.count <= 12 else { continue }
                    titleMentions.append(Mention(range: title.inner, type: .institution, surface: title.content,
                                                 entityIndex: known, rule: "title:periodical",
                                                 key: known.map(Mention.entityKey) ?? "institution:\(title.content)"))
                default:
                    continue
                }
            }

            // 2. One dictionary scan; tokens inside titles are dropped.
            let tokens = scanner.scan(buffer)
            // At most a unit per token and per title: no array grows while the tokens are read.
            state.units.reserveCapacity(tokens.count + titleMentions.count)
            var titleIndex = 0
            let namePatterns = NamePatterns(lexicon: lexicon)
            var pendingTitles = titleMentions[...]
            // Read once here, not per token: each is a copy out of the lexicon's box.
            let payloads = lexicon.payloads
            let entities = lexicon.ontology.entities
            var dictionaryMentions = DictionaryMentions()
            for token in tokens {
                while titleIndex < titles.count, titles[titleIndex].outer.upperBound <= token.start { titleIndex += 1 }
                if let last = state.units.last, token.start < last.range.upperBound { continue }
                while let first = pendingTitles.first, first.range.lowerBound < token.start {
                    _ = state.addMention(first)
                    pendingTitles.removeFirst()
                }
                // What the payload holds, from one byte: most tokens are stop words and plain
                // words, whose entries need not be read at all.
                let kinds = payloadKinds[Int(token.payload)]
                if kinds.contains(.marker) {
                    for case let .marker(kind) in payloads[Int(token.payload)] {
                        state.markers.append(Marker(range: token.range, kind: kind))
                    }
                }
                let insideTitle = titleIndex < titles.count && titles[titleIndex].outer.lowerBound < token.end
                    && titles[titleIndex].outer.upperBound > token.start
                // The payload itself, not a filtered copy: only the entity choice skips
                // contextual names found out of context (``DictionaryScanner/entries(of:)``).
                if kinds.contains(.entity) || (token.inContext && kinds.contains(.contextualEntity)),
                   let entity = chooseEntity(payloads[Int(token.payload)], inContext: token.inContext, state: state) {
                    // Made once per key and entity in a document (``DictionaryMentions``).
                    if let (mention, component) = dictionaryMentions.mentions(payload: token.payload, entity: entity,
                                                                              range: token.range) {
                        _ = state.addMention(mention)
                        if let component { state.mentions.append(component) }
                    } else {
                        let mention = Mention(range: token.range, type: entities[entity].type, surface: cursor.text(token.range),
                                              entityIndex: entity, rule: "dictionary", key: Mention.entityKey(entity))
                        let component = component(of: token, entity: entity, cursor: cursor)
                        dictionaryMentions.add(payload: token.payload, entity: entity, mention: mention, component: component)
                        _ = state.addMention(mention)
                        if let component { state.mentions.append(component) }
                    }
                    // Only a zone extends (the unit just added is this mention's).
                    if !insideTitle, entities[entity].type == .zone {
                        extendZoneDistrict(&state, cursor: cursor, namePatterns: namePatterns)
                    }
                    continue
                }
                // Names are not built inside titles: 《…示范区建设方案》 names no zone.
                if kinds.contains(.suffix), !insideTitle {
                    var handled = false
                    for case let .suffix(ruleIndex) in payloads[Int(token.payload)] {
                        let rule = patterns.suffixes[ruleIndex]
                        if namePatterns.apply(rule: rule, ruleIndex: ruleIndex, token: token, cursor: cursor, state: &state) {
                            handled = true
                            break
                        }
                    }
                    if handled { continue }
                }
                if kinds.contains(.stop) {
                    state.units.append(.init(range: token.range, kind: .stop))
                } else if kinds.contains(.softStop) {
                    state.units.append(.init(range: token.range, kind: .softStop))
                } else {
                    state.units.append(.init(range: token.range, kind: .text))
                }
            }
            for title in pendingTitles { _ = state.addMention(title) }

            var mentions = state.mentions.compactMap { $0 }
            // Mostly in order already (the units are): a stable sort of sorted mentions changes nothing.
            if !mentions.isSortedByStart { mentions.sort { $0.range.lowerBound < $1.range.lowerBound } }
            mentions = passes.resolve(mentions, cursor: cursor, titles: titles, markers: state.markers)
            // Names recognised only so that nothing shorter matches inside them (欧洲, 东南亚).
            // Asked in this loop, not in a closure given to `removeAll`: compiled apart, that closure
            // copied each mention's entity out (its strings, aliases and attributes: some 500
            // instructions) to ask it. Most documents drop nothing and keep their array.
            var dropped: [Int] = []
            for index in mentions.indices {
                if let entity = mentions[index].entityIndex, !entities[entity].isReported { dropped.append(index) }
            }
            if !dropped.isEmpty { mentions = mentions.removing(offsets: dropped) }
            return Recognition(mentions: mentions, markers: state.markers)
        }
    }

    /// The entity a dictionary token stands for: the first entity entry, with
    /// entities whose parent the document already mentions preferred.
    func chooseEntity(_ entries: [LexiconEntry], state: NameUnits) -> Int? {
        chooseEntity(entries, inContext: true, state: state)
    }

    /// ``chooseEntity(_:state:)`` over a token's whole payload, without the contextual
    /// names unless they were `inContext`; no array is made (two passes at most).
    func chooseEntity(_ entries: [LexiconEntry], inContext: Bool, state: NameUnits) -> Int? {
        var first: Int? = nil
        var several = false
        for case let .entity(index, contextual) in entries where inContext || !contextual {
            if first == nil { first = index } else { several = true; break }
        }
        guard several else { return first }
        for case let .entity(index, contextual) in entries
        where (inContext || !contextual) && lexicon.ancestors[index].contains(where: { state.mentionedEntities.contains($0) }) {
            return index
        }
        return first
    }

    /// The mention of a token's component, if any: an organisation's name that begins with
    /// another organisation's full name mentions that one too: 中国科学院科技战略咨询研究院 →
    /// 中国科学院, unless the ontology gives it another parent (央视财经频道 is no 央视财经). Found
    /// from the token's bytes and `entity` alone.
    func component(of token: Token, entity: Int, cursor: TextCursor) -> Mention? {
        guard lexicon.ontology.entities[entity].type.isOrganisation else { return nil }
        var component: (end: Int, entity: Int)? = nil
        lexicon.trie.forEachPrefix(in: cursor.bytes, from: token.start) { end, value in
            guard end < token.end else { return false }
            for case let .entity(index, false) in lexicon.payloads[Int(value)]
            where lexicon.ontology.entities[index].type.isOrganisation
                && Self.isNamed(lexicon.ontology.entities[index].name, UnsafeBufferPointer(rebasing: cursor.bytes[token.start..<end]))
                && (lexicon.ancestors[entity].isEmpty || lexicon.ancestors[entity].contains(index)) {
                component = (end, index)
            }
            return true
        }
        guard let component else { return nil }
        return Mention(range: token.start..<component.end, type: lexicon.ontology.entities[component.entity].type,
                       surface: cursor.text(token.start..<component.end), entityIndex: component.entity,
                       rule: "dictionary:component", key: Mention.entityKey(component.entity))
    }

    /// Whether `name` is the text of `bytes`, as `name == String(decoding: bytes, as: UTF8.self)`
    /// answers: the same bytes are the same text, and different plain bytes (``PlainUTF8``, whose
    /// scalars have no canonical equivalents) are different text; only other text is compared
    /// as `String`s.
    static func isNamed(_ name: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var name = name
        let answer: Bool? = name.withUTF8 { utf8 in
            if utf8.count == bytes.count, utf8.elementsEqual(bytes) { return true }
            if PlainUTF8.plainCount(utf8) != nil, PlainUTF8.plainCount(bytes) != nil { return false }
            return nil
        }
        return answer ?? (name == String(decoding: bytes, as: UTF8.self))
    }

    /// Extends the last mention, a zone, over a district in parentheses.
    private func extendZoneDistrict(_ state: inout NameUnits, cursor: TextCursor, namePatterns: NamePatterns) {
        guard let last = state.units.last, case let .mention(index) = last.kind, var mention = state.mentions[index],
              mention.type == .zone, let end = namePatterns.parenthesisedDistrict(after: mention.range.upperBound, cursor: cursor)
        else { return }
        mention.range = mention.range.lowerBound..<end
        mention.surface = cursor.text(mention.range)
        state.mentions[index] = mention
        state.units[state.units.count - 1].range = mention.range
    }
}

/// What a payload's entries hold, as bits: the recognizer's token loop reads these instead
/// of walking the entries five times (markers, entities, suffixes, stop, soft stop).
struct PayloadKinds: OptionSet, Sendable {
    let rawValue: UInt8

    static let marker = PayloadKinds(rawValue: 1 << 0)
    /// An entity name that matches anywhere.
    static let entity = PayloadKinds(rawValue: 1 << 1)
    /// An entity name that matches only in context (after its parent).
    static let contextualEntity = PayloadKinds(rawValue: 1 << 2)
    static let suffix = PayloadKinds(rawValue: 1 << 3)
    static let stop = PayloadKinds(rawValue: 1 << 4)
    static let softStop = PayloadKinds(rawValue: 1 << 5)

    init(rawValue: UInt8) { self.rawValue = rawValue }

    init(_ entries: [LexiconEntry]) {
        var kinds: PayloadKinds = []
        for entry in entries {
            switch entry {
            case .marker: kinds.insert(.marker)
            case let .entity(_, contextual): kinds.insert(contextual ? .contextualEntity : .entity)
            case .suffix: kinds.insert(.suffix)
            case .stop: kinds.insert(.stop)
            case .softStop: kinds.insert(.softStop)
            case .word: break
            }
        }
        self = kinds
    }
}
