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
        let plain = string.withUTF8(Self.isPlain)
        text = plain ? string : string.precomposedStringWithCanonicalMapping
    }

    /// Whether every scalar of `bytes` is plain (``PlainUTF8/plainLength(_:at:)``): such text is
    /// composed already (its canonical composition is its own bytes).
    static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            // ASCII and the ideographs (leads E4–E9, both bytes after them continuing it) inline:
            // what PlainUTF8.plainLength answers for them, without its switch.
            let lead = bytes[index]
            if lead < 0x80 {
                if lead == 0x0D { return false }
                index += 1
                continue
            }
            if lead >= 0xE4, lead <= 0xE9, index + 2 < count, bytes[index + 1] & 0xC0 == 0x80, bytes[index + 2] & 0xC0 == 0x80 {
                index += 3
                continue
            }
            guard let length = PlainUTF8.plainLength(bytes, at: index) else { return false }
            index += length
        }
        return true
    }

    /// Calls `body` with the UTF-8 bytes of `string`'s canonical composition, the bytes a key
    /// made of it hashes and compares: the string's own bytes in place when they are plain (a
    /// small string's from a copy on the stack), else those of its composed form. No key made.
    static func withComposedBytes<Result>(of string: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let inPlace: Result?? = string.utf8.withContiguousStorageIfAvailable { bytes -> Result? in
            isPlain(bytes) ? .some(body(bytes)) : .none
        }
        if case .some(.some(let answer)) = inPlace { return answer }
        var composed = CanonicalKey(string).text
        return composed.withUTF8(body)
    }

    static func == (lhs: CanonicalKey, rhs: CanonicalKey) -> Bool { ComposedBytes.equal(lhs.text, rhs.text) }

    func hash(into hasher: inout Hasher) { ComposedBytes.hash(text, into: &hasher) }
}

/// A mention's key as a dictionary key. Most keys name an ontology entity and read
/// `entity:` and its index in decimal (``Mention/entityKey(_:)``): such a key is the
/// index, hashed as an integer, with no ``CanonicalKey`` made and no bytes hashed;
/// any other key is its ``CanonicalKey``. Two keys are equal exactly when their
/// strings are `==`: only `entity:` followed by the index's own decimal digits (no
/// sign, no leading zero) is read as an index, and such a string equals no other.
///
/// ```swift
/// MentionKey("entity:42") == .entity(42)                 // true
/// MentionKey("entity:042") == .other(CanonicalKey("entity:042"))   // true
/// ```
enum MentionKey: Hashable {
    case entity(Int)
    case other(CanonicalKey)

    init(_ key: String) {
        if let index = Self.entityIndex(key) { self = .entity(index) } else { self = .other(CanonicalKey(key)) }
    }

    /// The index `key` spells as `entity:` and decimal digits without a leading zero
    /// (at most eight, as ``Mention/entityKey(_:)`` writes them), else `nil`.
    static func entityIndex(_ key: String) -> Int? {
        // The bytes in place (a key of up to 15 bytes is stored inline and read from a copy on
        // the stack); a string without contiguous bytes is read from a copy, with the same answer.
        if let answer = key.utf8.withContiguousStorageIfAvailable(entityIndex(bytes:)) { return answer }
        return Array(key.utf8).withUnsafeBufferPointer(entityIndex(bytes:))
    }

    /// ``entityIndex(_:)`` of a key's UTF-8 bytes.
    private static func entityIndex(bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        // "entity:" and one to eight digits, the first not a zero unless it is the only one.
        guard bytes.count >= 8, bytes.count <= 15, bytes[0] == 0x65, bytes[1] == 0x6E, bytes[2] == 0x74, bytes[3] == 0x69,
              bytes[4] == 0x74, bytes[5] == 0x79, bytes[6] == 0x3A, bytes[7] != 0x30 || bytes.count == 8 else { return nil }
        var value = 0
        for index in 7..<bytes.count {
            let digit = bytes[index] &- 0x30
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }
}

/// The name under which each mention key's entity is output (the map
/// ``EntityGrouping`` makes and the relation extractors read): the grouping's own
/// ``MentionKeyTable`` (a key's group number) and each group's name, so that a
/// lookup reads an entity's index as an integer or hashes the bytes of a
/// ``CanonicalKey``, never a normalised `String`, and the grouping inserts no key
/// a second time.
struct EntityNames {
    private var keys: MentionKeyTable
    /// By group number; `nil` for a key whose name was taken away.
    private var names: [String?]

    init() {
        keys = MentionKeyTable()
        names = []
    }

    /// The names of the groups `keys` numbers, by number.
    init(keys: MentionKeyTable, names: [String?]) {
        precondition(keys.count == names.count, "one name per key")
        self.keys = keys
        self.names = names
    }

    /// The output name of the entity a mention key names, if any.
    subscript(key: String) -> String? {
        get { keys.existingNumber(of: key).flatMap { names[$0] } }
        set { set(newValue, number: keys.number(of: key)) }
    }

    /// The output name of the entity whose mention key is `key` (a key already made).
    subscript(key: MentionKey) -> String? {
        get { keys.existingNumber(of: key).flatMap { names[$0] } }
        set { set(newValue, number: keys.number(of: key)) }
    }

    private mutating func set(_ name: String?, number: (number: Int, isNew: Bool)) {
        if number.isNew { names.append(name) } else { names[number.number] = name }
    }

    /// Every output name (one per key, so a merged entity's name may repeat).
    var values: [String] { names.compactMap { $0 } }
}
