import Foundation

/// Equality and hashing of already-composed strings on their UTF-8 bytes, for the keys that
/// compose their text once when they are made (``CanonicalKey``, ``IssuedPairKey``): for such
/// text, equal bytes mean exactly that the strings are `==`, without normalising on every hash
/// and comparison.
///
/// ```swift
/// ComposedBytes.equal("工信部", "工信部")   // true
/// ```
enum ComposedBytes {
    /// Whether the two strings hold the same UTF-8 bytes.
    static func equal(_ lhs: String, _ rhs: String) -> Bool {
        var left = lhs, right = rhs
        return left.withUTF8 { a in
            right.withUTF8 { b in a.count == b.count && (a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0) }
        }
    }

    /// Feeds the string's UTF-8 bytes to `hasher`.
    static func hash(_ text: String, into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
