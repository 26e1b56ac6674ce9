import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A document read from disk: its name, decoded text and markup.
public struct SourceDocument: Sendable {
    /// The file's base name (`003_210949ef34f18676.txt`).
    public let name: String
    /// The path it was read from, as given.
    public let path: String
    public let text: DecodedText
    public let markup: MarkupKind

    public init(name: String, path: String, text: DecodedText, markup: MarkupKind) {
        self.name = name
        self.path = path
        self.text = text
        self.markup = markup
    }

    /// Reads and decodes the file at `path`, in `encoding` when given (else detected).
    public init(reading path: String, encoding: SourceEncoding? = nil) throws(DocumentError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            if FileManager.default.fileExists(atPath: path) { throw .unreadable(file: path, reason: "permission denied or not a regular file") }
            throw Self.missing(path)
        }
        let bytes = [UInt8](data)
        let decoded = try TextDecoding.decode(bytes, file: path, encoding: encoding)
        let name = (path as NSString).lastPathComponent
        self.init(name: name, path: path, text: decoded, markup: MarkupKind.detect(fileName: name, bytes: decoded.bytes))
    }

    /// A document made from a string (tests, standard input).
    public init(name: String, string: String, markup: MarkupKind = .plain) {
        self.init(name: name, path: name, text: DecodedText(bytes: Array(string.utf8), encoding: .utf8, byteOffsetInFile: 0),
                  markup: markup)
    }

    /// Why `path` cannot be found: a symbolic link loop, a dangling link, or nothing there.
    static func missing(_ path: String) -> DocumentError {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .notFound(path: path) }
        if stat(path, &info) != 0 { return .unreadable(file: path, reason: IOErrorMessage.describe(errno: errno)) }
        return .notFound(path: path)
    }

    /// The files that `paths` name: files as given, folders expanded to their
    /// `.txt`, `.md`, `.markdown`, `.html` and `.htm` files in name order.
    public static func files(in paths: [String]) throws(DocumentError) -> [String] {
        var result: [String] = []
        let extensions: Set<String> = ["txt", "md", "markdown", "html", "htm", "text"]
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { throw missing(path) }
            if isFolder.boolValue {
                let names: [String]
                do { names = try FileManager.default.contentsOfDirectory(atPath: path) } catch {
                    throw .unreadable(file: path, reason: "the folder cannot be listed: \(IOErrorMessage.describe(error))")
                }
                for name in names.sorted() where extensions.contains((name as NSString).pathExtension.lowercased()) {
                    result.append((path as NSString).appendingPathComponent(name))
                }
            } else {
                result.append(path)
            }
        }
        return result
    }
}
