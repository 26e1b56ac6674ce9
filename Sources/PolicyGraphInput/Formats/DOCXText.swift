import CLibXML2
import Foundation
import PolicyGraphCore
import ZIPFoundation

/// The text of a Word file (.docx): `word/document.xml` unzipped with
/// ZIPFoundation and read with libxml2. Each paragraph (`w:p`) is a line;
/// `w:t` is text, `w:tab` a tab, `w:br` a line break. Offsets refer to this text.
enum DOCXText {
    static let partPath = "word/document.xml"
    /// The largest document part read (a Word file of text is far smaller).
    static let maximumPartSize: UInt64 = 256 << 20

    static func read(_ file: InputFile) throws -> SourceDocument {
        let archive: Archive
        // Read in memory: opening by URL goes through Foundation's file-system
        // representation, which leaks under LeakSanitizer.
        guard let bytes = FileBytes.read(file.path) else {
            throw InputError.malformed(file: file.path, what: "Word file (.docx)", reason: "it cannot be read")
        }
        // A ZIP starts with a local file header (PK\u{3}\u{4}); anything else is refused
        // here, before ZIPFoundation, whose failed in-memory open leaks its buffer.
        guard bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) else {
            throw InputError.malformed(file: file.path, what: "Word file (.docx)", reason: "not a ZIP archive")
        }
        do { archive = try Archive(data: bytes, accessMode: .read) } catch {
            throw InputError.malformed(file: file.path, what: "Word file (.docx)", reason: "not a ZIP archive")
        }
        guard let entry = archive[partPath] else {
            throw InputError.malformed(file: file.path, what: "Word file (.docx)", reason: "it has no \(partPath)")
        }
        guard entry.uncompressedSize <= maximumPartSize else {
            throw InputError.malformed(file: file.path, what: "Word file (.docx)", reason: "\(partPath) is larger than 256 MB")
        }
        var xml = Data()
        do { _ = try archive.extract(entry) { xml.append($0) } } catch {
            throw InputError.malformed(file: file.path, what: "Word file (.docx)", reason: "\(partPath) cannot be unzipped")
        }
        guard let text = paragraphs(ofDocumentXML: [UInt8](xml)) else {
            throw InputError.malformed(file: file.path, what: "Word file (.docx)", reason: "\(partPath) is not well-formed XML")
        }
        return SourceDocument(name: file.id, path: file.path, extractedText: Array(text.utf8), tool: "the Word reader (word/document.xml)")
    }

    /// The text of a WordprocessingML body, one line a paragraph; `nil` when it is not XML.
    static func paragraphs(ofDocumentXML bytes: [UInt8]) -> String? {
        guard bytes.count < Int(Int32.max) else { return nil }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { xmlReadMemory($0.baseAddress, Int32($0.count), "document.xml", "UTF-8", options) }
        }
        guard let document else { return nil }
        defer { xmlFreeDoc(document) }
        var text = ""
        if let root = xmlDocGetRootElement(document) { append(root, to: &text) }
        return text
    }

    /// libxml2 limits the nesting depth of a document, so the recursion is bounded.
    private static func append(_ node: xmlNodePtr, to text: inout String) {
        let name = node.pointee.name.map { String(cString: $0) } ?? ""
        switch name {
        case "t":
            if let content = xmlNodeGetContent(node) {
                text += String(cString: content)
                policygraph_xmlFree(content)
            }
            return
        case "tab": text += "\t"; return
        case "br", "cr": text += "\n"; return
        default: break
        }
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { append(current, to: &text) }
            child = current.pointee.next
        }
        if name == "p" { text += "\n" }
    }
}
