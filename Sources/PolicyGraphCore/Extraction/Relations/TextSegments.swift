import Foundation

/// Sentences and clauses of a normalised text, as byte ranges.
///
/// Sentences end at 。！？!? and line breaks (a paragraph ends at a line break);
/// clauses also at ，,；;：:. Marks inside 《》 and “” do not split. A run of
/// text longer than ``longSentence`` bytes without an end (layout debris, a
/// huge line) is cut at its next clause mark, and at ``maximumSentence`` bytes
/// regardless, so that the work done per sentence stays bounded.
struct TextSegments {
    static let longSentence = 2000
    static let maximumSentence = 4000
    /// The room made at once for clauses and sentences: one per this many bytes of text.
    static let bytesPerClause = 32
    static let bytesPerSentence = 128

    struct Sentence {
        var range: Range<Int>
        var paragraph: Int
        /// The sentence's clauses: a slice of one array that holds every clause of
        /// the text, so that no array is allocated per sentence.
        var clauses: ArraySlice<Range<Int>>
    }

    let sentences: [Sentence]
    /// Every clause of the text in order: each sentence's ``Sentence/clauses`` is a slice of
    /// this array, and the clauses from a sentence on are `clauses[sentence.clauses.startIndex...]`
    /// (read in one pass, without a sentence copied per step).
    let clauses: [Range<Int>]

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        // Sentences are gathered as ranges of the one clause array, and become
        // slices of it once it is complete.
        var found: [(range: Range<Int>, paragraph: Int, clauses: Range<Int>)] = []
        var clauses: [Range<Int>] = []
        // Room made once for what news holds (a clause every 37 bytes, a sentence every 140 in the
        // 2 MB corpus), so that the arrays are not grown and copied step by step; denser text grows them.
        clauses.reserveCapacity(bytes.count / Self.bytesPerClause + 1)
        found.reserveCapacity(bytes.count / Self.bytesPerSentence + 1)
        var paragraph = 0
        var sentenceStart = 0
        var clauseStart = 0
        var firstClause = 0
        var titleDepth = 0
        var index = 0
        func closeClause(_ end: Int, next: Int) {
            if end > clauseStart { clauses.append(clauseStart..<end) }
            clauseStart = next
        }
        func closeSentence(_ end: Int, next: Int) {
            closeClause(end, next: next)
            if end > sentenceStart {
                found.append((sentenceStart..<end, paragraph, firstClause..<clauses.count))
            } else {
                clauses.removeSubrange(firstClause...)
            }
            firstClause = clauses.count
            sentenceStart = next
            clauseStart = next
        }
        let count = bytes.count
        while index < count {
            // Ideographs U+4000…U+9FFF (leads E4…E9), most of the text: stepped over three bytes
            // at a time up to the bound on a sentence's length, with no other test.
            // One comparison for both limits, `index <= bound` and `index + 3 <= count`.
            // (Wrapping adds: `index` stays below `count`.)
            let limit = min(sentenceStart &+ Self.maximumSentence &+ 1, count &- 2)
            while index < limit, bytes[index] &- 0xE4 <= 0x05 { index &+= 3 }
            guard index < count else { break }
            // Dispatch on the lead byte: every mark below is ASCII or starts with
            // E3 (U+3000…U+3FFF) or EF (U+F000…U+FFFF); other scalars are skipped
            // undecoded, with only the length check of the default case.
            let lead = bytes[index]
            if lead >= 0x80, lead != 0xE3, lead != 0xEF {
                if index - sentenceStart > Self.maximumSentence { closeSentence(index, next: index) }
                // A sequence cut short by the end counts one byte, as `UTF8Bytes.scalar` counts it.
                let length = UTF8Bytes.sequenceLength(lead: lead)
                index += index + length <= count ? length : 1
                continue
            }
            let (scalar, length) = UTF8Bytes.scalar(in: bytes, at: index)
            let next = index + length
            switch scalar {
            case 0x300A: titleDepth += 1
            case 0x300B: titleDepth = max(0, titleDepth - 1)
            case 0x0A:
                titleDepth = 0
                closeSentence(index, next: next)
                paragraph += 1
            case 0x3002, 0xFF01, 0xFF1F, 0x21, 0x3F:
                if titleDepth == 0 { closeSentence(next, next: next) }
            case 0xFF0C, 0x2C, 0xFF1B, 0x3B, 0xFF1A, 0x3A:
                guard titleDepth == 0 else { break }
                if index - sentenceStart > Self.longSentence { closeSentence(index, next: next) } else { closeClause(index, next: next) }
            default:
                if index - sentenceStart > Self.maximumSentence { closeSentence(index, next: index) }
            }
            index = next
        }
        closeSentence(bytes.count, next: bytes.count)
        self.sentences = found.map { Sentence(range: $0.range, paragraph: $0.paragraph, clauses: clauses[$0.clauses]) }
        self.clauses = clauses
    }

    /// The text of the sentence holding `offset`, trimmed, at most its first `limit` characters.
    func sentenceText(containing offset: Int, cursor: TextCursor, limit: Int = 200) -> String? {
        guard let index = sentenceIndex(containing: offset) else { return nil }
        return sentenceText(at: index, cursor: cursor, limit: limit)
    }

    /// The text of sentence `index`, trimmed, at most its first `limit` characters.
    func sentenceText(at index: Int, cursor: TextCursor, limit: Int = 200) -> String {
        let range = sentences[index].range
        // The byte path: trimmed and cut on scalars, which are characters in news text.
        if let simple = UTF8Trimming.simpleText(cursor.bytes, in: range, limit: limit) { return cursor.text(simple) }
        let text = cursor.text(range).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.count <= limit ? text : String(text.prefix(limit))
    }

    /// The index of the sentence holding `offset`.
    func sentenceIndex(containing offset: Int) -> Int? {
        var low = 0, high = sentences.count
        while low < high {
            let mid = (low + high) / 2
            if sentences[mid].range.upperBound <= offset { low = mid + 1 } else { high = mid }
        }
        return low < sentences.count && sentences[low].range.contains(offset) ? low : nil
    }
}
