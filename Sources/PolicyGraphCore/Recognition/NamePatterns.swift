/// Builds names that the dictionary does not hold from suffixes
/// (有限公司, 研究院, 高新区, 管委会, 乡 …) and the text before them.
///
/// The left edge of a name is found by walking back from the suffix over the
/// units already recognised and the raw characters between them:
/// - an organisation or zone just before it begins the name and may itself be
///   preceded by further organisations (中国科学院科技战略咨询研究院 + …研究所);
/// - a region begins the name and ends the walk (南昌 + 科勒有限公司);
/// - a stop word, punctuation, a digit or white space ends the walk; a soft
///   stop (与, 和) is crossed only when an organisation follows it closely on
///   the left (…研究院节能与环保研究所);
/// - a walk longer than the rule's body length fails, so that a sentence is
///   never taken for a name.
/// The suffix's anchor says what must begin the name, and generic bodies
/// (子公司, 该集团) make no name.
struct NamePatterns {
    let lexicon: Lexicon
    var patterns: PatternLexicon { lexicon.ontology.patterns }

    /// Tries to make a name ending with the suffix `token` under `rule`.
    /// On success the absorbed units are replaced by the new mention.
    func apply(rule: SuffixRule, ruleIndex: Int, token: Token, cursor: TextCursor, state: inout NameUnits) -> Bool {
        var position = token.start
        var unitIndex = state.units.count - 1
        var bodyScalars = 0
        var anchor: Mention? = nil
        var anchorStart = token.start
        let maximumBody = rule.bodyLength.upperBound
        walk: while true {
            if unitIndex >= 0, state.units[unitIndex].range.upperBound == position {
                let unit = state.units[unitIndex]
                switch unit.kind {
                case let .mention(index):
                    guard let mention = state.mentions[index], mention.type != .person, mention.type != .policy else { break walk }
                    if anchor != nil && bodyScalars > 0 && anchor!.type == .region { break walk }
                    anchor = mention
                    anchorStart = unit.range.lowerBound
                    position = unit.range.lowerBound
                    unitIndex -= 1
                    if mention.type == .region {
                        // 中央财经大学 + 中国互联网经济研究院: a unit of an organisation may start with a place.
                        // So may a body's branch named by its place: 海关总署 + 广东分署.
                        if rule.type == .institution || rule.type == nil || rule.anchor == .organisation, unitIndex >= 0,
                           state.units[unitIndex].range.upperBound == position,
                           let owner = state.mention(state.units[unitIndex]), owner.type.isOrganisation {
                            anchor = owner
                            anchorStart = state.units[unitIndex].range.lowerBound
                            position = anchorStart
                            unitIndex -= 1
                        }
                        // 古田县 + 大甲镇 + 工业集中区: a township built by a pattern
                        // names its zone together with the county just before it.
                        if rule.type == .zone, mention.rule.hasPrefix("suffix:"), unitIndex >= 0,
                           state.units[unitIndex].range.upperBound == position,
                           let county = state.mention(state.units[unitIndex]), county.type == .region {
                            anchorStart = state.units[unitIndex].range.lowerBound
                            position = anchorStart
                            unitIndex -= 1
                        }
                        break walk
                    }
                    // Further left, only directly adjacent organisations chain on.
                    while unitIndex >= 0, state.units[unitIndex].range.upperBound == position,
                          let prior = state.mention(state.units[unitIndex]), prior.type.isOrganisation || prior.type == .region {
                        if prior.type == .region && rule.type == .region { break }
                        anchor = prior
                        anchorStart = state.units[unitIndex].range.lowerBound
                        position = anchorStart
                        unitIndex -= 1
                        if prior.type == .region { break }
                    }
                    break walk
                case .stop:
                    break walk
                case .softStop:
                    guard organisationCloselyBefore(unit.range.lowerBound, unitIndex: unitIndex - 1, cursor: cursor, state: state,
                                                    allowingRegion: rule.type == .company) else { break walk }
                    position = unit.range.lowerBound
                    bodyScalars += 1
                    unitIndex -= 1
                    continue walk
                case .text:
                    position = unit.range.lowerBound
                    bodyScalars += cursor.scalarCount(unit.range)
                    unitIndex -= 1
                    if bodyScalars > maximumBody { return false }
                    continue walk
                }
            }
            guard let (scalar, start) = cursor.scalar(before: position) else { break }
            if scalar == .rightParenWide || scalar == .rightParen, rule.type == .company,
               let open = matchingOpen(before: start, cursor: cursor) {
                position = open
                bodyScalars += 1
                while unitIndex >= 0, state.units[unitIndex].range.lowerBound >= position { unitIndex -= 1 }
                continue
            }
            guard ScalarClass.isIdeograph(scalar) || (ScalarClass.isASCIIAlphanumeric(scalar) && !ScalarClass.isDigit(scalar))
                    || scalar == 0xB7 else { break }
            if unitIndex >= 0, state.units[unitIndex].range.upperBound > start { break }
            // 3家上市公司: a character after a number is a measure word, not a name.
            if let (before, _) = cursor.scalar(before: start), ScalarClass.isDigit(before) { break }
            position = start
            bodyScalars += 1
            if bodyScalars > maximumBody { return false }
        }

        // The anchor the rule asks for.
        // The body's scalars counted on its bytes (normalised text is valid UTF-8, so these are
        // its `unicodeScalars`); its `String` is made only for the generic test.
        let bodyRange = (anchor?.range.upperBound ?? position)..<token.start
        let bodyLength = cursor.scalarCount(bodyRange)
        guard rule.bodyLength.contains(bodyLength) else { return false }
        if let anchor {
            guard anchorAllowed(anchor, rule: rule) else { return false }
        } else {
            guard rule.anchor == .none, !isGeneric(cursor.text(bodyRange), company: rule.type == .company) else { return false }
        }
        if anchor?.type == .region, rule.anchor == .none, isGeneric(cursor.text(bodyRange), company: rule.type == .company) { return false }

        let type: EntityType = rule.type ?? inheritedType(anchor)
        var start = position
        var end = token.end
        // A zone's district in parentheses belongs to its name: 杭州高新区（滨江）.
        if type == .zone || type == .government, let extended = parenthesisedDistrict(after: end, cursor: cursor) { end = extended }
        // A region rule names the part after its anchor: 沧县 + 杜林乡; one that
        // needs no body of its own names the whole: 南京 + 都市圈.
        let wholeRegion = type == .region && rule.bodyLength.lowerBound == 0
        if type == .region, !wholeRegion, let anchor {
            start = anchor.range.upperBound
        }
        var surface = cursor.text(start..<end)
        var key = "\(type.rawValue):\(surface)"
        var entityIndex: Int? = nil
        // 国家电网 + 公司: the same company under its legal form.
        if let anchor, anchor.type == .company, type == .company, bodyLength == 0 {
            key = anchor.key
            entityIndex = anchor.entityIndex
        }
        var extraAliases: [String] = []
        if let anchor, anchor.type == .region, type != .region, anchor.range.lowerBound == start {
            let own = cursor.text(anchor.range.upperBound..<end)
            if own.unicodeScalars.count >= 4 { extraAliases.append(own) }
        }
        // A loop, not `first(where:)`: the closure would copy `self`, and with it the whole lexicon.
        var knownOfType: Int? = nil
        for index in lexicon.ontology.indexes(named: surface) where lexicon.ontology.entities[index].type == type {
            knownOfType = index
            break
        }
        if let known = knownOfType {
            entityIndex = known
            key = Mention.entityKey(known)
            surface = cursor.text(start..<end)
        }

        // Replace the absorbed units: regions and same-type parts disappear as
        // separate mentions; organisations and zones stay.
        while let last = state.units.last, last.range.lowerBound >= start, last.range.upperBound <= end {
            if case let .mention(index) = last.kind, let part = state.mentions[index] {
                let keep = (type == .region && !wholeRegion) || (part.type != .region && part.type != type) || (part.type == type && type == .institution)
                    || (part.type == type && type == .government)
                if !keep { state.mentions[index] = nil }
            }
            state.units.removeLast()
        }
        _ = state.addMention(Mention(range: start..<end, type: type, surface: surface, entityIndex: entityIndex,
                                     rule: "suffix:\(rule.suffix)", key: key, extraAliases: extraAliases))
        return true
    }

