import Foundation

/// Extracts dated targets: who will do or reach what, when.
///
/// Rules, each with a stable id that the output records:
/// - `target.time`: a time expression that looks ahead (not past, not a
///   baseline such as 较2020年, not inside a policy's title) anchors a target;
/// - subject, in order: `subject.after-time` (2024年，北京将…: a holder right
///   after the time), `subject.nearest` (the nearest holder before the time in
///   the sentence, with its coordinated list: 上汽、广汽、长安等车企), and
///   `subject.carried` (the last holder of the paragraph when the sentence
///   names none: …今年将完善…);
/// - the action is the first target verb after the time in the sentence
///   (a light verb such as 实现 gives way to the action after it), the topic
///   the words between the time and the action, else after it, else the
///   sentence's technology term; the value a quantity with its unit after it;
/// - modality by the holder: companies promise, bodies, policies and places set
///   goals, institutions forecast;
/// - `target.list`: after 指标：, each clause with an action and a value is a
///   target of the same holder and time.
struct TargetExtractor {
    let vocabulary: TargetVocabulary
    let future: WordMatcher
    let past: WordMatcher
    /// ``future`` and ``past``'s start gates in one, for the sentence word lists (``SentenceWords``).
    let futureOrPast: PairedStartGate
    let goal: WordMatcher
    /// 宣布, 表示: verbs of announcing, whose time is no target's.
    let announcing: WordMatcher
    /// 迎来: verbs of a period's occasions, whose time is no target's.
    let occasions: WordMatcher
    /// 预计, 有望, 可能: forecast cues.
    let forecastWords: WordMatcher
    /// Words after a holder that make it a speaker (提出, 表示, 将, 计划 …).
    let stating: WordMatcher
    /// Their first scalars, for the gate of ``isSpeaker(_:cursor:)``.
    let statingFirstScalars: (bits: [UInt64], others: Bool)
    /// The technology lexicon's names and aliases.
    let technologies: WordMatcher
    let actions: WordMatcher
    /// Whether each of ``actions``' words is a light verb (``TargetVocabulary/lightVerbs``), by the
    /// word's index: a word found is classed without hashing it.
    let actionIsLight: [Bool]
    let nouns: WordMatcher
    /// Ontology entities that are media (newspapers, agencies): they report targets, they hold none.
    let mediaEntities: Set<Int>
    /// Technology names and aliases → canonical names.
    let technologyCanonical: [String: String]
    /// ``technologyCanonical`` of each of ``technologies``' words, by the word's index: a word found
    /// is named without hashing it again.
    let technologyCanonicalByWord: [String?]
    /// Verbs by which a body issues a policy (印发, 发布): a policy issued in a
    /// paragraph holds the paragraph's goals (`subject.document`).
    let issuing: [String]
    /// Policy title endings that stand for a document named before (方案, 意见): 方案指，… (`subject.short-title`).
    let shortTitles: WordMatcher
    /// The time grammar, compiled once, with the ontology's time words (`patterns/time.tsv`).
    let timeNormalizer: TimeNormalizer
    /// Whether every scalar of ``TargetVocabulary/datelineOpeners`` and ``TargetVocabulary/datelineWires``
    /// is a character of its own, for the byte path of ``isDateline(_:cursor:)``.
    let datelineWordsAreSimple: Bool
    /// The same words as matchers: each question is one pass, not one comparison per word and place.
    let datelineOpeners: WordMatcher
    let datelineWires: WordMatcher
    /// ``TargetVocabulary/projectWords`` as bytes, for the byte path of ``locatesProject(_:cursor:)``.
    let projectWordBytes: [[UInt8]]?
    /// ``TargetVocabulary/affiliationTitles`` as bytes, for the byte path of ``isAffiliation(_:cursor:)``.
    let affiliationTitleBytes: [[UInt8]]
    /// The first scalars of the affiliation titles, one bit each below U+10000 (``TimeNormalizer/bits(_:)``):
    /// a holder followed by a plain scalar that opens no title is no affiliation, whichever path
    /// would read it. `nil` when a title's first scalar is not plain.
    let affiliationFirstScalars: [UInt64]?
    /// ``TargetVocabulary/projectWords`` as one matcher, for the byte path of ``locatesProject(_:cursor:)``.
    let projectMatcher: WordMatcher
    /// ``shortTitles``' words as bytes, for the byte path of ``shortTitleEndings(of:)``
    /// (`nil` when a word holds a scalar that is not plain).
    let shortTitleBytes: [[UInt8]]?
    /// The indices of ``shortTitleBytes`` by their last byte, in order: a name is compared
    /// only with the words that end with its last byte.
    let shortTitlesByLastByte: [[Int]]
    /// The first scalars of ``shortTitles``' words, for the gate of ``shortTitleSpeakers(holders:names:segments:cursor:)``.
    let shortTitleFirstScalars: (bits: [UInt64], others: Bool)
    /// The topic words as scalars, for the scalar path of ``findTopic(between:action:sentence:cursor:)``
    /// (`nil` when a word holds a scalar that path does not cover).
    let topicScalars: TopicScalars?
    /// The issuing verbs as bytes, for the byte path of ``isIssued(_:cursor:)`` (`nil`: the `String` path).
    let issuingBytes: PlainWords?
    /// `fact-after` words, copulas and attributes as bytes, for the byte path of
    /// ``isTarget(_:sentence:cursor:policyRanges:reference:)`` (`nil`: the `String` path).
    let factAfterBytes: PlainWords?
    let copulaBytes: PlainWords?
    let attributeBytes: PlainWords?
    /// ``stating`` and ``goal`` words as bytes, and the last scalars of the prepositions,
    /// for the byte path of ``modifiesNoun(_:cursor:)`` (`nil`: the `String` path).
    let statingBytes: PlainWords?
    let goalBytes: PlainWords?
    let prepositionEndings: Set<UInt32>?
    /// ``TargetVocabulary/mediaEndings`` as bytes, for the byte path of ``isDateline(_:cursor:)``.
    let mediaEndingBytes: PlainWords?
    /// ``TargetVocabulary/reportTitles`` as bytes, for the byte path of ``firstLineNamesReport(end:cursor:)``.
    let reportTitleBytes: PlainWords?
    /// ``TargetVocabulary/leaderTitles`` and ``TargetVocabulary/goalNouns`` as bytes, for the byte
    /// paths of ``endsWithLeaderTitle(before:cursor:)`` and ``namesGoalNoun(_:cursor:)``.
    let leaderTitleBytes: PlainWords?
    let goalNounBytes: PlainWords?
    /// The value rule's words as bytes (``findValue(in:cursor:)``): multipliers, units (the
    /// vocabulary's order), the range words (至) and the approximations after a value.
    let valueMultiplierBytes: [[UInt8]]
    let unitBytes: [[UInt8]]
    let valueTailBytes: [[UInt8]]
    let rangeWordBytes: [[UInt8]]
    /// The `baseline` words (较, 比) and the `source-lead` words (据) as bytes.
    let baselineBytes: [[UInt8]]
    let sourceLeadBytes: [[UInt8]]
    /// The scalars that may end the text before an issuing verb's policy: 《, “, ", a space and the
    /// `aspect` words (了); those between a time and the subject after it: ，, ',', a space and the
    /// `time-suffix` words (度).
    let issuedLeadScalars: Set<UInt32>
    let timeSubjectGapScalars: Set<UInt32>
    /// What may stand between holders listed together: 、, commas and the `holder-joiner` words.
    let holderJoiners: Set<String>
    /// ``TargetVocabulary/indicatorCues`` as bytes, for ``headingYearTargets(report:times:segments:cursor:text:)``.
    let indicatorCueBytes: [[UInt8]]

