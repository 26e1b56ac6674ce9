import Foundation

/// A `String` as a dictionary key that is hashed and compared on the UTF-8 bytes of
/// its canonical composition (NFC), which is what `String`'s own `==` and
/// `hash(into:)` compare, but without normalising on every hash and comparison.
///
/// Text whose scalars are all plain (``PlainUTF8/plainLength(_:at:)``: ASCII, CJK,
/// CJK and full-width punctuation, what news text holds) is already composed, so
/// its bytes are taken as they are; other text is composed once, when the key is
/// made. Two keys are equal exactly when their strings are `==`.
///
/// ```swift
/// CanonicalKey("工业和信息化部") == CanonicalKey("工业和信息化部")   // true
/// CanonicalKey("e\u{301}") == CanonicalKey("é")                     // true, as for String
/// ```
struct CanonicalKey: Hashable, Sendable {
    /// The composed form of the string the key was made from.
    let text: String
    /// The string the key was made from, as it was (the same as ``text`` for plain text).
    let original: String

    init(_ string: String) {
        original = string
        var string = string
        let plain = string.withUTF8 { bytes -> Bool in
            var index = 0
            while index < bytes.count {
                guard let length = PlainUTF8.plainLength(bytes, at: index) else { return false }
                index += length
            }
            return true
        }
        text = plain ? string : string.precomposedStringWithCanonicalMapping
    }

    static func == (lhs: CanonicalKey, rhs: CanonicalKey) -> Bool {
        var left = lhs.text, right = rhs.text
        return left.withUTF8 { a in
            right.withUTF8 { b in a.count == b.count && (a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0) }
        }
    }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

/// The name under which each mention key's entity is output (the map
/// ``EntityGrouping`` makes and the relation extractors read), keyed by
/// ``CanonicalKey`` so that a lookup hashes bytes, not normalised `String`s.
struct EntityNames {
    private var table: [CanonicalKey: String] = [:]

    init() {}

    mutating func reserveCapacity(_ count: Int) { table.reserveCapacity(count) }

    /// The output name of the entity a mention key names, if any.
    subscript(key: String) -> String? {
        get { table[CanonicalKey(key)] }
        set { table[CanonicalKey(key)] = newValue }
    }

    /// The output name of the entity whose mention key is `key` (a key already made).
    subscript(key: CanonicalKey) -> String? {
        get { table[key] }
        set { table[key] = newValue }
    }

    /// Every output name (one per key, so a merged entity's name may repeat).
    var values: Dictionary<CanonicalKey, String>.Values { table.values }
}
