import Foundation

/// Why a file under an input folder was not read.
public enum SkipReason: String, CaseIterable, Sendable, Hashable {
    /// Its extension is not one PolicyGraph reads (`.jpg`, `.csv` …).
    case unsupportedExtension = "not a document type"
    /// Binary content (sniffed, or refused by the decoder).
    case binary = "binary"
    /// No bytes at all.
    case empty = "empty"
    /// Hidden (a name starting with `.`), with everything under it.
    case hidden = "hidden"
    /// A symbolic link to a folder: not followed, so that a loop cannot make the listing endless.
    case linkedFolder = "link to a folder, not followed"
}

/// A file to read and its document id.
public struct InputFile: Sendable, Equatable {
    /// The path to open.
    public let path: String
    /// The document id: the path relative to the input root it came from.
    public let id: String
    /// Whether it was found under a folder (rather than named by the user).
    public let inFolder: Bool

    public init(path: String, id: String, inFolder: Bool) {
        self.path = path
        self.id = id
        self.inFolder = inFolder
    }
}

/// The files under one input root: a file as given, or a folder read
/// recursively (hidden entries skipped), in path order, with the files left
/// aside by reason.
public struct InputListing: Sendable {
    /// Extensions of the files read (others are skipped; files with no
    /// extension are sniffed for text).
    public static let documentExtensions: Set<String> = [
        "txt", "text", "md", "markdown", "html", "htm", "shtml", "xhtml", "pdf", "docx",
    ]
    /// Files beside the documents that describe them, not documents.
    static let metadataNames: Set<String> = ["metadata.tsv", "metadata.json"]
    /// How much of a file without extension is sniffed (enough for a page's head).
    static let sniffLength = 4096

    public private(set) var files: [InputFile] = []
    public private(set) var skipped: [SkipReason: [String]] = [:]

    /// Lists `root`: a file is itself (its id the base name, or the path as
    /// given when it is relative and `keepRelativePath`), a folder every
    /// document under it (ids relative to the folder).
    /// Relative paths are opened from `workingDirectory` when it is given.
    public init(root given: String, keepRelativePath: Bool = false, workingDirectory: String? = nil) throws(DocumentError) {
        let root = given.hasPrefix("/") ? given : workingDirectory.map { Self.join($0, given) } ?? given
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isFolder) else { throw SourceDocument.missing(given) }
        guard isFolder.boolValue else {
            var id = keepRelativePath && !given.hasPrefix("/") ? given : (given as NSString).lastPathComponent
            while id.hasPrefix("./") { id.removeFirst(2) }
            files = [InputFile(path: root, id: id, inFolder: false)]
            return
        }
        // A folder the user names through a symbolic link is listed where the link points (links
        // found inside it are still not followed); the files keep their paths through the link.
        let listed = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
        do { _ = try FileManager.default.contentsOfDirectory(atPath: listed) } catch {
            throw .unreadable(file: given, reason: "the folder cannot be listed: \(IOErrorMessage.describe(error))")
        }
        guard let enumerator = FileManager.default.enumerator(atPath: listed) else {
            throw .unreadable(file: given, reason: "the folder cannot be listed")
        }
        var found: [(relative: String, size: Int)] = []
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            let attributes = enumerator.fileAttributes ?? [:]
            let type = attributes[.type] as? FileAttributeType
            if name.hasPrefix(".") {
                if type == .typeDirectory { enumerator.skipDescendants() }
                skipped[.hidden, default: []].append(Self.join(root, relative))
                continue
            }
            guard type != .typeDirectory else { continue }
            if type == .typeSymbolicLink {
                var target: ObjCBool = false
                if FileManager.default.fileExists(atPath: Self.join(root, relative), isDirectory: &target), target.boolValue {
                    skipped[.linkedFolder, default: []].append(Self.join(root, relative))
                    continue
                }
            }
            found.append((relative, (attributes[.size] as? NSNumber)?.intValue ?? 0))
        }
        // Path order, byte-wise, so that ids and outputs do not depend on the file system.
        found.sort { Array($0.relative.utf8).lexicographicallyPrecedes(Array($1.relative.utf8)) }
        for (relative, size) in found {
            let path = Self.join(root, relative)
            let name = (relative as NSString).lastPathComponent
            if Self.metadataNames.contains(name.lowercased()) { continue }
            let pathExtension = (name as NSString).pathExtension.lowercased()
            if !pathExtension.isEmpty, !Self.documentExtensions.contains(pathExtension) {
                skipped[.unsupportedExtension, default: []].append(path)
                continue
            }
            if size == 0 {
                skipped[.empty, default: []].append(path)
                continue
            }
            if pathExtension.isEmpty, !Self.looksLikeText(path) {
                skipped[.binary, default: []].append(path)
                continue
            }
            files.append(InputFile(path: path, id: relative, inFolder: true))
        }
    }

    private static func join(_ root: String, _ relative: String) -> String {
        root.hasSuffix("/") ? root + relative : root + "/" + relative
    }

    /// Whether the head of a file without extension is text: no NUL byte and
    /// few control bytes (tabs, line breaks and form feeds are text).
    static func looksLikeText(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return true } // let the reader report it
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: sniffLength)) ?? Data())
        // UTF-16 with a BOM is text.
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) { return true }
        var controls = 0
        for byte in head {
            if byte == 0 { return false }
            if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D, byte != 0x0C { controls += 1 }
        }
        // More than one control byte in a hundred is not a text someone wrote.
        return controls * 100 <= head.count
    }
}
