/// A list of words compared with the text byte by byte, where that gives what
/// `String.hasPrefix`/`hasSuffix` give: every word and every scalar of the text
/// compared is plain (``PlainUTF8/plainLength(_:at:)``), so each scalar is a
/// character of its own and canonically only itself.
///
/// `nil` when a word is empty or holds a scalar that is not plain: the caller
/// then keeps its `String` path.
struct PlainWords: Sendable {
    let words: [[UInt8]]

    init?(_ words: [String]) {
        var compiled: [[UInt8]] = []
        for word in words {
            let bytes = Array(word.utf8)
            guard !bytes.isEmpty, bytes.withUnsafeBufferPointer({ PlainUTF8.plainCount($0) }) != nil else { return nil }
            compiled.append(bytes)
        }
        self.words = compiled
    }

    /// Whether a word starts at `start` and ends by `end`.
    func anyStarts(at start: Int, before end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        words.contains { word in start + word.count <= end && Self.equal(word, bytes, at: start) }
    }

    /// Whether a word ends at `end` and starts at or after `start`.
    func anyEnds(at end: Int, after start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        words.contains { word in end - word.count >= start && Self.equal(word, bytes, at: end - word.count) }
    }

    @inline(__always)
    static func equal(_ word: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        for offset in word.indices where bytes[index + offset] != word[offset] { return false }
        return true
    }

    /// The text a `String` made of the bytes `start..<end` would compare, as the
    /// byte range of its whole plain scalars: a scalar cut by either edge is a
    /// U+FFFD there, which no word holds, so it is left out. `nil` when a whole
    /// scalar inside is not plain (the `String` path decides).
    static func plainWindow(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Range<Int>? {
        var index = start
        while index < end, UTF8Bytes.isContinuation(bytes[index]) { index += 1 }
        let first = index
        while index < end {
            guard let length = PlainUTF8.plainLength(bytes, at: index) else {
                // A sequence cut by the end reads as U+FFFD: the window stops before it.
                let needed = UTF8Bytes.sequenceLength(lead: bytes[index])
                if needed > 1, index + needed > end { return first..<index }
                return nil
            }
            if index + length > end { return first..<index }
            index += length
        }
        return first..<index
    }
}
