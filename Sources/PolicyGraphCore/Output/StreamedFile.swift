import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file written piece by piece through a buffer, so that a large output
/// (`extraction.json` of a whole corpus) is never held in memory.
///
/// The bytes go to a temporary file beside `path`, renamed over it by
/// ``finish()``: a reader never sees half a file, and a writer that fails or
/// is dropped unfinished removes its temporary file.
///
/// ```swift
/// let file = try StreamedFile(path: "Outputs/extraction.json")
/// try file.write(Array("[\n".utf8))
/// try file.finish()
/// ```
public final class StreamedFile {
    public let path: String
    private let temporary: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    /// Bytes gathered before each write(2).
    private static let bufferSize = 1 << 20

    /// Creates the temporary file (and the parent folder when needed).
    /// - Throws: ``StreamedFileError`` naming the file and what to do.
    public init(path: String) throws(StreamedFileError) {
        self.path = path
        let url = URL(fileURLWithPath: path)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw StreamedFileError(path: path, reason: IOErrorMessage.describe(errno: errno)) }
        buffer.reserveCapacity(Self.bufferSize)
    }

    deinit {
        if descriptor >= 0 {
            close(descriptor)
            unlink(temporary)
        }
    }

    /// Appends `bytes`.
    public func write(_ bytes: some Collection<UInt8>) throws(StreamedFileError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.bufferSize { try flush() }
    }

    /// Appends the bytes of `data`.
    public func write(_ data: Data) throws(StreamedFileError) {
        buffer.append(contentsOf: data)
        if buffer.count >= Self.bufferSize { try flush() }
    }

    private func flush() throws(StreamedFileError) {
        guard descriptor >= 0 else { throw StreamedFileError(path: path, reason: "written after it was finished") }
        var written = 0
        while written < buffer.count {
            let count = buffer.withUnsafeBytes { raw in
                #if canImport(Glibc)
                Glibc.write(descriptor, raw.baseAddress! + written, raw.count - written)
                #else
                Darwin.write(descriptor, raw.baseAddress! + written, raw.count - written)
                #endif
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw StreamedFileError(path: path, reason: IOErrorMessage.describe(errno: errno))
            }
            written += count
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered, closes the file and renames it to ``path``.
    public func finish() throws(StreamedFileError) {
        try flush()
        let result = close(descriptor)
        descriptor = -1
        guard result == 0 else {
            let reason = IOErrorMessage.describe(errno: errno)
            unlink(temporary)
            throw StreamedFileError(path: path, reason: reason)
        }
        guard rename(temporary, path) == 0 else {
            let reason = IOErrorMessage.describe(errno: errno)
            unlink(temporary)
            throw StreamedFileError(path: path, reason: reason)
        }
    }
}

/// A streamed file that could not be written: which, and what to do.
public struct StreamedFileError: Error, LocalizedError, Sendable, Equatable {
    public let path: String
    public let reason: String
    public var errorDescription: String? { "\(path): \(reason)" }
}
