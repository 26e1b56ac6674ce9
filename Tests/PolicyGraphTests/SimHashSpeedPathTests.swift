import Foundation
import Testing
@testable import PolicyGraphStore

/// The SimHash's open-addressing table of distinct shingles gives what the `Set` of them,
/// summed in sorted order, gave: the same hash and the same shingle count.
@Suite struct SimHashSpeedPathTests {
    /// The SimHash as first written: a `Set` of the mixed shingle hashes, each voting ±1 per bit.
    static func reference(_ bytes: [UInt8]) -> (UInt64, Int) {
        let length = DocumentFingerprint.shingleLength
        var starts: [Int] = []
        var characters: [UInt8] = []
        for byte in bytes where byte != 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D {
            if byte & 0xC0 != 0x80 { starts.append(characters.count) }
            characters.append(byte)
        }
        guard starts.count >= length else { return (0, 0) }
        var seen = Set<UInt64>()
        for first in 0...(starts.count - length) {
            let end = first + length < starts.count ? starts[first + length] : characters.count
            var hash = DocumentFingerprint.offsetBasis
            for index in starts[first]..<end { hash = DocumentFingerprint.fnv1a(hash, characters[index]) }
            hash ^= hash >> 30; hash = hash &* 0xbf58_476d_1ce4_e5b9
            hash ^= hash >> 27; hash = hash &* 0x94d0_49bb_1331_11eb
            hash ^= hash >> 31
            seen.insert(hash)
        }
        var votes = [Int](repeating: 0, count: 64)
        for hash in seen.sorted() {
            for bit in 0..<64 { votes[bit] += (hash >> UInt64(bit)) & 1 == 1 ? 1 : -1 }
        }
        var result: UInt64 = 0
        for bit in 0..<64 where votes[bit] > 0 { result |= 1 << UInt64(bit) }
        return (result, seen.count)
    }

    @Test func seedsAndDevTextsHashAsBefore() throws {
        let folders = [repositoryRoot.appendingPathComponent("seeds"), fixturesDirectory.appendingPathComponent("dev/texts")]
        var compared = 0
        for folder in folders {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
                let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
                let (hash, count) = DocumentFingerprint.simhash(bytes)
                let (expectedHash, expectedCount) = Self.reference(bytes)
                #expect(hash == expectedHash && count == expectedCount, "\(name)")
                compared += 1
            }
        }
        #expect(compared >= 27)
    }

    /// Short, repetitive and malformed inputs: few distinct shingles, many repeats, cut sequences.
    @Test(arguments: [1, 2, 3, 4])
    func generatedBytesHashAsBefore(seed: UInt64) {
        var state = seed &* 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        let pieces: [[UInt8]] = ["国务院", "印发", "。", " ", "\n", "2025年", "abc", "固态电池"].map { Array($0.utf8) } + [[0xE4], [0x80], [0xFF]]
        for _ in 0..<60 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(next() % 400) { bytes += pieces[Int(next() % UInt64(pieces.count))] }
            let (hash, count) = DocumentFingerprint.simhash(bytes)
            let (expectedHash, expectedCount) = Self.reference(bytes)
            #expect(hash == expectedHash && count == expectedCount, "\(bytes)")
        }
    }
}
