import PolicyGraphCore

/// Writes XML as bytes into a ``ByteBuffer`` handed to a ``StreamedFile`` in 64 KiB
/// blocks: the bytes libxml2's indenting text writer (``XMLWriter``, two spaces
/// per level) gives for the same calls, without a C call, a C string or a
/// `String` per name and value.
///
/// A value is scanned once: one with no byte that escaping or cleaning looks at
/// (most: ids, types, CJK names) is copied as it is; any other is cleaned
/// (``XMLWriter/xmlSafe(_:)``) and escaped as libxml2 escapes it: `&`, `<`, `>`,
/// `"` and CR as entities or references everywhere, tab and LF too in attributes.
///
/// ```swift
/// var xml = XMLByteWriter(file: try StreamedFile(path: "graph.graphml"))
/// try xml.startDocument(); try xml.start("graph"); try xml.attribute("id", "g"); try xml.end("graph")
/// try xml.endDocument()   // writes what is left and puts the file in place
/// ```
struct XMLByteWriter: XMLSink, ~Copyable {
    private var buffer: ByteBuffer
    /// Open elements.
    private var depth = 0
    /// Whether the innermost element's start tag still lacks its `>`.
    private var startTagOpen = false
    /// Whether the innermost element holds text (its end tag follows on the same line).
    private var afterText = false

    /// `file`: `nil` to gather the bytes only (tests read ``bytes``).
    init(file: StreamedFile?) { buffer = ByteBuffer(file: file) }

    /// The bytes not yet handed to the file (all of them when there is no file).
    var bytes: [UInt8] { buffer.bytes }

    mutating func startDocument() throws {
        append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
    }

    mutating func start(_ name: StaticString) throws {
        if startTagOpen {
            append(0x3E)
            append(0x0A)
        }
        for _ in 0..<depth { append(0x20); append(0x20) }
        append(0x3C)
        append(name)
        depth += 1
        startTagOpen = true
        afterText = false
        try buffer.handOverIfFull()
    }

    mutating func attribute(_ name: StaticString, _ value: String) throws {
        openAttribute(name)
        appendEscaped(value, mask: Self.inAttribute)
        append(0x22)
    }

    mutating func attribute(_ name: StaticString, _ value: Int) throws {
        openAttribute(name)
        buffer.appendDecimal(value)
        append(0x22)
    }

    mutating func attribute(_ name: StaticString, weight: Int) throws {
        openAttribute(name)
        appendWeight(weight)
        append(0x22)
    }

    mutating func attribute(_ name: StaticString, joining parts: [String], separator: StaticString) throws {
        openAttribute(name)
        appendEscaped(parts, separator: separator, mask: Self.inAttribute)
        append(0x22)
    }

    mutating func text(_ value: String) throws {
        openText()
        appendEscaped(value, mask: Self.inText)
    }

    mutating func text(weight: Int) throws {
        openText()
        appendWeight(weight)
    }

    mutating func text(joining parts: [String], separator: StaticString) throws {
        openText()
        appendEscaped(parts, separator: separator, mask: Self.inText)
    }

    mutating func end(_ name: StaticString) throws {
        depth -= 1
        if startTagOpen {
            append(0x2F)
            append(0x3E)
        } else {
            if !afterText { for _ in 0..<depth { append(0x20); append(0x20) } }
            append(0x3C)
            append(0x2F)
            append(name)
            append(0x3E)
        }
        append(0x0A)
        startTagOpen = false
        afterText = false
    }

    /// Writes what is left and puts the file in place (every element must be ended).
    mutating func endDocument() throws { try buffer.finish() }

    // MARK: Bytes

    private mutating func openAttribute(_ name: StaticString) {
        append(0x20)
        append(name)
        append(0x3D)
        append(0x22)
    }

    private mutating func openText() {
        if startTagOpen { append(0x3E) }
        startTagOpen = false
        afterText = true
    }

    @inline(__always)
    private mutating func append(_ text: StaticString) { buffer.append(text) }

    @inline(__always)
    private mutating func append(_ byte: UInt8) { buffer.append(byte) }

    /// What ``XMLByteWriter`` looks at in a value: bit ``inAttribute`` for a byte that an attribute
    /// value escapes or cleans, bit ``inText`` for one that character data does. Tab and LF are
    /// escaped in attributes only; CR, `"`, `&`, `<`, `>` in both; the other C0 controls and 0xEF
    /// (the lead byte of U+FFFE and U+FFFF, which are dropped) send the value to the cleaning.
    static let attention: [UInt8] = (0..<256).map { byte in
        switch byte {
        case 0x09, 0x0A: inAttribute
        case 0..<0x20, 0x22, 0x26, 0x3C, 0x3E, 0xEF: inAttribute | inText
        default: 0
        }
    }
    static let inAttribute: UInt8 = 1
    static let inText: UInt8 = 2

    /// Whether `value` is copied as it is (no byte of `mask` in ``attention``).
    static func isPlain(_ value: String, mask: UInt8) -> Bool {
        var value = value
        return value.withUTF8 { isPlain($0, mask: mask) }
    }

    @inline(__always)
    private static func isPlain(_ utf8: UnsafeBufferPointer<UInt8>, mask: UInt8) -> Bool {
        attention.withUnsafeBufferPointer { table in
            for byte in utf8 where table[Int(byte)] & mask != 0 { return false }
            return true
        }
    }

    /// `value` escaped for an attribute (`mask` ``inAttribute``) or for text (``inText``).
    private mutating func appendEscaped(_ value: String, mask: UInt8) {
        var value = value
        let copied = value.withUTF8 { utf8 in
            guard Self.isPlain(utf8, mask: mask) else { return false }
            buffer.append(utf8)
            return true
        }
        if !copied { appendEscapedSlowly(value, inAttribute: mask == Self.inAttribute) }
    }

    /// `parts` joined by `separator` (itself plain), escaped: each part escaped on its own is
    /// the joined value escaped, as escaping and cleaning read one character at a time.
    private mutating func appendEscaped(_ parts: [String], separator: StaticString, mask: UInt8) {
        for (index, part) in parts.enumerated() {
            if index > 0 { append(separator) }
            appendEscaped(part, mask: mask)
        }
    }

    private mutating func appendEscapedSlowly(_ value: String, inAttribute: Bool) {
        for byte in XMLWriter.xmlSafe(value).utf8 {
            switch byte {
            case 0x26: append("&amp;")
            case 0x3C: append("&lt;")
            case 0x3E: append("&gt;")
            case 0x22: append("&quot;")
            case 0x0D: append("&#13;")
            case 0x09 where inAttribute: append("&#9;")
            case 0x0A where inAttribute: append("&#10;")
            default: append(byte)
            }
        }
    }

    /// What `String(Double(weight))` gives for a count: the digits and `.0` below a million
    /// (the description itself beyond, where it could change form).
    private mutating func appendWeight(_ weight: Int) {
        guard (0..<1_000_000).contains(weight) else { return buffer.appendUTF8(String(Double(weight))) }
        buffer.appendDecimal(weight)
        append(0x2E)
        append(0x30)
    }
}
