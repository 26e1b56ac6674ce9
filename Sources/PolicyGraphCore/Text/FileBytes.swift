import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads whole files with POSIX calls. Foundation's `FileManager.contents(atPath:)`
/// leaks a buffer on an empty file (LeakSanitizer reports it), and every input,
/// ontology, metadata and graph file is read here instead.
public enum FileBytes {
    /// The bytes of the file at `path`, or `nil` when it cannot be read
    /// (missing, a folder, no permission: `errno` says which).
    public static func read(_ path: String) -> Data? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        var data = Data()
        if fstat(descriptor, &info) == 0, info.st_size > 0 { data.reserveCapacity(Int(info.st_size)) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { raw in
                #if canImport(Glibc)
                Glibc.read(descriptor, raw.baseAddress, raw.count)
                #else
                Darwin.read(descriptor, raw.baseAddress, raw.count)
                #endif
            }
            if count > 0 {
                data.append(contentsOf: buffer[0..<count])
            } else if count == 0 {
                return data
            } else if errno != EINTR {
                return nil
            }
        }
    }

    /// The bytes of the file at `path` as an array, or `nil` when it cannot be
    /// read (`errno` says why). A regular file is read straight into one array
    /// sized by `fstat`, with no intermediate buffer and no copy.
    public static func bytes(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        // One more byte than the size, so that the first read can also meet the end.
        var chunk = 1 << 16
        if fstat(descriptor, &info) == 0, info.st_size > 0, info.st_size < Int.max / 2 { chunk = Int(info.st_size) + 1 }
        var result: [UInt8] = []
        while true {
            var outcome = 0
            let piece = [UInt8](unsafeUninitializedCapacity: chunk) { buffer, initialized in
                #if canImport(Glibc)
                outcome = Glibc.read(descriptor, buffer.baseAddress, chunk)
                #else
                outcome = Darwin.read(descriptor, buffer.baseAddress, chunk)
                #endif
                initialized = max(0, outcome)
            }
            if outcome > 0 {
                if result.isEmpty { result = piece } else { result += piece }
                chunk = 1 << 16
            } else if outcome == 0 {
                return result
            } else if errno != EINTR {
                return nil
            }
        }
    }
}
