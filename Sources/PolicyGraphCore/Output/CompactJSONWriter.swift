/// Writes JSON into a byte array in the bytes `JSONEncoder` writes with
/// `[.sortedKeys]` and no other formatting: no whitespace, `"key":value`,
/// empty containers as `[]` and `{}`, and `/` escaped as `\/` (or, for an
/// encoder with `.withoutEscapingSlashes`, as it is). The caller
/// writes the keys of each object in sorted order.
///
/// It is the compact sibling of ``PrettyJSONWriter``: what the store keeps of
/// each document is written with it, on the thread that extracted the document.
///
/// ```swift
/// var json = CompactJSONWriter()
/// json.beginObject(); json.key("year"); json.int(2027); json.endObject()
/// json.bytes   // {"year":2027}
/// ```
public struct CompactJSONWriter: JSONWriting {
    /// What has been written so far.
    public private(set) var bytes: [UInt8] = []
    /// Whether the next value or key is the first of its container (no comma before it).
    private var first = true
    private var afterKey = false
    /// Whether `/` is written `\/`, as `JSONEncoder` does unless given `.withoutEscapingSlashes`.
    private let escapesSlashes: Bool

    /// - Parameters:
    ///   - capacity: bytes reserved at once (a guess at the length, to spare regrowing).
    ///   - escapingSlashes: `false` for the bytes of an encoder with `.withoutEscapingSlashes`.
    public init(capacity: Int = 0, escapingSlashes: Bool = true) {
        bytes.reserveCapacity(capacity)
        escapesSlashes = escapingSlashes
    }

    public mutating func beginObject() { open(UInt8(ascii: "{")) }
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    public mutating func beginArray() { open(UInt8(ascii: "[")) }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    /// The next member's key, a literal (members in sorted order are the caller's job).
    public mutating func key(_ name: StaticString) {
        separate()
        name.withUTF8Buffer { key in
            assert(!key.contains { JSONEscaping.escapes($0, slashes: true) }, "a key literal that needs escaping")
            bytes.append(0x22)
            bytes.append(contentsOf: key)
            bytes.append(0x22)
            bytes.append(0x3A)
        }
        afterKey = true
    }

    public mutating func string(_ value: String) {
        separate()
        appendString(value)
    }

    /// A string given as valid UTF-8 bytes: quoted and escaped as they are, no `String` made.
    public mutating func string(utf8 value: UnsafeBufferPointer<UInt8>) {
        separate()
        JSONEscaping.appendQuoted(value, slashes: escapesSlashes, to: &bytes)
    }

    public mutating func int(_ value: Int) {
        separate()
        appendDecimal(value)
    }

    public mutating func null() {
        separate()
        bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C]) // null
    }

    private mutating func open(_ bracket: UInt8) {
        separate()
        bytes.append(bracket)
        first = true
    }

    private mutating func close(_ bracket: UInt8) {
        bytes.append(bracket)
        first = false
    }

    /// A comma before every value or key of a container but its first; nothing after a key.
    private mutating func separate() {
        if afterKey { afterKey = false; return }
        if !first { bytes.append(0x2C) }
        first = false
    }

    /// The decimal digits of `value`, as `String(value)` spells them, without making that string.
    private mutating func appendDecimal(_ value: Int) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: JSONDecimal.maximumCount) { out in
            let count = JSONDecimal.write(value, to: out.baseAddress!)
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: out[..<count]))
        }
    }

    /// A quoted string, escaped as `JSONEncoder` escapes it (slashes too, unless told otherwise).
    private mutating func appendString(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in JSONEscaping.appendQuoted(utf8, slashes: escapesSlashes, to: &bytes) }
    }
}
