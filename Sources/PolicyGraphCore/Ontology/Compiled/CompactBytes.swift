/// Little-endian binary writing and bounds-checked reading for the compiled
/// lexicon file (``CompiledLexiconFile``). Every read checks the remaining
/// length, so a truncated or foreign file fails to decode instead of trapping.
struct CompactWriter {
    private(set) var bytes: [UInt8] = []

    mutating func integer<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func count(_ value: Int) { integer(UInt32(truncatingIfNeeded: value)) }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func string(_ value: String) {
        count(value.utf8.count)
        bytes.append(contentsOf: value.utf8)
    }

    mutating func strings(_ values: [String]) {
        count(values.count)
        for value in values { string(value) }
    }

    /// An array of fixed-width integers, copied as one block.
    mutating func block<T: FixedWidthInteger>(_ values: [T]) {
        count(values.count)
        for value in values { integer(value) }
    }
}

/// Why a compiled lexicon file was not used.
struct CompactFormatError: Error, Equatable {
    let reason: String
}

struct CompactReader {
    private let bytes: [UInt8]
    private(set) var offset: Int

    init(_ bytes: [UInt8], from offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func integer<T: FixedWidthInteger>(_: T.Type = T.self) throws(CompactFormatError) -> T {
        let size = MemoryLayout<T>.size
        guard bytes.count - offset >= size else { throw CompactFormatError(reason: "truncated") }
        var value: T = 0
        withUnsafeMutableBytes(of: &value) { target in
            bytes.withUnsafeBytes { source in
                target.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<offset + size]))
            }
        }
        offset += size
        return T(littleEndian: value)
    }

    /// A count, no larger than the bytes left could hold at `minimumSize` bytes an element.
    mutating func count(minimumSize: Int = 1) throws(CompactFormatError) -> Int {
        let value = Int(try integer(UInt32.self))
        guard value <= (bytes.count - offset) / max(1, minimumSize) else { throw CompactFormatError(reason: "count out of range") }
        return value
    }

    mutating func bool() throws(CompactFormatError) -> Bool {
        switch try integer(UInt8.self) {
        case 0: return false
        case 1: return true
        default: throw CompactFormatError(reason: "not a flag")
        }
    }

    mutating func string() throws(CompactFormatError) -> String {
        let length = try count()
        let value = String(decoding: bytes[offset..<offset + length], as: UTF8.self)
        offset += length
        return value
    }

    mutating func strings() throws(CompactFormatError) -> [String] {
        let count = try count(minimumSize: 4)
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try string()) }
        return values
    }

    mutating func block<T: FixedWidthInteger>(_: T.Type = T.self) throws(CompactFormatError) -> [T] {
        let count = try count(minimumSize: MemoryLayout<T>.size)
        let size = count * MemoryLayout<T>.size
        let start = offset
        let values = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            bytes.withUnsafeBytes { source in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: source[start..<start + size]))
            }
            initialized = count
        }
        offset += size
        return values.map { T(littleEndian: $0) }
    }
}

/// FNV-1a, 64 bits: the content hash and checksum of the compiled file (not
/// cryptographic; it tells a stale or damaged file from a current one).
struct FNV1a {
    private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    mutating func add(_ bytes: some Sequence<UInt8>) {
        var hash = value
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        value = hash
    }

    mutating func add(_ buffer: UnsafeRawBufferPointer) {
        var hash = value
        for byte in buffer { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        value = hash
    }

    mutating func add(_ number: UInt64) {
        withUnsafeBytes(of: number.littleEndian) { add($0) }
    }

    static func hash(_ bytes: [UInt8]) -> UInt64 {
        var hasher = FNV1a()
        bytes.withUnsafeBytes { hasher.add($0) }
        return hasher.value
    }
}
