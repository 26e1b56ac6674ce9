import Foundation

/// The subject rules of ``TargetExtractor``: who holds a target.
///
/// - `subject.speaker`: the nearest holder before the time that states it (《意见》提出, 丰田汽车宣布…);
/// - `subject.after-time`: 2024年，北京将… (a holder right after the time);
/// - `subject.nearest`: the nearest holder before the time in the sentence, with its
///   coordinated list (上汽、广汽、长安等车企); places only when they act;
/// - `subject.document`: a sentence without a subject after a policy named in its
///   paragraph (…印发《通知》。到2025年，…): the document's goal;
/// - `subject.carried`: else the paragraph's speaker or last holder, never one of
///   another paragraph;
/// - `subject.report`: in a government work report, every goal (but a person's) is
///   the report's province's or city's.
extension TargetExtractor {
    /// Whether a policy is issued where it is named: an issuing verb just before
    /// it (联合印发《…》, 发布了《…》) or just after it (《…》印发).
    func isIssued(_ mention: Mention, cursor: TextCursor) -> Bool {
        if let issuingBytes, let issued = isIssuedOnBytes(mention, words: issuingBytes, bytes: cursor.bytes) { return issued }
        return isIssuedOnString(mention, cursor: cursor)
    }

    /// ``isIssued(_:cursor:)`` on `String`s, for text the byte path does not cover.
    func isIssuedOnString(_ mention: Mention, cursor: TextCursor) -> Bool {
        var before = cursor.text(from: max(0, mention.range.lowerBound - 12), to: mention.range.lowerBound)
        while let last = before.last, last.unicodeScalars.count == 1, issuedLeadScalars.contains(last.unicodeScalars.first!.value) { before.removeLast() }
        let after = cursor.text(from: mention.range.upperBound, to: min(cursor.bytes.count, mention.range.upperBound + 12))
        let trimmed = after.drop { "》”\" ".contains($0) }
        return issuing.contains { before.hasSuffix($0) || trimmed.hasPrefix($0) }
    }

    /// ``isIssued(_:cursor:)`` on bytes, where the twelve bytes on each side are plain
    /// (``PlainWords``); `nil` elsewhere.
    func isIssuedOnBytes(_ mention: Mention, words: PlainWords, bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        let start = mention.range.lowerBound, end = mention.range.upperBound
        guard let before = PlainWords.plainWindow(bytes, from: max(0, start - 12), to: start),
              let after = PlainWords.plainWindow(bytes, from: end, to: min(bytes.count, end + 12)) else { return nil }
        // Before: without the 《“"了 and spaces that end it.
        var verbEnd = before.upperBound
        while verbEnd > before.lowerBound, let previous = PlainUTF8.plainStart(bytes, before: verbEnd), previous >= before.lowerBound,
              issuedLeadScalars.contains(UTF8Bytes.scalar(in: bytes, at: previous).value) {
            verbEnd = previous
        }
        if words.anyEnds(at: verbEnd, after: before.lowerBound, in: bytes) { return true }
        // After: without the 》”" and spaces that open it.
        var verbStart = after.lowerBound
        while verbStart < after.upperBound, let length = PlainUTF8.plainLength(bytes, at: verbStart),
              Self.isIssuedTrailMark(bytes, verbStart..<(verbStart + length)) {
            verbStart += length
        }
        return words.anyStarts(at: verbStart, before: after.upperBound, in: bytes)
    }

    /// 》 ” " or a space.
    static func isIssuedTrailMark(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let scalar = UTF8Bytes.scalar(in: bytes, at: range.lowerBound).value
        return scalar == 0x300B || scalar == 0x201D || scalar == 0x22 || scalar == 0x20
    }

    /// How far into the text the region a work report's title names is looked for, in bytes.
    static let reportRegionReach = 4000