    init(vocabulary: TargetVocabulary, technologyNames: [String], mediaEntities: Set<Int>, technologyCanonical: [String: String],
         issuing: [String] = [], shortTitles: [String] = [], timeNormalizer: TimeNormalizer = TimeNormalizer()) {
        self.vocabulary = vocabulary
        self.timeNormalizer = timeNormalizer
        projectWordBytes = Self.simpleWordBytes(vocabulary.projectWords)
        datelineWordsAreSimple = Self.simpleWordBytes(vocabulary.datelineOpeners) != nil && Self.simpleWordBytes(vocabulary.datelineWires) != nil
        datelineOpeners = WordMatcher(vocabulary.datelineOpeners)
        datelineWires = WordMatcher(vocabulary.datelineWires)
        affiliationTitleBytes = vocabulary.affiliationTitles.map { Array($0.utf8) }
        affiliationFirstScalars = Self.firstScalarBits(vocabulary.affiliationTitles)
        projectMatcher = WordMatcher(vocabulary.projectWords)
        topicScalars = TopicScalars(vocabulary: vocabulary, noise: vocabulary.topicNoise)
        self.issuing = issuing
        issuingBytes = PlainWords(issuing)
        mediaEndingBytes = PlainWords(vocabulary.mediaEndings)
        reportTitleBytes = PlainWords(vocabulary.reportTitles)
        leaderTitleBytes = PlainWords(vocabulary.leaderTitles)
        goalNounBytes = PlainWords(vocabulary.goalNouns)
        func bytes(_ words: [String]) -> [[UInt8]] { words.map { Array($0.utf8) }.filter { !$0.isEmpty } }
        valueMultiplierBytes = bytes(vocabulary.multipliers)
        unitBytes = vocabulary.units.map { Array($0.utf8) }
        valueTailBytes = bytes(vocabulary.valueTails)
        rangeWordBytes = bytes(vocabulary.rangeWords)
        baselineBytes = bytes(vocabulary.baselineWords)
        sourceLeadBytes = bytes(vocabulary.sourceLeads)
        let oneScalar = { (words: [String]) in words.compactMap { $0.unicodeScalars.count == 1 ? $0.unicodeScalars.first?.value : nil } }
        issuedLeadScalars = Set([0x300A, 0x201C, 0x22, 0x20] + oneScalar(vocabulary.aspectWords))
        timeSubjectGapScalars = Set([0xFF0C, 0x2C, 0x20] + oneScalar(vocabulary.timeSuffixes))
        holderJoiners = Set(["、", ",", "，"] + vocabulary.holderJoiners)
        indicatorCueBytes = vocabulary.indicatorCues.map { Array($0.utf8) }
        factAfterBytes = PlainWords(vocabulary.factAfterWords)
        copulaBytes = PlainWords(vocabulary.copulas)
        attributeBytes = PlainWords(vocabulary.attributes)
        prepositionEndings = PlainWords(vocabulary.prepositions).map { words in
            Set(words.words.map { word in word.withUnsafeBufferPointer { UTF8Bytes.scalar(in: $0, at: PlainUTF8.plainStart($0, before: $0.count)!).value } })
        }
        self.shortTitles = WordMatcher(shortTitles)
        let endingWords = self.shortTitles.words
        shortTitleBytes = endingWords.allSatisfy { !$0.isEmpty && $0.unicodeScalars.allSatisfy { TopicScalars.isPlain($0.value) } }
            ? endingWords.map { Array($0.utf8) } : nil
        var byLastByte = [[Int]](repeating: [], count: 256)
        for (index, word) in (shortTitleBytes ?? []).enumerated() { byLastByte[Int(word[word.count - 1])].append(index) }
        shortTitlesByLastByte = byLastByte
        shortTitleFirstScalars = Self.threeByteFirstScalars(endingWords)
        future = WordMatcher(vocabulary.futureWords)
        past = WordMatcher(vocabulary.pastWords)
        futureOrPast = PairedStartGate(future, past)
        goal = WordMatcher(vocabulary.goalWords)
        forecastWords = WordMatcher(vocabulary.forecastWords)
        announcing = WordMatcher(vocabulary.announcingWords)
        occasions = WordMatcher(vocabulary.occasionWords)
        stating = WordMatcher(vocabulary.reportingWords + vocabulary.promiseWords + vocabulary.futureWords)
        technologies = WordMatcher(technologyNames)
        actions = WordMatcher(vocabulary.actions)
        actionIsLight = actions.words.map { vocabulary.lightVerbs.contains($0) }
        nouns = WordMatcher(vocabulary.nouns)
        statingBytes = PlainWords(stating.words)
        statingFirstScalars = Self.threeByteFirstScalars(stating.words)
        goalBytes = PlainWords(goal.words)
        self.mediaEntities = mediaEntities
        self.technologyCanonical = technologyCanonical
        technologyCanonicalByWord = technologies.words.map { technologyCanonical[$0] }
    }

    /// Where the holders that ``extract(text:cursor:segments:mentions:names:reference:boundHolders:)``
    /// can ask for end: it reads the holders before each time and in its sentence (the subjects,
    /// the speakers and the holders carried on), and the report's region among the first
    /// ``reportRegionReach`` bytes (``reportHolder(holders:names:cursor:)``). So no holder that
    /// starts at or after the end of the last time's sentence, and past that reach, is read: the
    /// bound is the larger of the two (the last time's start when it lies in no sentence, since
    /// every sentence of an earlier time ends before it; the reach alone when there is no time).
    static func holderBound<Times: BidirectionalCollection<TimeExpression>>(times: Times, segments: TextSegments) -> Int {
        guard let last = times.last else { return reportRegionReach }
        let end = segments.sentenceIndex(containing: last.range.lowerBound).map { segments.sentences[$0].range.upperBound }
            ?? last.range.lowerBound
        return max(reportRegionReach, end)
    }

    /// The holders that start before `bound`, as indices into `mentions` (a Mention is costly to
    /// copy), with their output names; a mention whose key has no name is none.
    ///
    /// Each name is looked up once, without a cache: an ontology entity's key (`entity:` and its
    /// number) is read as an integer by ``EntityNames``, which costs less than hashing the entity
    /// into a dictionary of the last answers (what this did before).
    static func namedHolders(_ mentions: [Mention], names: EntityNames, before bound: Int) -> (indices: [Int], names: [String]) {
        var indices: [Int] = []
        var holderNames: [String] = []
        for index in mentions.indices where isHolderType(mentions[index].type) && mentions[index].range.lowerBound < bound {
            guard let name = names[mentions[index].key] else { continue }
            indices.append(index)
            holderNames.append(name)
        }
        return (indices, holderNames)
    }

    /// A stretch of the sentence around `range`, bounded so that checks cost a constant.
    func window(_ sentence: TextSegments.Sentence, around range: Range<Int>, cursor: TextCursor) -> Range<Int> {
        var start = max(sentence.range.lowerBound, range.lowerBound - 450)
        while start < range.lowerBound, UTF8Bytes.isContinuation(cursor.bytes[start]) { start += 1 }
        var end = min(sentence.range.upperBound, range.upperBound + 450)
        while end > range.upperBound, end < cursor.bytes.count, UTF8Bytes.isContinuation(cursor.bytes[end]) { end -= 1 }
        return start..<end
    }

    struct Holder {
        var mention: Mention
        var name: String
    }

    struct Found {
        var target: ExtractedTarget
        var subjectRange: Range<Int>
    }

    /// Whether a mention of `type` can hold a target (a switch: a `Set<EntityType>` hashes the raw value, a `String`).
    static func isHolderType(_ type: EntityType) -> Bool {
        switch type {
        case .government, .company, .institution, .policy, .zone, .region, .person: return true
        case .technology: return false
        }
    }

