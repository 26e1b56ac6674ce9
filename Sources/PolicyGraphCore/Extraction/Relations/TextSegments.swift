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

    struct Sentence {
        var range: Range<Int>
        var paragraph: Int
        var clauses: [Range<Int>]
    }

    let sentences: [Sentence]

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        var sentences: [Sentence] = []
        var paragraph = 0
        var sentenceStart = 0
        var clauseStart = 0
        var clauses: [Range<Int>] = []
        var titleDepth = 0
        var index = 0
        func closeClause(_ end: Int, next: Int) {
            if end > clauseStart { clauses.append(clauseStart..<end) }
            clauseStart = next
        }
        func closeSentence(_ end: Int, next: Int) {
            closeClause(end, next: next)
            if end > sentenceStart { sentences.append(Sentence(range: sentenceStart..<end, paragraph: paragraph, clauses: clauses)) }
            clauses = []
            sentenceStart = next
            clauseStart = next
        }
        while index < bytes.count {
            let lead = bytes[index]
            let scalar: UInt32, next: Int
            if lead < 0x80 {
                scalar = UInt32(lead)
                next = index + 1
            } else if lead == 0xE3 || lead == 0xEF {
                // 《》。 (U+300x) and the full-width marks (U+FF0x, U+FF1x) start with these bytes.
                let (value, length) = UTF8Bytes.scalar(in: bytes, at: index)
                scalar = value
                next = index + length
            } else {
                // No mark read here starts with this byte (most CJK text): the default case without decoding,
                // stepping as UTF8Bytes.scalar steps.
                let length = UTF8Bytes.sequenceLength(lead: lead)
                next = length > 1 && index + length <= bytes.count ? index + length : index + 1
                if index - sentenceStart > Self.maximumSentence { closeSentence(index, next: index) }
                index = next
                continue
            }
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
        self.sentences = sentences
    }

    /// The text of the sentence holding `offset`, trimmed, at most its first `limit` characters.
    func sentenceText(containing offset: Int, cursor: TextCursor, limit: Int = 200) -> String? {
        guard let index = sentenceIndex(containing: offset) else { return nil }
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
