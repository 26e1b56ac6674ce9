/// The markup a document may carry.
public enum MarkupKind: String, Sendable, Codable {
    case plain, html, markdown

    /// Guesses the markup from a file name and the first bytes of the text.
    public static func detect(fileName: String, bytes: [UInt8]) -> MarkupKind {
        let lower = fileName.lowercased()
        if lower.hasSuffix(".html") { return .html }
        if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") { return .markdown }
        // Anything else is sniffed (.htm, .shtml and .xhtml files are sometimes
        // plain text, files without extension often pages): plain text without
        // a '<' near the top is not a web page.
        guard bytes.prefix(2048).contains(0x3C) else { return .plain }
        let head = String(decoding: bytes.prefix(2048), as: UTF8.self).lowercased()
        if head.contains("<!doctype html") || head.contains("<html") || head.contains("<body")
            || (head.contains("<p>") && head.contains("</p>")) || head.contains("<div") {
            return .html
        }
        return .plain
    }
}

/// Strips HTML tags and entities, keeping the text; block elements become
/// line breaks and `script`/`style` contents are dropped.
public enum HTMLStripping {
    static let blockTags: Set<String> = [
        "p", "br", "div", "li", "ul", "ol", "tr", "td", "th", "table", "h1", "h2", "h3", "h4", "h5", "h6",
        "section", "article", "header", "footer", "blockquote", "pre", "hr", "title", "dd", "dt", "figcaption",
    ]
    static let entities: [String: UInt32] = [
        "nbsp": 0x20, "amp": 0x26, "lt": 0x3C, "gt": 0x3E, "quot": 0x22, "apos": 0x27, "ldquo": 0x201C,
        "rdquo": 0x201D, "lsquo": 0x2018, "rsquo": 0x2019, "mdash": 0x2014, "ndash": 0x2013, "hellip": 0x2026,
        "middot": 0xB7, "emsp": 0x20, "ensp": 0x20, "thinsp": 0x20, "times": 0xD7, "copy": 0xA9, "reg": 0xAE,
        "laquo": 0xAB, "raquo": 0xBB, "bull": 0x2022, "yen": 0xA5, "deg": 0xB0, "zwsp": 0x200B,
    ]

    public static func strip(_ input: [UInt8]) -> (bytes: [UInt8], map: OffsetMap) {
        input.withUnsafeBufferPointer { buffer in
            var writer = ByteRewriter(input: buffer)
            let count = buffer.count
            var copiedUpTo = 0
            var index = 0
            var skipUntilClosing: String? = nil
            while index < count {
                let byte = buffer[index]
                if byte == 0x3C { // <
                    guard let close = find(0x3E, in: buffer, from: index + 1) else { index += 1; continue }
                    var tagEnd = close + 1
                    if count - index >= 4, buffer[index + 1] == 0x21, buffer[index + 2] == 0x2D, buffer[index + 3] == 0x2D {
                        tagEnd = findSequence([0x2D, 0x2D, 0x3E], in: buffer, from: index + 4).map { $0 + 3 } ?? count
                    }
                    let name = tagName(buffer, index + 1..<close)
                    writer.copy(copiedUpTo..<index)
                    if let closing = skipUntilClosing {
                        if name == "/" + closing { skipUntilClosing = nil }
                        writer.replace(index..<tagEnd, with: [])
                    } else {
                        if name == "script" || name == "style" { skipUntilClosing = name }
                        let bare = name.hasPrefix("/") ? String(name.dropFirst()) : name
                        writer.replace(index..<tagEnd, with: blockTags.contains(bare) ? [0x0A] : [])
                    }
                    copiedUpTo = tagEnd
                    index = tagEnd
                    continue
                }
                if skipUntilClosing != nil {
                    writer.copy(copiedUpTo..<index)
                    var end = index + 1
                    while end < count, buffer[end] != 0x3C { end += 1 }
                    writer.replace(index..<end, with: [])
                    copiedUpTo = end
                    index = end
                    continue
                }
                if byte == 0x26, let (scalar, end) = entity(buffer, at: index) { // &
                    writer.copy(copiedUpTo..<index)
                    writer.replace(index..<end, with: UTF8Bytes.encode(scalar))
                    copiedUpTo = end
                    index = end
                    continue
                }
                index += 1
            }
            writer.copy(copiedUpTo..<count)
            return writer.finish()
        }
    }

    static func find(_ byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        while index < buffer.count {
            if buffer[index] == byte { return index }
            if buffer[index] == 0x3C { return nil } // a stray '<' is text
            index += 1
        }
        return nil
    }

    static func findSequence(_ needle: [UInt8], in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard buffer.count >= needle.count else { return nil }
        var index = start
        while index + needle.count <= buffer.count {
            if buffer[index] == needle[0], Array(buffer[index..<(index + needle.count)]) == needle { return index }
            index += 1
        }
        return nil
    }

    static func tagName(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        var name: [UInt8] = []
        for index in range {
            let byte = buffer[index]
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x3E || (byte == 0x2F && !name.isEmpty) { break }
            name.append(byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte)
        }
        return String(decoding: name, as: UTF8.self)
    }