    /// - Parameter boundHolders: read only the holders that can be asked for (``holderBound(times:segments:)``);
    ///   `false` reads every holder, what tests compare the bound with.
    func extract(text: NormalizedText, cursor: TextCursor, segments: TextSegments, mentions: [Mention], names: EntityNames,
                 reference: ReferenceDate?, boundHolders: Bool = true) -> [ExtractedTarget] {
        // The times first: the holders and the title speakers past them are never asked for, and are not read.
        // Their texts are made only for the targets (``makeTarget``), not for every time found.
        let allTimes = timeNormalizer.expressions(in: cursor.bytes, reference: reference, texts: false)
        // The policies' ranges read in place (a filter would copy each policy's Mention).
        var policyRangeList: [Range<Int>] = []
        for index in mentions.indices where mentions[index].type == .policy { policyRangeList.append(mentions[index].range) }
        let policyRanges = OverlapIndex(policyRangeList)
        // Past the last time that can give a target the loop only walks holders and title speakers:
        // those times are not walked, and the holders after them not read.
        let times = boundHolders
            ? allTimes[..<candidateEnd(of: allTimes, segments: segments, cursor: cursor, policyRanges: policyRanges, reference: reference)]
            : allTimes[...]
        let holderBound = boundHolders ? Self.holderBound(times: times, segments: segments) : Int.max
        let (allHolders, allHolderNames) = Self.namedHolders(mentions, names: names, before: holderBound)
        var results: [ExtractedTarget] = []
        // Keys hashed as bytes (CanonicalKey): a String key is normalised on every hash.
        var seen: Set<CanonicalKey> = []
        // The bytes of the key being made, kept from one key to the next.
        var keyBytes: [UInt8] = []
        // The last organisation or policy of the paragraph (an index into `holders`), the last issued
        // policy's, and the last holder of a target in it: kept and asked for in text order.
        var lastHolderByParagraph = LastInParagraph<Int>()
        // The sentence of the next holder read, walked forward (holders come in text order).
        var holderSentence = 0
        var lastSpeaker: Holder? = nil
        var holderIndex = 0
        var usedHolders = LastInParagraph<Holder>()
        var holders: [Mention] = []
        var holderNames: [String] = []
        // Sized once: most holders stay (grown step by step, they took 7 new buffers a text).
        holders.reserveCapacity(allHolders.count)
        holderNames.reserveCapacity(allHolders.count)
        for (index, mention) in allHolders.enumerated() where keepsHolder(mentions, at: mention, cursor: cursor) {
            holders.append(mentions[mention])
            holderNames.append(allHolderNames[index])
        }
        let holderStarts = SortedStarts(holders)
        /// The holders that start in `range`, by binary search.
        func holdersStarting(in range: Range<Int>) -> ArraySlice<Mention> {
            holders[holderStarts.firstIndex(atOrAfter: range.lowerBound)..<holderStarts.firstIndex(atOrAfter: range.upperBound)]
        }
        // The last holder of a person's affiliation so far, as its index in allHolders (a Mention is
        // costly to copy): asked only for the affiliations of the persons among a target's holders
        // (most texts name none), each compared with the holders' keys, not every key hashed.
        var affiliated = LastKeyedHolder()
        var allIndex = 0
        // subject.document: the last policy named in each paragraph; subject.report: a work report's region.
        var lastPolicyByParagraph = LastInParagraph<Int>()
        var speakerParagraph = -1
        var lastNamed: Mention? = nil
        let report = reportHolder(holders: holders, names: names, cursor: cursor)
        // Only the title speakers before the last time are asked for (before a time that starts after them).
        let titleSpeakers = shortTitleSpeakers(holders: holders, names: names, segments: segments, cursor: cursor,
                                               before: boundHolders ? times.last?.range.lowerBound ?? 0 : Int.max)
        // Sized once (most texts give fewer targets than times): grown step by step, every key was hashed again.
        seen.reserveCapacity(times.count)
        var titleSpeakerIndex = 0
        var lastSpeakerAt = -1
        var speakerIsTitle = false
        // The future and past words of the sentence of the current time, listed once per sentence.
        var sentenceWords = SentenceWords()

        for time in times {
            guard let sentenceIndex = segments.sentenceIndex(containing: time.range.lowerBound) else { continue }
            let sentence = segments.sentences[sentenceIndex]
            // Holders mentioned before this time in the paragraph are remembered for carrying over.
            while holderIndex < holders.count, holders[holderIndex].range.upperBound <= time.range.lowerBound {
                let mention = holders[holderIndex]
                let name = holderNames[holderIndex]
                // segments.sentenceIndex(containing:), walked forward: the first sentence that ends after the start, if it holds it.
                while holderSentence < segments.sentences.count, segments.sentences[holderSentence].range.upperBound <= mention.range.lowerBound {
                    holderSentence += 1
                }
                let paragraph = holderSentence < segments.sentences.count && segments.sentences[holderSentence].range.contains(mention.range.lowerBound)
                    ? segments.sentences[holderSentence].paragraph : -1
                if mention.type.isOrganisation || mention.type == .policy {
                    lastHolderByParagraph.keep(holderIndex, in: paragraph)
                }
                if mention.type == .policy, isIssued(mention, cursor: cursor) {
                    lastPolicyByParagraph.keep(holderIndex, in: paragraph)
                }
                if mention.type.isOrganisation { lastNamed = mention }
                // Policies are carried on only when they state something (《意见》提出).
                // A policy that opens a clause without stating anything is a new topic
                // (a headline): nothing is carried across it.
                let opensClause = isClauseInitial(mention, cursor: cursor)
                // The clause test first (both tests only read the text): a holder that opens a clause
                // and locates no project carries on without the look for a stating word.
                if (opensClause && mention.type != .policy && !locatesProject(mention, cursor: cursor)) || isSpeaker(mention, cursor: cursor) {
                    lastSpeaker = Holder(mention: mention, name: name)
                    speakerParagraph = paragraph
                    lastSpeakerAt = mention.range.lowerBound
                    speakerIsTitle = false
                } else if opensClause && mention.type == .policy {
                    lastSpeaker = nil
                }
                holderIndex += 1
            }
            // subject.short-title: 方案指，… — the document named before speaks.
            while titleSpeakerIndex < titleSpeakers.count, titleSpeakers[titleSpeakerIndex].offset < time.range.lowerBound {
                let (offset, holder) = titleSpeakers[titleSpeakerIndex]
                if offset > lastSpeakerAt {
                    lastSpeaker = holder
                    speakerParagraph = segments.sentenceIndex(containing: offset).map { segments.sentences[$0].paragraph } ?? -1
                    lastSpeakerAt = offset
                    speakerIsTitle = true
                }
                titleSpeakerIndex += 1
            }
            guard isTarget(time, sentence: sentence, cursor: cursor, policyRanges: policyRanges, reference: reference, words: &sentenceWords)
            else { continue }
            // target.not-headline: a headline sums up the story below it, which states the target itself.
            if isHeadline(sentenceIndex, segments: segments, cursor: cursor), sentenceIndex + 1 < segments.sentences.count { continue }
            while allIndex < allHolders.count, mentions[allHolders[allIndex]].range.upperBound <= time.range.lowerBound {
                allIndex += 1
            }
            // A carried subject stays in its paragraph: the next paragraph may be about another holder.
            // It crosses a paragraph only when no other body or policy was named since (a headline, then its story).
            // A headline starts a new story: nothing from another paragraph is carried into it.
            let headline = isHeadline(sentenceIndex, segments: segments, cursor: cursor)
            let speaker = lastSpeaker.flatMap { speaker in
                let sameParagraph = speakerParagraph == sentence.paragraph || (lastNamed?.key == speaker.mention.key && !headline)
                return sameParagraph && time.range.lowerBound - speaker.mention.range.upperBound < 2400 ? speaker : nil
            }
            let sentenceLooksAhead = sentenceWords.future(in: window(sentence, around: time.range, cursor: cursor), future, bytes: cursor.bytes)
                || time.value.relation == .by
            var carried: (Holder, String)? = nil
            if sentenceLooksAhead {
                if let document = lastPolicyByParagraph.last(in: sentence.paragraph),
                   time.range.lowerBound - holders[document].range.upperBound < 1500 {
                    carried = (Holder(mention: holders[document], name: holderNames[document]), "subject.document")
                } else if let speaker {
                    carried = (speaker, speakerIsTitle ? "subject.short-title" : "subject.carried")
                } else if let holder = usedHolders.last(in: sentence.paragraph)
                            ?? lastHolderByParagraph.last(in: sentence.paragraph).map({ Holder(mention: holders[$0], name: holderNames[$0]) }) {
                    carried = (holder, "subject.carried")
                } else if let report {
                    carried = (report, "subject.report")
                }
            }
            // The sentence's holders and their names as slices: neither copied nor looked up again.
            let sentenceHolders = holderStarts.firstIndex(atOrAfter: sentence.range.lowerBound)..<holderStarts.firstIndex(atOrAfter: sentence.range.upperBound)
            guard case (var holders, var rule)? = subjects(of: time, sentence: sentence, cursor: cursor, holders: holders[sentenceHolders],
                                                 names: holderNames[sentenceHolders], carried: carried)
            else { continue }
            // subject.report: a government work report's goals are its province's or city's.
            if let report, holders.contains(where: { $0.mention.type != .person }) {
                holders = [report]
                rule = "subject.report"
            }
            // A company's spokesperson speaks for the company.
            if holders.contains(where: { $0.mention.type == .person && $0.mention.affiliation != nil }) {
                holders = holders.map { holder in
                    guard holder.mention.type == .person, let affiliation = holder.mention.affiliation,
                          let company = affiliated.last(of: affiliation, before: allIndex, keyOf: { mentions[allHolders[$0]].key })
                            .map({ mentions[allHolders[$0]] }),
                          company.type == .company, let name = names[company.key] else { return holder }
                    return Holder(mention: company, name: name)
                }
            }
            // subject.person-speaks: a person who speaks is rarely the holder. The statement's own
            // subject right after the time holds it (布拉策尔指出，“预计从2020年开始，德国…”); a leader
            // stating a goal speaks for the place or body named before him (德国总理默克尔承诺…);
            // otherwise a person holds only a forecast of his own, and a goal is left out.
            let timeClause = clause(containing: time.range.lowerBound, in: sentence)
            // Only when a person is among them; a loop, not a closure (which took a copy of the extractor).
            if holders.contains(where: { $0.mention.type == .person }) {
                var kept: [Holder] = []
                for holder in holders {
                    guard holder.mention.type == .person else { kept.append(holder); continue }
                    let statement = holdersStarting(in: time.range.upperBound..<max(time.range.upperBound, min(sentence.range.upperBound, time.range.upperBound + 12)))
                    if let subject = statement.first(where: { $0.type != .person }),
                       cursor.scalarCount(time.range.upperBound..<subject.range.lowerBound) <= 2, let name = names[subject.key] {
                        rule = "subject.person-speaks"
                        kept.append(Holder(mention: subject, name: name))
                        continue
                    }
                    let before = holdersStarting(in: sentence.range.lowerBound..<max(sentence.range.lowerBound, holder.mention.range.lowerBound))
                    // The text before the holder, once: a leader's title ends it.
                    let isLeader = endsWithLeaderTitle(before: holder.mention.range.lowerBound, cursor: cursor)
                    if isLeader,
                       let body = before.last(where: { $0.type == .region || $0.type == .government }),
                       holder.mention.range.lowerBound - body.range.upperBound <= 12, let name = names[body.key] {
                        rule = "subject.person-speaks"
                        kept.append(Holder(mention: body, name: name))
                        continue
                    }
                    // A leader (行政长官, 总理) stating a goal speaks for a government the text may not name: left out.
                    // Someone else's goal a person speaks of (实现到2025年的“六个一百”目标) is not his: left out.
                    if namesGoalNoun(timeClause, cursor: cursor) { continue }
                    guard isLeader else { kept.append(holder); continue }
                    let lead = min(holder.mention.range.upperBound, time.range.lowerBound)..<time.range.lowerBound
                    if !(goal.occurs(in: timeClause, of: cursor.bytes) || goal.occurs(in: lead, of: cursor.bytes)) { kept.append(holder) }
                }
                holders = kept
            }
            guard !holders.isEmpty else { continue }
            let scopeEnd = window(sentence, around: time.range, cursor: cursor).upperBound
            let afterTime = min(scopeEnd, max(time.range.upperBound, holders.map(\.mention.range.upperBound).max() ?? 0))
            // A target has a verb: 2024年统计重点领域 names no target.
            guard let action = findAction(in: afterTime..<scopeEnd, cursor: cursor) else { continue }
            let actionRange = action
            let topic = findTopic(between: afterTime, action: action, sentence: sentence, cursor: cursor)
            let valueSearchEnd = clauseEnd(after: actionRange.upperBound, sentence: sentence)
            let value = findValue(in: actionRange.upperBound..<valueSearchEnd, cursor: cursor)
            let quoteRange = quote(for: time, action: actionRange, sentence: sentence, holders: holders)
            // The document has taken over the story: its issuer is no longer the one speaking.
            if rule == "subject.document" { lastSpeaker = nil }
            for holder in holders {
                // Only bodies, companies and documents are carried on: a place named as a locator is no plan's holder.
                if holder.mention.type != .region && holder.mention.type != .zone { usedHolders.keep(holder, in: sentence.paragraph) }
                let modality = self.modality(for: holder.mention.type, clause: quoteRange, cursor: cursor)
                var target = makeTarget(holder: holder, time: time, action: cursor.text(action), topic: topic,
                                        value: value, modality: modality, quote: cursor.text(quoteRange), rule: rule,
                                        text: text, cursor: cursor, actionRange: action)
                // A topic that names no technology (横滨工厂) leaves it to the action's object: 试生产固态电池.
                if target.technology == nil, let named = technologies.first(in: action.upperBound..<valueSearchEnd, of: cursor.bytes) {
                    target.technology = technologyCanonicalByWord[named.word]
                }
                // …else the technology the sentence names before the time (钠离子电池2030年才能实现量产).
                if target.technology == nil {
                    let before = window(sentence, around: time.range, cursor: cursor).lowerBound..<time.range.lowerBound
                    if let named = technologies.last(in: before, of: cursor.bytes) {
                        target.technology = technologyCanonicalByWord[named]
                    }
                }
                let key = Self.joinedKey([target.subject, target.time.relation, String(target.time.year ?? 0), String(target.time.month ?? 0),
                                          target.topic ?? ""], buffer: &keyBytes)
                // target.list: a list of indicators after 指标： replaces its heading.
                let colon = listStart(after: time.range.upperBound, sentence: sentence, cursor: cursor)
                if colon == nil, seen.insert(key).inserted { results.append(target) }
                if let colon {
                    for clause in sentence.clauses where clause.lowerBound >= colon {
                        guard let itemAction = findAction(in: clause, cursor: cursor),
                              let itemValue = findValue(in: itemAction.upperBound..<clause.upperBound, cursor: cursor) else { continue }
                        var item = target
                        item.action = cursor.text(itemAction)
                        item.topic = cleanTopic(in: clause.lowerBound..<max(clause.lowerBound, itemAction.lowerBound), cursor: cursor)
                        item.value = itemValue
                        item.quote = cursor.text(clause)
                        item.rule = "target.list"
                        item.technology = technology(of: item.topic)
                        item.actionOffsets = originalOffsets(itemAction, text)
                        let itemKey = Self.joinedKey([item.subject, String(item.time.year ?? 0), item.topic ?? "", itemValue], buffer: &keyBytes)
                        if seen.insert(itemKey).inserted { results.append(item) }
                    }
                }
                target.rule = rule
            }
        }
        // target.heading-year: a report's indicator list without a time of its own (主要预期目标是：…)
        // takes the year of the section heading above it (三、2026年重点工作).
        if let report {
            results += headingYearTargets(report: report, times: allTimes, segments: segments, cursor: cursor, text: text)
        }
        // A work report states one goal per time that counts: the first (its headline indicator).
        if report != nil {
            var kept: Set<String> = []
            results = results.filter { kept.insert("\($0.subject)|\($0.time.relation)|\($0.time.year ?? 0)|\($0.time.month ?? 0)").inserted }
        }
        return results
    }