    /// The region of a government work report (2026年某市政府工作报告): the region its
    /// title names. `nil` for other documents.
    func reportHolder(holders: [Mention], names: EntityNames, cursor: TextCursor) -> Holder? {
        // The title: the first line, or a policy named near the top.
        let firstLineEnd = cursor.bytes.prefix(600).firstIndex(of: 0x0A) ?? min(600, cursor.bytes.count)
        // The holders are in text order: the walk stops at the first one past the top (each
        // looked at in place, not copied).
        var policyTitle: String? = nil
        for index in holders.indices {
            guard holders[index].range.lowerBound < 600 else { break }
            guard holders[index].type == .policy, let name = names[holders[index].key],
                  vocabulary.reportTitles.contains(where: { name.hasSuffix($0) }) else { continue }
            policyTitle = name
            break
        }
        guard policyTitle != nil || firstLineNamesReport(end: firstLineEnd, cursor: cursor) else { return nil }
        let firstLine = cursor.text(from: 0, to: firstLineEnd)
        for title in [policyTitle, firstLine].compactMap({ $0 }) {
            for mention in holders where mention.type == .region && mention.range.lowerBound < Self.reportRegionReach {
                guard let name = names[mention.key], title.contains(mention.surface) || title.contains(name) else { continue }
                return Holder(mention: mention, name: name)
            }
        }
        return nil
    }

    /// Whether the first line (bytes `0..<end`) holds a `report-title` word: on bytes where the
    /// line and the words are plain (``PlainWords``: there a byte search is `String.contains`),
    /// else on the `String`.
    func firstLineNamesReport(end: Int, cursor: TextCursor) -> Bool {
        if let reportTitleBytes, let line = PlainWords.plainWindow(cursor.bytes, from: 0, to: end) {
            return reportTitleBytes.words.contains { cursor.firstRange(of: $0, in: line) != nil }
        }
        let firstLine = cursor.text(from: 0, to: end)
        return vocabulary.reportTitles.contains(where: { firstLine.contains($0) })
    }

    /// `subject.short-title`: a clause that opens with a policy's bare title word and a
    /// verb of stating (方案指，…; 意见提出…) is the latest policy of that kind speaking.
    /// Offsets in text order, for the extractor to carry.
    ///
    /// Only the speakers whose offset is below `bound` are given: the clauses from `bound` on are not read.
    func shortTitleSpeakers(holders: [Mention], names: EntityNames, segments: TextSegments,
                            cursor: TextCursor, before bound: Int = .max) -> [(offset: Int, holder: Holder)] {
        // The policies among the holders, by index (a Mention is costly to copy).
        let policies = holders.indices.filter { holders[$0].type == .policy }
        // The clauses that open with a title word and a verb of stating after it, first: only such a
        // clause can speak for a policy, and many texts have none, so that no policy's name is read.
        // Those that end before every policy does speak for none (the first titled policy ends no
        // earlier), and are not read.
        guard let earliestEnd = policies.lazy.map({ holders[$0].range.upperBound }).min() else { return [] }
        let candidates = shortTitleClauses(endingFrom: earliestEnd, segments: segments, cursor: cursor, before: bound)
        guard !candidates.isEmpty else { return [] }
        // Each policy's name and title endings, found in text order up to the first policy that
        // has one: before it ends no clause can speak for a policy, and without it none can.
        var titled: [(name: String, endings: [Int])?] = []
        func readPolicy(_ index: Int) -> (name: String, endings: [Int])? {
            guard let name = names[holders[policies[index]].key] else { return nil }
            return (name, shortTitleEndings(of: name))
        }
        while titled.count < policies.count, titled.last??.endings.isEmpty ?? true { titled.append(readPolicy(titled.count)) }
        guard let first = titled.last??.endings.isEmpty, !first else { return [] }
        let firstEnd = holders[policies[titled.count - 1]].range.upperBound
        var policyIndex = 0
        // By the ending's index in `shortTitles.words` (unique words), so that no String is hashed per clause.
        var latestByEnding: [Int: Holder] = [:]
        var result: [(offset: Int, holder: Holder)] = []
        for candidate in candidates where candidate.clauseEnd >= firstEnd {
            // The policies named so far, by their title word (caught up at each clause that may speak:
            // the same policies, in the same order, as at every clause).
            while policyIndex < policies.count, holders[policies[policyIndex]].range.upperBound <= candidate.start {
                let policy = policies[policyIndex]
                if let (name, endings) = policyIndex < titled.count ? titled[policyIndex] : readPolicy(policyIndex), !endings.isEmpty {
                    let holder = Holder(mention: holders[policy], name: name)
                    for ending in endings { latestByEnding[ending] = holder }
                }
                policyIndex += 1
            }
            guard let holder = latestByEnding[candidate.word] else { continue }
            result.append((candidate.start, holder))
        }
        return result
    }

