/// The sentences that can hold a target, found before any time is parsed.
///
/// A target has an action: ``TargetExtractor/findAction(in:cursor:)`` finds an `action` word
/// after the time, inside the time's sentence. A sentence without an action word therefore holds
/// no target whatever its times say, and its times need not be parsed (a time parse is the
/// costliest step per byte of the target rules). One pass over the text lists, for each sentence,
/// where its last action word starts (`nil`: none); the time scan then reads only the runs of
/// sentences that have one, and a time after its sentence's last action word is passed over too.
///
/// The scan of a run gives the expressions the scan of the whole text gives inside it, because a
/// run starts right after a sentence end (。！？!? or a line break) and ends where the next run-less
/// sentence starts: no time expression holds such a mark (``scansBySentence(_:)``), so none crosses
/// a run's edge, and the grammar looks behind an expression's start only for a URL's or code's
/// bytes (ASCII letters, /, _, =, &), which a sentence end is not. Sentences cut without a mark
/// (a long run of text, cut at a clause mark or at ``TextSegments/maximumSentence``) are read
/// together with their neighbours.
struct ActionSentences {
    /// For each sentence of the segments, the start of its last action word (ending inside it).
    let lastAction: [Int?]
    /// The byte ranges the time scan reads: runs of whole sentences with an action word, each with
    /// the bytes up to the next sentence.
    let runs: [Range<Int>]

    /// The first scalars of `words` that are three bytes long (U+0800…U+FFFF, every Chinese
    /// character), one bit each; and whether a word starts with a scalar of another length.
    static func firstScalarBits(_ words: [String]) -> (bits: [UInt64], others: Bool) {
        var scalars: Set<UInt32> = []
        var others = false
        for word in words {
            guard let first = word.unicodeScalars.first else { continue }
            if first.value >= 0x800 && first.value < 0x10000 { scalars.insert(first.value) } else { others = true }
        }
        return (TimeNormalizer.bits(scalars), others)
    }

    /// Lists the sentences' last action words and the runs to scan.
    init(segments: TextSegments, bytes: UnsafeBufferPointer<UInt8>, actions: WordMatcher, firstScalars: (bits: [UInt64], others: Bool)) {
        let sentences = segments.sentences
        var last: [Int?] = []
        last.reserveCapacity(sentences.count)
        firstScalars.bits.withUnsafeBufferPointer { bits in
            for sentence in sentences {
                last.append(Self.lastActionStart(in: sentence.range, bytes: bytes, actions: actions, bits: bits, others: firstScalars.others))
            }
        }
        lastAction = last
        runs = Self.runs(sentences: sentences, keep: last.map { $0 != nil }, bytes: bytes)
    }

    /// The start of the last `actions` word that starts at a scalar of `range` and ends inside it.
    /// The range is read forwards, a whole three-byte sequence at a time (most of Chinese text),
    /// each first tested against `bits`; from the first word found on, every place is asked.
    @inline(__always)
    static func lastActionStart(in range: Range<Int>, bytes: UnsafeBufferPointer<UInt8>, actions: WordMatcher,
                                bits: UnsafeBufferPointer<UInt64>, others: Bool) -> Int? {
        var index = range.lowerBound
        let count = bytes.count
        while index < range.upperBound {
            let lead = bytes[index]
            if lead & 0xF0 == 0xE0, index &+ 3 <= count, bytes[index &+ 1] & 0xC0 == 0x80, bytes[index &+ 2] & 0xC0 == 0x80 {
                let block = Int(lead & 0x0F) &<< 6 | Int(bytes[index &+ 1] & 0x3F)
                if bits[block] & (1 &<< UInt64(bytes[index &+ 2] & 0x3F)) == 0 { index &+= 3; continue }
            } else if lead & 0xC0 == 0x80 || (!others && lead & 0xF0 != 0xE0) {
                // A continuation byte starts no word; nor, when every word starts with a three-byte
                // scalar, does another lead (a cut three-byte lead is asked below).
                index &+= 1
                continue
            }
            if let end = actions.shortestEnd(at: index, in: bytes), end <= range.upperBound {
                // The last one: the rest of the range is asked place by place (backwards, from its end).
                var back = range.upperBound
                while back > index {
                    back -= 1
                    if UTF8Bytes.isContinuation(bytes[back]) { continue }
                    if let end = actions.shortestEnd(at: back, in: bytes), end <= range.upperBound { return back }
                }
                return index
            }
            index &+= 1
        }
        return nil
    }