    // MARK: Time

    /// How many of `times` (in text order) the loop of ``extract(text:cursor:segments:mentions:names:reference:boundHolders:)``
    /// walks: up to the last that stands in a sentence, passes ``isTarget(_:sentence:cursor:policyRanges:reference:)``
    /// and is no headline followed by its story, looked for from the end; 0 when none does. Those
    /// tests read only the text, the time and the policies, never what the loop keeps from one
    /// time to the next, and a time that fails them gives nothing: past that time the loop would
    /// only walk holders and title speakers that no target asks for.
    func candidateEnd(of times: [TimeExpression], segments: TextSegments, cursor: TextCursor, policyRanges: OverlapIndex,
                      reference: ReferenceDate?) -> Int {
        var words = SentenceWords()
        var end = times.count
        while end > 0 {
            let time = times[end - 1]
            if let sentenceIndex = segments.sentenceIndex(containing: time.range.lowerBound),
               isTarget(time, sentence: segments.sentences[sentenceIndex], cursor: cursor, policyRanges: policyRanges,
                        reference: reference, words: &words),
               !(isHeadline(sentenceIndex, segments: segments, cursor: cursor) && sentenceIndex + 1 < segments.sentences.count) {
                return end
            }
            end -= 1
        }
        return 0
    }

    func isTarget(_ time: TimeExpression, sentence: TextSegments.Sentence, cursor: TextCursor, policyRanges: OverlapIndex,
                  reference: ReferenceDate?) -> Bool {
        var words = SentenceWords()
        return isTarget(time, sentence: sentence, cursor: cursor, policyRanges: policyRanges, reference: reference, words: &words)
    }

    /// ``isTarget(_:sentence:cursor:policyRanges:reference:)`` with the sentence's future and past
    /// words listed once in `words` (``SentenceWords``) and kept for the next time of the sentence.
    ///
    /// - Parameter lookAheadFirst: where only a future word in the time's window can make it a
    ///   target (``hingesOnLookingAhead(_:reference:)``), that word is looked for before the other
    ///   rules, which can only turn the time down; `false` reads the rules in their order (what
    ///   tests compare the shortcut with).
    func isTarget(_ time: TimeExpression, sentence: TextSegments.Sentence, cursor: TextCursor, policyRanges: OverlapIndex,
                  reference: ReferenceDate?, words: inout SentenceWords, lookAheadFirst: Bool = true) -> Bool {
        if policyRanges.overlaps(time.range) { return false }
        if time.value.isPast(relativeTo: reference) { return false }
        // A start or an open end already behind the reference is a fact: 自2013年开始.
        if let reference, time.value.relation == .from || time.value.relation == .after, time.value.year < reference.year { return false }
        // A baseline: 较2020年, 比2020年, 与2020年相比.
        if baselineBytes.contains(where: { time.range.lowerBound >= $0.count && cursor.matches($0, at: time.range.lowerBound - $0.count) }) { return false }
        let scope = window(sentence, around: time.range, cursor: cursor)
        // Every rule below but the last can only turn the time down; the last keeps it for its year
        // or relation, else for a future word in `scope`. Where neither year nor relation keeps it,
        // a window without a future word settles it, and the rules that read the words after the
        // time are not read.
        if lookAheadFirst, Self.hingesOnLookingAhead(time.value, reference: reference) {
            words.prepare(sentence.range, future: future, past: past, gate: futureOrPast, bytes: cursor.bytes)
            if !words.future(in: scope, future, bytes: cursor.bytes) { return false }
        }
        let clause = self.clause(containing: time.range.lowerBound, in: sentence)
        let afterEnd = min(sentence.range.upperBound, time.range.upperBound + 60)
        // The words right after the time: on bytes where they are plain, else as a String.
        let afterBytes = PlainWords.plainWindow(cursor.bytes, from: time.range.upperBound, to: max(time.range.upperBound, afterEnd))
        let afterTime = afterBytes == nil ? cursor.text(from: time.range.upperBound, to: afterEnd) : ""
        func afterTimeStarts(with words: [String], _ bytes: PlainWords?) -> Bool {
            if let afterBytes, let bytes { return bytes.anyStarts(at: afterBytes.lowerBound, before: afterBytes.upperBound, in: cursor.bytes) }
            let afterTime = afterBytes == nil ? afterTime : cursor.text(from: time.range.upperBound, to: afterEnd)
            return words.contains(where: { afterTime.hasPrefix($0) })
        }
        // A baseline or a span behind: 与2020年相比, 去年同期, 2013年以来 (`fact-after` words).
        if afterTimeStarts(with: vocabulary.factAfterWords, factAfterBytes) { return false }
        // target.not-announcement: the time a statement was made (本月初正式宣布，将…; 去年5月宣布，计划2028年…):
        // an announcing verb follows the time in its clause with no action before it.
        if let said = announcing.first(in: time.range.upperBound..<max(time.range.upperBound, clause.upperBound), of: cursor.bytes),
           findAction(in: time.range.upperBound..<said.range.lowerBound, cursor: cursor) == nil { return false }
        // target.not-occasion: a period that brings an anniversary or a milestone (“十五五”时期，某市将迎来…周年).
        let soon = time.range.upperBound..<max(time.range.upperBound, min(sentence.range.upperBound, time.range.upperBound + 30))
        if let occasion = occasions.first(in: soon, of: cursor.bytes),
           findAction(in: time.range.upperBound..<occasion.range.lowerBound, cursor: cursor) == nil { return false }
        // target.not-copula: a statement about the period (2026年是…开局之年, “十五五”时期是…关键时期).
        if afterTimeStarts(with: vocabulary.copulas, copulaBytes) { return false }
        // An attribute, not a time of doing: 今年的政府工作报告, 2024年工作会议.
        if time.value.relation == .in, afterTimeStarts(with: vocabulary.attributes, attributeBytes) { return false }
        // …and a time inside a noun phrase (下达2023年农业转移支付, “十四五”规划的…): a verb or noun
        // stands right before it and nothing in its sentence looks ahead.
        // (the time's own words, 未来十年, do not count as looking ahead).
        // From here on the future and past words are asked about several stretches of the sentence.
        words.prepare(sentence.range, future: future, past: past, gate: futureOrPast, bytes: cursor.bytes)
        if time.value.relation == .in || time.value.precision == .period || time.value.precision == .window,
           modifiesNoun(time, cursor: cursor) {
            if !words.future(in: scope.lowerBound..<time.range.lowerBound, future, bytes: cursor.bytes),
               !words.future(in: time.range.upperBound..<max(time.range.upperBound, scope.upperBound), future, bytes: cursor.bytes) { return false }
        }
        let looksAhead = words.future(in: scope, future, bytes: cursor.bytes)
        let clauseLooksAhead = words.future(in: clause, future, bytes: cursor.bytes)
        if words.past(in: clause, past, bytes: cursor.bytes) && !clauseLooksAhead { return false }
        // target.not-statistics: figures reported for a period so far (今年前11个月…同比增长10%):
        // a past word in the sentence and nothing in it that looks ahead.
        if words.past(in: scope, past, bytes: cursor.bytes) && !looksAhead
            && time.value.relation != .after && time.value.relation != .from { return false }
        // A dated day is an event unless its own clause looks ahead (2025年1月1日起将施行).
        if time.value.precision == .day && !clauseLooksAhead && time.value.relation == .in {
            return false
        }
        guard let reference else { return looksAhead || time.value.relation == .by || time.value.relation == .after }
        if time.value.lastYear > reference.year { return true }
        if time.value.relation == .by || time.value.relation == .after || time.value.relation == .from { return true }
        return looksAhead
    }

