/// Elements written ahead as bytes, the bytes libxml2's indenting writer gives
/// for them, handed to it in large blocks (``XMLWriter/write(_:)``) instead of
/// one call per element, attribute and text: the edges of GraphML and GEXF
/// (94 % of their elements), whose every value is an id, a type, a number or
/// a document name.
///
/// Only values that neither libxml2's escaping nor ``XMLWriter/xmlSafe(_:)``
/// would change may be appended (``isPlain(_:)``): the caller writes any
/// element with another value through ``XMLWriter``'s calls instead, so the
/// file is the same bytes either way (tested against the writer's own calls).
///
/// ```swift
/// var run = XMLRun(depth: 2)
/// run.start("edge"); run.attribute("id", id); run.closeStart()
/// run.element("data", "1.0", attribute: "key", "weight")
/// run.end("edge")
/// try xml.handOver(&run)   // hands it over and empties it
/// ```
struct XMLRun {
    private(set) var bytes: [UInt8] = []
    /// The depth of the elements appended at the top level (the root element's children are at 1).
    let depth: Int
    /// The open elements' depths below ``depth``.
    private var open = 0

    init(depth: Int) {
        self.depth = depth
        bytes.reserveCapacity(Self.blockSize + 4096)
    }

    /// How many bytes to gather before handing them to libxml2.
    static let blockSize = 64 * 1024

    var isFull: Bool { bytes.count >= Self.blockSize }
    var isEmpty: Bool { bytes.isEmpty }

    mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    /// Whether libxml2 writes `value` as it is, as an attribute value and as character data,
    /// and ``XMLWriter/xmlSafe(_:)`` keeps it: not empty, no `<`, `>`, `&`, `"`, no control
    /// character and no byte 0xEF (the lead byte of U+FFFE and U+FFFF); other non-ASCII
    /// UTF-8 is copied as it is.
    static func isPlain(_ value: String) -> Bool {
        var value = value
        return value.withUTF8 { bytes in
            guard !bytes.isEmpty else { return false }
            for byte in bytes where plainTable[Int(byte)] == 0 { return false }
            return true
        }
    }

    /// 1 for a byte that ``isPlain(_:)`` accepts.
    private static let plainTable: [UInt8] = (0..<256).map { byte in
        switch byte {
        case 0..<0x20, 0x7F, 0x22, 0x26, 0x3C, 0x3E, 0xEF: 0
        default: 1
        }
    }

    private mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    private mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private mutating func indent() {
        for _ in 0..<(depth + open) { bytes.append(0x20); bytes.append(0x20) }
    }

    /// `<name` on a line of its own, indented (attributes follow, then ``closeStart()`` or ``endEmpty()``).
    mutating func start(_ name: StaticString) {
        indent()
        bytes.append(0x3C)
        append(name)
    }

    /// ` name="value"`: `value` must be plain (``isPlain(_:)``).
    mutating func attribute(_ name: StaticString, _ value: String) {
        bytes.append(0x20)
        append(name)
        bytes.append(0x3D)
        bytes.append(0x22)
        append(value)
        bytes.append(0x22)
    }

    /// ` name="value"` for a number (its decimal digits, as `String(value)` gives them).
    mutating func attribute(_ name: StaticString, _ value: Int) {
        bytes.append(0x20)
        append(name)
        bytes.append(0x3D)
        bytes.append(0x22)
        appendDecimal(value)
        bytes.append(0x22)
    }

    /// ` name="value"` for a weight: ``weight(_:)``'s bytes.
    mutating func attribute(_ name: StaticString, weight: Int) {
        guard (0..<1_000_000).contains(weight) else { return attribute(name, Self.weight(weight)) }
        bytes.append(0x20)
        append(name)
        bytes.append(0x3D)
        bytes.append(0x22)
        appendDecimal(weight)
        bytes.append(0x2E)
        bytes.append(0x30)
        bytes.append(0x22)
    }

    /// The decimal digits of `value`, with a `-` if negative.
    private mutating func appendDecimal(_ value: Int) {
        if value < 0 { bytes.append(0x2D) }
        var magnitude = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - count] = 0x30 + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            bytes.append(contentsOf: buffer[(20 - count)...])
        }
    }

    /// `>` and the line's end: the element has children.
    mutating func closeStart() {
        bytes.append(0x3E)
        bytes.append(0x0A)
        open += 1
    }

    /// `/>` and the line's end: an element with attributes only.
    mutating func endEmpty() {
        bytes.append(0x2F)
        bytes.append(0x3E)
        bytes.append(0x0A)
    }

    /// `</name>` on a line of its own, indented, for an element with children.
    mutating func end(_ name: StaticString) {
        open -= 1
        indent()
        bytes.append(0x3C)
        bytes.append(0x2F)
        append(name)
        bytes.append(0x3E)
        bytes.append(0x0A)
    }

    /// `<name key="attribute">value</name>` on a line of its own: both values plain.
    mutating func element(_ name: StaticString, _ value: String, attribute key: StaticString, _ attributeValue: String) {
        start(name)
        attribute(key, attributeValue)
        bytes.append(0x3E)
        append(value)
        bytes.append(0x3C)
        bytes.append(0x2F)
        append(name)
        bytes.append(0x3E)
        bytes.append(0x0A)
    }

    /// What `String(Double(weight))` gives for a count: the digits and `.0` (the description
    /// itself beyond a million, where it could change form).
    static func weight(_ weight: Int) -> String {
        (0..<1_000_000).contains(weight) ? String(weight) + ".0" : String(Double(weight))
    }
}