    /// The clauses ending at or after `offset` that open with a ``shortTitles`` word (after a 《
    /// or “) followed closely by a ``stating`` word (方案指，意见提出): each clause's end, the
    /// word's start and the word's index, in text order (read from the one array of every
    /// clause, ``TextSegments/clauses``, whose ends rise).
    /// Only the words that start before `bound` are given (the clauses that start at or after it are not read).
    func shortTitleClauses(endingFrom offset: Int, segments: TextSegments, cursor: TextCursor,
                           before bound: Int = .max) -> [(clauseEnd: Int, start: Int, word: Int)] {
        var found: [(clauseEnd: Int, start: Int, word: Int)] = []
        segments.clauses.withUnsafeBufferPointer { clauses in
            var low = 0, high = clauses.count
            while low < high {
                let mid = (low + high) / 2
                if clauses[mid].upperBound < offset { low = mid + 1 } else { high = mid }
            }
            let bytes = cursor.bytes
            for clause in clauses[low...] {
                // Clauses are in text order: a word of this one or a later one starts at `bound` or after.
                if clause.lowerBound >= bound { break }
                var start = clause.lowerBound
                // A 《 (U+300A) or “ (U+201C) opening the clause: only a lead E2, E3 or F0 and above
                // decodes to either (``UTF8Bytes/scalar(in:at:)``), so no other clause has a scalar decoded.
                let lead = start < bytes.count ? bytes[start] : 0
                if lead == 0xE2 || lead == 0xE3 || lead >= 0xF0,
                   let (scalar, next) = cursor.scalar(at: start), scalar == .leftTitle || scalar == .leftQuote {
                    start = next
                }
                guard startsShortTitle(at: start, in: bytes),
                      let (word, end) = shortTitles.word(at: start, in: cursor.bytes, limit: clause.upperBound) else { continue }
                var after = end
                if let (scalar, next) = cursor.scalar(at: after), scalar == .rightTitle || scalar == .rightQuote { after = next }
                let window = after..<min(clause.upperBound + 3, after + 12, cursor.bytes.count)
                guard stating.occurs(in: window, of: cursor.bytes) else { continue }
                if start < bound { found.append((clause.upperBound, start, word)) }
            }
        }
        return found
    }

    /// Whether a short title word may start at `index`: when every word starts with a
    /// three-byte scalar (every Chinese character), only a three-byte sequence whose scalar
    /// starts one can begin a word's bytes; most clauses open with another, and are passed
    /// without a walk of the matcher.
    @inline(__always)
    func startsShortTitle(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if shortTitleFirstScalars.others { return true }
        guard index &+ 2 < bytes.count else { return false }
        let lead = bytes[index]
        guard lead & 0xF0 == 0xE0, bytes[index &+ 1] & 0xC0 == 0x80, bytes[index &+ 2] & 0xC0 == 0x80 else { return false }
        let block = Int(lead & 0x0F) &<< 6 | Int(bytes[index &+ 1] & 0x3F)
        return shortTitleFirstScalars.bits[block] & (1 &<< UInt64(bytes[index &+ 2] & 0x3F)) != 0
    }

    /// The indices in `shortTitles.words` of the words `name` ends with, in their order: on
    /// bytes when every scalar of the name and of the words is plain (``TopicScalars/isPlain(_:)``:
    /// there a byte suffix is a `String` suffix), else with `String.hasSuffix`.
    func shortTitleEndings(of name: String) -> [Int] {
        var name = name
        let endings = name.withUTF8 { bytes -> [Int]? in
            guard let shortTitleBytes, TopicScalars.allPlain(0..<bytes.count, in: bytes) else { return nil }
            // Only the words that end with the name's last byte can end it.
            guard let last = bytes.last else { return [] }
            return shortTitlesByLastByte[Int(last)].filter { index in
                let ending = shortTitleBytes[index]
                return ending.count <= bytes.count && bytes[(bytes.count - ending.count)...].elementsEqual(ending)
            }
        }
        return endings ?? shortTitles.words.indices.filter { name.hasSuffix(shortTitles.words[$0]) }
    }