    /// Whether the last rule of ``isTarget(_:sentence:cursor:policyRanges:reference:words:lookAheadFirst:)``
    /// keeps `value` only for a future word in its window: neither its last year (past the
    /// reference) nor its relation (by, after; from, with a reference) keeps it.
    static func hingesOnLookingAhead(_ value: TimeValue, reference: ReferenceDate?) -> Bool {
        let relation = value.relation
        guard let reference else { return relation != .by && relation != .after }
        return value.lastYear <= reference.year && relation != .by && relation != .after && relation != .from
    }

    /// Whether the time stands inside a noun phrase: a CJK character that is no
    /// preposition of time (在, 于, 到 …) right before it, and a noun-like word after it.
    func modifiesNoun(_ time: TimeExpression, cursor: TextCursor) -> Bool {
        guard let (before, _) = cursor.scalar(before: time.range.lowerBound), (0x4E00...0x9FFF).contains(before) else { return false }
        if let prepositionEndings, let statingBytes, let goalBytes,
           let lead = PlainWords.plainWindow(cursor.bytes, from: max(0, time.range.lowerBound - 12), to: time.range.lowerBound) {
            // The byte path: the scalar before is a character, and the lead's scalars are plain.
            if prepositionEndings.contains(before) { return false }
            if statingBytes.anyEnds(at: lead.upperBound, after: lead.lowerBound, in: cursor.bytes)
                || goalBytes.anyEnds(at: lead.upperBound, after: lead.lowerBound, in: cursor.bytes) { return false }
            guard let (after, _) = cursor.scalar(at: time.range.upperBound) else { return false }
            return (0x4E00...0x9FFF).contains(after) || after == 0x201C
        }
        let previous = String(UnicodeScalar(before).map(Character.init) ?? " ")
        if vocabulary.prepositions.contains(where: { $0.hasSuffix(previous) }) { return false }
        // A verb of stating or planning opens a clause: 宣称2026年…, 计划2027年….
        let lead = cursor.text(from: max(0, time.range.lowerBound - 12), to: time.range.lowerBound)
        if stating.words.contains(where: { lead.hasSuffix($0) }) || goal.words.contains(where: { lead.hasSuffix($0) }) { return false }
        guard let (after, _) = cursor.scalar(at: time.range.upperBound) else { return false }
        return (0x4E00...0x9FFF).contains(after) || after == 0x201C
    }

    /// A place that only locates a project (内蒙古送电上海配套过江工程): a project word follows it
    /// within the same run of characters. A project holds no target, and the place does not either.
    func locatesProject(_ mention: Mention, cursor: TextCursor) -> Bool {
        guard mention.type == .region || mention.type == .zone else { return false }
        var end = mention.range.upperBound
        var count = 0
        while count < 16, let (scalar, next) = cursor.scalar(at: end), !ScalarClass.isPunctuation(scalar) {
            end = next
            count += 1
        }
        if projectWordBytes != nil, end > mention.range.upperBound,
           Self.scalarsAreCharacters(cursor.bytes, in: mention.range.upperBound..<end) {
            // The byte path: where scalars are characters, a byte match is a match; all the words
            // in one pass (a word's bytes start only where a scalar does).
            return projectMatcher.occurs(in: mention.range.upperBound..<end, of: cursor.bytes)
        }
        let run = cursor.text(from: mention.range.upperBound, to: end)
        return vocabulary.projectWords.contains { run.contains($0) }
    }

    /// Whether `word` occurs inside `range`.
    static func contains(_ word: [UInt8], in range: Range<Int>, cursor: TextCursor) -> Bool {
        guard !word.isEmpty, range.count >= word.count else { return false }
        for index in range.lowerBound...(range.upperBound - word.count) where cursor.matches(word, at: index) { return true }
        return false
    }

    /// The bytes of `words` when each of their scalars is a character of its own
    /// (what the byte paths need), else `nil`.
    static func simpleWordBytes(_ words: [String]) -> [[UInt8]]? {
        let bytes = words.map { Array($0.utf8) }
        for word in bytes {
            guard !word.isEmpty, word.withUnsafeBufferPointer({ scalarsAreCharacters($0, in: 0..<$0.count) }) else { return nil }
        }
        return bytes
    }

    /// A paragraph of one short sentence without a closing mark (a headline).
    func isHeadline(_ index: Int, segments: TextSegments, cursor: TextCursor) -> Bool {
        let sentence = segments.sentences[index]
        guard sentence.range.count <= 150 else { return false }
        if index > 0, segments.sentences[index - 1].paragraph == sentence.paragraph { return false }
        if index + 1 < segments.sentences.count, segments.sentences[index + 1].paragraph == sentence.paragraph { return false }
        guard let (last, _) = cursor.scalar(before: sentence.range.upperBound) else { return false }
        return !"。！？!?；;".unicodeScalars.contains { $0.value == last }
    }

    func clause(containing offset: Int, in sentence: TextSegments.Sentence) -> Range<Int> {
        sentence.clauses.first { $0.lowerBound <= offset && offset < $0.upperBound } ?? sentence.range
    }

    func clauseEnd(after offset: Int, sentence: TextSegments.Sentence) -> Int {
        sentence.clauses.first { $0.upperBound >= offset && $0.lowerBound <= offset }?.upperBound ?? sentence.range.upperBound
    }

    // MARK: Action, topic, value

    func findAction(in range: Range<Int>, cursor: TextCursor) -> Range<Int>? {
        var index = range.lowerBound
        var light: Range<Int>? = nil
        while index < range.upperBound {
            let lead = cursor.bytes[index]
            if UTF8Bytes.isContinuation(lead) { index += 1; continue }
            // A three-byte sequence that opens no noun and no action (``ThreeByteStarts``, most places):
            // stepped over whole, with the full-width comma (EF BC 8C) as the only scalar asked about.
            if ThreeByteStarts.isLead(lead) {
                let (mayOpenNoun, step) = nouns.threeByteStarts.test(at: index, in: cursor.bytes)
                if step == 3, !mayOpenNoun, !actions.threeByteStarts.test(at: index, in: cursor.bytes).mayStart {
                    if light != nil, lead == 0xEF, cursor.bytes[index + 1] == 0xBC, cursor.bytes[index + 2] == 0x8C { return light }
                    index += 3
                    continue
                }
            }
            if let (_, end) = nouns.word(at: index, in: cursor.bytes, limit: range.upperBound) {
                index = end
                continue
            }
            if let (word, end) = actions.word(at: index, in: cursor.bytes, limit: range.upperBound) {
                if !actionIsLight[word] { return index..<end }
                if light == nil { light = index..<end }
                index = end
                continue
            }
            let (scalar, length) = UTF8Bytes.scalar(in: cursor.bytes, at: index)
            // A light verb's clause ends its search: 实现 then, without a fuller verb, 实现.
            if light != nil, scalar == 0xFF0C || scalar == 0x2C { return light }
            index += length
        }
        return light
    }

