import CLibXML2
import Foundation

/// A web page's elements as libxml2's HTML parser sees them, each with the
/// byte range of the source it spans, so that what is left out can be named
/// in the original file's offsets.
struct HTMLTree {
    struct Element {
        var name: String
        /// The lowercased tokens of its `class` and `id` attributes.
        var tokens: [String]
        /// From its start tag's `<` to just past its end tag's `>` (or to
        /// where the parser closed it), in UTF-8 bytes of the source.
        var range: Range<Int>
        var parent: Int?
        var children: [Int] = []
        /// Bytes of text in its subtree (whitespace-trimmed text nodes).
        var text = 0
        /// Bytes of that text inside links.
        var linkText = 0
        /// Commas and full stops in that text: prose has them, menus do not.
        var punctuation = 0
        /// Its first non-empty text, trimmed, up to a few dozen bytes.
        var firstText: String?
        /// Its own text nodes (for the excerpts of --explain).
        var excerpt = ""
    }

    /// Elements in document order (a parent before its children).
    var elements: [Element] = []

    /// Parses `bytes` (UTF-8) with libxml2's HTML parser, recovering from errors.
    init(parsing bytes: [UInt8]) {
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { return }
        let parser = HTMLParser(bytes: bytes)
        guard let document = parser.parse() else { return }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { return }
        add(root, parent: nil, positions: parser.positions, count: bytes.count, inLink: false)
        // Totals from the leaves up (children come after their parents).
        for index in elements.indices.reversed() {
            guard let parent = elements[index].parent else { continue }
            elements[parent].text += elements[index].text
            elements[parent].linkText += elements[index].linkText
            elements[parent].punctuation += elements[index].punctuation
            if elements[parent].firstText == nil { elements[parent].firstText = elements[index].firstText }
        }
    }

    /// Adds `node` and its subtree; libxml2 limits the nesting depth, so the recursion is bounded.
    private mutating func add(_ node: xmlNodePtr, parent: Int?, positions: HTMLParser.Positions, count: Int, inLink: Bool) {
        let name = node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
        let position = Int(bitPattern: node.pointee._private)
        var range = 0..<count
        if position > 0, position <= positions.starts.count {
            let start = min(positions.starts[position - 1], count)
            let end = min(max(positions.ends[position - 1] ?? count, start), count)
            range = start..<end
        } else if let parent {
            range = elements[parent].range
        }
        var tokens: [String] = []
        for attribute in ["class", "id"] {
            guard let value = xmlGetProp(node, attribute) else { continue }
            defer { policygraph_xmlFree(value) }
            let text = String(cString: value).lowercased()
            tokens += text.split { !($0.isLetter || $0.isNumber) }.map(String.init)
        }
        let index = elements.count
        elements.append(Element(name: name, tokens: tokens, range: range, parent: parent))
        if let parent { elements[parent].children.append(index) }
        let isLink = inLink || name == "a"
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                add(current, parent: index, positions: positions, count: count, inLink: isLink)
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content, name != "script", name != "style" {
                    addText(String(cString: content), to: index, inLink: isLink)
                }
            default:
                break
            }
            child = current.pointee.next
        }
    }

    private mutating func addText(_ raw: String, to index: Int, inLink: Bool) {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return }
        let length = text.utf8.count
        elements[index].text += length
        if inLink { elements[index].linkText += length }
        elements[index].punctuation += text.unicodeScalars.reduce(0) { count, scalar in
            count + (Self.punctuation.contains(scalar.value) ? 1 : 0)
        }
        if elements[index].firstText == nil { elements[index].firstText = String(text.prefix(24)) }
        if elements[index].excerpt.utf8.count < Self.excerptLength { elements[index].excerpt += text + " " }
    }

    /// ，。、；：！？ and their ASCII forms.
    static let punctuation: Set<UInt32> = [0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF1A, 0xFF01, 0xFF1F, 0x2C, 0x2E, 0x3B]
    static let excerptLength = 120

    /// The text of `index`'s subtree, shortened, for --explain.
    func excerpt(of index: Int) -> String {
        var result = ""
        var stack = [index]
        while let current = stack.popLast(), result.utf8.count < Self.excerptLength {
            result += elements[current].excerpt
            stack += elements[current].children.reversed()
        }
        let words = result.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return words.count > 40 ? String(words.prefix(40)) + "…" : words
    }
}

