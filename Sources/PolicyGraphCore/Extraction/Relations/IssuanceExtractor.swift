import Foundation

/// Extracts which bodies issued which policies.
///
/// At each issuing verb (印发, 联合印发, 出台, 制定, 颁布, 公布 — from
/// `patterns/issuance.tsv`) the policies are the policy mentions that follow
/// in the sentence, one after another (《A》《B》); the issuers the bodies named
/// just before the verb: a list joined by 、, 和, 与, 及, 联合 or a space, of
/// which only the named ones count in 工业和信息化部等8部门. Rule ids:
/// `issued.verb` (the policy in the verb's clause) and `issued.next-clause`
/// (the policy named in a following clause of the sentence). Then:
/// - `issued.generic-object`: 七部门印发文件 — a generic document noun after the
///   verb stands for the policy named just before (a headline's 《…》);
/// - `issued.notice`: …关于印发《X》的通知 — the notice's issuer issues X too;
/// - `issued.report`: 我代表市人民政府向大会报告工作 — the government issues its work report;
/// - `issued.metadata`: a metadata table's 发文机关：X, and `issued.signature`: a
///   body alone on one of the last lines — the issuer of the document's title policy.
/// The words are data (`patterns/issuance.tsv`).
struct IssuanceExtractor {
    static let issuerTypes: Set<EntityType> = [.government, .zone, .region, .institution]
    /// The marks that may stand between two issuers acting together besides the `joiner` words of
    /// `patterns/issuance.tsv` (和, 联合 …): 、, a space, a comma.
    static let joinerMarks: Set<String> = ["、", " ", "，", ","]
    /// The marks that may stand, one or two of them, between two policies issued together besides
    /// the one-character `joiner` words: 《, 》, 、, a space.
    static let policyGapMarks: Set<Unicode.Scalar> = ["《", "》", "、", " "]

    /// Words by role (report, object, notice-open, notice-close, label).
    let cues: [String: [String]]
    /// Title endings of government work reports (政府工作报告).
    let reportTitles: [String]
    /// The issuing verbs (印发, 发布 …), for notices.
    let verbs: [String]
    /// The `object` words as bytes, for ``genericObject(after:cursor:)``: compiled once, not per verb.
    let objectBytes: [[UInt8]]
    /// The `notice-open` and `notice-close` words, looked up once.
    let noticeOpens: [String]
    let noticeCloses: [String]
    /// ``noticeOpens`` as bytes when every one is plain (``PlainWords``), for the byte gate of
    /// ``issuedDocument(inNotice:)``.
    let noticeOpenBytes: PlainWords?
    /// What may stand between two issuers (``joinerMarks`` and the `joiner` words), and as bytes
    /// (each is plain).
    let joiners: Set<String>
    let joinerBytes: [[UInt8]]
    /// What may stand between two policies issued together: ``policyGapMarks`` and the joiner
    /// words of one character (和, 与, 及).
    let policyGapScalars: Set<Unicode.Scalar>
    /// The `completed` words (了 in 印发了文件), as bytes.
    let completedBytes: [[UInt8]]

    init(cues: [String: [String]] = [:], reportTitles: [String] = [], verbs: [String] = []) {
        self.cues = cues
        self.reportTitles = reportTitles
        self.verbs = verbs
        objectBytes = (cues["object"] ?? []).map { Array($0.utf8) }
        noticeOpens = cues["notice-open"] ?? []
        noticeCloses = cues["notice-close"] ?? []
        noticeOpenBytes = PlainWords(noticeOpens)
        let joinerWords = cues["joiner"] ?? []
        joiners = Self.joinerMarks.union(joinerWords)
        joinerBytes = joiners.sorted().map { Array($0.utf8) }
        policyGapScalars = Self.policyGapMarks.union(joinerWords.compactMap { word in
            word.unicodeScalars.count == 1 ? word.unicodeScalars.first : nil
        })
        completedBytes = (cues["completed"] ?? []).map { Array($0.utf8) }.filter { !$0.isEmpty }
    }