    func findTopic(between start: Int, action: Range<Int>?, sentence: TextSegments.Sentence, cursor: TextCursor) -> String? {
        if let topicScalars, let action, let scalars = TopicScalars.scalars(of: start..<max(start, action.lowerBound), in: cursor.bytes) {
            // The scalar path: the same rules on the scalars of the text.
            if action.lowerBound > start, let topic = topicScalars.topicBefore(scalars) { return topic }
            let end = clauseEnd(after: action.upperBound, sentence: sentence)
            if let after = TopicScalars.scalars(of: action.upperBound..<max(action.upperBound, end), in: cursor.bytes) {
                if let topic = topicScalars.topicAfter(after) { return topic }
                let before = window(sentence, around: start..<start, cursor: cursor).lowerBound..<start
                return technologies.last(in: before, of: cursor.bytes).map { technologies.words[$0] }
            }
            return findTopicOfString(between: start, action: action, sentence: sentence, cursor: cursor, skipBefore: true)
        }
        return findTopicOfString(between: start, action: action, sentence: sentence, cursor: cursor, skipBefore: false)
    }

    /// ``findTopic(between:action:sentence:cursor:)`` on `String`s, for text the scalar
    /// path does not cover; `skipBefore` when the scalar path has read the topic before the action.
    func findTopicOfString(between start: Int, action: Range<Int>?, sentence: TextSegments.Sentence, cursor: TextCursor,
                           skipBefore: Bool) -> String? {
        if !skipBefore, let action, action.lowerBound > start, let topic = topicBefore(cursor.text(from: start, to: action.lowerBound)) {
            return topic
        }
        if let action {
            let end = clauseEnd(after: action.upperBound, sentence: sentence)
            if let topic = topicAfter(cursor.text(from: action.upperBound, to: end)) { return topic }
        }
        // The technology the sentence was last speaking of before the target
        // (…开展固态电池研发工作，近期宣布将于2026年小批量试产).
        let before = window(sentence, around: start..<start, cursor: cursor).lowerBound..<start
        return technologies.last(in: before, of: cursor.bytes).map { technologies.words[$0] }
    }

    /// The topic in the words between the time and the action, if it has two characters or more.
    func topicBefore(_ text: String) -> String? {
        var raw = text
        // 工业领域实现二氧化碳排放达峰: the topic is what the light verb carries.
        for light in vocabulary.lightVerbsInOrder {
            if let range = raw.range(of: light), !raw[range.upperBound...].isEmpty { raw = String(raw[range.upperBound...]) }
        }
        // A topic is a noun phrase: adverbs and quantifiers around it go (初步, 基本, 不低于),
        // and a bare one is no topic; the object after the action then is.
        let between = cleanTopic(raw).map(stripAdverbs)
        if let between, between.unicodeScalars.count >= 2 { return between }
        return nil
    }

    /// The action's object (the words after it in its clause) as a topic, if it has two characters or more.
    func topicAfter(_ after: String) -> String? {
        // A closing quote or clause mark ends the object (cleanTopic); a 的-phrase gives its head
        // (…中医特色明显的中医优势专科网络); a value's digits end it, a numeral inside a word (一体) does not.
        if var object = cleanTopic(after).map(stripAdverbs).map(headNoun).map(afterFigure).map(stripAdverbs) {
            if let valueStart = object.firstIndex(where: { $0.isASCII && $0.isNumber }) {
                // 2纳米逻辑芯片 after a 的 is a noun; a bare figure (25%左右) is a value, no topic.
                let isNoun = valueStart == object.startIndex && vocabulary.ofWords.contains { !$0.isEmpty && after.contains($0) }
                if !isNoun { object = cleanTopic(String(object[..<valueStart])) ?? "" }
            }
            if object.unicodeScalars.count >= 2 { return object }
        }
        return nil
    }

    /// `topic`: without the adverbs and quantifiers that open or close it.
    func stripAdverbs(_ topic: String) -> String {
        var text = topic
        var changed = true
        while changed {
            changed = false
            for adverb in vocabulary.adverbs {
                if text.hasPrefix(adverb) { text.removeFirst(adverb.count); changed = true }
                if text.hasSuffix(adverb) { text.removeLast(adverb.count); changed = true }
            }
        }
        // A bare verb (支持, 推动) is no topic.
        return vocabulary.bareVerbs.contains(text) ? "" : text
    }

    /// The head of a 的-phrase: what follows the last 的 when a noun of two characters or more does.
    func headNoun(_ topic: String) -> String {
        guard let range = vocabulary.ofWords.compactMap({ $0.isEmpty ? nil : topic.range(of: $0, options: .backwards) })
            .max(by: { $0.lowerBound < $1.lowerBound }) else { return topic }
        let head = String(topic[range.upperBound...])
        // …2600万辆的长期目标: a goal noun is no topic; what the goal is about comes before 的.
        if vocabulary.goalNouns.contains(where: { head.hasSuffix($0) }) { return String(topic[..<range.lowerBound]) }
        return head.count >= 2 ? head : topic
    }

    /// A topic that opens with a figure (10款纯电动汽车, 200项国家标准) is what the figure counts.
    func afterFigure(_ topic: String) -> String {
        var rest = Substring(topic)
        while let first = rest.first, first.isASCII && (first.isNumber || first == "." || first == "%") { rest = rest.dropFirst() }
        guard rest.count < topic.count else { return topic }
        for multiplier in vocabulary.multipliers where rest.hasPrefix(multiplier) { rest = rest.dropFirst(multiplier.count); break }
        if let unit = vocabulary.units.first(where: { rest.hasPrefix($0) }) { rest = rest.dropFirst(unit.count) }
        for tail in vocabulary.figureTails where rest.hasPrefix(tail) { rest = rest.dropFirst(tail.count); break }
        return String(rest)
    }

    /// ``cleanTopic(_:)`` of the text in `range`: on its scalars where each is plain
    /// (``TopicScalars``, the same rules without a `String` per step), else on the `String`.
    func cleanTopic(in range: Range<Int>, cursor: TextCursor) -> String? {
        if let topicScalars, let scalars = TopicScalars.scalars(of: range, in: cursor.bytes) {
            return topicScalars.cleanTopic(scalars[...]).map { TopicScalars.string($0) }
        }
        return cleanTopic(cursor.text(range))
    }

    /// Whether a `leader-title` word ends the 15 bytes before `end` (a scalar's start): on
    /// bytes where they are plain (``PlainWords``: a byte suffix is then a `String` suffix),
    /// else with `String.hasSuffix`.
    func endsWithLeaderTitle(before end: Int, cursor: TextCursor) -> Bool {
        let start = max(0, end - 15)
        if let leaderTitleBytes, let lead = PlainWords.plainWindow(cursor.bytes, from: start, to: end), lead.upperBound == end {
            return leaderTitleBytes.anyEnds(at: end, after: lead.lowerBound, in: cursor.bytes)
        }
        let leader = cursor.text(from: start, to: end)
        return vocabulary.leaderTitles.contains(where: { leader.hasSuffix($0) })
    }

    /// Whether `clause` holds a `goal-noun` word: a byte search where the clause is plain
    /// (there a byte match is a `String` match), else `String.contains`.
    func namesGoalNoun(_ clause: Range<Int>, cursor: TextCursor) -> Bool {
        if let goalNounBytes, PlainWords.plainWindow(cursor.bytes, from: clause.lowerBound, to: clause.upperBound) == clause {
            return goalNounBytes.words.contains { cursor.firstRange(of: $0, in: clause) != nil }
        }
        let clauseText = cursor.text(clause)
        return vocabulary.goalNouns.contains(where: { clauseText.contains($0) })
    }

    /// `raw` as a topic: trimmed, cut at a closing quote or clause mark and before a baseline
    /// (较2020年), without the `topic-noise` words at its edges, at most 40 characters.
    func cleanTopic(_ raw: String) -> String? {
        let topicNoise = vocabulary.topicNoise
        var text = raw.trimmingCharacters(in: .whitespaces)
        // A topic ends at a closing quote or a clause mark: …全固态电池”的时间表.
        if let end = text.firstIndex(where: { "”。，,；;".contains($0) }), end != text.startIndex { text = String(text[..<end]) }
        // Drop a baseline such as 较2020年.
        let baselines = vocabulary.topicBaselineWords.compactMap { $0.isEmpty ? nil : text.range(of: $0) }
        if let range = baselines.filter({ text[$0.upperBound...].first?.isNumber == true }).min(by: { $0.lowerBound < $1.lowerBound }) {
            text = String(text[..<range.lowerBound])
        }
        var changed = true
        while changed {
            changed = false
            for noise in topicNoise where text.hasPrefix(noise) { text.removeFirst(noise.count); changed = true }
            for noise in topicNoise where text.hasSuffix(noise) { text.removeLast(noise.count); changed = true }
        }
        guard !text.isEmpty, text.count <= 40 else { return text.isEmpty ? nil : String(text.prefix(40)) }
        return text
    }

