/// Named measure packages (rule `measure-package`): a name and a count of
/// articles, in quotes (“稳企十条”, “人才20条”), or unquoted after an issuing
/// or opening word or in a list (推出招商引资30条、工业30条). Article numbers
/// (第30条), counts without a name (提出10条) and counts of other things
/// (产业链达到12条) are not. Linear: each 条 is looked at once.
struct MeasurePackages {
    let patterns: PatternLexicon
    /// The word sets, compiled once with the lexicon.
    let words: RecognitionWords

    func resolve(_ mentions: [Mention], cursor: TextCursor) -> [Mention] {
        let stops = words.measureStops
        let openers = words.measureOpeners
        var found: [Mention] = []
        let index = OverlapIndex(mentions.map(\.range))
        // The count words' places in text order (one word: its own search).
        var places: [(start: Int, length: Int)] = []
        for word in words.measureCountBytes {
            places += cursor.occurrences(of: word, in: 0..<cursor.bytes.count).map { ($0, word.count) }
        }
        if words.measureCountBytes.count > 1 { places.sort { $0.start < $1.start } }
        for (tiao, length) in places {
            guard let countStart = countStart(before: tiao, cursor: cursor) else { continue }
            var end = tiao + length
            if let after = words.measureAfterBytes.first(where: { cursor.matches($0, at: end) }) { end += after.count }
            let quoted = cursor.scalar(at: end)?.value == .rightQuote
            guard quoted || boundary(at: end, cursor: cursor) else { continue }
            guard let start = nameStart(before: countStart, quoted: quoted, stops: stops, cursor: cursor) else { continue }
            if !quoted {
                // Unquoted: an issuing or opening word or 、 before, or 、 or 等 after.
                let opened = openers.endsWord(at: start, in: cursor)
                    || cursor.scalar(before: start)?.value == 0x3001
                let listed = cursor.scalar(at: end)?.value == 0x3001 || words.listCloserBytes.contains { cursor.matches($0, at: end) }
                guard opened || listed else { continue }
            }
            let range = start..<end
            guard !index.overlaps(range), found.last.map({ $0.range.upperBound <= start }) ?? true else { continue }
            let surface = cursor.text(range)
            found.append(Mention(range: range, type: .policy, surface: surface, entityIndex: nil, rule: "measure-package", key: "policy:\(surface)"))
        }
        guard !found.isEmpty else { return mentions }
        return (mentions + found).sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
    }

    /// The start of the count before 条: digits (30, 3+24) or Chinese numerals (十, 二十).
    private func countStart(before position: Int, cursor: TextCursor) -> Int? {
        var start = position
        var count = 0
        while let (scalar, previous) = cursor.scalar(before: start), count < 6,
              ScalarClass.isDigit(scalar) || scalar == 0x2B || words.measureNumerals.contains(scalar) {
            start = previous
            count += 1
        }
        return count > 0 ? start : nil
    }

    /// The start of the name before the count: two to eight ideographs after an
    /// opening quote (quoted), or after punctuation, 、 or a stop or issuing word.
    private func nameStart(before end: Int, quoted: Bool, stops: WordSet, cursor: TextCursor) -> Int? {
        var start = end
        var count = 0
        while let (scalar, previous) = cursor.scalar(before: start), count < 8 {
            if quoted {
                if scalar == .leftQuote { return count >= 2 ? start : nil }
            } else if count >= 2, stops.endsWord(at: start, in: cursor) {
                break
            }
            guard ScalarClass.isIdeograph(scalar) else { break }
            start = previous
            count += 1
        }
        if quoted { return nil }
        guard (2...8).contains(count) else { return nil }
        // 第30条 is an article; 了, 的 … before the count is a verb phrase.
        if words.measureOrdinalBytes.contains(where: { cursor.matches($0, at: start) }) { return nil }
        if let (before, _) = cursor.scalar(before: start), ScalarClass.isIdeograph(before), !stops.endsWord(at: start, in: cursor) { return nil }
        return start
    }

    private func boundary(at position: Int, cursor: TextCursor) -> Bool {
        guard let (scalar, _) = cursor.scalar(at: position) else { return true }
        return !ScalarClass.isIdeograph(scalar) || words.listCloserBytes.contains { cursor.matches($0, at: position) }
    }
}
