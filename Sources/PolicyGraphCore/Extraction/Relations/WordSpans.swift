/// Where the words of a ``WordMatcher`` start in one byte range of a text (a sentence),
/// each place with the end of its shortest word, found in one pass.
///
/// The target rules ask "does a future word (将, 到2025年) or a past word (已经) occur in
/// this stretch?" several times for each time expression, over windows of up to 900 bytes
/// that overlap within a sentence. With the places listed once per sentence, each question
/// reads the few places inside its stretch instead of walking the trie at every byte again.
/// The answer is ``WordMatcher/occurs(in:of:)``'s: a word occurs in a stretch exactly when
/// one starts at a scalar's first byte inside it and its shortest word there ends inside it.
struct WordSpans {
    /// The range the places were looked for in; a question outside it asks the matcher.
    let range: Range<Int>
    private let starts: [Int]
    private let ends: [Int]

    init(_ matcher: WordMatcher, in range: Range<Int>, of bytes: UnsafeBufferPointer<UInt8>) {
        self = Self.pair(matcher, matcher, in: range, of: bytes).0
    }

    private init(range: Range<Int>, starts: [Int], ends: [Int]) {
        self.range = range
        self.starts = starts
        self.ends = ends
    }

    /// The places of two matchers' words in `range`, in one pass over it; `gate` is the two
    /// matchers' ``PairedStartGate`` (made once by the caller that lists many ranges).
    static func pair(_ first: WordMatcher, _ second: WordMatcher, gate: PairedStartGate? = nil, in range: Range<Int>,
                     of bytes: UnsafeBufferPointer<UInt8>) -> (WordSpans, WordSpans) {
        var firstStarts: [Int] = [], firstEnds: [Int] = []
        var secondStarts: [Int] = [], secondEnds: [Int] = []
        // One gate for both matchers: most places start a word of neither.
        let gate = gate ?? PairedStartGate(first, second)
        var index = range.lowerBound
        while index < range.upperBound {
            let lead = bytes[index]
            let mayStart: Bool, step: Int
            if ThreeByteStarts.isLead(lead) {
                // A three-byte sequence (most of the text): its scalar tested, its continuation bytes
                // stepped over (no word starts at one).
                (mayStart, step) = gate.threeByteStarts.test(at: index, in: bytes)
            } else {
                (mayStart, step) = (!UTF8Bytes.isContinuation(lead) && gate.mayStart(at: index, in: bytes), 1)
            }
            if mayStart {
                if let end = first.shortestEnd(at: index, in: bytes) { firstStarts.append(index); firstEnds.append(end) }
                if let end = second.shortestEnd(at: index, in: bytes) { secondStarts.append(index); secondEnds.append(end) }
            }
            index += step
        }
        return (WordSpans(range: range, starts: firstStarts, ends: firstEnds), WordSpans(range: range, starts: secondStarts, ends: secondEnds))
    }

    /// Whether a word of the matcher occurs in `stretch`, which must lie inside ``range``.
    func occurs(in stretch: Range<Int>) -> Bool {
        var low = 0, high = starts.count
        while low < high {
            let mid = (low + high) / 2
            if starts[mid] < stretch.lowerBound { low = mid + 1 } else { high = mid }
        }
        while low < starts.count, starts[low] < stretch.upperBound {
            if ends[low] <= stretch.upperBound { return true }
            low += 1
        }
        return false
    }
}

/// The future and past words of the sentence a time expression is in, listed once per
/// sentence (``WordSpans``) and kept while the times of that sentence are read.
///
/// Sentences longer than ``longest`` bytes are not listed (a stretch is then at most 900
/// of their bytes, so listing the whole sentence could cost more than it saves): their
/// questions go to the matchers, as do questions about stretches outside the sentence.
struct SentenceWords {
    /// The longest sentence listed, in bytes.
    static let longest = 1_200

    private var listed: (sentence: Range<Int>, future: WordSpans, past: WordSpans)? = nil

    init() {}

    /// Lists the words of `sentence`, unless they are listed already or it is too long.
    mutating func prepare(_ sentence: Range<Int>, future: WordMatcher, past: WordMatcher, gate: PairedStartGate? = nil,
                          bytes: UnsafeBufferPointer<UInt8>) {
        if listed?.sentence == sentence { return }
        guard sentence.count <= Self.longest else { listed = nil; return }
        let (futureSpans, pastSpans) = WordSpans.pair(future, past, gate: gate, in: sentence, of: bytes)
        listed = (sentence, futureSpans, pastSpans)
    }

    /// Whether a future word occurs in `stretch` (``WordMatcher/occurs(in:of:)`` of `future`).
    func future(in stretch: Range<Int>, _ future: WordMatcher, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if let listed, Self.holds(listed.sentence, stretch) { return listed.future.occurs(in: stretch) }
        return future.occurs(in: stretch, of: bytes)
    }

    /// Whether a past word occurs in `stretch` (``WordMatcher/occurs(in:of:)`` of `past`).
    func past(in stretch: Range<Int>, _ past: WordMatcher, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if let listed, Self.holds(listed.sentence, stretch) { return listed.past.occurs(in: stretch) }
        return past.occurs(in: stretch, of: bytes)
    }

    @inline(__always)
    private static func holds(_ outer: Range<Int>, _ inner: Range<Int>) -> Bool {
        outer.lowerBound <= inner.lowerBound && inner.upperBound <= outer.upperBound
    }
}