    /// `target.heading-year`: in a work report, a sentence that opens an indicator
    /// list (主要预期目标是：生产总值增长5%左右，…) and names no time is dated by the last
    /// short heading line with a year above it (三、2026年重点工作); one target, the first
    /// indicator with its value, held by the report's region.
    func headingYearTargets(report: Holder, times: [TimeExpression], segments: TextSegments, cursor: TextCursor,
                            text: NormalizedText) -> [ExtractedTarget] {
        var results: [ExtractedTarget] = []
        var timeIndex = 0
        var heading: TimeExpression? = nil
        for sentence in segments.sentences {
            var ownTime = false
            while timeIndex < times.count, times[timeIndex].range.lowerBound < sentence.range.upperBound {
                let time = times[timeIndex]
                timeIndex += 1
                guard time.range.lowerBound >= sentence.range.lowerBound else { continue }
                ownTime = true
                // A heading: a short line of its own with a calendar year.
                if sentence.range.count <= 90, !time.value.relative, time.value.precision == .year, time.value.relation == .in {
                    heading = time
                }
            }
            guard !ownTime, let heading, let colon = indicatorCueBytes.lazy.compactMap({ cue -> Int? in
                guard let at = cursor.firstRange(of: cue, in: sentence.range) else { return nil }
                return self.listStart(after: at.upperBound, sentence: sentence, cursor: cursor)
            }).first else { continue }
            guard let clause = sentence.clauses.first(where: { $0.lowerBound >= colon }),
                  let action = findAction(in: clause, cursor: cursor),
                  let value = findValue(in: action.upperBound..<clause.upperBound, cursor: cursor) else { continue }
            var target = makeTarget(holder: report, time: heading, action: cursor.text(action),
                                    topic: cleanTopic(in: clause.lowerBound..<max(clause.lowerBound, action.lowerBound), cursor: cursor),
                                    value: value, modality: "goal", quote: cursor.text(from: sentence.range.lowerBound, to: clause.upperBound),
                                    rule: "target.heading-year", text: text, cursor: cursor, actionRange: action)
            target.subjectOffsets = originalOffsets(report.mention.range, text)
            results.append(target)
        }
        return results
    }

    // MARK: Subject

    /// The holders of the target at `time`: `holders` are the sentence's holders in text order
    /// and `names` their output names (slices of the extractor's lists, at the same indices).
    func subjects(of time: TimeExpression, sentence: TextSegments.Sentence, cursor: TextCursor, holders: ArraySlice<Mention>,
                  names: ArraySlice<String>, carried: (Holder, String)?) -> ([Holder], String)? {
        // Subjects are looked for after the last semicolon before the time first:
        // clauses joined by ； usually have subjects of their own.
        var windowStart = sentence.range.lowerBound
        for clause in sentence.clauses where clause.upperBound <= time.range.lowerBound {
            if let (mark, _) = cursor.scalar(at: clause.upperBound), mark == 0xFF1B || mark == 0x3B { windowStart = clause.upperBound }
        }
        if windowStart > sentence.range.lowerBound,
           let found = subjects(of: time, from: windowStart, sentence: sentence, cursor: cursor, holders: holders, names: names) {
            return found
        }
        if let found = subjects(of: time, from: sentence.range.lowerBound, sentence: sentence, cursor: cursor, holders: holders, names: names) {
            return found
        }
        if let (holder, rule) = carried { return ([holder], rule) }
        return nil
    }

