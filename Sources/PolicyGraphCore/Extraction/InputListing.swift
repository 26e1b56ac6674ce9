import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
            var id = keepRelativePath && !given.hasPrefix("/") ? given : PathNames.lastComponent(given)
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
        var found: [(relative: String, size: Int)] = []
        var passedOver: [SkipReason: [String]] = [:]
        Self.walk(listed, prefix: "") { relative, name, type, size in
            if name.hasPrefix(".") {
                // A hidden folder is not entered.
                passedOver[.hidden, default: []].append(Self.join(root, relative))
                return false
            }
            if type == Self.folderType { return true }
            if type == Self.linkType {
                var target: ObjCBool = false
                if FileManager.default.fileExists(atPath: Self.join(root, relative), isDirectory: &target), target.boolValue {
                    passedOver[.linkedFolder, default: []].append(Self.join(root, relative))
                    return false
                }
            }
            found.append((relative, size))
            return false
        }
        skipped = passedOver
        // Path order, byte-wise, so that ids and outputs do not depend on the file system.
        found.sort { $0.relative.utf8.lexicographicallyPrecedes($1.relative.utf8) }
        for (relative, size) in found {
            let path = Self.join(root, relative)
            let name = PathNames.lastComponent(relative)
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

    /// `st_mode`'s file types (`S_IFMT`, `S_IFDIR`, `S_IFLNK`).
    static let typeMask: UInt32 = 0o170000, folderType: UInt32 = 0o040000, linkType: UInt32 = 0o120000

    /// Calls `visit` with every entry under `folder` (its path relative to the listed
    /// folder, its name, its `lstat` type and size: a link is not followed), depth first
    /// in the order the file system lists each folder, as `FileManager`'s enumerator
    /// gives them; a folder is entered when `visit` returns true. An entry `lstat`
    /// cannot read has type 0 and size 0; a folder that cannot be opened is passed over.
    ///
    /// `opendir`/`readdir`/`lstat` directly: the enumerator and its attribute
    /// dictionary cost about 90,000 instructions a file.
    static func walk(_ folder: String, prefix: String,
                     _ visit: (_ relative: String, _ name: String, _ type: UInt32, _ size: Int) -> Bool) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name == "." || name == ".." { continue }
            let relative = prefix.isEmpty ? name : prefix + "/" + name
            let path = join(folder, name)
            var info = stat()
            let known = lstat(path, &info) == 0
            let type = known ? UInt32(info.st_mode) & typeMask : 0
            if visit(relative, name, type, known ? Int(info.st_size) : 0), type == folderType {
                walk(path, prefix: relative, visit)
            }
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
