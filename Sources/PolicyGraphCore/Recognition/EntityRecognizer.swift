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

    public init(lexicon: Lexicon) {
        self.lexicon = lexicon
        scanner = DictionaryScanner(lexicon: lexicon)
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
            var state = NameUnits()

            // 1. Titles claim their spans; policies and periodicals become mentions.
            let titles = TitleRecognizer(patterns: patterns, words: lexicon.words).titles(in: cursor)
            var titleMentions: [Mention] = []
            for title in titles {
                switch title.titleClass {
                case .policy?, .named?:
                    let short = lexicon.words.shortTitles.contains(title.core)
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
            var titleIndex = 0
            let namePatterns = NamePatterns(lexicon: lexicon)
            var pendingTitles = titleMentions[...]
            for token in tokens {
                while titleIndex < titles.count, titles[titleIndex].outer.upperBound <= token.start { titleIndex += 1 }
                if let last = state.units.last, token.start < last.range.upperBound { continue }
                while let first = pendingTitles.first, first.range.lowerBound < token.start {
                    _ = state.addMention(first)
                    pendingTitles.removeFirst()
                }
                // The payload itself, not a filtered copy: only the entity choice skips
                // contextual names found out of context (``DictionaryScanner/entries(of:)``).
                let entries = lexicon.payloads[Int(token.payload)]
                for case let .marker(kind) in entries { state.markers.append(Marker(range: token.range, kind: kind)) }
                let insideTitle = titleIndex < titles.count && titles[titleIndex].outer.lowerBound < token.end
                    && titles[titleIndex].outer.upperBound > token.start
                if let entity = chooseEntity(entries, inContext: token.inContext, state: state) {
                    _ = state.addMention(Mention(range: token.range, type: lexicon.ontology.entities[entity].type,
                                                 surface: cursor.text(token.range), entityIndex: entity, rule: "dictionary",
                                                 key: Mention.entityKey(entity)))
                    addComponent(of: token, entity: entity, state: &state, cursor: cursor)
                    if !insideTitle { extendZoneDistrict(&state, cursor: cursor, namePatterns: namePatterns) }
                    continue
                }
                var handled = false
                // Names are not built inside titles: 《…示范区建设方案》 names no zone.
                for case let .suffix(ruleIndex) in entries where !insideTitle {
                    let rule = patterns.suffixes[ruleIndex]
                    if namePatterns.apply(rule: rule, ruleIndex: ruleIndex, token: token, cursor: cursor, state: &state) {
                        handled = true
                        break
                    }
                }
                if handled { continue }
                if entries.contains(.stop) {
                    state.units.append(.init(range: token.range, kind: .stop))
                } else if entries.contains(.softStop) {
                    state.units.append(.init(range: token.range, kind: .softStop))
                } else {
                    state.units.append(.init(range: token.range, kind: .text))
                }
            }
            for title in pendingTitles { _ = state.addMention(title) }

            var mentions = state.mentions.compactMap { $0 }
            mentions.sort { $0.range.lowerBound < $1.range.lowerBound }
            mentions = PlaceInWords(patterns: lexicon.ontology.patterns).resolve(mentions, cursor: cursor)
            mentions = AliasResolution(lexicon: lexicon).resolve(mentions, cursor: cursor, titles: titles, markers: state.markers)
            mentions = LocalBodies(lexicon: lexicon).resolve(mentions, cursor: cursor)
            mentions = ListHeads(lexicon: lexicon).resolve(mentions, cursor: cursor)
            mentions = JointBodies(lexicon: lexicon).resolve(mentions, cursor: cursor)
            mentions = CompanyContexts(lexicon: lexicon).resolve(mentions, cursor: cursor)
            mentions = MeasurePackages(patterns: lexicon.ontology.patterns, words: lexicon.words).resolve(mentions, cursor: cursor)
            mentions = ZoneForms(patterns: lexicon.ontology.patterns).resolve(mentions)
            mentions = LatinCompanies(patterns: lexicon.ontology.patterns).resolve(mentions, cursor: cursor)
            // Names recognised only so that nothing shorter matches inside them (欧洲, 东南亚).
            mentions.removeAll { $0.entityIndex.map { !lexicon.ontology.entities[$0].isReported } ?? false }
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

    /// An organisation's name that begins with another organisation's full
    /// name mentions that one too: 中国科学院科技战略咨询研究院 → 中国科学院,
    /// unless the ontology gives it another parent (央视财经频道 is no 央视财经).
    private func addComponent(of token: Token, entity: Int, state: inout NameUnits, cursor: TextCursor) {
        guard lexicon.ontology.entities[entity].type.isOrganisation else { return }
        var component: (end: Int, entity: Int)? = nil
        lexicon.trie.forEachPrefix(in: cursor.bytes, from: token.start) { end, value in
            guard end < token.end else { return false }
            for case let .entity(index, false) in lexicon.payloads[Int(value)]
            where lexicon.ontology.entities[index].type.isOrganisation && lexicon.ontology.entities[index].name == cursor.text(token.start..<end)
                && (lexicon.ancestors[entity].isEmpty || lexicon.ancestors[entity].contains(index)) {
                component = (end, index)
            }
            return true
        }
        guard let component else { return }
        state.mentions.append(Mention(range: token.start..<component.end, type: lexicon.ontology.entities[component.entity].type,
                                      surface: cursor.text(token.start..<component.end), entityIndex: component.entity,
                                      rule: "dictionary:component", key: Mention.entityKey(component.entity)))
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