    /// A number with its unit (13.5%, 1000家, 3亿次以上, 2倍至5倍).
    func findValue(in range: Range<Int>, cursor: TextCursor) -> String? {
        var index = range.lowerBound
        while index < range.upperBound {
            guard let (scalar, next) = cursor.scalar(at: index) else { break }
            if ScalarClass.isDigit(scalar) {
                var end = index
                while end < range.upperBound, let (s, n) = cursor.scalar(at: end), ScalarClass.isDigit(s) || s == 0x2E { end = n }
                for multiplier in valueMultiplierBytes where cursor.matches(multiplier, at: end) {
                    end += multiplier.count
                    break
                }
                guard let unit = unitBytes.first(where: { cursor.matches($0, at: end) }) else {
                    index = end
                    continue
                }
                end += unit.count
                // A range: 2倍至5倍; and 以上 / 左右.
                if let word = rangeWordBytes.first(where: { cursor.matches($0, at: end) }),
                   let (digit, _) = cursor.scalar(at: end + word.count), ScalarClass.isDigit(digit),
                   let rest = findValue(in: (end + word.count)..<range.upperBound, cursor: cursor) {
                    return cursor.text(from: index, to: end + word.count) + rest
                }
                for tail in valueTailBytes where cursor.matches(tail, at: end) {
                    end += tail.count
                    break
                }
                // 30家左右: keep the approximation word that precedes the unit's noun.
                return cursor.text(from: index, to: end)
            }
            index = next
        }
        return nil
    }

    func listStart(after offset: Int, sentence: TextSegments.Sentence, cursor: TextCursor) -> Int? {
        let text = cursor.bytes
        var index = offset
        var steps = 0
        while index < sentence.range.upperBound, steps < 30 {
            let (scalar, length) = UTF8Bytes.scalar(in: text, at: index)
            if scalar == 0xFF1A || scalar == 0x3A { return index + length }
            if scalar == 0xFF0C || scalar == 0x2C { return nil }
            index += length
            steps += 1
        }
        return nil
    }

    /// From the start of the time's clause (or of a holder in that clause) to the end of the action's clause.
    func quote(for time: TimeExpression, action: Range<Int>, sentence: TextSegments.Sentence, holders: [Holder]) -> Range<Int> {
        let clauseStart = clause(containing: time.range.lowerBound, in: sentence).lowerBound
        let holderStart = holders.map(\.mention.range.lowerBound).filter { $0 >= clauseStart && $0 < time.range.lowerBound }.min()
        let start = holderStart.map { start in
            // Include the 《 of a policy's title.
            start >= 3 && clauseStart < start ? start - 3 : start
        } ?? clauseStart
        let end = clauseEnd(after: max(action.upperBound, time.range.upperBound), sentence: sentence)
        return start..<max(end, time.range.upperBound)
    }

    func modality(for type: EntityType, clause: Range<Int>, cursor: TextCursor) -> String {
        switch type {
        case .company: return "promise"
        // A place does not plan: 预计/有望/可能 said about it is someone's forecast (预计…德国电动汽车…取得突破).
        case .region where forecastWords.occurs(in: clause, of: cursor.bytes), .zone where forecastWords.occurs(in: clause, of: cursor.bytes):
            return "forecast"
        case .institution, .person:
            // A third party's view of the future is a forecast unless it sets a goal (确保).
            return goal.occurs(in: clause, of: cursor.bytes) ? "goal" : "forecast"
        default: return "goal"
        }
    }

    /// A holder followed closely by a verb of stating or planning: 丰田汽车宣布,
    /// 工业和信息化部方面表示, 上汽、广汽、长安等车企都表示, 北京将.
    func isSpeaker(_ mention: Mention, cursor: TextCursor) -> Bool {
        let bytes = cursor.bytes
        // Up to seven characters after the holder, up to a punctuation mark.
        var start = mention.range.upperBound
        // A title's or a quotation's closing mark belongs to the holder: 《意见》提出.
        if let (scalar, next) = cursor.scalar(at: start), scalar == .rightTitle || scalar == .rightQuote { start = next }
        var end = start
        var count = 0
        // Where a stating word may first start: the first scalar that starts one (``statingFirstScalars``).
        // The gate holds where every scalar read is ASCII or a whole three-byte sequence: there the
        // scalars read are every place a word can start; elsewhere every place is asked.
        var candidate = -1
        var gated = statingFirstScalars.others == false
        while count < 7, end < bytes.count {
            let lead = bytes[end]
            let scalar: UInt32
            let length: Int
            if lead & 0xF0 == 0xE0, end &+ 2 < bytes.count, bytes[end &+ 1] & 0xC0 == 0x80, bytes[end &+ 2] & 0xC0 == 0x80 {
                let block = Int(lead & 0x0F) &<< 6 | Int(bytes[end &+ 1] & 0x3F)
                scalar = UInt32(truncatingIfNeeded: block) &<< 6 | UInt32(bytes[end &+ 2] & 0x3F)
                length = 3
                if candidate < 0, statingFirstScalars.bits[block] & (1 &<< UInt64(bytes[end &+ 2] & 0x3F)) != 0 { candidate = end }
            } else {
                (scalar, length) = UTF8Bytes.scalar(in: bytes, at: end)
                if lead >= 0x80 { gated = false }
            }
            // Ideographs (U+3400…U+9FFF) are no punctuation: the ranges are tested only outside them.
            if scalar < 0x3400 || scalar >= 0xA000, ScalarClass.isPunctuation(scalar) { break }
            end += length
            count += 1
        }
        if gated {
            return candidate >= 0 && stating.occurs(in: candidate..<end, of: bytes)
        }
        return stating.occurs(in: start..<end, of: bytes)
    }

    /// A holder that opens a clause (…介绍，比亚迪2013年开始…; 据国家统计局…): the
    /// subject that later clauses without one carry on.
    func isClauseInitial(_ mention: Mention, cursor: TextCursor) -> Bool {
        var start = mention.range.lowerBound
        if let lead = sourceLeadBytes.first(where: { start >= $0.count && cursor.matches($0, at: start - $0.count) }) { start -= lead.count }
        guard let (scalar, _) = cursor.scalar(before: start) else { return true }
        switch scalar {
        case 0xFF0C, 0x2C, 0x3002, 0xFF1B, 0x3B, 0xFF1A, 0x3A, 0x0A, 0x201D: return true // ，,。；;：:\n”
        default: return false
        }
    }

    /// A news agency in a dateline (新华社北京1月24日电) or a paper's own (本报讯) is no holder.
    func isDateline(_ mention: Mention, cursor: TextCursor) -> Bool {
        guard mention.type == .institution else { return false }
        // Newspapers, agencies and sites report targets; they do not hold them.
        if let entity = mention.entityIndex, mediaEntities.contains(entity) { return true }
        if mention.rule == "title:periodical" || hasMediaEnding(mention.surface) {
            return true
        }
        let start = mention.range.upperBound, end = min(cursor.bytes.count, mention.range.upperBound + 36)
        if datelineWordsAreSimple, Self.scalarsAreCharacters(cursor.bytes, in: start..<end) {
            // The byte path: characters are scalars, so the first 12 characters are the first 12 scalars.
            var twelfth = start, count = 0
            while count < 12, twelfth < end {
                twelfth = min(end, twelfth + UTF8Bytes.sequenceLength(lead: cursor.bytes[twelfth]))
                count += 1
            }
            // A word of the matchers occurs exactly where its bytes do: a word's first byte is a
            // scalar's first byte, which no continuation byte of the text equals.
            if let shortest = datelineOpeners.shortestEnd(at: start, in: cursor.bytes), shortest <= end { return true }
            return datelineWires.occurs(in: start..<twelfth, of: cursor.bytes)
        }
        let after = cursor.text(from: start, to: end)
        return vocabulary.datelineOpeners.contains { after.hasPrefix($0) } || vocabulary.datelineWires.contains { after.prefix(12).contains($0) }
    }

    /// Whether `surface` ends with a `media-ending` word: on bytes where the surface and the
    /// words are plain (a byte suffix is then a `String` suffix), else with `hasSuffix`.
    func hasMediaEnding(_ surface: String) -> Bool {
        var text = surface
        let answer = text.withUTF8 { bytes -> Bool? in
            guard let mediaEndingBytes, PlainUTF8.plainCount(bytes) != nil else { return nil }
            return mediaEndingBytes.anyEnds(at: bytes.count, after: 0, in: bytes)
        }
        return answer ?? vocabulary.mediaEndings.contains(where: { surface.hasSuffix($0) })
    }