    func extract(text: NormalizedText, cursor: TextCursor, segments: TextSegments, mentions: [Mention], markers: [Marker],
                 names: EntityNames) -> [IssuedPair] {
        var pairs: [IssuedPair] = []
        // Hashed as bytes (IssuedPairKey): a String key is normalised on every hash.
        var seen: Set<IssuedPairKey> = []
        // Sized once: grown step by step, every key was hashed again.
        seen.reserveCapacity(markers.count)
        let starts = SortedStarts(mentions)
        func firstMention(atOrAfter offset: Int) -> Int { starts.firstIndex(atOrAfter: offset) }
        for marker in markers {
            guard case let .issuance(position) = marker.kind, position != .after,
                  let sentenceIndex = segments.sentenceIndex(containing: marker.range.lowerBound) else { continue }
            let sentence = segments.sentences[sentenceIndex]
            // The sentence's text, made once for the marker's pairs (the text of the sentence holding the verb).
            var sentenceText: String?? = nil
            // The policies: the first policy after the verb in the sentence, and those right after it.
            var policies: [Mention] = []
            var rule = "issued.verb"
            var index = firstMention(atOrAfter: marker.range.upperBound)
            while index < mentions.count, mentions[index].range.lowerBound < sentence.range.upperBound {
                let mention = mentions[index]
                if mention.type == .policy {
                    let gap = cursor.text(from: (policies.last?.range.upperBound ?? marker.range.upperBound), to: mention.range.lowerBound)
                    if policies.isEmpty {
                        guard gap.unicodeScalars.count <= 8 else {
                            // Named in a later clause: …印发了一份方案，即《…》.
                            if gap.contains("，") || gap.contains(",") { rule = "issued.next-clause" } else { break }
                            policies.append(mention)
                            index += 1
                            continue
                        }
                        policies.append(mention)
                    } else if gap.unicodeScalars.count <= 2, gap.unicodeScalars.allSatisfy({ policyGapScalars.contains($0) }) {
                        policies.append(mention)
                    } else {
                        break
                    }
                } else if !policies.isEmpty {
                    break
                }
                index += 1
            }
            // issued.generic-object: 印发文件 stands for the policy named just before (a headline).
            if policies.isEmpty, let objectEnd = genericObject(after: marker.range.upperBound, cursor: cursor),
               let named = mentions[..<firstMention(atOrAfter: marker.range.lowerBound)].last(where: { $0.type == .policy }),
               marker.range.lowerBound - named.range.upperBound < 400, objectEnd > marker.range.upperBound {
                policies = [named]
                rule = "issued.generic-object"
            }
            guard !policies.isEmpty else { continue }
            let issuers = self.issuers(before: marker.range.lowerBound, sentence: sentence, cursor: cursor, mentions: mentions,
                                       firstMention: firstMention)
            for issuer in issuers {
                for policy in policies {
                    guard let issuerName = names[issuer.key], let policyName = names[policy.key] else { continue }
                    guard seen.insert(IssuedPairKey(issuer: issuerName, policy: policyName)).inserted else { continue }
                    if sentenceText == nil { sentenceText = .some(segments.sentenceText(at: sentenceIndex, cursor: cursor)) }
                    pairs.append(IssuedPair(issuer: issuerName, policy: policyName, rule: rule, sentence: sentenceText!,
                                            issuerOffsets: offsets(issuer.range, text), verbOffsets: offsets(marker.range, text),
                                            policyOffsets: offsets(policy.range, text)))
                }
            }
        }
        pairs += noticePairs(pairs, names: names)
        pairs += documentIssuerPairs(text: text, cursor: cursor, segments: segments, mentions: mentions, names: names, existing: pairs)
        return pairs
    }