/// Owns one libxml2 HTML parser context; records where each element starts
/// and ends in the source while the SAX2 tree builder builds the tree.
private final class HTMLParser {
    struct Positions {
        var starts: [Int] = []
        var ends: [Int?] = []
    }

    let bytes: [UInt8]
    var positions = Positions()

    init(bytes: [UInt8]) { self.bytes = bytes }

    /// The tree, or `nil` when libxml2 could not make one (the caller then
    /// keeps the whole page). The caller frees it.
    func parse() -> xmlDocPtr? {
        let context: htmlParserCtxtPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { htmlCreateMemoryParserCtxt($0.baseAddress, Int32($0.count)) }
        }
        guard let context else { return nil }
        defer { htmlFreeParserCtxt(context) }
        // The text is already UTF-8: ignore <meta charset> and do not guess.
        _ = xmlSwitchEncoding(context, XML_CHAR_ENCODING_UTF8)
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue | HTML_PARSE_COMPACT.rawValue)
        _ = htmlCtxtUseOptions(context, options)
        context.pointee._private = Unmanaged.passUnretained(self).toOpaque()
        context.pointee.sax.pointee.startElement = { context, name, attributes in
            xmlSAX2StartElement(context, name, attributes)
            guard let context, let parser = HTMLParser.owner(of: context) else { return }
            let parserContext = context.assumingMemoryBound(to: xmlParserCtxt.self)
            parser.recordStart(of: parserContext.pointee.node, consumed: Int(xmlByteConsumed(parserContext)))
        }
        context.pointee.sax.pointee.endElement = { context, name in
            if let context, let parser = HTMLParser.owner(of: context) {
                let parserContext = context.assumingMemoryBound(to: xmlParserCtxt.self)
                parser.recordEnd(of: parserContext.pointee.node, consumed: Int(xmlByteConsumed(parserContext)))
            }
            xmlSAX2EndElement(context, name)
        }
        withExtendedLifetime(self) { _ = htmlParseDocument(context) }
        let document = context.pointee.myDoc
        context.pointee.myDoc = nil
        return document
    }

    static func owner(of context: UnsafeMutableRawPointer) -> HTMLParser? {
        let parserContext = context.assumingMemoryBound(to: xmlParserCtxt.self)
        guard let owner = parserContext.pointee._private else { return nil }
        return Unmanaged<HTMLParser>.fromOpaque(owner).takeUnretainedValue()
    }

    /// The parser has just read a start tag (up to its `>`): the element
    /// starts at the last `<` before.
    func recordStart(of node: xmlNodePtr?, consumed: Int) {
        guard let node else { return }
        var start = min(max(consumed, 0), bytes.count)
        while start > 0, bytes[start - 1] != 0x3C { start -= 1 }
        positions.starts.append(max(start - 1, 0))
        positions.ends.append(nil)
        node.pointee._private = UnsafeMutableRawPointer(bitPattern: positions.starts.count)
    }

    /// The parser closes an element: after its end tag's `>`, or, closed
    /// implicitly by the next tag, at that tag's `<`.
    func recordEnd(of node: xmlNodePtr?, consumed: Int) {
        guard let node else { return }
        let index = Int(bitPattern: node.pointee._private) - 1
        guard index >= 0, index < positions.ends.count else { return }
        var end = min(max(consumed, 0), bytes.count)
        if end > 0, bytes[end - 1] != 0x3E {
            var back = end
            while back > positions.starts[index], bytes[back - 1] != 0x3C { back -= 1 }
            if back > positions.starts[index] { end = back - 1 }
        }
        positions.ends[index] = max(end, positions.starts[index])
    }
}
