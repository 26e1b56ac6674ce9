import Testing
@testable import PolicyGraphStore

/// ``BindArena`` hands out copies that keep their bytes until the arena is reset, lie in
/// chunks no smaller than the value, and are reused from the first chunk after a reset.
@Suite struct BindArenaTests {
    /// The bytes at a copy's pointer.
    static func bytes(_ pointer: UnsafePointer<CChar>, _ count: Int) -> [UInt8] {
        UnsafeRawBufferPointer(start: UnsafeRawPointer(pointer), count: count).map { $0 }
    }

    /// Values of every size against the chunk (empty, smaller, exactly one chunk, larger, UTF-8
    /// of non-BMP scalars, combining marks and CR LF) all read back as given until the reset.
    @Test(arguments: [1, 2, 5, 16, 64 * 1024])
    func copiesKeepTheirBytesUntilTheReset(chunkSize: Int) {
        let arena = BindArena(chunkSize: chunkSize)
        let values: [[UInt8]] = ["", "a", "12345", "0123456789abcdef", "𠀀😀", "cafe\u{301}", "a\r\nb", String(repeating: "部", count: 30), ""]
            .map { Array($0.utf8) }
        for round in 0..<3 {
            var copies: [(UnsafePointer<CChar>, [UInt8])] = []
            for value in values + values.reversed() {
                let pointer = value.withUnsafeBytes { arena.copy($0) }
                copies.append((pointer, value))
            }
            for (pointer, value) in copies { #expect(Self.bytes(pointer, value.count) == value, "round \(round)") }
            arena.reset()
        }
    }

    /// A reset makes the arena's chunks free again: the same values take no new chunk.
    @Test func aResetReusesTheChunks() {
        let arena = BindArena(chunkSize: 8)
        let values = ["1234", "5678", "90", "abcdefghij", "k"].map { Array($0.utf8) }
        for value in values { _ = value.withUnsafeBytes { arena.copy($0) } }
        let made = arena.chunkCount
        for _ in 0..<5 {
            arena.reset()
            for value in values { _ = value.withUnsafeBytes { arena.copy($0) } }
        }
        #expect(arena.chunkCount == made)
    }
}