    /// The end of a generic document noun right after a verb (印发文件, 印发了文件), or nil.
    func genericObject(after offset: Int, cursor: TextCursor) -> Int? {
        var start = offset
        if let completed = completedBytes.first(where: { cursor.matches($0, at: start) }) { start += completed.count }
        for word in objectBytes where cursor.matches(word, at: start) { return start + word.count }
        return nil
    }

    /// `issued.notice`: a notice titled 关于印发X的通知 issues X, by the notice's issuers.
    func noticePairs(_ pairs: [IssuedPair], names: EntityNames) -> [IssuedPair] {
        // Made only when a notice names a document (most texts have none): hashing every name costs.
        // Keys hashed as bytes (CanonicalKey, IssuedPairKey), equal exactly when the strings are.
        var entityNames: Set<CanonicalKey>? = nil
        var seen: Set<IssuedPairKey>? = nil
        var result: [IssuedPair] = []
        for pair in pairs {
            guard let inner = issuedDocument(inNotice: pair.policy) else { continue }
            if entityNames == nil {
                entityNames = Set(names.values.map(CanonicalKey.init))
                seen = Set(pairs.map { IssuedPairKey(issuer: $0.issuer, policy: $0.policy) })
            }
            guard entityNames!.contains(CanonicalKey(inner)),
                  seen!.insert(IssuedPairKey(issuer: pair.issuer, policy: inner)).inserted else { continue }
            var issued = pair
            issued.policy = inner
            issued.rule = "issued.notice"
            result.append(issued)
        }
        return result
    }

    /// X in 关于印发X的通知 (without 《》), or nil.
    func issuedDocument(inNotice title: String) -> String? {
        // A plain title that opens with no plain `notice-open` word's bytes opens with none (there a
        // byte prefix is a `String` prefix): most titles are turned down before `hasPrefix`.
        if let noticeOpenBytes {
            var title = title
            let opens = title.withUTF8 { bytes in
                PlainUTF8.plainCount(bytes) == nil || noticeOpenBytes.anyStarts(at: 0, before: bytes.count, in: bytes)
            }
            if !opens { return nil }
        }
        for open in noticeOpens where title.hasPrefix(open) {
            for close in noticeCloses where title.hasSuffix(close) {
                let body = title.dropFirst(open.count).dropLast(close.count)
                for verb in verbs where body.hasPrefix(verb) {
                    let inner = body.dropFirst(verb.count).trimmingCharacters(in: CharacterSet(charactersIn: "《》〈〉“”"))
                    if inner.count >= 4 { return inner }
                }
            }
        }
        return nil
    }