    /// The runs of kept sentences, each from its first sentence's start to the next sentence's start
    /// (or the text's end). A sentence that starts after no sentence end is read with the one before it.
    static func runs(sentences: [TextSegments.Sentence], keep: [Bool], bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var keep = keep
        // Whether sentence `index` starts right after a sentence end (or at the text's start).
        func startsClean(_ index: Int) -> Bool {
            let start = sentences[index].range.lowerBound
            guard start > 0 else { return true }
            let previous = UTF8Bytes.previousScalarStart(in: bytes, before: start)
            let (scalar, length) = UTF8Bytes.scalar(in: bytes, at: previous)
            guard previous + length == start else { return false }
            return isSentenceEnd(scalar)
        }
        let clean = sentences.indices.map(startsClean)
        // A sentence joined to the one before it (no end between them) is kept with it, both ways.
        for index in sentences.indices.dropFirst() where !clean[index] && keep[index - 1] { keep[index] = true }
        for index in sentences.indices.dropFirst().reversed() where !clean[index] && keep[index] { keep[index - 1] = true }
        var runs: [Range<Int>] = []
        var index = 0
        while index < sentences.count {
            guard keep[index] else { index += 1; continue }
            let start = sentences[index].range.lowerBound
            while index < sentences.count, keep[index] { index += 1 }
            let end = index < sentences.count ? sentences[index].range.lowerBound : bytes.count
            runs.append(start..<end)
        }
        return runs
    }

    /// 。！？!? or a line break: the marks after which a sentence starts clean.
    @inline(__always)
    static func isSentenceEnd(_ scalar: UInt32) -> Bool {
        scalar == 0x0A || scalar == 0x3002 || scalar == 0xFF01 || scalar == 0xFF1F || scalar == 0x21 || scalar == 0x3F
    }

    /// Whether the time scan may read runs of sentences instead of the whole text: no word of
    /// `vocabulary` (nor a folded form) holds a sentence end, so no expression crosses one. The
    /// grammar's own words hold none (tested).
    static func scansBySentence(_ vocabulary: TimeVocabulary) -> Bool {
        var words: [String] = vocabulary.foldings.flatMap { [$0.from, $0.to] }
        words += vocabulary.relativeYears.map(\.word) + vocabulary.standaloneRelativeYears.map(\.word)
        words += vocabulary.yearParts.map(\.word) + vocabulary.standaloneYearParts.map(\.word)
        words += vocabulary.relativeMonths.map(\.word) + vocabulary.standaloneRelativeMonths.map(\.word)
        words += vocabulary.relativeQuarters.map(\.word) + vocabulary.monthParts + vocabulary.plans.map(\.name)
        words += vocabulary.planTails + vocabulary.planEnds + vocabulary.planPeriods + vocabulary.suffixes.map(\.word)
        return !words.contains { word in word.unicodeScalars.contains { isSentenceEnd($0.value) } }
    }

    /// The time expressions of the runs, as ``TimeNormalizer/expressions(in:reference:)`` of the
    /// whole text gives them there, in text order.
    func times(in bytes: UnsafeBufferPointer<UInt8>, normalizer: TimeNormalizer, reference: ReferenceDate?) -> [TimeExpression] {
        var result: [TimeExpression] = []
        for run in runs {
            for var time in normalizer.expressions(in: UnsafeBufferPointer(rebasing: bytes[run]), reference: reference) {
                time.range = (time.range.lowerBound + run.lowerBound)..<(time.range.upperBound + run.lowerBound)
                result.append(time)
            }
        }
        return result
    }
}
