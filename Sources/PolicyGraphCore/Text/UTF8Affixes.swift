#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension String {
    /// Whether the UTF-8 bytes of this string end with those of `suffix`: a byte
    /// comparison, where `hasSuffix(_:)` compares characters (grapheme clusters
    /// under canonical equivalence) and normalises both strings on every call.
    /// The pattern words this is used with are Chinese words in the form the
    /// normalised text spells them, so both answer alike on the text's names.
    ///
    /// ```swift
    /// "宁远科技有限公司".hasUTF8Suffix("有限公司")   // true
    /// ```
    ///
    /// - Complexity: O(`suffix.utf8.count`), no allocation.
    @inline(__always)
    func hasUTF8Suffix(_ suffix: String) -> Bool {
        let count = utf8.count, suffixCount = suffix.utf8.count
        guard suffixCount <= count else { return false }
        guard suffixCount > 0 else { return true }
        if let result = utf8.withContiguousStorageIfAvailable({ text in
            suffix.utf8.withContiguousStorageIfAvailable { word in
                memcmp(text.baseAddress! + (count - suffixCount), word.baseAddress!, suffixCount) == 0
            }
        }), let result {
            return result
        }
        return utf8.reversed().starts(with: suffix.utf8.reversed())
    }

    /// Whether the UTF-8 bytes of `word` occur in this string's, where
    /// `contains(_:)` goes through Foundation's `range(of:)` and compares characters.
    ///
    /// - Complexity: O(n) in the length of this string.
    func containsUTF8(_ word: String) -> Bool {
        let count = utf8.count, wordCount = word.utf8.count
        // As Foundation answers: the empty word is in no text.
        guard wordCount > 0 else { return false }
        guard wordCount <= count else { return false }
        if let result = utf8.withContiguousStorageIfAvailable({ text in
            word.utf8.withContiguousStorageIfAvailable { word in
                // Candidates by `memchr` on the word's last byte, then `memcmp`.
                let base = text.baseAddress!, last = Int32(word[wordCount - 1])
                var end = wordCount - 1   // where the word's last byte may be
                while end < count, let found = memchr(base + end, last, count - end) {
                    let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + (at - (wordCount - 1)), word.baseAddress!, wordCount) == 0 { return true }
                    end = at + 1
                }
                return false
            }
        }), let result {
            return result
        }
        let text = Array(utf8), needle = Array(word.utf8)
        return (0...(count - wordCount)).contains { start in text[start..<(start + wordCount)].elementsEqual(needle) }
    }

    /// Whether the UTF-8 bytes of this string begin with those of `prefix`
    /// (see ``hasUTF8Suffix(_:)`` for how this differs from `hasPrefix(_:)`).
    ///
    /// - Complexity: O(`prefix.utf8.count`), no allocation.
    @inline(__always)
    func hasUTF8Prefix(_ prefix: String) -> Bool {
        let count = utf8.count, prefixCount = prefix.utf8.count
        guard prefixCount <= count else { return false }
        guard prefixCount > 0 else { return true }
        if let result = utf8.withContiguousStorageIfAvailable({ text in
            prefix.utf8.withContiguousStorageIfAvailable { word in
                memcmp(text.baseAddress!, word.baseAddress!, prefixCount) == 0
            }
        }), let result {
            return result
        }
        return utf8.starts(with: prefix.utf8)
    }
}