    private func anchorAllowed(_ anchor: Mention, rule: SuffixRule) -> Bool {
        switch rule.anchor {
        case .none, .entity: return anchor.type != .technology
        case .region: return anchor.type == .region && !isCountryLevel(anchor, for: rule)
        case .organisation: return anchor.type.isOrganisation
        case .government: return anchor.type == .government
        case .place: return anchor.type == .zone || anchor.type == .region
        case .anyregion: return anchor.type == .region
        }
    }

    /// Zones and lower regions need a place below a country (not 中国高新区).
    private func isCountryLevel(_ anchor: Mention, for rule: SuffixRule) -> Bool {
        guard rule.type == .zone || rule.type == .region else { return false }
        guard let index = anchor.entityIndex else { return false }
        return lexicon.ontology.entities[index].parentName == nil
    }

    private func inheritedType(_ anchor: Mention?) -> EntityType {
        switch anchor?.type {
        case .government, .zone, .region: return .government
        case .company: return .company
        default: return .institution
        }
    }

    /// Whether `body` names no one; for a company, a body made only of
    /// generic and industry words is generic too (an institute may be named
    /// by its field: 人工智能研究院).
    func isGeneric(_ body: String, company: Bool = false) -> Bool {
        var contiguous = body
        // Plain text against plain words: the bytes answer (no hashing, no normalising).
        if lexicon.words.genericWordsArePlain, let answer = contiguous.withUTF8({ bytes -> Bool? in
            guard let count = PlainUTF8.plainCount(bytes) else { return nil }
            let words = lexicon.words
            if words.genericBodyWords.contains(bytes) { return true }
            let cursor = TextCursor(bytes: bytes)
            if !bytes.isEmpty, words.genericPrefixWords.longest(at: 0, in: cursor) != nil { return true }
            // A quantifier anywhere: tried at each scalar's start.
            var position = 0
            while position < bytes.count {
                if words.genericQuantifierWords.longest(at: position, in: cursor) != nil { return true }
                position += UTF8Bytes.sequenceLength(lead: bytes[position])
            }
            guard company, count >= 2, count <= 16 else { return false }
            return Self.splits(bytes, into: lexicon.words.genericOrIndustryWords)
        }) {
            return answer
        }
        return isGenericAsStrings(body, company: company)
    }

