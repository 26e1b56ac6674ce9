import Foundation

/// A string as a dictionary key compared and hashed by its UTF-8 bytes.
///
/// `String`'s own hashing normalises non-ASCII text (NFC) on every hash and
/// comparison, which made the graph accumulator's lookups of Chinese names
/// most of the cost of merging a document. Byte equality is canonical
/// equivalence for strings already in a normal form, such as
/// ``KnowledgeGraph/normalize(_:)``'s results (NFKC), so keys of those behave
/// exactly as `String` keys do.
///
/// ```swift
/// var local: [UTF8Key: String] = [:]
/// local[UTF8Key(KnowledgeGraph.normalize("《工业领域碳达峰实施方案》"))] = key
/// ```
struct UTF8Key: Hashable {
    let string: String

    init(_ string: String) { self.string = string }

    static func == (a: UTF8Key, b: UTF8Key) -> Bool {
        let first = a.string.utf8, second = b.string.utf8
        guard first.count == second.count else { return false }
        let equal = first.withContiguousStorageIfAvailable { x in
            second.withContiguousStorageIfAvailable { y in x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 }
        }
        if let equal, let equal { return equal }
        return first.elementsEqual(second)
    }

    func hash(into hasher: inout Hasher) {
        let hashed: Void? = string.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        if hashed == nil {
            for byte in string.utf8 { hasher.combine(byte) }
        }
    }
}