    /// An organisation that only qualifies a person: 中国电动汽车百人会副理事长欧阳明高
    /// (`affiliation-title` words of `patterns/targets.tsv` right after it).
    func isAffiliation(_ mention: Mention, cursor: TextCursor) -> Bool {
        mention.type != .person && isAffiliation(after: mention.range.upperBound, cursor: cursor)
    }

    /// ``isAffiliation(_:cursor:)`` of an organisation that ends at `holderEnd`.
    func isAffiliation(after holderEnd: Int, cursor: TextCursor) -> Bool {
        let end = min(cursor.bytes.count, holderEnd + Self.affiliationWindow)
        // A plain scalar after the holder that opens no title: neither path finds one (a `String`
        // prefix starts with the same first scalar when that scalar has no decomposition).
        if let bits = affiliationFirstScalars, holderEnd < end,
           let length = PlainUTF8.plainLength(cursor.bytes, at: holderEnd), holderEnd + length <= end {
            let scalar = UTF8Bytes.scalar(in: cursor.bytes, at: holderEnd).value
            if bits[Int(scalar >> 6)] & (1 << UInt64(scalar & 63)) == 0 { return false }
        }
        if Self.scalarsAreCharacters(cursor.bytes, in: holderEnd..<end) {
            // The byte path: a title's bytes right after the holder.
            return affiliationTitleBytes.contains { cursor.matches($0, at: holderEnd) && holderEnd + $0.count <= end }
        }
        let after = cursor.text(from: holderEnd, to: end)
        return vocabulary.affiliationTitles.contains { after.hasPrefix($0) }
    }

    /// Whether `mentions[index]` may hold a target: neither a dateline's agency (``isDateline(_:cursor:)``)
    /// nor a person's affiliation (``isAffiliation(_:cursor:)``). Its type is read in place first, and
    /// each test asked only of the types it can say yes for (institutions; all but persons), the
    /// second with the mention's end alone: a Mention handed to a call is a copy (its strings
    /// retained and released).
    func keepsHolder(_ mentions: [Mention], at index: Int, cursor: TextCursor) -> Bool {
        let type = mentions[index].type
        if type == .institution, isDateline(mentions[index], cursor: cursor) { return false }
        return type == .person || !isAffiliation(after: mentions[index].range.upperBound, cursor: cursor)
    }

    /// How far after a holder a title is looked for, in bytes.
    static let affiliationWindow = 40

    /// The first scalars of `words` that are three bytes long (U+0800…U+FFFF, every Chinese
    /// character), one bit each; and whether a word starts with a scalar of another length.
    static func threeByteFirstScalars(_ words: [String]) -> (bits: [UInt64], others: Bool) {
        var scalars: Set<UInt32> = []
        var others = false
        for word in words {
            guard let first = word.unicodeScalars.first else { continue }
            if first.value >= 0x800 && first.value < 0x10000 { scalars.insert(first.value) } else { others = true }
        }
        return (TimeNormalizer.bits(scalars), others)
    }

    /// The first scalars of `words` as bits (``TimeNormalizer/bits(_:)``), when each is plain
    /// (``PlainUTF8/plainLength(_:at:)``: a character of its own, without a decomposition); else `nil`.
    static func firstScalarBits(_ words: [String]) -> [UInt64]? {
        var firsts: Set<UInt32> = []
        for word in words {
            let bytes = Array(word.utf8)
            guard !bytes.isEmpty, bytes.withUnsafeBufferPointer({ PlainUTF8.plainLength($0, at: 0) }) != nil,
                  let first = word.unicodeScalars.first, first.value < 0x10000 else { return nil }
            firsts.insert(first.value)
        }
        return TimeNormalizer.bits(firsts)
    }

    /// Whether every scalar of `range` is a character of its own (so that a byte
    /// prefix is a character prefix); a sequence cut by the range's end counts as
    /// one replacement character, as `String(decoding:)` reads it.
    static func scalarsAreCharacters(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> Bool {
        var index = range.lowerBound
        while index < range.upperBound {
            // Ideographs U+4000…U+9FFF (leads E4…E9, two continuation bytes inside the range), most
            // of the text: each is well formed and a character of its own, with no other test.
            if bytes[index] &- 0xE4 <= 0x05, index &+ 2 < range.upperBound,
               bytes[index &+ 1] & 0xC0 == 0x80, bytes[index &+ 2] & 0xC0 == 0x80 {
                index &+= 3
                continue
            }
            guard let (scalar, length) = UTF8Trimming.strictScalar(in: bytes, at: index, end: range.upperBound) else {
                // Cut by the window: the rest is one U+FFFD, a character of its own.
                let needed = UTF8Bytes.sequenceLength(lead: bytes[index])
                guard needed > 1, needed <= 3, index + needed > range.upperBound, index + needed <= bytes.count,
                      UTF8Trimming.strictScalar(in: bytes, at: index, end: index + needed).map({ UTF8Trimming.isSingleGrapheme($0.value) }) == true
                else { return false }
                return true
            }
            guard UTF8Trimming.isSingleGrapheme(scalar) else { return false }
            index += length
        }
        return true
    }

    func originalOffsets(_ range: Range<Int>, _ text: NormalizedText) -> [Int] {
        let original = text.originalRange(of: range)
        return [original.lowerBound, original.upperBound]
    }

    /// The longest technology name in `topic` (全固态电池 in 配备全固态电池的电动汽车).
    func technology(of topic: String?) -> String? {
        guard var topic else { return nil }
        // The topic's own bytes (a native string's), and the word's canonical name by its index.
        return topic.withUTF8 { technologies.longest(in: 0..<$0.count, of: $0) }.flatMap { technologyCanonicalByWord[$0] }
    }

    /// `fields` joined by `|` (what `"\(a)|\(b)|…"` makes) as a key: the bytes gathered in
    /// `buffer` and made a `String` once, instead of an append per piece of an interpolation.
    static func joinedKey(_ fields: [String], buffer: inout [UInt8]) -> CanonicalKey {
        buffer.removeAll(keepingCapacity: true)
        for (index, field) in fields.enumerated() {
            if index > 0 { buffer.append(0x7C) }
            buffer.append(contentsOf: field.utf8)
        }
        return CanonicalKey(String(decoding: buffer, as: UTF8.self))
    }

    /// Marks trimmed off both ends of a target's quote (built once: a `CharacterSet` is costly to make).
    static let quoteEdges = CharacterSet(charactersIn: "“”\"。，,；;：: ")
    /// ``quoteEdges`` as the UTF-8 bytes of each scalar.
    static let quoteEdgeBytes: [[UInt8]] = "“”\"。，,；;：: ".unicodeScalars.map { Array(String($0).utf8) }
    /// The first and the last bytes of ``quoteEdgeBytes``' marks.
    static let quoteEdgeFirstBytes = ByteSet(quoteEdgeBytes.map { $0[0] })
    static let quoteEdgeLastBytes = ByteSet(quoteEdgeBytes.map { $0[$0.count - 1] })

    /// `quote.trimmingCharacters(in: quoteEdges)` on the bytes: trimming takes whole scalars
    /// of the set off both ends, so a scalar's bytes at an end are the scalar (valid UTF-8).
    static func trimmingQuoteEdges(_ quote: String) -> String {
        var text = quote
        return text.withUTF8 { bytes -> String in
            func edge(at index: Int) -> Int? {
                quoteEdgeBytes.first { mark in index + mark.count <= bytes.count && PlainWords.equal(mark, bytes, at: index) }?.count
            }
            func edge(before end: Int) -> Int? {
                quoteEdgeBytes.first { mark in end - mark.count >= 0 && PlainWords.equal(mark, bytes, at: end - mark.count) }?.count
            }
            var start = 0, end = bytes.count
            // A byte that opens no mark at the start and one that closes none at the end: nothing to
            // trim (most quotes open with a holder and close with a character).
            if end > 0, !quoteEdgeFirstBytes.contains(bytes[0]), !quoteEdgeLastBytes.contains(bytes[end - 1]) { return quote }
            while start < end, let length = edge(at: start) { start += length }
            while end > start, let length = edge(before: end) { end -= length }
            if start == 0 && end == bytes.count { return quote }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
    }

    /// The target `holder` holds at `time`; the time's text is read from `cursor` at its range (the
    /// extractor's times are found without their texts).
    func makeTarget(holder: Holder, time: TimeExpression, action: String?, topic: String?, value: String?, modality: String,
                    quote: String, rule: String, text: NormalizedText, cursor: TextCursor, actionRange: Range<Int>?) -> ExtractedTarget {
        ExtractedTarget(subject: holder.name,
                        time: TargetTime(relation: time.value.relation.rawValue, year: time.value.year, month: time.value.month,
                                         end_year: time.value.endYear, end_month: time.value.endMonth,
                                         day: time.value.day, end_day: time.value.endDay, text: cursor.text(time.range),
                                         rules: time.rules.map(\.rawValue)),
                        topic: topic, action: action, value: value, modality: modality,
                        quote: Self.trimmingQuoteEdges(quote),
                        rule: rule, subjectOffsets: originalOffsets(holder.mention.range, text),
                        technology: technology(of: topic),
                        timeOffsets: originalOffsets(time.range, text),
                        actionOffsets: actionRange.map { originalOffsets($0, text) })
    }
}