    /// `issued.report`, `issued.metadata` and `issued.signature`: who issued the
    /// document itself (its title policy: a work report near the top, or the policy of the first line).
    func documentIssuerPairs(text: NormalizedText, cursor: TextCursor, segments: TextSegments, mentions: [Mention],
                             names: EntityNames, existing: [IssuedPair]) -> [IssuedPair] {
        let bytes = cursor.bytes
        let firstLineEnd = bytes.prefix(600).firstIndex(of: 0x0A) ?? min(600, bytes.count)
        let head = mentions.prefix { $0.range.lowerBound < 600 }
        let report = head.first { mention in mention.type == .policy && reportTitles.contains { names[mention.key]?.hasSuffix($0) == true } }
        let title = report ?? head.first { $0.type == .policy && $0.range.upperBound <= firstLineEnd }
        guard let title, let policyName = names[title.key] else { return [] }
        var found: [(Mention, String, Range<Int>)] = []
        let starts = SortedStarts(mentions)
        // A body just before a cue: 代表市人民政府向大会报告工作, 发文机关：工业和信息化部 (after it).
        func search(_ words: [String], limit: Int, issuerAfter: Bool, rule: String) {
            for word in words {
                let needle = Array(word.utf8)
                // Only the first occurrence counts (below): found with memchr, not a look at every byte.
                let end = min(bytes.count, limit)
                if let cue = needle.isEmpty ? 0..<0 : cursor.firstRange(of: needle, in: 0..<end) {
                    let candidates = issuerAfter
                        ? Array(mentions[starts.firstIndex(atOrAfter: cue.upperBound)...].prefix(1)).filter { $0.range.lowerBound - cue.upperBound <= 12 }
                        : Array(mentions[..<starts.firstIndex(atOrAfter: cue.lowerBound)].suffix(1)).filter { cue.lowerBound - $0.range.upperBound <= 3 }
                    if let issuer = candidates.first, issuer.type == .government || issuer.type == .institution {
                        found.append((issuer, rule, cue))
                        return
                    } else if !issuerAfter, let issuer = bodyNamedShort(before: cue.lowerBound, cursor: cursor, mentions: mentions, names: names) {
                        found.append((issuer, rule, cue))
                        return
                    }
                    // Only the first occurrence is the document's own (a report is delivered once).
                    return
                }
            }
        }
        if report != nil { search(cues["report"] ?? [], limit: min(bytes.count, 8_192), issuerAfter: false, rule: "issued.report") }
        search(cues["label"] ?? [], limit: min(bytes.count, 8_192), issuerAfter: true, rule: "issued.metadata")
        // A body alone on one of the last three lines: the signature.
        if found.isEmpty {
            let tailStart = max(0, bytes.count - 400)
            for mention in mentions[starts.firstIndex(atOrAfter: tailStart)...] where mention.type == .government {
                let before = mention.range.lowerBound == 0 ? 0x0A : bytes[mention.range.lowerBound - 1]
                let after = mention.range.upperBound < bytes.count ? bytes[mention.range.upperBound] : 0x0A
                let lineBreaksAfter = bytes[mention.range.upperBound...].filter { $0 == 0x0A }.count
                if before == 0x0A, after == 0x0A || after == 0x0D, lineBreaksAfter <= 3, mention.range.lowerBound > firstLineEnd {
                    found.append((mention, "issued.signature", mention.range))
                }
            }
        }
        var result: [IssuedPair] = []
        for (issuer, rule, cue) in found {
            guard let issuerName = names[issuer.key],
                  !existing.contains(where: { $0.issuer == issuerName && $0.policy == policyName }),
                  !result.contains(where: { $0.issuer == issuerName }) else { continue }
            result.append(IssuedPair(issuer: issuerName, policy: policyName, rule: rule,
                                     sentence: segments.sentenceText(containing: cue.lowerBound, cursor: cursor),
                                     issuerOffsets: offsets(issuer.range, text), verbOffsets: offsets(cue, text),
                                     policyOffsets: offsets(title.range, text)))
        }
        return result
    }

    /// A body the text names by its short form just before `offset` (代表省人民政府向…,
    /// where the document names 陕西省人民政府 elsewhere): the mention of that body.
    func bodyNamedShort(before offset: Int, cursor: TextCursor, mentions: [Mention], names: EntityNames) -> Mention? {
        let lead = cursor.text(from: max(0, offset - 24), to: offset)
        let bodies = mentions.filter { $0.type == .government }
        // The longest tail of the lead (at least three characters) that ends a body's name.
        let characters = Array(lead)
        for length in stride(from: min(characters.count, 8), through: 3, by: -1) {
            let tail = String(characters.suffix(length))
            if let body = bodies.first(where: { names[$0.key]?.hasSuffix(tail) == true }) { return body }
            if length == 3 { break }
        }
        return nil
    }

