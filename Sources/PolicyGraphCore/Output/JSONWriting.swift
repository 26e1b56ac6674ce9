/// A writer that appends JSON values as it is told, keys in the order given:
/// ``PrettyJSONWriter`` (the layout of `JSONEncoder`'s `.prettyPrinted`) and
/// ``CompactJSONWriter`` (its compact layout). What a type's JSON holds is
/// written once, generic over the writer (``ExtractionJSONFields``,
/// ``NodeJSONFields``), and comes out in either layout.
///
/// ```swift
/// func year<W: JSONWriting>(_ json: inout W) { json.beginObject(); json.key("year"); json.int(2027); json.endObject() }
/// ```
public protocol JSONWriting {
    mutating func beginObject()
    mutating func endObject()
    mutating func beginArray()
    mutating func endArray()
    /// The next member's key, a literal that needs no escape.
    mutating func key(_ name: StaticString)
    mutating func string(_ value: String)
    /// A string given as its UTF-8 bytes, valid UTF-8 (a writer may copy them without
    /// making a `String`; the default makes one).
    mutating func string(utf8 bytes: UnsafeBufferPointer<UInt8>)
    mutating func int(_ value: Int)
    mutating func null()
    /// An array of integers (a writer may write it at once; the default writes each value).
    mutating func ints(_ values: [Int])
    /// An array of strings (a writer may write an empty one at once; the default writes each value).
    mutating func strings(_ values: [String])
}

extension JSONWriting {
    /// The string, or `null`.
    @inlinable
    public mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    /// A string of valid UTF-8 bytes, through a `String`.
    @inlinable
    public mutating func string(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        string(String(decoding: bytes, as: UTF8.self))
    }

    /// The integer, or `null`.
    @inlinable
    public mutating func int(_ value: Int?) {
        if let value { int(value) } else { null() }
    }

    /// An array of strings.
    @inlinable
    public mutating func strings(_ values: [String]) {
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    /// An array of integers.
    @inlinable
    public mutating func ints(_ values: [Int]) {
        beginArray()
        for value in values { int(value) }
        endArray()
    }
}
