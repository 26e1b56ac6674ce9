/// Policy titles built around 关于 (words in `patterns/issuance.tsv` and `patterns/titles.tsv`):
/// - `issuer-title`: a long title without 《》 that starts with its issuer,
///   国务院关于加快发展先进制造业的指导意见: a government body, a `notice-open`
///   word (关于), and a span that ends with 的 and a policy ending at the
///   same level of 《》 (nested titles are crossed whole);
/// - `notice:document`: in a notice that issues a document, …关于印发X的通知,
///   the notice and X are two policies; X is found inside the notice's title
///   (with or without 《》 or 〈〉 around it).
/// Linear: each body and each policy is looked at once, with a bounded walk.
struct NoticeTitles {
    let patterns: PatternLexicon
    /// The title endings by their last scalar, compiled with the lexicon.
    let words: RecognitionWords

    /// The longest title an issuer may open, in scalars.
    private static let maximumTitle = 80
    /// The shortest issued document, in scalars (关于印发方案的通知 names no document).
    private static let minimumDocument = 4

    func resolve(_ mentions: [Mention], cursor: TextCursor, titles: [TitleSpan]) -> [Mention] {
        let opens = words.noticeOpens
        guard !opens.isEmpty else { return mentions }
        let insideTitle = OverlapIndex(titles.map(\.outer))
        // Mentions are read in place by index: a copy of each would retain its strings.
        let policies = OverlapIndex(mentions.compactMap { $0.type == .policy ? $0.range : nil })
        // A policy named inside the span (its 《X》) is part of it; one across either edge is another title.
        func crossesPolicy(_ range: Range<Int>) -> Bool {
            policies.overlaps(range.lowerBound..<range.lowerBound) || policies.overlaps(range.upperBound..<range.upperBound)
        }
        var added: [Mention] = []
        for index in mentions.indices where mentions[index].type == .government && !insideTitle.overlaps(mentions[index].range) {
            let range = mentions[index].range
            guard let open = opens.first(where: { cursor.matches($0, at: range.upperBound) }),
                  let end = titleEnd(from: range.upperBound + open.count, endings: words.policyEndingBytes, cursor: cursor)
            else { continue }
            let title = range.lowerBound..<end
            guard !crossesPolicy(title), !(added.last.map { $0.range.overlaps(title) } ?? false) else { continue }
            added.append(policy(title, rule: "issuer-title", cursor: cursor))
        }
        var documents: [Mention] = []
        var policyRanges: [Range<Int>] = []
        for list in [mentions, added] {
            for index in list.indices where list[index].type == .policy {
                policyRanges.append(list[index].range)
                guard let inner = issuedDocument(in: list[index].range, opens: opens, closes: words.noticeCloses,
                                                 verbs: words.issuanceVerbBytes, cursor: cursor) else { continue }
                documents.append(policy(inner, rule: "notice:document", cursor: cursor))
            }
        }
        guard !added.isEmpty || !documents.isEmpty else { return mentions }
        // A document also named in its own 《》 inside the notice is that mention already.
        let existing = Set(policyRanges)
        var all = mentions + added
        all += documents.filter { !existing.contains($0.range) }
        all.sort { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
        return all
    }

    /// Where a title that opens at `start` ends: after 的 and the longest
    /// policy ending, outside any nested 《》, extended over further 的 + ending
    /// (关于…的意见的通知); `nil` at punctuation, a line break or the length limit.
    private func titleEnd(from start: Int, endings: [[UInt8]], cursor: TextCursor) -> Int? {
        let ofWords = words.titleOfBytes
        var position = start
        var depth = 0
        var scalars = 0
        var end: Int? = nil
        while scalars < Self.maximumTitle, let (scalar, next) = cursor.scalar(at: position) {
            if scalar == .leftTitle || scalar == 0x3008 { depth += 1 } else if scalar == .rightTitle || scalar == 0x3009 {
                guard depth > 0 else { break }
                depth -= 1
            } else if !isTitleScalar(scalar) {
                break
            }
            if depth == 0, scalars > 0, let of = ofWords.first(where: { cursor.matches($0, at: position) }),
               case let afterOf = position + of.count,
               let ending = endings.first(where: { cursor.matches($0, at: afterOf) }) {
                end = afterOf + ending.count
                position = end!
                scalars += of.count / 3 + ending.count / 3
                // 的通知 after 的意见: the title goes on.
                continue
            }
            if end != nil { break }
            position = next
            scalars += 1
        }
        return end
    }

    private func isTitleScalar(_ scalar: UInt32) -> Bool {
        ScalarClass.isIdeograph(scalar) || ScalarClass.isASCIIAlphanumeric(scalar) || scalar == .leftQuote || scalar == .rightQuote
            || scalar == 0x2014 || scalar == 0x2D || scalar == 0xB7 || scalar == 0xFF08 || scalar == 0xFF09
    }

    /// X's range in a notice …关于印发X的通知 spanning `range`, without 《》, 〈〉 or quotes around it.
    private func issuedDocument(in range: Range<Int>, opens: [[UInt8]], closes: [[UInt8]], verbs: [[UInt8]],
                                cursor: TextCursor) -> Range<Int>? {
        guard let close = closes.first(where: { range.count > $0.count && cursor.matches($0, at: range.upperBound - $0.count) })
        else { return nil }
        var end = range.upperBound - close.count
        // The notice's 关于 may follow its issuer: search it from the start.
        for open in opens {
            for at in cursor.occurrences(of: open, in: range.lowerBound..<end) {
                guard let verb = verbs.first(where: { cursor.matches($0, at: at + open.count) }) else { continue }
                var start = at + open.count + verb.count
                if let (first, next) = cursor.scalar(at: start), Self.brackets.contains(first) { start = next }
                if let (last, previous) = cursor.scalar(before: end), Self.brackets.contains(last) { end = previous }
                guard start < end, cursor.scalarCount(start..<end) >= Self.minimumDocument else { return nil }
                let inner = cursor.text(start..<end)
                guard let kind = words.titleClass(of: TitleRecognizer.removingQualifier(inner, qualifiers: patterns.titleQualifiers, yearUnits: patterns.yearUnits)),
                      kind == .policy || kind == .named else { return nil }
                return start..<end
            }
        }
        return nil
    }

    /// 《》, 〈〉 and quotes around an issued document's name.
    private static let brackets: Set<UInt32> = [.leftTitle, .rightTitle, 0x3008, 0x3009, .leftQuote, .rightQuote]

    private func policy(_ range: Range<Int>, rule: String, cursor: TextCursor) -> Mention {
        let surface = cursor.text(range)
        let core = TitleRecognizer.removingQualifier(surface, qualifiers: patterns.titleQualifiers, yearUnits: patterns.yearUnits)
        return Mention(range: range, type: .policy, surface: surface, entityIndex: nil, rule: rule, key: "policy:\(core)")
    }
}