    /// ``isGeneric(_:company:)`` by `String` comparisons: for text or words that are not plain.
    func isGenericAsStrings(_ body: String, company: Bool = false) -> Bool {
        if patterns.genericBodies.contains(body) { return true }
        if patterns.genericPrefixes.contains(where: { body.hasUTF8Prefix($0) }) { return true }
        if patterns.genericQuantifiers.contains(where: { body.containsUTF8($0) }) { return true }
        return company && isMadeOfGenericWords(body)
    }

    /// Whether plain `bytes` (at most 16 scalars) split wholly into `words`: the
    /// split of ``isMadeOfGenericWords(_:)`` on bytes, the reachable ends as bits.
    static func splits(_ bytes: UnsafeBufferPointer<UInt8>, into words: WordSet) -> Bool {
        precondition(bytes.count < 64, "a body is at most 16 plain scalars")
        let cursor = TextCursor(bytes: bytes)
        var reachable: UInt64 = 1
        var position = 0
        while position < bytes.count {
            if reachable & (1 << UInt64(position)) != 0 {
                words.forEachWord(at: position, in: cursor) { end in reachable |= 1 << UInt64(end) }
            }
            position += UTF8Bytes.sequenceLength(lead: bytes[position])
        }
        return reachable & (1 << UInt64(bytes.count)) != 0
    }

    /// Whether `body` splits wholly into generic bodies and industry words
    /// (芯片 + 设计, 新能源 + 科技, 全资 + 子): a description, not a name.
    /// Bodies are bounded by the rule's length, so the split is cheap.
    func isMadeOfGenericWords(_ body: String) -> Bool {
        let scalars = Array(body.unicodeScalars)
        guard scalars.count >= 2, scalars.count <= 16 else { return false }
        func isWord(_ from: Int, _ to: Int) -> Bool {
            var word = String.UnicodeScalarView()
            word.append(contentsOf: scalars[from..<to])
            let text = String(word)
            return patterns.genericBodies.contains(text) || patterns.industryWords.contains(text)
        }
        // reachable[i]: the first i scalars split into words.
        var reachable = [Bool](repeating: false, count: scalars.count + 1)
        reachable[0] = true
        for end in 1...scalars.count {
            for start in 0..<end where reachable[start] && isWord(start, end) {
                reachable[end] = true
                break
            }
        }
        return reachable[scalars.count]
    }

    /// Whether an organisation ends within a few characters left of `position`
    /// with no boundary between (节能 与 环保: the organisation before 节能).
    private func organisationCloselyBefore(_ position: Int, unitIndex: Int, cursor: TextCursor, state: NameUnits,
                                           allowingRegion: Bool) -> Bool {
        var scan = position
        var steps = 0
        while steps <= 6 {
            if unitIndex >= 0, state.units[unitIndex].range.upperBound == scan {
                if let mention = state.mention(state.units[unitIndex]) {
                    return mention.type.isOrganisation || (allowingRegion && mention.type == .region && steps >= 2)
                }
                return false
            }
            guard let (scalar, start) = cursor.scalar(before: scan), ScalarClass.isIdeograph(scalar) else { return false }
            scan = start
            steps += 1
        }
        return false
    }

    /// The start of the parenthesis that closes just before `index`.
    private func matchingOpen(before closeStart: Int, cursor: TextCursor) -> Int? {
        var scan = closeStart
        var steps = 0
        while steps < 10, let (scalar, start) = cursor.scalar(before: scan) {
            if scalar == .leftParenWide || scalar == .leftParen { return steps > 0 ? start : nil }
            guard ScalarClass.isIdeograph(scalar) else { return nil }
            scan = start
            steps += 1
        }
        return nil
    }

    /// The end of a parenthesis right after `index` that names a district
    /// (（滨江）, (新吴区), (夏泉金合作发展泉州片区)), or `nil`.
    func parenthesisedDistrict(after index: Int, cursor: TextCursor) -> Int? {
        guard let (open, contentStart) = cursor.scalar(at: index), open == .leftParenWide || open == .leftParen else { return nil }
        var scan = contentStart
        var scalars: [UInt32] = []
        while let (scalar, next) = cursor.scalar(at: scan), scalars.count <= 16 {
            if scalar == .rightParenWide || scalar == .rightParen {
                guard !scalars.isEmpty else { return nil }
                let endsWithDistrict = scalars.last.map { lexicon.ontology.patterns.districtEndings.contains($0) } ?? false // 区
                guard endsWithDistrict || scalars.count <= 3 else { return nil }
                return next
            }
            guard ScalarClass.isIdeograph(scalar) else { return nil }
            scalars.append(scalar)
            scan = next
        }
        return nil
    }
}
