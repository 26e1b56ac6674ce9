import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An output folder replaced as a whole: files are written into a staging
/// folder beside it, which takes its place only when every file succeeded.
///
/// ```swift
/// let output = try StagedOutputFolder(replacing: "Outputs")   // takes the lock
/// try AtomicFile.write(data, to: output.path(for: "graph.json"))
/// try output.commit()                                          // Outputs/ is the new set
/// ```
///
/// While the value lives it holds an exclusive lock (`.Outputs.lock` beside the
/// folder), so two builds on one folder never mix their files: the second waits.
/// Until ``commit()`` the old folder is untouched; ``discard()`` (or an
/// interrupted process, on its next run) removes the staging folder.
public final class StagedOutputFolder {
    /// The folder that the set replaces.
    public let destination: URL
    /// The folder the set is written into: `.NAME.staging.PID` beside ``destination``.
    public let staging: URL
    private let lockDescriptor: Int32
    private var finished = false

    /// Takes the lock of `destination` (calling `onWait` first if another
    /// process holds it), removes stale staging folders and creates a fresh one.
    ///
    /// Refuses a destination that exists but is not an output folder (a file, or
    /// a non-empty folder without `graph.json` or `extraction.json`), so that a
    /// mistyped `-o` never replaces an unrelated folder.
    public init(replacing destination: String, onWait: () -> Void = {}) throws(OutputFolderError) {
        let url = URL(fileURLWithPath: destination).standardizedFileURL
        let parent = url.deletingLastPathComponent()
        let name = url.lastPathComponent
        self.destination = url
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: url.path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw .notAFolder(path: destination) }
            let contents = (try? manager.contentsOfDirectory(atPath: url.path)) ?? []
            if !contents.isEmpty, !contents.contains("graph.json"), !contents.contains("extraction.json") {
                throw .notAnOutputFolder(path: destination)
            }
        }
        do { try manager.createDirectory(at: parent, withIntermediateDirectories: true) } catch {
            throw .io(path: parent.path, message: IOErrorMessage.describe(error))
        }
        let lockPath = parent.appendingPathComponent(".\(name).lock").path
        let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .io(path: lockPath, message: IOErrorMessage.describe(errno: errno)) }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            onWait()
            guard flock(descriptor, LOCK_EX) == 0 else {
                let code = errno
                close(descriptor)
                throw .io(path: lockPath, message: IOErrorMessage.describe(errno: code))
            }
        }
        lockDescriptor = descriptor
        // Whoever held the lock before is done: staging folders left now are
        // from killed processes.
        let prefix = ".\(name).staging."
        for entry in (try? manager.contentsOfDirectory(atPath: parent.path)) ?? [] where entry.hasPrefix(prefix) || entry.hasPrefix(".\(name).old.") {
            let stale = parent.appendingPathComponent(entry)
            // A process killed between the two renames of a swap left the old set aside: put it back.
            if entry.hasPrefix(".\(name).old."), !manager.fileExists(atPath: url.path), rename(stale.path, url.path) == 0 { continue }
            try? manager.removeItem(at: stale)
        }
        staging = parent.appendingPathComponent(prefix + String(getpid()))
        do { try manager.createDirectory(at: staging, withIntermediateDirectories: false) } catch {
            close(descriptor)
            throw .io(path: staging.path, message: IOErrorMessage.describe(error))
        }
    }

    deinit {
        if !finished { try? FileManager.default.removeItem(at: staging) }
        close(lockDescriptor)
    }

    /// The path of file `name` in the staging folder.
    public func path(for name: String) -> String { staging.appendingPathComponent(name).path }

    /// Puts the staged set in place of the destination, then removes the old set.
    public func commit() throws(OutputFolderError) {
        guard !finished else { return }
        let manager = FileManager.default
        let old = destination.deletingLastPathComponent().appendingPathComponent(".\(destination.lastPathComponent).old.\(getpid())")
        let hadOld = manager.fileExists(atPath: destination.path)
        if hadOld, rename(destination.path, old.path) != 0 {
            throw .io(path: destination.path, message: IOErrorMessage.describe(errno: errno))
        }
        if rename(staging.path, destination.path) != 0 {
            let code = errno
            if hadOld { _ = rename(old.path, destination.path) }
            throw .io(path: destination.path, message: IOErrorMessage.describe(errno: code))
        }
        finished = true
        if hadOld { try? manager.removeItem(at: old) }
    }

    /// Removes the staging folder; the destination stays as it was.
    public func discard() {
        guard !finished else { return }
        finished = true
        try? FileManager.default.removeItem(at: staging)
    }
}

/// Why an output folder could not be prepared or replaced.
public enum OutputFolderError: Error, Equatable, Sendable, LocalizedError {
    case notAFolder(path: String)
    case notAnOutputFolder(path: String)
    case io(path: String, message: String)

    public var errorDescription: String? {
        switch self {
        case let .notAFolder(path):
            return "\(path): exists and is not a folder. Give a folder for the outputs with -o."
        case let .notAnOutputFolder(path):
            return "\(path): is a folder of other files (no graph.json or extraction.json), which a build would replace. "
                + "Give a new or empty folder, or an earlier output folder, with -o."
        case let .io(path, message):
            return "\(path): \(message)"
        }
    }
}