    func subjects(of time: TimeExpression, from windowStart: Int, sentence: TextSegments.Sentence, cursor: TextCursor,
                  holders: ArraySlice<Mention>, names: ArraySlice<String>) -> ([Holder], String)? {
        // The holders of the window, as indices into `holders` (a Mention is costly to copy).
        let inSentence = holders.indices.filter { holders[$0].range.lowerBound >= windowStart && sentence.range.contains(holders[$0].range.lowerBound) }
        // subject.speaker: the nearest holder before the time that states it (《意见》提出, 丰田汽车宣布…).
        if let speaker = inSentence.last(where: { holders[$0].range.upperBound <= time.range.lowerBound && isSpeaker(holders[$0], cursor: cursor) }) {
            return (coordinated(with: speaker, in: inSentence, holders: holders, names: names, cursor: cursor), "subject.speaker")
        }
        // subject.after-time: 2024年，北京将… / 到2026年,无锡高新区(新吴区)未来产业规模达到…
        if let first = inSentence.first(where: { holders[$0].range.lowerBound >= time.range.upperBound }) {
            let gap = cursor.text(from: time.range.upperBound, to: holders[first].range.lowerBound)
            if gap.unicodeScalars.count <= 1, gap.unicodeScalars.allSatisfy({ timeSubjectGapScalars.contains($0.value) }), holders[first].type != .person {
                return ([Holder(mention: holders[first], name: names[first])], "subject.after-time")
            }
        }
        // subject.nearest: the nearest holder before the time, places only when they act.
        for index in inSentence.reversed() where holders[index].range.upperBound <= time.range.lowerBound {
            let mention = holders[index]
            // Far from the time, a holder is another sentence's subject run on by layout.
            if cursor.scalarCount(mention.range.upperBound..<time.range.lowerBound) > 80 { break }
            if mention.type == .region || mention.type == .zone {
                guard stating.word(at: mention.range.upperBound, in: cursor.bytes, limit: sentence.range.upperBound) != nil else { continue }
            }
            return (coordinated(with: index, in: inSentence, holders: holders, names: names, cursor: cursor), "subject.nearest")
        }
        return nil
    }

    /// The holder at `last` and those listed with it: 上汽、广汽、长安 (`inSentence`: indices into `holders`).
    func coordinated(with last: Int, in inSentence: [Int], holders: ArraySlice<Mention>, names: ArraySlice<String>,
                     cursor: TextCursor) -> [Holder] {
        let lastMention = holders[last]
        // Where the holder is first listed among equal mentions, as the walk on mentions found it.
        guard var position = inSentence.firstIndex(where: { holders[$0] == lastMention }) else {
            return [Holder(mention: lastMention, name: names[last])]
        }
        var result = [inSentence[position]]
        while position > 0 {
            let previous = inSentence[position - 1]
            let gap = cursor.text(from: holders[previous].range.upperBound, to: holders[result[0]].range.lowerBound)
            guard holders[previous].type == lastMention.type, holderJoiners.contains(gap) else { break }
            result.insert(previous, at: 0)
            position -= 1
        }
        // subject.co-issuers: bodies acting together state one goal; it is the first-named body's
        // (companies listed together each promise for themselves).
        if lastMention.type == .government, let first = result.first { result = [first] }
        return result.map { Holder(mention: holders[$0], name: names[$0]) }
    }

}

extension TextCursor {
    /// The first occurrence of `word` inside `range` (sentences are bounded, so this is too).
    func firstRange(of word: String, in range: Range<Int>) -> Range<Int>? {
        firstRange(of: Array(word.utf8), in: range)
    }

    /// The first occurrence of `needle` inside `range`: candidates found with `memchr` on its
    /// last byte (a Chinese lead byte is everywhere, a last byte is not), as ``occurrences(of:in:)`` does.
    func firstRange(of needle: [UInt8], in range: Range<Int>) -> Range<Int>? {
        guard !needle.isEmpty, range.count >= needle.count, let base = bytes.baseAddress else { return nil }
        let tail = needle.count - 1, lastByte = Int32(needle[tail])
        var index = range.lowerBound
        while index + needle.count <= range.upperBound {
            guard let found = memchr(base + index + tail, lastByte, range.upperBound - (index + tail)) else { return nil }
            let start = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) - tail
            if matches(needle, at: start) { return start..<(start + needle.count) }
            index = start + 1
        }
        return nil
    }
}
