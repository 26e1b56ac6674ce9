import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A folder of compiled lexicons (``CompiledLexiconFile``), one file per
/// ontology folder, so that a process loads the ontology in one read instead
/// of parsing its TSV files and building the trie again.
///
/// The TSV files stay the source of truth: a compiled file records the hash of
/// the files it was compiled from and of the program that compiled them, and is
/// used only while both are unchanged.
/// A missing, stale, damaged or foreign file is compiled again and replaced
/// (written to a staging file, then renamed, so that a reader never sees half a
/// file); a cache folder that cannot be written only costs the compilation.
///
/// ```swift
/// let cache = OntologyCache(folder: URL(fileURLWithPath: ".cache/policygraph"))
/// let lexicon = try cache.lexicon(for: URL(fileURLWithPath: "Ontology"))
/// ```
public struct OntologyCache: Sendable {
    /// The folder the compiled files are kept in (made when first needed).
    public let folder: URL

    public init(folder: URL) { self.folder = folder }

    /// The environment variable that names the cache folder; `off` (or an
    /// empty value) turns the cache off.
    public static let environmentVariable = "POLICYGRAPH_CACHE_DIR"

    /// The cache every command uses: `$POLICYGRAPH_CACHE_DIR`, else
    /// `policygraph/` in the user's cache folder (`~/.cache` on Linux,
    /// `~/Library/Caches` on macOS); `nil` when turned off or there is none.
    public static var standard: OntologyCache? {
        if let value = ProcessInfo.processInfo.environment[environmentVariable] {
            if value.isEmpty || value == "off" { return nil }
            return OntologyCache(folder: URL(fileURLWithPath: value))
        }
        guard let caches = FileManager.default.urls(for: .cachesDirectory, in: .userDomainMask).first else { return nil }
        return OntologyCache(folder: caches.appendingPathComponent("policygraph"))
    }

    /// How a lexicon was obtained.
    public enum Outcome: Equatable, Sendable {
        /// Read from the compiled file.
        case read
        /// Compiled from the TSV files, for the reason given (no file yet,
        /// stale, damaged …), and stored when the folder was writable.
        case compiled(reason: String)
    }

    /// The lexicon of the ontology in `directory` (see ``load(_:)``).
    public func lexicon(for directory: URL) throws(OntologyError) -> Lexicon {
        try load(directory).lexicon
    }

