import PolicyGraphCore

/// What GraphML and GEXF are written through, in document order: elements,
/// their attributes and their text. ``XMLByteWriter`` writes the file as bytes
/// (what `build` uses); ``XMLWriter`` writes it through libxml2's writer, the
/// reference the byte writer is tested against (the same bytes).
///
/// Every element is ended with its own name; an element holds either
/// attributes only, or text, or child elements.
///
/// ```swift
/// try xml.start("data"); try xml.attribute("key", "label"); try xml.text(label); try xml.end("data")
/// ```
protocol XMLSink: ~Copyable {
    mutating func startDocument() throws
    mutating func start(_ name: StaticString) throws
    /// An attribute of the element just started; characters XML cannot carry are dropped.
    mutating func attribute(_ name: StaticString, _ value: String) throws
    /// An attribute holding `value`'s decimal digits (`String(value)`).
    mutating func attribute(_ name: StaticString, _ value: Int) throws
    /// An attribute holding `String(Double(weight))`.
    mutating func attribute(_ name: StaticString, weight: Int) throws
    /// An attribute holding `parts.joined(separator: separator)`.
    mutating func attribute(_ name: StaticString, joining parts: [String], separator: StaticString) throws
    /// Escaped character data; characters XML cannot carry are dropped.
    mutating func text(_ value: String) throws
    /// `String(Double(weight))` as character data.
    mutating func text(weight: Int) throws
    /// `parts.joined(separator: separator)` as character data.
    mutating func text(joining parts: [String], separator: StaticString) throws
    mutating func end(_ name: StaticString) throws
    mutating func endDocument() throws
}

extension XMLSink where Self: ~Copyable {
    /// `<name key="keyValue">value</name>`.
    mutating func element(_ name: StaticString, _ value: String, attribute key: StaticString, _ keyValue: String) throws {
        try start(name)
        try attribute(key, keyValue)
        try text(value)
        try end(name)
    }

    /// `<name>value</name>`.
    mutating func element(_ name: StaticString, _ value: String) throws {
        try start(name)
        try text(value)
        try end(name)
    }
}

/// Where GraphML and GEXF are written: a file at `path`, put in place (renamed from a
/// temporary name) only when `body` succeeded.
enum XMLFile {
    /// As bytes (``XMLByteWriter``): what `build` writes.
    static func write(to path: String, _ body: (inout XMLByteWriter) throws -> Void) throws {
        var xml = XMLByteWriter(file: try StreamedFile(path: path))
        try body(&xml)
    }

    /// Through libxml2's writer (``XMLWriter``): the reference of the tests.
    static func writeThroughLibxml2(to path: String, _ body: (inout XMLWriter) throws -> Void) throws {
        try TemporaryFile.write(to: path) { temporary in
            var xml = try XMLWriter(path: temporary)
            try body(&xml)
        }
    }
}

/// libxml2's writer as a sink: numbers and joined values made into strings first.
extension XMLWriter: XMLSink {
    func attribute(_ name: StaticString, _ value: Int) throws { try attribute(name, String(value)) }
    func attribute(_ name: StaticString, weight: Int) throws { try attribute(name, String(Double(weight))) }
    func attribute(_ name: StaticString, joining parts: [String], separator: StaticString) throws {
        try attribute(name, parts.joined(separator: separator.description))
    }
    func text(weight: Int) throws { try text(String(Double(weight))) }
    func text(joining parts: [String], separator: StaticString) throws { try text(parts.joined(separator: separator.description)) }
}
