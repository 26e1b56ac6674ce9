/// The first and the last scalars of a list of words, one bit each below U+10000: a text
/// whose first scalar starts no word and whose last scalar ends none has none of the words
/// as a prefix or a suffix, so a loop that strips them from its ends would change nothing.
struct WordEnds: Sendable {
    /// First scalars, then last scalars (``TimeNormalizer/bits(_:)``); `nil` when a word is
    /// empty or holds a scalar above U+FFFF (then every text may hold one).
    private let firsts: [UInt64]?
    private let lasts: [UInt64]?

    init(_ words: [[UInt32]]) {
        guard words.allSatisfy({ word in !word.isEmpty && word.allSatisfy { $0 < 0x10000 } }) else {
            firsts = nil
            lasts = nil
            return
        }
        firsts = TimeNormalizer.bits(Set(words.map { $0[0] }))
        lasts = TimeNormalizer.bits(Set(words.map { $0[$0.count - 1] }))
    }

    /// Whether a word may be a prefix or a suffix of `text` (`false` for an empty text, which
    /// has no word of one scalar or more at its ends).
    func mayOpenOrClose(_ text: [UInt32]) -> Bool {
        guard let firsts, let lasts else { return true }
        guard let first = text.first, let last = text.last else { return false }
        return Self.holds(firsts, first) || Self.holds(lasts, last)
    }

    @inline(__always)
    private static func holds(_ bits: [UInt64], _ scalar: UInt32) -> Bool {
        scalar >= 0x10000 || bits[Int(scalar >> 6)] & (1 << UInt64(scalar & 63)) != 0
    }
}
