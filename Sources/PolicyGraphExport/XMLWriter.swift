import CLibXML2
import Foundation
import PolicyGraphCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why an export failed.
public enum ExportError: Error, LocalizedError, Sendable {
    /// A libxml2 call returned an error code.
    case libxml(function: String, path: String)
    case io(path: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case let .libxml(function, path): return "\(path): \(reason(function: function))"
        case let .io(path, reason): return "\(path): \(reason)"
        }
    }

    /// What went wrong, without the (temporary) path.
    public var reason: String {
        switch self {
        case let .libxml(function, _): return reason(function: function)
        case let .io(_, reason): return reason
        }
    }

    private func reason(function: String) -> String {
        "writing XML failed in libxml2's \(function). Check that the folder is writable and the disk not full."
    }
}

/// Owns one libxml2 `xmlTextWriter` streaming to a file and frees it on every
/// path: the reference ``XMLByteWriter`` is tested against (``XMLSink``).
/// C return codes become ``ExportError``s here, naming the C function.
final class XMLWriter {
    private let writer: xmlTextWriterPtr
    let path: String

    /// A writer to `path` (a temporary file that the caller renames when done).
    init(path: String) throws {
        // libxml2 reports through the exceptions thrown here, not on standard error.
        xmlSetStructuredErrorFunc(nil) { _, _ in }
        errno = 0
        guard let writer = xmlNewTextWriterFilename(path, 0) else { throw ExportError.libxml(function: "xmlNewTextWriterFilename", path: path) }
        self.writer = writer
        self.path = path
        _ = xmlTextWriterSetIndent(writer, 1)
        _ = xmlTextWriterSetIndentString(writer, "  ")
    }

    deinit { xmlFreeTextWriter(writer) }

    private func check(_ code: Int32, _ function: String) throws {
        guard code < 0 else { return }
        // A failed write leaves the system's reason in errno (no space, no permission).
        let code = errno
        if [ENOSPC, EDQUOT, EIO, EACCES, EPERM, EROFS].contains(code) {
            throw ExportError.io(path: path, reason: IOErrorMessage.describe(errno: code))
        }
        throw ExportError.libxml(function: function, path: path)
    }

    func startDocument() throws { try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "xmlTextWriterStartDocument") }
    func endDocument() throws { try check(xmlTextWriterEndDocument(writer), "xmlTextWriterEndDocument") }
    func start(_ name: StaticString) throws {
        try check(Self.withXMLChars(name.description) { xmlTextWriterStartElement(writer, $0) }, "xmlTextWriterStartElement")
    }
    /// Ends the innermost element (libxml2 knows its name).
    func end(_ name: StaticString) throws { try check(xmlTextWriterEndElement(writer), "xmlTextWriterEndElement") }

    /// An attribute; text that XML cannot carry (control characters) is dropped.
    func attribute(_ name: StaticString, _ value: String) throws {
        let code = Self.withXMLChars(name.description) { name in
            Self.withXMLChars(Self.xmlSafe(value)) { value in xmlTextWriterWriteAttribute(writer, name, value) }
        }
        try check(code, "xmlTextWriterWriteAttribute")
    }

    /// Escaped character data.
    func text(_ value: String) throws {
        try check(Self.withXMLChars(Self.xmlSafe(value)) { xmlTextWriterWriteString(writer, $0) }, "xmlTextWriterWriteString")
    }

    /// Calls `body` with `text` as a NUL-terminated C string of `xmlChar`s: the string's own
    /// UTF-8 storage where it has one (no copy, unlike the implicit conversion to `UnsafePointer<UInt8>`).
    @inline(__always)
    static func withXMLChars<Result>(_ text: String, _ body: (UnsafePointer<xmlChar>) -> Result) -> Result {
        text.withCString { characters in
            characters.withMemoryRebound(to: xmlChar.self, capacity: text.utf8.count + 1) { body($0) }
        }
    }

    /// `value` without the characters XML 1.0 forbids (C0 controls but tab, LF, CR; U+FFFE, U+FFFF).
    /// Read as bytes: only a value with a C0 control or a byte 0xEF (the lead byte of U+FFFE and
    /// U+FFFF, and of other characters) is looked at character by character.
    static func xmlSafe(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 < 0x20 ? ($0 != 0x9 && $0 != 0xA && $0 != 0xD) : $0 == 0xEF }) else { return value }
        guard value.unicodeScalars.contains(where: { !isAllowed($0.value) }) else { return value }
        return String(String.UnicodeScalarView(value.unicodeScalars.filter { isAllowed($0.value) }))
    }

    static func isAllowed(_ u: UInt32) -> Bool {
        u == 0x9 || u == 0xA || u == 0xD || (0x20...0xD7FF).contains(u) || (0xE000...0xFFFD).contains(u) || (0x10000...0x10FFFF).contains(u)
    }
}

/// Writes a file through a temporary name, renamed into place only when the
/// body succeeded: no half-written outputs.
enum TemporaryFile {
    static func write(to path: String, _ body: (String) throws -> Void) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp").path
        do {
            try body(temporary)
            guard rename(temporary, path) == 0 else { throw ExportError.io(path: path, reason: "cannot put the finished file in place: " + IOErrorMessage.describe(errno: errno)) }
        } catch {
            unlink(temporary)
            throw error
        }
    }
}
