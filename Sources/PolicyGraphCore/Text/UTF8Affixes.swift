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