    /// The bodies listed just before the verb.
    func issuers(before offset: Int, sentence: TextSegments.Sentence, cursor: TextCursor, mentions: [Mention],
                 firstMention: (Int) -> Int) -> [Mention] {
        var index = firstMention(offset) - 1
        var result: [Mention] = []
        var boundary = offset
        // Between the list and the verb: 近日, 日前, 联合, 先后, 等8部门 … but no clause break.
        while index >= 0, mentions[index].range.lowerBound >= sentence.range.lowerBound {
            let mention = mentions[index]
            // A part of a longer name (中国科学院 in 中国科学院…研究院) is not a list item.
            if mention.range.upperBound > boundary { index -= 1; continue }
            let gapRange = mention.range.upperBound..<max(mention.range.upperBound, boundary)
            if result.isEmpty {
                // Up to 20 characters: 等18个部委今天（1月4日）发布.
                guard Self.isListGap(gapRange, cursor: cursor) else { break }
                guard Self.issuerTypes.contains(mention.type) else { index -= 1; continue }
            } else {
                guard isJoiner(gapRange, cursor: cursor), Self.issuerTypes.contains(mention.type) else { break }
            }
            // 等8部门: only the named body before 等 counts, and the walk goes on before it.
            result.insert(mention, at: 0)
            boundary = mention.range.lowerBound
            index -= 1
        }
        return result
    }

    /// Whether the gap between the first issuer and the verb keeps them together: up to 20
    /// scalars, none of them ，,《“. On the scalars where the gap is plain (each scalar a
    /// character of its own: a scalar test is a `String.contains`), else on the `String`.
    static func isListGap(_ range: Range<Int>, cursor: TextCursor) -> Bool {
        if PlainWords.plainWindow(cursor.bytes, from: range.lowerBound, to: range.upperBound) == range {
            var index = range.lowerBound, count = 0
            while index < range.upperBound {
                let (scalar, length) = UTF8Bytes.scalar(in: cursor.bytes, at: index)
                if scalar == 0xFF0C || scalar == 0x2C || scalar == 0x300A || scalar == 0x201C { return false }
                count += 1
                if count > 20 { return false }
                index += length
            }
            return true
        }
        let gap = cursor.text(range)
        return gap.unicodeScalars.count <= 20 && !gap.contains("，") && !gap.contains(",") && !gap.contains("《") && !gap.contains("“")
    }

    /// Whether the gap between two issuers is empty or one of ``joiners``: its bytes compared
    /// where the gap is plain (there bytes are equal exactly when the strings are), else the `String`.
    func isJoiner(_ range: Range<Int>, cursor: TextCursor) -> Bool {
        if range.isEmpty { return true }
        if PlainWords.plainWindow(cursor.bytes, from: range.lowerBound, to: range.upperBound) == range {
            return joinerBytes.contains { $0.count == range.count && PlainWords.equal($0, cursor.bytes, at: range.lowerBound) }
        }
        return joiners.contains(cursor.text(range))
    }

    func offsets(_ range: Range<Int>, _ text: NormalizedText) -> [Int] {
        let original = text.originalRange(of: range)
        return [original.lowerBound, original.upperBound]
    }
}

/// An issued pair as the key `issuer→policy`, hashed and compared on the UTF-8 bytes of its
/// canonical composition: two keys are equal exactly when the two `String`s are `==`, without
/// normalising on every hash. Where both names are plain (``PlainUTF8/plainLength(_:at:)``) the
/// joined text is composed already (plain scalars have no decomposition and compose with
/// nothing; → composes only with U+0338, which is not plain), so its bytes are taken as they
/// are; other names are composed once, when the key is made (as ``CanonicalKey`` does).
struct IssuedPairKey: Hashable {
    let text: String

    init(issuer: String, policy: String) {
        let joined = issuer + "→" + policy
        text = Self.isPlain(issuer) && Self.isPlain(policy) ? joined : joined.precomposedStringWithCanonicalMapping
    }

    static func isPlain(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { PlainUTF8.plainCount($0) != nil }
    }

    static func == (lhs: IssuedPairKey, rhs: IssuedPairKey) -> Bool { ComposedBytes.equal(lhs.text, rhs.text) }

    func hash(into hasher: inout Hasher) { ComposedBytes.hash(text, into: &hasher) }
}
