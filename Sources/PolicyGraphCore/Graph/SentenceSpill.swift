import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a sentence kept by a ``SentenceSpill`` is: its first byte and its length.
public struct SentenceRef: Hashable, Sendable {
    let offset: Int
    let length: UInt32

    /// No sentence (`nil`, not the empty one).
    static let none = SentenceRef(offset: -1, length: 0)
}

/// The sentences of the `mentioned_in` sources while a graph is built: written
/// once each, read back when an export asks for them. With a path they go to a
/// scratch file, so memory does not grow with the corpus' text; without one
/// they are kept in one byte buffer. The scratch file is unlinked as soon as
/// it is open: it takes disk space only while the spill lives, and nothing is
/// left behind by a build that fails or is interrupted.
///
/// ```swift
/// let spill = try SentenceSpill(scratchFile: "store.sqlite.building-sentences")
/// let ref = spill.append("工信部印发方案。")
/// try spill.finishWriting()
/// try spill.text(ref)   // "工信部印发方案。"
/// ```
///
/// Written by one thread; after ``finishWriting()`` it is only read (the file
/// mapped into memory, or `pread` if it cannot be), and reads from several
/// threads at once are safe.
public final class SentenceSpill: @unchecked Sendable {
    /// The scratch file, if any (unlinked once open).
    public let path: String?
    private var descriptor: Int32 = -1
    private var buffer: [UInt8] = []
    /// Bytes written to the file so far (the buffer follows them).
    private var flushed = 0
    /// The first write error: ``append(_:)`` cannot throw, ``finishWriting()`` reports it.
    private var failure: String?
    /// The scratch file mapped into memory once written (read without a system call per sentence);
    /// `nil` if it could not be mapped (then each sentence is read with `pread`).
    private var mapped: UnsafeRawBufferPointer?
    private static let bufferSize = 1 << 20

    /// Sentences kept in memory.
    public init() { path = nil }

    /// Sentences kept in a scratch file at `path` (created, replacing any, and unlinked at once).
    public init(scratchFile path: String) throws(StreamedFileError) {
        self.path = path
        descriptor = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw StreamedFileError(path: path, reason: IOErrorMessage.describe(errno: errno)) }
        unlink(path)
        buffer.reserveCapacity(Self.bufferSize)
    }

    deinit {
        if let mapped { munmap(UnsafeMutableRawPointer(mutating: mapped.baseAddress), mapped.count) }
        if descriptor >= 0 { close(descriptor) }
    }

    /// Keeps `sentence` and says where it is.
    public func append(_ sentence: String) -> SentenceRef {
        var sentence = sentence
        let offset = flushed + buffer.count
        let length = sentence.withUTF8 { bytes in
            buffer.append(contentsOf: bytes)
            return bytes.count
        }
        if descriptor >= 0, buffer.count >= Self.bufferSize { flush() }
        return SentenceRef(offset: offset, length: UInt32(clamping: length))
    }

    private func flush() {
        guard failure == nil else {
            buffer.removeAll(keepingCapacity: true)
            return
        }
        var written = 0
        while written < buffer.count {
            let count = buffer.withUnsafeBytes { bytes in
                writeBytes(descriptor, bytes.baseAddress! + written, bytes.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                failure = IOErrorMessage.describe(errno: errno)
                break
            }
            written += count
        }
        flushed += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered; after this the spill is only read.
    /// - Throws: ``StreamedFileError`` if a write failed (a full disk).
    public func finishWriting() throws(StreamedFileError) {
        if descriptor >= 0 {
            flush()
            buffer = []
        }
        if let failure { throw StreamedFileError(path: path ?? "sentences", reason: failure) }
        if descriptor >= 0, flushed > 0, mapped == nil,
           let address = mmap(nil, flushed, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED {
            mapped = UnsafeRawBufferPointer(start: address, count: flushed)
        }
    }

    /// Calls `body` with the UTF-8 bytes of the sentence at `ref` (valid UTF-8: they were a
    /// `String`'s), or with `nil` for ``SentenceRef/none``; no `String` is made.
    public func withBytes<Result>(_ ref: SentenceRef, _ body: (UnsafeRawBufferPointer?) throws -> Result) throws -> Result {
        guard ref.offset >= 0 else { return try body(nil) }
        let length = Int(ref.length)
        if descriptor < 0 {
            return try buffer[ref.offset..<(ref.offset + length)].withUnsafeBytes { try body($0) }
        }
        if let mapped, ref.offset + length <= mapped.count {
            return try body(UnsafeRawBufferPointer(rebasing: mapped[ref.offset..<(ref.offset + length)]))
        }
        // Not mapped: read with `pread`.
        let bytes = Array((try text(ref) ?? "").utf8)
        return try bytes.withUnsafeBytes { try body($0) }
    }

    /// The sentence at `ref` (`nil` for ``SentenceRef/none``).
    public func text(_ ref: SentenceRef) throws(StreamedFileError) -> String? {
        guard ref.offset >= 0 else { return nil }
        let length = Int(ref.length)
        guard descriptor >= 0 else {
            return String(decoding: buffer[ref.offset..<(ref.offset + length)], as: UTF8.self)
        }
        if let mapped, ref.offset + length <= mapped.count {
            return String(decoding: UnsafeRawBufferPointer(rebasing: mapped[ref.offset..<(ref.offset + length)]), as: UTF8.self)
        }
        var failed: Int32 = 0
        let text = String(unsafeUninitializedCapacity: length) { target in
            var read = 0
            while read < length {
                let count = pread(descriptor, target.baseAddress! + read, length - read, off_t(ref.offset + read))
                if count < 0, errno == EINTR { continue }
                guard count > 0 else {
                    failed = count < 0 ? errno : EIO
                    return 0
                }
                read += count
            }
            return length
        }
        if failed != 0 { throw StreamedFileError(path: path ?? "sentences", reason: IOErrorMessage.describe(errno: failed)) }
        return text
    }
}

/// `write(2)`, named apart from methods called `write`.
@inline(__always)
private func writeBytes(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
