import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A document read from disk: its id, decoded text and markup.
public struct SourceDocument: Sendable {
    /// The document's id: its path relative to the input root it came from
    /// (`2024/05/index.html`; a file given by name has its base name), so two
    /// files with the same base name in different folders stay two documents.
    public let name: String
    /// The path it was read from, as given.
    public let path: String
    public let text: DecodedText
    public let markup: MarkupKind
    /// Parts of ``text`` that are not the article (a web page's navigation,
    /// sidebars, footer …), left out before recognition and named by `--explain`.
    public var leftOut: [LeftOutPart] = []
    /// Where the text came from when it is not the file's own bytes (a PDF's
    /// or Word file's extracted text): offsets then refer to that text.
    public var origin: TextOrigin = .file

    public init(name: String, path: String, text: DecodedText, markup: MarkupKind) {
        self.name = name
        self.path = path
        self.text = text
        self.markup = markup
    }

    /// Reads and decodes the file at `path`; `name` is its id (default: the base name),
    /// `encoding` the file's encoding when given (else detected).
    public init(reading path: String, name: String? = nil, encoding: SourceEncoding? = nil) throws(DocumentError) {
        guard let bytes = FileBytes.bytes(path) else {
            if FileManager.default.fileExists(atPath: path) { throw .unreadable(file: path, reason: "permission denied or not a regular file") }
            throw Self.missing(path)
        }
        let decoded = try TextDecoding.decode(bytes, file: path, encoding: encoding)
        let baseName = PathNames.lastComponent(path)
        self.init(name: name ?? baseName, path: path, text: decoded, markup: MarkupKind.detect(fileName: baseName, bytes: decoded.bytes))
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

    /// A document of text extracted from `path` by `tool` (a PDF's or Word
    /// file's): UTF-8 text, offsets into it.
    public init(name: String, path: String, extractedText bytes: [UInt8], tool: String) {
        self.init(name: name, path: path, text: DecodedText(bytes: bytes, encoding: .utf8, byteOffsetInFile: 0), markup: .plain)
        origin = .extracted(tool: tool)
    }

    /// The files that `paths` name: files as given, folders expanded
    /// recursively to the files PolicyGraph reads, in path order.
    public static func files(in paths: [String]) throws(DocumentError) -> [String] {
        var result: [String] = []
        for path in paths {
            let listing = try InputListing(root: path)
            result += listing.files.map(\.path)
        }
        return result
    }
}

/// Where a document's text came from.
public enum TextOrigin: Sendable, Equatable {
    /// The file's own bytes: offsets are byte offsets into the file.
    case file
    /// Text extracted from a PDF or Word file by `tool`: offsets are UTF-8
    /// byte offsets into that extracted text.
    case extracted(tool: String)

    /// What offsets refer to, for the output; `nil` for the file's own bytes.
    public var offsetsNote: String? {
        switch self {
        case .file: return nil
        case let .extracted(tool): return "offsets are UTF-8 byte offsets into the text extracted by \(tool), not into the file"
        }
    }
}

/// A part of a document that is not its article, with why it was left out.
public struct LeftOutPart: Sendable, Equatable, Codable {
    /// The UTF-8 byte range of the decoded text.
    public var range: Range<Int>
    /// Why (`nav`, `footer`, `class "sidebar"`, `link list`, `outside the article` …).
    public var reason: String
    /// The first words of its text, for `--explain`.
    public var excerpt: String

    public init(range: Range<Int>, reason: String, excerpt: String) {
        self.range = range
        self.reason = reason
        self.excerpt = excerpt
    }

    enum CodingKeys: String, CodingKey { case offsets, reason, excerpt }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let offsets = try container.decode([Int].self, forKey: .offsets)
        guard offsets.count == 2, offsets[0] <= offsets[1] else {
            throw DecodingError.dataCorruptedError(forKey: .offsets, in: container, debugDescription: "expected [start, end]")
        }
        range = offsets[0]..<offsets[1]
        reason = try container.decode(String.self, forKey: .reason)
        excerpt = try container.decode(String.self, forKey: .excerpt)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode([range.lowerBound, range.upperBound], forKey: .offsets)
        try container.encode(reason, forKey: .reason)
        try container.encode(excerpt, forKey: .excerpt)
    }
}

/// The normalisation pass that leaves out the parts of a page that are not the
/// article; what remains keeps its offsets through the pass's map.
enum ContentSelection {
    /// Deletes `parts` (sorted, non-overlapping after clamping) from `bytes`,
    /// each replaced by a line break so that no sentence runs across a gap.
    static func apply(_ bytes: [UInt8], leaving parts: [LeftOutPart]) -> (bytes: [UInt8], map: OffsetMap) {
        bytes.withUnsafeBufferPointer { input in
            var rewriter = ByteRewriter(input: input)
            var position = 0
            for part in parts.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
                let start = min(max(part.range.lowerBound, position), input.count)
                let end = min(max(part.range.upperBound, start), input.count)
                guard start < end else { continue }
                rewriter.copy(position..<start)
                rewriter.replace(start..<end, with: [0x0A])
                position = end
            }
            rewriter.copy(position..<input.count)
            return rewriter.finish()
        }
    }
}