    /// Decodes `&name;`, `&#NNN;` or `&#xHH;` at `start`.
    static func entity(_ buffer: UnsafeBufferPointer<UInt8>, at start: Int) -> (UInt32, Int)? {
        var end = start + 1
        while end < buffer.count, end - start <= 10, buffer[end] != 0x3B {
            let byte = buffer[end]
            guard ScalarClass.isASCIIAlphanumeric(UInt32(byte)) || byte == 0x23 else { return nil }
            end += 1
        }
        guard end < buffer.count, buffer[end] == 0x3B else { return nil }
        let body = String(decoding: UnsafeBufferPointer(rebasing: buffer[(start + 1)..<end]), as: UTF8.self)
        if body.hasPrefix("#x") || body.hasPrefix("#X") {
            guard let value = UInt32(body.dropFirst(2), radix: 16), value > 0, value <= 0x10FFFF else { return nil }
            return (value, end + 1)
        }
        if body.hasPrefix("#") {
            guard let value = UInt32(body.dropFirst()), value > 0, value <= 0x10FFFF else { return nil }
            return (value, end + 1)
        }
        guard let value = entities[body] ?? entities[body.lowercased()] else { return nil }
        return (value, end + 1)
    }
}

/// Strips the Markdown of pages scraped from the web: headings, emphasis,
/// links and images (keeping their text), inline code marks, block quotes and
/// list markers. Inline HTML is left for ``HTMLStripping``.
public enum MarkdownStripping {
    public static func strip(_ input: [UInt8]) -> (bytes: [UInt8], map: OffsetMap) {
        input.withUnsafeBufferPointer { buffer in
            var writer = ByteRewriter(input: buffer)
            let count = buffer.count
            var copiedUpTo = 0
            var index = 0
            var atLineStart = true
            // Each '[' looks ahead for its ']' and '(' for its ')'; remembering the
            // next stop keeps that linear on lines of unclosed links ([a]([a]([a](…).
            var bracketStops = NextStop(target: 0x5D)
            var parenStops = NextStop(target: 0x29)
            var referenceStops = NextStop(target: 0x5D)
            func drop(_ range: Range<Int>) {
                writer.copy(copiedUpTo..<range.lowerBound)
                writer.replace(range, with: [])
                copiedUpTo = range.upperBound
            }
            while index < count {
                let byte = buffer[index]
                if atLineStart {
                    atLineStart = false
                    var marker = index
                    while marker < count, buffer[marker] == 0x20 { marker += 1 }
                    var end = marker
                    if end < count, buffer[end] == 0x23 { // # headings
                        while end < count, buffer[end] == 0x23 { end += 1 }
                    } else if end < count, buffer[end] == 0x3E { // > quotes
                        while end < count, buffer[end] == 0x3E || buffer[end] == 0x20 { end += 1 }
                    } else if end + 1 < count, (buffer[end] == 0x2D || buffer[end] == 0x2A || buffer[end] == 0x2B),
                              buffer[end + 1] == 0x20 { // - * + lists
                        end += 1
                    } else {
                        var digits = end
                        while digits < count, ScalarClass.isDigit(UInt32(buffer[digits])) { digits += 1 }
                        if digits > end, digits + 1 < count, buffer[digits] == 0x2E, buffer[digits + 1] == 0x20 { end = digits + 1 }
                    }
                    if end > marker {
                        while end < count, buffer[end] == 0x20 { end += 1 }
                        drop(index..<end)
                        index = end
                        continue
                    }
                }
                switch byte {
                case 0x0A:
                    atLineStart = true
                    index += 1
                case 0x2A, 0x60, 0x7E: // * ` ~ (emphasis, code, strike-through)
                    var end = index
                    while end < count, buffer[end] == byte { end += 1 }
                    drop(index..<end)
                    index = end
                case 0x21 where index + 1 < count && buffer[index + 1] == 0x5B: // ![alt](url)
                    drop(index..<(index + 1))
                    index += 1
                case 0x5B: // [text](url) or [text][ref]
                    if let close = findClosingBracket(buffer, from: index + 1, using: &bracketStops),
                       close + 1 < count, buffer[close + 1] == 0x28 || buffer[close + 1] == 0x5B {
                        let closer: UInt8 = buffer[close + 1] == 0x28 ? 0x29 : 0x5D
                        let end = closer == 0x29 ? parenStops.next(from: close + 2, in: buffer) : referenceStops.next(from: close + 2, in: buffer)
                        if end < count, buffer[end] == closer {
                            drop(index..<(index + 1))
                            writer.copy(copiedUpTo..<close)
                            writer.replace(close..<(end + 1), with: [])
                            copiedUpTo = end + 1
                            index = end + 1
                            continue
                        }
                    }
                    index += 1
                default:
                    index += 1
                }
            }
            writer.copy(copiedUpTo..<count)
            return writer.finish()
        }
    }

    /// A link's text is at most this long: a ']' further away closes something else.
    static let maximumLinkTextLength = 2000

    static func findClosingBracket(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, using stops: inout NextStop) -> Int? {
        let stop = stops.next(from: start, in: buffer)
        guard stop < buffer.count, buffer[stop] == 0x5D, stop - start < maximumLinkTextLength else { return nil }
        return stop
    }

    /// The first `target` byte or line feed at or after a position, remembered,
    /// so that queries from non-decreasing positions scan each byte once.
    struct NextStop {
        let target: UInt8
        private var from = 0
        private var stop = -1

        init(target: UInt8) { self.target = target }

        /// The offset of the first `target` or line feed at or after `start` (`buffer.count` if none).
        mutating func next(from start: Int, in buffer: UnsafeBufferPointer<UInt8>) -> Int {
            if start >= from, start <= stop { return stop }
            var index = start
            while index < buffer.count, buffer[index] != target, buffer[index] != 0x0A { index += 1 }
            from = start
            stop = index
            return index
        }
    }
}