    /// The lexicon of the ontology in `directory` and how it was obtained.
    /// Errors in the TSV files are reported as ``Ontology/load(from:)`` reports them.
    public func load(_ directory: URL) throws(OntologyError) -> (lexicon: Lexicon, outcome: Outcome) {
        guard let hash = Self.contentHash(of: directory) else {
            // Not a readable ontology folder: let the loader say what is wrong.
            return (Lexicon(ontology: try Ontology.load(from: directory)), .compiled(reason: "unreadable ontology files"))
        }
        let file = compiledFile(for: directory)
        let reason: String
        if let data = FileBytes.read(file.path) {
            switch Result(catching: { () throws(CompactFormatError) in try CompiledLexiconFile.decode(Array(data), contentHash: hash) }) {
            case let .success(parts):
                let ontology = try Ontology.load(from: directory, entities: parts.records).ontology
                if CompiledLexiconFile.isConsistent(parts, with: ontology) {
                    // Marks the file as recently used, for the pruning in `store`.
                    try? FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: file.path)
                    return (Lexicon(ontology: ontology, compiled: parts), .read)
                }
                reason = "inconsistent contents"
            case let .failure(error):
                reason = error.reason
            }
        } else {
            reason = "no compiled file"
        }
        let (ontology, records) = try Ontology.load(from: directory, entities: nil)
        let lexicon = Lexicon(ontology: ontology)
        store(CompiledLexiconFile.encode(records: records, lexicon: lexicon, contentHash: hash), at: file)
        return (lexicon, .compiled(reason: reason))
    }

    /// The compiled file of the ontology in `directory` for this program: named
    /// by a hash of the folder's path and the program's, so that two programs
    /// (`policygraph` and the tests) keep a file each instead of replacing each other's.
    public func compiledFile(for directory: URL) -> URL {
        var hasher = FNV1a()
        hasher.add(directory.standardizedFileURL.path.utf8)
        hasher.add([0])
        hasher.add(Self.program.path.utf8)
        return folder.appendingPathComponent("lexicon-" + String(hasher.value, radix: 16) + ".bin")
    }

    /// The running program's path, size and modification time: a compiled file
    /// is only used by the build of the program that wrote it, since a new build
    /// may compile the lexicon differently from the same TSV files.
    static let program: (path: String, size: UInt64, modified: UInt64) = {
        let path = Bundle.main.executablePath ?? CommandLine.arguments.first ?? ""
        var info = stat()
        guard !path.isEmpty, stat(path, &info) == 0 else { return (path, 0, 0) }
        #if canImport(Darwin)
        let modified = UInt64(truncatingIfNeeded: info.st_mtimespec.tv_sec) &* 1_000_000_000 &+ UInt64(truncatingIfNeeded: info.st_mtimespec.tv_nsec)
        #else
        let modified = UInt64(truncatingIfNeeded: info.st_mtim.tv_sec) &* 1_000_000_000 &+ UInt64(truncatingIfNeeded: info.st_mtim.tv_nsec)
        #endif
        return (path, UInt64(truncatingIfNeeded: info.st_size), modified)
    }()

    /// The hash of the files an ontology folder is loaded from (their names and
    /// bytes), of the compiled format's version and of the program's build;
    /// `nil` when one cannot be read.
    static func contentHash(of directory: URL) -> UInt64? {
        let loader = OntologyLoader(directory: directory)
        var files = loader.tsvFiles(in: "entities").map { ("entities/" + $0.lastPathComponent, $0) }
            + loader.tsvFiles(in: "patterns").map { ("patterns/" + $0.lastPathComponent, $0) }
        let folding = directory.appendingPathComponent("text/traditional-to-simplified.tsv")
        if FileManager.default.fileExists(atPath: folding.path) { files.append(("text/traditional-to-simplified.tsv", folding)) }
        guard !files.isEmpty else { return nil }
        var hasher = FNV1a()
        hasher.add(UInt64(CompiledLexiconFile.formatVersion))
        hasher.add(Self.program.size)
        hasher.add(Self.program.modified)
        for (name, url) in files {
            guard let data = FileBytes.read(url.path) else { return nil }
            hasher.add(UInt64(name.utf8.count))
            hasher.add(name.utf8)
            hasher.add(UInt64(data.count))
            data.withUnsafeBytes { hasher.add($0) }
        }
        return hasher.value
    }

    /// Writes `bytes` to `file` through a staging file in the same folder and a
    /// rename; any failure leaves no file behind and is otherwise ignored.
    private func store(_ bytes: [UInt8], at file: URL) {
        let manager = FileManager.default
        guard (try? manager.createDirectory(at: folder, withIntermediateDirectories: true)) != nil else { return }
        let staging = folder.appendingPathComponent(".\(file.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        do {
            try Data(bytes).write(to: staging)
        } catch {
            try? manager.removeItem(at: staging)
            return
        }
        if rename(staging.path, file.path) != 0 {
            try? manager.removeItem(at: staging)
            return
        }
        prune(keeping: file)
    }

    /// The most compiled files a cache folder keeps (about 4 MB each): every
    /// ontology folder and program has its own, and temporary ones (tests,
    /// `--ontology` on a scratch copy) would otherwise pile up.
    public static let maximumFiles = 8

    /// Removes the least recently used compiled files beyond ``maximumFiles``
    /// (a file is marked used when read), never `kept`.
    private func prune(keeping kept: URL) {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: folder.path) else { return }
        var files: [(url: URL, used: Date)] = []
        for name in names where name.hasPrefix("lexicon-") && name.hasSuffix(".bin") {
            let url = folder.appendingPathComponent(name)
            let used = (try? manager.attributesOfItem(atPath: url.path)[.modificationDate] as? Date) ?? .distantPast
            files.append((url, used))
        }
        guard files.count > Self.maximumFiles else { return }
        files.sort { $0.used != $1.used ? $0.used > $1.used : $0.url.lastPathComponent < $1.url.lastPathComponent }
        for old in files.dropFirst(Self.maximumFiles) where old.url.lastPathComponent != kept.lastPathComponent {
            try? manager.removeItem(at: old.url)
        }
    }
}
