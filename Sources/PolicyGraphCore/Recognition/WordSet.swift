/// A set of words looked up by the scalar they start or end with, so that the
/// pattern recognisers test only a handful of candidates at a position
/// instead of every word of a list.
struct WordSet {
    private var byFirst: [UInt32: [[UInt8]]] = [:]
    private var byLast: [UInt32: [[UInt8]]] = [:]

    init<S: Sequence>(_ words: S) where S.Element == String {
        for word in words {
            guard let first = word.unicodeScalars.first, let last = word.unicodeScalars.last else { continue }
            byFirst[first.value, default: []].append(Array(word.utf8))
            byLast[last.value, default: []].append(Array(word.utf8))
        }
        for key in byFirst.keys { byFirst[key]!.sort { $0.count > $1.count } }
        for key in byLast.keys { byLast[key]!.sort { $0.count > $1.count } }
    }

    /// The longest word that starts at `index`.
    func longest(at index: Int, in cursor: TextCursor) -> [UInt8]? {
        guard let (scalar, _) = cursor.scalar(at: index), let candidates = byFirst[scalar] else { return nil }
        return candidates.first { cursor.matches($0, at: index) }
    }

    /// Calls `body` with the end of every word that starts at `index`, longest first.
    @inline(__always)
    func forEachWord(at index: Int, in cursor: TextCursor, _ body: (Int) -> Void) {
        guard let (scalar, _) = cursor.scalar(at: index), let candidates = byFirst[scalar] else { return }
        for word in candidates where cursor.matches(word, at: index) { body(index + word.count) }
    }

    /// Whether `bytes` are one of the words, byte for byte.
    func contains(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var found = false
        forEachWord(at: 0, in: TextCursor(bytes: bytes)) { end in if end == bytes.count { found = true } }
        return found
    }

    /// Calls `body` with every word whose last scalar is `scalar`, longest first.
    @inline(__always)
    func forEachWord(endingWith scalar: UInt32, _ body: ([UInt8]) -> Void) {
        guard let candidates = byLast[scalar] else { return }
        for word in candidates { body(word) }
    }

    /// Whether a word ends at `index`.
    func endsWord(at index: Int, in cursor: TextCursor) -> Bool {
        guard let (scalar, _) = cursor.scalar(before: index), let candidates = byLast[scalar] else { return false }
        return candidates.contains { index >= $0.count && cursor.matches($0, at: index - $0.count) }
    }
}
